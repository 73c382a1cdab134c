// `bz-comments`: defines the tag (see comments.component.ts for the element).
import { defineElement } from '../shared/define.ts';
import { BzComments } from './comments.component.ts';

export type { CommentsAnswer, PublishedComment } from './api.ts';
export { BzComments } from './comments.component.ts';
export type { BzCommentSentDetail } from './events.ts';

defineElement('bz-comments', BzComments);

declare global {
  interface HTMLElementTagNameMap {
    'bz-comments': BzComments;
  }
}
