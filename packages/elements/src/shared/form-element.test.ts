import { expect, fixture, html as fixtureHtml } from '@open-wc/testing';
import { html } from 'lit';
import { defineElement } from './define.ts';
import { errorSummary } from './error-summary.ts';
import { FormElement } from './form/form-element.ts';

// The forms' base (shared/form/form-element.ts) on a small test form in a real browser: its
// state renders, problems move focus to the error summary, focus lands after the next render.

type Problems = Partial<Record<'note', string>>;

class TestForm extends FormElement<{ note: string }, Problems> {
  constructor() {
    super();
    this.values = { note: '' };
  }

  protected override renderContent() {
    const problem = this.problems.note;
    return html`
      ${errorSummary(problem ? [{ fieldId: 'note', message: problem }] : [])}
      <input id="note" name="note" .value=${this.values.note} />
      <p id="state">${this.sending ? 'sending' : 'idle'} ${this.failure?.kind ?? 'no failure'}</p>
      <h2 id="done" tabindex="-1">Done</h2>
    `;
  }

  // The protected steps, for the test.
  check = (problems: Problems) => this.showProblems(problems);
  focusOn = (selector?: string) => this.focusAfterUpdate(selector);
  shownAtNow = () => this.shownAt;
}
defineElement('bz-test-form', TestForm);

const text = (el: TestForm, id: string) =>
  el.shadowRoot?.getElementById(id)?.textContent?.replace(/\s+/g, ' ').trim();

describe('FormElement (the forms base)', () => {
  it('starts empty and idle, and notes when the form was first shown', async () => {
    const before = Date.now();
    const el = await fixture<TestForm>(fixtureHtml`<bz-test-form></bz-test-form>`);
    expect(text(el, 'state')).to.equal('idle no failure');
    expect(el.shadowRoot?.querySelector('.error-summary')).to.equal(null);
    expect(el.shownAtNow()).to.be.within(before, Date.now());
  });

  it('shows problems, focusing the error summary, and reports whether there were none', async () => {
    const el = await fixture<TestForm>(fixtureHtml`<bz-test-form></bz-test-form>`);
    expect(await el.check({ note: 'Write a note' })).to.equal(false);
    const summary = el.shadowRoot?.querySelector('.error-summary');
    expect(summary?.textContent).to.contain('Write a note');
    expect(el.shadowRoot?.activeElement).to.equal(summary);
    expect(await el.check({})).to.equal(true);
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('.error-summary')).to.equal(null);
  });

  it('moves focus to what a selector finds once the next render is done', async () => {
    const el = await fixture<TestForm>(fixtureHtml`<bz-test-form></bz-test-form>`);
    await el.focusOn('#done');
    expect(el.shadowRoot?.activeElement?.id).to.equal('done');
    // Nothing matches: focus stays where it was.
    await el.focusOn('#missing');
    expect(el.shadowRoot?.activeElement?.id).to.equal('done');
  });
});
