// `bz-feedback-form`: defines the tag (see feedback-form.component.ts for the element).
import { defineElement } from '../shared/define.ts';
import { BzFeedbackForm } from './feedback-form.component.ts';

export type { BzQuickExitDetail } from '../shared/quick-exit.ts';
export type { FeedbackStatus, FeedbackStatusAnswer } from './api.ts';
export type { BzStatusDetail, BzSubmitDetail } from './events.ts';
export { BzFeedbackForm } from './feedback-form.component.ts';

defineElement('bz-feedback-form', BzFeedbackForm);

declare global {
  interface HTMLElementTagNameMap {
    'bz-feedback-form': BzFeedbackForm;
  }
}
