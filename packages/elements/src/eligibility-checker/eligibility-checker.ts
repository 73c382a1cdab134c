// `bz-eligibility-checker`: defines the tag (see eligibility-checker.component.ts for the element).
import { defineElement } from '../shared/define.ts';
import { BzEligibilityChecker } from './eligibility-checker.component.ts';

export type { BzQuickExitDetail } from '../shared/quick-exit.ts';
export { BzEligibilityChecker } from './eligibility-checker.component.ts';
export type { BzFindBaseDetail, BzResultDetail } from './events.ts';

defineElement('bz-eligibility-checker', BzEligibilityChecker);

declare global {
  interface HTMLElementTagNameMap {
    'bz-eligibility-checker': BzEligibilityChecker;
  }
}
