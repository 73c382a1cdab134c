import type { FeedbackStatus } from './api.ts';

// The events bz-feedback-form sends (through BzElement.emit): bubbling, composed, typed detail.

/** Detail of `bz-submit`: the tracking code the service gave (`4831-0967-2254-7195`, Latin digits). */
export interface BzSubmitDetail {
  code: string;
}

/** Detail of `bz-status`: the code looked up and its status. */
export interface BzStatusDetail {
  code: string;
  status: FeedbackStatus;
}

declare global {
  interface HTMLElementEventMap {
    'bz-submit': CustomEvent<BzSubmitDetail>;
    'bz-status': CustomEvent<BzStatusDetail>;
  }
}
