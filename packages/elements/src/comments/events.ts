// The event bz-comments sends (through BzElement.emit): bubbling, composed, typed detail.

/** Detail of `bz-comment-sent`: the tracking code of the comment (it waits for review). */
export interface BzCommentSentDetail {
  code: string;
  /** Code of the comment replied to, if it is a reply. */
  parent: string | undefined;
}

declare global {
  interface HTMLElementEventMap {
    'bz-comment-sent': CustomEvent<BzCommentSentDetail>;
  }
}
