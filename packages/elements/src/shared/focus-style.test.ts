import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { BzEligibilityChecker } from '../eligibility-checker/eligibility-checker.ts';
import '../eligibility-checker/eligibility-checker.ts';
import type { BzFeedbackForm } from '../feedback-form/feedback-form.ts';
import '../feedback-form/feedback-form.ts';

// One focus style for every widget (issue 18, item 7): the headings the checker and the feedback
// form move focus to show the same ring as their buttons, so a keyboard user sees where focus went.

const RULES = '/packages/elements/test-fixtures/programmes.json';

/**
 * The ring drawn around the focused element of `root`: its style and colours (its widths are in
 * em, so a heading's ring is as much thicker as its text is larger).
 */
function ring(root: ShadowRoot) {
  const active = root.activeElement as HTMLElement;
  const style = getComputedStyle(active);
  expect(Number.parseFloat(style.outlineWidth)).to.be.at.least(2);
  return {
    outline: `${style.outlineStyle} ${style.outlineColor}`,
    halo: /rgb\([^)]*\)/.exec(style.boxShadow)?.[0] ?? 'none',
  };
}

/** Presses Tab until `target` in `root` has focus. */
async function tabTo(root: ShadowRoot, target: Element) {
  for (let i = 0; i < 40 && root.activeElement !== target; i++) await sendKeys({ press: 'Tab' });
  expect(root.activeElement).to.equal(target);
}

describe('focus style', () => {
  afterEach(() => sessionStorage.clear());

  it('is the same ring on buttons and on the headings focus moves to, in the checker and the feedback form', async () => {
    const checker = await fixture<BzEligibilityChecker>(
      html`<bz-eligibility-checker lang="en" src=${RULES} programme="social-emergency"
        today="2025-06-01"></bz-eligibility-checker>`,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const root = checker.shadowRoot as ShadowRoot;
    for (let i = 0; i < 80 && !root.querySelector('form'); i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    (root.querySelector('input[value="no"]') as HTMLInputElement).click();
    const next = root.querySelector('form button.primary') as HTMLButtonElement;
    await tabTo(root, next);
    const buttonRing = ring(root);
    expect(buttonRing.outline).to.match(/^solid /);
    await sendKeys({ press: 'Enter' });
    // The next question comes from the steps add-on, which may still be on its way on a busy
    // machine: wait for focus to reach the heading rather than for one update.
    await waitUntil(
      () => root.activeElement?.id === 'heading',
      'focus did not move to the next question heading',
      { timeout: 5000 },
    );
    const headingRing = ring(root);
    expect(headingRing).to.deep.equal(buttonRing);

    const form = await fixture<BzFeedbackForm>(
      html`<bz-feedback-form lang="en" categories="question, complaint"></bz-feedback-form>`,
    );
    await form.updateComplete;
    const formRoot = form.shadowRoot as ShadowRoot;
    await tabTo(formRoot, formRoot.querySelector('button') as HTMLButtonElement);
    (formRoot.getElementById('heading') as HTMLElement).focus();
    expect(ring(formRoot)).to.deep.equal(headingRing);
  });
});
