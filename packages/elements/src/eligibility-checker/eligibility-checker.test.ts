import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { BzEligibilityChecker } from './eligibility-checker.ts';
import './eligibility-checker.ts';
// The steps add-on (reading answers, summary, results) is read by the widget once the rules are
// in; a person reads the question first, these tests answer at once: have it in already.
import './steps.ts';

const RULES = '/packages/elements/test-fixtures/programmes.json';
const KEY = 'bz-eligibility-checker';

const root = (el: BzEligibilityChecker) => el.shadowRoot as ShadowRoot;
const $ = <T extends Element = HTMLElement>(el: BzEligibilityChecker, selector: string) =>
  root(el).querySelector<T & Element>(selector) as T | null;
const headingText = (el: BzEligibilityChecker) => $(el, '#heading')?.textContent?.trim() ?? '';
const text = (el: BzEligibilityChecker) => root(el).textContent?.replace(/\s+/g, ' ') ?? '';

async function settle(el: BzEligibilityChecker) {
  await el.updateComplete;
  await new Promise((resolve) => setTimeout(resolve));
  await el.updateComplete;
}

async function loaded(el: BzEligibilityChecker) {
  await waitUntil(() => $(el, '#heading, .problem'), 'the checker did not render', {
    timeout: 4000,
  });
  await settle(el);
}

async function checker(attrs: { programme?: string; lang?: string } = {}) {
  const el = await fixture<BzEligibilityChecker>(
    html`<bz-eligibility-checker src=${RULES} programme=${attrs.programme ?? ''}
      lang=${attrs.lang ?? 'fa'} today="2025-06-01" exit-url="https://example.org/"></bz-eligibility-checker>`,
  );
  await loaded(el);
  return el;
}

/** Answers the current question with the mouse-free helpers: a radio/checkbox value or text. */
async function answer(el: BzEligibilityChecker, value: string | string[]) {
  const form = $<HTMLFormElement>(el, 'form') as HTMLFormElement;
  const values = Array.isArray(value) ? value : [value];
  const choices = [...form.querySelectorAll<HTMLInputElement>('.choice input')];
  if (choices.length > 0) {
    for (const input of choices) input.checked = values.includes(input.value);
  } else {
    const input = form.querySelector<HTMLInputElement>('input[type="text"]') as HTMLInputElement;
    input.value = values[0] ?? '';
  }
  await submit(el);
}

async function submit(el: BzEligibilityChecker) {
  $<HTMLButtonElement>(el, 'form button.primary')?.click();
  await settle(el);
}

/** Presses Tab until the focused element in the shadow root matches. */
async function tabTo(el: BzEligibilityChecker, matches: (active: Element) => boolean) {
  for (let i = 0; i < 40; i++) {
    await sendKeys({ press: 'Tab' });
    const active = root(el).activeElement;
    if (active && matches(active)) return active;
  }
  throw new Error('focus never reached the control');
}

const isContinue = (active: Element) => active.matches('button.primary');

/**
 * Scrolls the page so that `control` sits just below the top of the viewport, where the sticky
 * bar covers it: a browser sees it as visible and would not scroll on focus without the
 * element's scroll margin.
 */
function scrollUnderBar(control: HTMLElement, bar: HTMLElement) {
  window.scrollBy(0, control.getBoundingClientRect().top - 4);
  expect(control.getBoundingClientRect().top).to.be.below(bar.getBoundingClientRect().bottom);
}

describe('bz-eligibility-checker', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => sessionStorage.clear());

  it('is completed with the keyboard alone, from the first question to the results', async () => {
    const el = await checker({ programme: 'social-emergency', lang: 'en' });
    expect(headingText(el)).to.contain('in danger');
    $(el, '#heading')?.focus();
    await tabTo(el, (a) => a.matches('input[value="yes"]'));
    await sendKeys({ press: 'ArrowDown' }); // moves to and selects "No"
    expect($<HTMLInputElement>(el, 'input[value="no"]')?.checked).to.equal(true);
    await tabTo(el, isContinue);
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(root(el).activeElement?.id).to.equal('heading');
    expect($(el, '.progress')?.textContent).to.contain('Question 2');
    await tabTo(el, (a) => a.matches('input[value="family_conflict"]'));
    await sendKeys({ press: ' ' });
    await tabTo(el, isContinue);
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(headingText(el)).to.equal('Check your answers');
    expect(root(el).activeElement?.id).to.equal('heading');
    const resultEvent = oneEvent(el, 'bz-result');
    await tabTo(el, (a) => a.matches('button.primary'));
    await sendKeys({ press: 'Enter' });
    const { detail } = await resultEvent;
    await settle(el);
    expect(detail.outcomes).to.deep.equal({ 'social-emergency': 'maybe' });
    expect(headingText(el)).to.equal('Results');
    expect(root(el).activeElement?.id).to.equal('heading');
    expect(text(el)).to.contain('May fit your answers');
    expect(text(el)).to.contain('Serious family conflict');
  });

  it('moves focus to each new question heading and announces progress politely', async () => {
    const el = await checker({ programme: 'women-heads-of-household' });
    const status = $(el, '[role="status"]');
    expect(status?.textContent).to.contain('پرسش ۱');
    await answer(el, 'yes');
    expect(root(el).activeElement?.id).to.equal('heading');
    expect(headingText(el)).to.equal('چند سال دارید؟');
    expect(status?.textContent).to.contain('پرسش ۲');
    await answer(el, '34');
    expect(root(el).activeElement?.id).to.equal('heading');
    expect(headingText(el)).to.contain('درآمد ماهانه');
  });

  it('accepts Persian and Arabic-Indic digits with separators, and lists household members', async () => {
    const el = await checker({ programme: 'women-heads-of-household' });
    await answer(el, 'yes');
    await answer(el, '۳۴');
    await answer(el, '۹٬۰۰۰٬۰۰۰');
    expect(headingText(el)).to.contain('چه کسانی');
    $<HTMLButtonElement>(el, '#add-member')?.click();
    await settle(el);
    expect(root(el).activeElement?.id).to.equal('f-m0-member_age');
    ($<HTMLInputElement>(el, '#f-m0-member_age') as HTMLInputElement).value = '٧';
    ($<HTMLInputElement>(el, '#f-m0-member_disability-1') as HTMLInputElement).checked = true;
    $<HTMLButtonElement>(el, '#add-member')?.click();
    await settle(el);
    // typed values survive adding another person
    expect($<HTMLInputElement>(el, '#f-m0-member_age')?.value).to.equal('٧');
    root(el).querySelectorAll<HTMLButtonElement>('.member button')[1]?.click();
    await settle(el);
    expect(root(el).querySelectorAll('.member').length).to.equal(1);
    await submit(el);
    expect(headingText(el)).to.equal('پاسخ‌هایتان را بررسی کنید');
    expect(el.answers.answers).to.deep.equal({
      woman_head_of_household: true,
      age: 34,
      monthly_income: 9_000_000,
      household: [{ member_age: 7, member_disability: false }],
    });
    expect(text(el)).to.contain('۹٬۰۰۰٬۰۰۰ تومان');
    $<HTMLButtonElement>(el, 'button.primary')?.click();
    await settle(el);
    expect($(el, '.group.likely')?.textContent).to.contain('توانمندسازی زنان سرپرست خانوار');
    expect($(el, '.group.likely')?.textContent).to.contain('شناسنامهٔ فرزندان زیر ۱۸ سال');
  });

  it('lists several chosen answers with the language’s own list pattern', async () => {
    const chosen = ['domestic_violence', 'child_at_risk', 'family_conflict'];
    for (const [lang, words] of [
      ['fa', ['خشونت در خانه', 'کودکی که آزار یا بی‌توجهی می‌بیند', 'اختلاف شدید خانوادگی']],
      ['en', ['Violence at home', 'A child who is harmed or neglected', 'Serious family conflict']],
    ] as const) {
      const el = await checker({ programme: 'social-emergency', lang });
      await answer(el, 'no');
      await answer(el, chosen);
      const summary = text(el);
      // «الف، ب و ج» / "a, b, and c": one mechanism (Intl.ListFormat), the last item joined by
      // the language's «و» / "and", not a bare separator.
      expect(summary).to.contain(new Intl.ListFormat(lang).format(words));
      expect(summary).to.contain(lang === 'fa' ? ` و ${words[2]}` : `, and ${words[2]}`);
      expect(summary).not.to.contain(`${words[1]}${lang === 'fa' ? '، ' : ', '}${words[2]}`);
      el.remove();
    }
  });

  it('shows each problem by its field and in an error summary that links to the field', async () => {
    const el = await checker({ programme: 'women-heads-of-household', lang: 'en' });
    await submit(el);
    expect(root(el).activeElement?.classList.contains('error-summary')).to.equal(true);
    expect($(el, '.error-summary')?.textContent).to.contain('No answer selected');
    await answer(el, 'yes');
    await answer(el, '');
    const link = $<HTMLAnchorElement>(el, '.error-summary a');
    expect(link?.textContent).to.contain('No answer entered: enter a number');
    expect($(el, '#f-age-error')?.textContent).to.contain('No answer entered');
    expect($(el, '#f-age')?.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#f-age')?.getAttribute('aria-describedby')).to.contain('f-age-error');
    link?.click();
    expect(root(el).activeElement?.id).to.equal('f-age');
    await answer(el, 'abc');
    expect($(el, '#f-age-error')?.textContent).to.contain('This is not a number');
    await answer(el, '12.5');
    expect($(el, '#f-age-error')?.textContent).to.contain('must be whole');
    await answer(el, '130');
    expect($(el, '#f-age-error')?.textContent).to.contain('too large: enter 120 or less');
    await expect(el).to.be.accessible();
    await answer(el, '40');
    expect($(el, '.error-summary')).to.equal(null);
  });

  it('refuses a date in the future and reads Solar Hijri dates in Persian digits', async () => {
    const el = await checker({ programme: 'return-of-children-to-families' });
    await answer(el, 'yes');
    await answer(el, 'parent');
    expect(headingText(el)).to.contain('از چه تاریخی');
    await answer(el, '۱۴۱۰/۰۱/۰۱');
    expect($(el, '.field-error')?.textContent).to.contain('آینده');
    await answer(el, '۱۴۰۳/۰۲/۱۵');
    expect(el.answers.answers.care_start_date).to.equal('2024-05-04');
    await answer(el, 'yes');
    await answer(el, 'yes');
    $<HTMLButtonElement>(el, 'button.primary')?.click();
    await settle(el);
    expect($(el, '.group.likely')?.textContent).to.contain('بازگشت کودکان');
  });

  it('goes back, and changes an answer from the summary then returns to the summary', async () => {
    const el = await checker({ programme: 'women-heads-of-household', lang: 'en' });
    await answer(el, 'yes');
    await answer(el, '34');
    $<HTMLButtonElement>(el, 'button.back')?.click();
    await settle(el);
    expect(headingText(el)).to.equal('How old are you?');
    expect(root(el).activeElement?.id).to.equal('heading');
    expect($<HTMLInputElement>(el, '#f-age')?.value).to.equal('34');
    await submit(el);
    expect(headingText(el)).to.contain('monthly income');
    await answer(el, '20000000'); // above the example limit: decided without the household
    expect(headingText(el)).to.equal('Check your answers');
    const rows = () => [...root(el).querySelectorAll('.row')].map((row) => row.textContent ?? '');
    expect(rows().length).to.equal(3);
    root(el).querySelectorAll<HTMLButtonElement>('.row button')[0]?.click();
    await settle(el);
    expect(headingText(el)).to.contain('Are you a woman');
    expect($<HTMLInputElement>(el, 'input[value="yes"]')?.checked).to.equal(true);
    await answer(el, 'no');
    expect(headingText(el)).to.equal('Check your answers');
    // the income follow-up no longer applies and is dropped
    expect(rows().some((row) => row.includes('monthly income'))).to.equal(false);
    expect(rows()[0]).to.contain('No');
    // Back from a question opened with "Change" returns to the summary
    root(el).querySelectorAll<HTMLButtonElement>('.row button')[0]?.click();
    await settle(el);
    $<HTMLButtonElement>(el, 'button.back')?.click();
    await settle(el);
    expect(headingText(el)).to.equal('Check your answers');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, 'button.primary')?.click();
    await settle(el);
    expect($(el, '.group.unlikely')?.textContent).to.contain('may not fit your answers');
    expect(text(el)).to.not.match(/not eligible/i);
    await expect(el).to.be.accessible();
  });

  it('makes no request and no navigation after the rules are loaded', async () => {
    const before = performance.getEntriesByType('resource').length;
    const calls: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      calls.push(String(input));
      return realFetch(input, init);
    };
    const submits: boolean[] = [];
    const onSubmit = (event: Event) => setTimeout(() => submits.push(event.defaultPrevented));
    try {
      const el = await checker({ programme: 'women-heads-of-household' });
      await waitUntil(() => performance.getEntriesByType('resource').length > before);
      expect(calls.length).to.equal(1);
      const afterLoad = performance.getEntriesByType('resource').length;
      root(el).addEventListener('submit', onSubmit, true);
      ($<HTMLInputElement>(el, '#resume') as HTMLInputElement).click();
      await answer(el, 'yes');
      await answer(el, '۳۴');
      await answer(el, '9000000');
      $<HTMLButtonElement>(el, '#add-member')?.click();
      await settle(el);
      ($<HTMLInputElement>(el, '#f-m0-member_age') as HTMLInputElement).value = '5';
      ($<HTMLInputElement>(el, '#f-m0-member_disability') as HTMLInputElement).checked = true;
      await submit(el);
      $<HTMLButtonElement>(el, 'button.primary')?.click();
      await settle(el);
      expect(headingText(el)).to.equal('نتیجه‌ها');
      expect(el.resultsText()).to.contain('توانمندسازی زنان سرپرست خانوار');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(calls.length).to.equal(1);
      expect(performance.getEntriesByType('resource').length).to.equal(afterLoad);
      expect(submits.length).to.be.greaterThan(3);
      expect(submits.every(Boolean)).to.equal(true);
      expect(location.pathname).to.not.contain('programmes');
    } finally {
      window.fetch = realFetch;
    }
  });

  it('stores nothing unless asked, then resumes from sessionStorage until restarted', async () => {
    const el = await checker({ programme: 'women-heads-of-household' });
    await answer(el, 'yes');
    expect(sessionStorage.length).to.equal(0);
    ($<HTMLInputElement>(el, '#resume') as HTMLInputElement).click();
    await settle(el);
    await answer(el, '40');
    const saved = JSON.parse(sessionStorage.getItem(`${KEY}:women-heads-of-household`) ?? '{}');
    expect(saved.answers).to.deep.equal({ woman_head_of_household: true, age: 40 });

    const again = await checker({ programme: 'women-heads-of-household' });
    expect(headingText(again)).to.contain('درآمد ماهانه');
    expect($<HTMLInputElement>(again, '#resume')?.checked).to.equal(true);
    await answer(again, '1000');
    await submit(again);
    $<HTMLButtonElement>(again, 'button.primary')?.click();
    await settle(again);
    [...root(again).querySelectorAll<HTMLButtonElement>('.actions button')].at(-1)?.click();
    await settle(again);
    expect(sessionStorage.getItem(`${KEY}:women-heads-of-household`)).to.equal(null);
    expect(again.answers.answers).to.deep.equal({});
    expect(headingText(again)).to.contain('آیا شما زنی هستید');
    expect(root(again).activeElement?.id).to.equal('heading');
  });

  it('clears the answers on quick exit (button and Shift three times) before leaving', async () => {
    const el = await checker({ programme: 'women-heads-of-household' });
    ($<HTMLInputElement>(el, '#resume') as HTMLInputElement).click();
    await answer(el, 'yes');
    expect(sessionStorage.length).to.equal(1);
    el.addEventListener('bz-quick-exit', (event) => event.preventDefault());
    const exit = oneEvent(el, 'bz-quick-exit');
    $<HTMLButtonElement>(el, '.exit')?.click();
    const { detail } = await exit;
    expect(detail.url).to.equal('https://example.org/');
    expect(el.answers.answers).to.deep.equal({});
    expect(sessionStorage.length).to.equal(0);

    await answer(el, 'no');
    expect(el.answers.answers).to.deep.equal({ woman_head_of_household: false });
    const keys = oneEvent(el, 'bz-quick-exit');
    for (let i = 0; i < 3; i++)
      document.dispatchEvent(new KeyboardEvent('keyup', { key: 'Shift', bubbles: true }));
    await keys;
    expect(el.answers.answers).to.deep.equal({});
  });

  it('limits the questions and results to the programme attribute', async () => {
    const el = await checker({ programme: 'social-emergency', lang: 'en' });
    await answer(el, 'yes');
    expect(headingText(el)).to.equal('Check your answers');
    const result = oneEvent(el, 'bz-result');
    $<HTMLButtonElement>(el, 'button.primary')?.click();
    expect((await result).detail.outcomes).to.deep.equal({ 'social-emergency': 'likely' });
    await settle(el);
    expect(root(el).querySelectorAll('.result').length).to.equal(1);
  });

  it('names a programme id that does not exist', async () => {
    const el = await checker({ programme: 'no-such-programme', lang: 'en' });
    expect($(el, '.problem')?.textContent).to.contain('no-such-programme');
    expect($(el, 'form')).to.equal(null);
  });

  it('offers the nearest base through an event, and shows that criteria are examples', async () => {
    const el = await checker({ programme: 'social-emergency', lang: 'en' });
    expect($(el, '.note')?.textContent).to.contain('examples');
    await answer(el, 'no');
    await answer(el, ['domestic_violence']);
    $<HTMLButtonElement>(el, 'button.primary')?.click();
    await settle(el);
    expect($(el, '.result')?.textContent).to.contain('The criteria of this programme are examples');
    const find = oneEvent(el, 'bz-find-base');
    [...root(el).querySelectorAll<HTMLButtonElement>('.links button')][0]?.click();
    expect((await find).detail).to.deep.equal({ programme: 'social-emergency' });
    const link = $<HTMLAnchorElement>(el, '.links a');
    expect(link?.href).to.equal(`${location.origin}/programmes/social-emergency`);
  });

  for (const [name, url, words] of [
    ['a missing file', '/__test__/status/404', 'problem sending the questions'],
    ['a server error', '/__test__/status/500', 'problem sending the questions'],
    ['a body that is not JSON', '/__test__/text', 'problem sending the questions'],
    ['an unreachable server', 'http://127.0.0.1:9/rules.json', 'check your internet connection'],
  ] as const) {
    it(`shows a message and a retry button for ${name}`, async () => {
      const el = await fixture<BzEligibilityChecker>(
        html`<bz-eligibility-checker lang="en" src=${url}></bz-eligibility-checker>`,
      );
      await loaded(el);
      expect($(el, '.problem')?.getAttribute('role')).to.equal('alert');
      expect($(el, '.problem')?.textContent).to.contain(words);
      expect($(el, '.problem button')?.textContent).to.contain('Try again');
      await expect(el).to.be.accessible();
    });
  }

  it('gives up on slow rules after its timeout, and tries again on request', async () => {
    const el = await fixture<BzEligibilityChecker>(
      html`<bz-eligibility-checker lang="en" timeout="100" src="/__test__/slow/400"></bz-eligibility-checker>`,
    );
    await loaded(el);
    expect($(el, '.problem')?.textContent).to.contain('check your internet connection');
    el.timeout = 3000;
    const errors: unknown[] = [];
    const realError = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      $<HTMLButtonElement>(el, '.problem button')?.click();
      await settle(el);
      expect(text(el)).to.contain('Loading the questions');
      // {"ok":true} arrives: it is JSON but not rules
      await waitUntil(() => $(el, '.problem')?.textContent?.includes('mistakes'));
      expect(errors.length).to.equal(1);
    } finally {
      console.error = realError;
    }
  });

  it('refuses invalid rules with a message and lists every problem in the console', async () => {
    const errors: string[] = [];
    const realError = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      const el = await fixture<BzEligibilityChecker>(
        html`<bz-eligibility-checker lang="fa" .programmes=${{
          programmes: [{ id: 'x', title: { fa: 'x' }, questions: [{ id: 'q', type: 'slider' }] }],
        }}></bz-eligibility-checker>`,
      );
      await loaded(el);
      expect($(el, '.problem')?.textContent).to.contain('قوانین برنامه‌ها اشتباه دارند');
      expect(errors.join('\n')).to.contain('programmes[0].questions');
      expect(errors.join('\n')).to.contain('programmes[0].rules');
      expect(errors.join('\n')).to.contain('programmes[0].otherwise');
      await expect(el).to.be.accessible();
    } finally {
      console.error = realError;
    }
  });

  it('passes axe on a question page, the summary and the results in Persian and English', async function () {
    // About twenty axe runs: on a busy shared machine they take longer than mocha's 5 s default.
    this.timeout(20_000);
    for (const lang of ['fa', 'en']) {
      const el = await checker({ lang });
      await expect(el).to.be.accessible();
      await answer(el, 'no'); // has_disability
      await expect(el).to.be.accessible(); // one-of
      await answer(el, 'village');
      await expect(el).to.be.accessible(); // household
      $<HTMLButtonElement>(el, '#add-member')?.click();
      await settle(el);
      await expect(el).to.be.accessible();
      while ($(el, 'form')) {
        const question = $(el, 'form');
        if (question?.querySelector('.member')) {
          ($<HTMLInputElement>(el, '#f-m0-member_age') as HTMLInputElement).value = '30';
          ($<HTMLInputElement>(el, '#f-m0-member_disability') as HTMLInputElement).checked = true;
          await submit(el);
        } else if (question?.querySelector('input[type="checkbox"]')) await answer(el, []);
        else if (question?.querySelector('input[value="no"]')) await answer(el, 'no');
        else if (question?.querySelector('input[type="radio"]'))
          await answer(
            el,
            ($<HTMLInputElement>(el, 'input[type="radio"]') as HTMLInputElement).value,
          );
        else await answer(el, '30');
      }
      expect($(el, 'dl')).to.exist;
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, 'button.primary')?.click();
      await settle(el);
      expect(root(el).querySelectorAll('.result').length).to.equal(5);
      await expect(el).to.be.accessible();
    }
  });

  it('fits a 320 px wide screen without scrolling sideways', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="inline-size: 320px"><bz-eligibility-checker src=${RULES} today="2025-06-01"></bz-eligibility-checker></div>`,
    );
    const el = wrapper.querySelector('bz-eligibility-checker') as BzEligibilityChecker;
    await loaded(el);
    const base = $(el, '[part="base"]') as HTMLElement;
    expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
  });

  it('never hides the focused control under the sticky quick-exit bar at 320 px', async () => {
    await setViewport({ width: 320, height: 480 });
    try {
      // A long host page, so the bar sticks while the person moves through the checker.
      const page = await fixture<HTMLDivElement>(
        html`<div><div style="block-size: 150vh"></div><bz-eligibility-checker src=${RULES}
          today="2025-06-01"></bz-eligibility-checker><div style="block-size: 300vh"></div></div>`,
      );
      const el = page.querySelector('bz-eligibility-checker') as BzEligibilityChecker;
      await loaded(el);
      const bar = $(el, '.top') as HTMLElement;
      const hint = $(el, '.quick-exit-hint') as HTMLElement;
      expect(hint.textContent?.trim()).to.contain('Shift');
      const controls = [
        ...root(el).querySelectorAll<HTMLElement>('#heading, form input, form button'),
      ];
      expect(controls.length).to.be.greaterThan(1);
      for (const control of controls) {
        // Put the control right under the bar, so focusing it must scroll it out from there.
        scrollUnderBar(control, bar);
        control.focus();
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const barBottom = bar.getBoundingClientRect().bottom;
        expect(control.getBoundingClientRect().top).to.be.at.least(barBottom - 1);
      }
    } finally {
      window.scrollTo(0, 0);
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('never hides a focused link or button of the results under the quick-exit bar at 320 px', async () => {
    await setViewport({ width: 320, height: 480 });
    try {
      const page = await fixture<HTMLDivElement>(
        html`<div><div style="block-size: 150vh"></div><bz-eligibility-checker src=${RULES}
          programme="social-emergency" lang="en" today="2025-06-01"
          locator-url="/locator/"></bz-eligibility-checker><div style="block-size: 300vh"></div></div>`,
      );
      const el = page.querySelector('bz-eligibility-checker') as BzEligibilityChecker;
      await loaded(el);
      await answer(el, 'no');
      await answer(el, ['domestic_violence']);
      $<HTMLButtonElement>(el, 'button.primary')?.click();
      await settle(el);
      const bar = $(el, '.top') as HTMLElement;
      const controls = [...root(el).querySelectorAll<HTMLElement>('.results a, .actions button')];
      expect(controls.length).to.be.greaterThan(3);
      for (const control of controls) {
        scrollUnderBar(control, bar);
        control.focus();
        await new Promise((resolve) => requestAnimationFrame(resolve));
        expect(control.getBoundingClientRect().top).to.be.at.least(
          bar.getBoundingClientRect().bottom - 1,
        );
      }
    } finally {
      window.scrollTo(0, 0);
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('loads its rules after being moved in the page while they were loading', async () => {
    const page = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('bz-eligibility-checker');
    el.setAttribute('src', RULES);
    el.setAttribute('lang', 'en');
    el.setAttribute('programme', 'social-emergency');
    page.append(el);
    await el.updateComplete;
    // Removing it aborts the load; a CMS putting it back must not leave it loading forever.
    el.remove();
    page.append(el);
    await loaded(el);
    expect(headingText(el)).to.contain('in danger');
  });
});
