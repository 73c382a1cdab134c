import type { Outcome } from '@behzisti/core/schemas';

// The events bz-eligibility-checker sends (through BzElement.emit): bubbling, composed, typed detail.

/** `bz-result`: the outcome per programme id (`undecided` only for rules that cannot decide). */
export interface BzResultDetail {
  outcomes: Record<string, Outcome | 'undecided'>;
}

/** `bz-find-base`: the programme whose "find the nearest service base" was chosen. */
export interface BzFindBaseDetail {
  programme: string;
}

declare global {
  interface HTMLElementEventMap {
    'bz-result': CustomEvent<BzResultDetail>;
    'bz-find-base': CustomEvent<BzFindBaseDetail>;
  }
}
