import { FeedbackStatusAnswerSchema } from '@behzisti/core/feedback-api';
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { BzFeedbackForm, BzQuickExitDetail } from './feedback-form.ts';
import './feedback-form.ts';
import { $, active, text, type } from '../../test/shadow-dom.ts';
import { codeOnlyTemplate } from './confirmation.template.ts';

// Against the REAL feedback service, mounted on the test server by
// test-fixtures/feedback-service.mjs: each test gets its own scenario (its own SQLite store), can
// switch failures on and off, and asks the store through the service's staff API.

const STAFF_TOKEN = 'test-staff-token-0123456789';

interface StoredItem {
  code: string;
  category: string;
  message: string;
  name?: string;
  contact?: string;
  anonymous: boolean;
  serviceBaseId?: string;
  pageUrl?: string;
  lang: string;
}
interface LogEntry {
  method: string;
  path: string;
  idempotencyKey?: string;
  outcome: string;
}

let counter = 0;
const newScenario = () => `ff${Date.now().toString(36)}${(counter++).toString(36)}`;
const endpointOf = (id: string, base = '') => `${base}/__feedback__/${id}/api/feedback`;

async function control(id: string, options: Record<string, unknown>): Promise<void> {
  const response = await fetch(`/__feedback__/${id}/control`, {
    method: 'POST',
    body: JSON.stringify(options),
  });
  expect(response.ok).to.equal(true);
}

/** What the real store holds, through the service's staff list. */
async function stored(id: string): Promise<{ total: number; items: StoredItem[] }> {
  const response = await fetch(endpointOf(id), {
    headers: { authorization: `Bearer ${STAFF_TOKEN}` },
  });
  return response.json();
}

async function requestLog(id: string): Promise<LogEntry[]> {
  return (await fetch(`/__feedback__/${id}/log`)).json();
}

const posts = async (id: string) => (await requestLog(id)).filter((e) => e.method === 'POST');

async function click(el: BzFeedbackForm, selector: string): Promise<void> {
  const target = $(el, selector);
  if (!target) throw new Error(`no ${selector}`);
  target.click();
  await el.updateComplete;
}

async function fill(
  el: BzFeedbackForm,
  values: { category?: string; message?: string; name?: string; contact?: string } = {},
) {
  await click(el, `#category-${values.category ?? 'complaint'}`);
  await type(el, '#message', values.message ?? 'صف پایگاه خیلی طولانی بود و کسی پاسخ نداد.');
  if (values.name !== undefined) await type(el, '#name', values.name);
  if (values.contact !== undefined) await type(el, '#contact', values.contact);
  await click(el, '#consent');
}

const submit = (el: BzFeedbackForm) => click(el, 'button[type="submit"]');

async function submitAndWaitForCode(el: BzFeedbackForm): Promise<string> {
  const event = oneEvent(el, 'bz-submit');
  await submit(el);
  const { detail } = await event;
  await el.updateComplete;
  return detail.code;
}

async function waitForFailure(el: BzFeedbackForm) {
  await waitUntil(() => $(el, '#failure'), 'a failure notice', { timeout: 4000 });
  await el.updateComplete;
}

const form = (id: string, attrs: { lang?: string; serviceBase?: string } = {}) =>
  fixture<BzFeedbackForm>(
    html`<bz-feedback-form
      endpoint=${endpointOf(id)}
      lang=${attrs.lang ?? 'fa'}
      service-base=${attrs.serviceBase ?? 'isfahan-hesseh'}
      exit-url="https://example.org/"
    ></bz-feedback-form>`,
  );

/**
 * A form of scenario `id` filled with `values` whose send the service cut off (the connection
 * dropped): the failure notice shows and the text is kept.
 */
async function formAfterDroppedSend(
  id: string,
  values: Parameters<typeof fill>[1] = {},
  attrs: Parameters<typeof form>[1] = {},
): Promise<BzFeedbackForm> {
  await control(id, { fail: 'drop' });
  const el = await form(id, attrs);
  await fill(el, values);
  await submit(el);
  await waitForFailure(el);
  return el;
}

/** A message really stored by the service, for the status tests. */
async function storeMessage(id: string): Promise<string> {
  const response = await fetch(endpointOf(id), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      category: 'question',
      message: 'ساعت کار پایگاه؟',
      name: 'Private Person',
      contact: '09120000000',
      anonymous: false,
      about: { serviceBaseId: 'isfahan-hesseh' },
      consent: true,
      lang: 'fa',
      elapsedMs: 5000,
    }),
  });
  expect(response.status).to.equal(201);
  return (await response.json()).code;
}

async function setStatus(id: string, code: string, status: string, publicReply?: string) {
  const response = await fetch(`${endpointOf(id)}/${code}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${STAFF_TOKEN}` },
    body: JSON.stringify(publicReply ? { status, publicReply } : { status }),
  });
  expect(response.status).to.equal(200);
}

/** Swaps two neighbouring digits: the typo the check digit exists to catch. */
/** Swaps the first two neighbouring digits that differ (swapping equal ones changes nothing). */
const swapDigits = (code: string) => {
  const at = [...code].findIndex((digit, i) => i > 0 && digit !== code[i - 1]);
  if (at < 1) throw new Error(`no two different neighbouring digits in ${code}`);
  return `${code.slice(0, at - 1)}${code[at]}${code[at - 1]}${code.slice(at + 1)}`;
};

const toPersian = (latin: string) => latin.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)] ?? d);

describe('bz-feedback-form: the form', () => {
  afterEach(() => localStorage.clear());

  it('renders in Persian, right to left, every control labelled, and passes axe', async () => {
    const el = await form(newScenario());
    const base = $(el, '[part="base"]');
    expect(base?.getAttribute('dir')).to.equal('rtl');
    expect(text(el, 'h2')).to.equal('ارسال پیام به بهزیستی');
    expect(text(el, 'legend')).to.equal('چه نوع پیامی است؟');
    const radios = el.shadowRoot?.querySelectorAll('input[type="radio"]') ?? [];
    expect([...radios].map((r) => (r as HTMLInputElement).value)).to.deep.equal([
      'complaint',
      'suggestion',
      'appreciation',
      'question',
    ]);
    for (const control of el.shadowRoot?.querySelectorAll('input:not(#website), textarea') ?? []) {
      expect(el.shadowRoot?.querySelector(`label[for="${control.id}"]`), control.id).to.exist;
    }
    expect(text(el, '#message-count')).to.equal('۴٬۰۰۰ حرف دیگر می‌توانید بنویسید');
    await expect(el).to.be.accessible();
  });

  it('renders in English, left to right, and passes axe', async () => {
    const el = await form(newScenario(), { lang: 'en' });
    expect($(el, '[part="base"]')?.getAttribute('dir')).to.equal('ltr');
    expect(text(el, 'h2')).to.equal('Send a message to the Welfare Organisation');
    expect(text(el, '#message-count')).to.equal('You can write 4,000 more characters');
    await expect(el).to.be.accessible();
  });

  it('offers only the categories the host lists', async () => {
    const el = await fixture<BzFeedbackForm>(
      html`<bz-feedback-form lang="en" categories="question, complaint, bogus"></bz-feedback-form>`,
    );
    const labels = [...(el.shadowRoot?.querySelectorAll('.choice label') ?? [])]
      .slice(0, 2)
      .map((l) => l.textContent?.trim());
    expect(labels).to.deep.equal(['Question', 'Complaint']);
    expect(el.shadowRoot?.querySelectorAll('input[type="radio"]').length).to.equal(2);
  });

  it('shows an error summary linking to each field and inline messages, sending nothing', async () => {
    const id = newScenario();
    const el = await form(id);
    await submit(el);
    await el.updateComplete;
    const summary = $(el, '.error-summary');
    expect(summary).to.exist;
    expect(active(el)).to.equal(summary);
    const links = [...(summary?.querySelectorAll('a') ?? [])];
    expect(links.map((a) => a.textContent?.trim())).to.deep.equal([
      'نوع پیام را انتخاب کنید',
      'پیام خود را بنویسید',
      'برای ارسال، گزینهٔ موافقت را علامت بزنید',
    ]);
    expect(text(el, '#message-error')).to.contain('پیام خود را بنویسید');
    expect($(el, '#message')?.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#message')?.getAttribute('aria-describedby')).to.contain('message-error');
    links[0]?.click();
    expect(active(el)?.id).to.equal('category-complaint');
    links[1]?.click();
    expect(active(el)?.id).to.equal('message');
    links[2]?.click();
    expect(active(el)?.id).to.equal('consent');
    await expect(el).to.be.accessible();
    expect(await posts(id)).to.have.length(0);
  });

  it('says in English what to do, and passes axe with errors', async () => {
    const el = await form(newScenario(), { lang: 'en' });
    await click(el, '#category-question');
    await type(el, '#message', 'x'.repeat(4005));
    await type(el, '#contact', '0912');
    await click(el, '#consent');
    await submit(el);
    const links = [...(el.shadowRoot?.querySelectorAll('.error-summary a') ?? [])];
    expect(links.map((a) => a.textContent?.trim())).to.deep.equal([
      'Shorten your message to 4,000 characters or fewer',
      'Enter a mobile number like 09123456789 or an email address like name@example.com, or leave this empty',
    ]);
    expect(text(el, '#message-count')).to.equal('You have written 5 characters too many');
    await expect(el).to.be.accessible();
  });

  it('announces the characters left politely, after a pause in typing', async () => {
    const el = await form(newScenario(), { lang: 'en' });
    const live = $(el, '[aria-live="polite"]');
    expect(live?.textContent?.trim()).to.equal('');
    await type(el, '#message', 'Hello');
    await waitUntil(() => live?.textContent?.includes('3,995'), 'count announced', {
      timeout: 3000,
    });
  });

  it('hides and clears name and contact when sending anonymously, and sends neither', async () => {
    const id = newScenario();
    const el = await form(id);
    await type(el, '#name', 'مریم');
    await type(el, '#contact', '09121234567');
    await click(el, '#anonymous');
    expect($(el, '#name')).to.equal(null);
    expect($(el, '#contact')).to.equal(null);
    await click(el, '#anonymous');
    expect($<HTMLInputElement>(el, '#name')?.value).to.equal('');
    expect($<HTMLInputElement>(el, '#contact')?.value).to.equal('');
    await type(el, '#name', 'مریم');
    await click(el, '#anonymous');
    await fill(el);
    await submitAndWaitForCode(el);
    const { items } = await stored(id);
    expect(items).to.have.length(1);
    expect(items[0]?.anonymous).to.equal(true);
    expect(items[0]?.name).to.equal(undefined);
    expect(items[0]?.contact).to.equal(undefined);
  });

  it('accepts a mobile number in Persian digits with spaces', async () => {
    const id = newScenario();
    const el = await form(id);
    await fill(el, { name: 'مریم', contact: '۰۹۱۲ ۳۴۵ ۶۷۸۹' });
    await submitAndWaitForCode(el);
    const { items } = await stored(id);
    expect(items[0]?.contact).to.equal('09123456789');
    expect(items[0]?.name).to.equal('مریم');
  });

  it('sends, shows the code large in Persian digits, fires bz-submit and focuses the heading', async () => {
    const id = newScenario();
    const el = await form(id);
    await fill(el, { message: 'از کارکنان پایگاه سپاسگزارم.', category: 'appreciation' });
    const event = oneEvent(el, 'bz-submit');
    await submit(el);
    const { detail, bubbles, composed } = await event;
    await el.updateComplete;
    expect(bubbles).to.equal(true);
    expect(composed).to.equal(true);
    expect(detail.code).to.match(/^\d{4}-\d{4}-\d{4}-\d{4}$/);
    expect(text(el, '[part="code"]')).to.equal(toPersian(detail.code));
    expect(
      parseFloat(getComputedStyle($(el, '[part="code"]') as HTMLElement).fontSize),
    ).to.be.above(parseFloat(getComputedStyle(el).fontSize) * 1.5);
    expect(active(el)?.id).to.equal('confirmation-heading');
    expect(text(el, '#confirmation-heading')).to.equal('پیام شما رسید');
    const { items } = await stored(id);
    expect(items.map((i) => i.code)).to.deep.equal([detail.code]);
    expect(items[0]?.category).to.equal('appreciation');
    expect(items[0]?.serviceBaseId).to.equal('isfahan-hesseh');
    expect(items[0]?.lang).to.equal('fa');
    await expect(el).to.be.accessible();
  });

  it('shows the confirmation in English with Latin digits and passes axe', async () => {
    const el = await form(newScenario(), { lang: 'en' });
    await fill(el);
    const code = await submitAndWaitForCode(el);
    expect(text(el, '[part="code"]')).to.equal(code);
    expect(text(el, '#confirmation-heading')).to.equal('Your message was received');
    await expect(el).to.be.accessible();
    await click(el, '#send-another');
    expect($(el, 'form')).to.exist;
    expect(active(el)?.id).to.equal('heading');
  });

  it('copies the code, or selects it where there is no clipboard', async () => {
    const el = await form(newScenario(), { lang: 'en' });
    await fill(el);
    await submitAndWaitForCode(el);
    await click(el, '.confirmation button');
    await waitUntil(() => text(el, '.copy-result') !== '', 'copy result');
    expect(['The code was copied.', 'The code is selected; copy it or write it down.']).to.include(
      text(el, '.copy-result'),
    );
  });

  it('sends the page address when no service base is set', async () => {
    const id = newScenario();
    const el = await fixture<BzFeedbackForm>(
      html`<bz-feedback-form endpoint=${endpointOf(id)} lang="en"></bz-feedback-form>`,
    );
    await fill(el);
    await submitAndWaitForCode(el);
    const { items } = await stored(id);
    expect(items[0]?.pageUrl).to.equal(`${location.origin}${location.pathname}${location.search}`);
    expect(items[0]?.lang).to.equal('en');
  });

  it('puts the server’s field errors (422) on the same fields', async () => {
    const id = newScenario();
    const el = await form(id, { lang: 'en' });
    // Looks like an e-mail address to the form; the service (the last word) refuses the domain.
    await fill(el, { contact: 'reza@مثال.ir' });
    await submit(el);
    await waitUntil(() => $(el, '.error-summary'), 'error summary', { timeout: 4000 });
    await el.updateComplete;
    expect(active(el)).to.equal($(el, '.error-summary'));
    expect(text(el, '.error-summary a')).to.contain('Enter a mobile number');
    expect($(el, '#contact')?.getAttribute('aria-invalid')).to.equal('true');
    expect((await posts(id))[0]?.outcome).to.equal('422');
    expect((await stored(id)).total).to.equal(0);
  });

  it('shows other server errors in the form’s language', async () => {
    const id = newScenario();
    await control(id, { minFillMs: 600_000 });
    const el = await form(id);
    await fill(el);
    await submit(el);
    await waitForFailure(el);
    expect(text(el, '#failure')).to.contain('فرم خیلی سریع فرستاده شد');
    expect(active(el)?.id).to.equal('failure');
    await expect(el).to.be.accessible();

    // Something the person cannot fix (a service base id set by the host): the service's sentence.
    const other = newScenario();
    const en = await form(other, { lang: 'en', serviceBase: 'Not A Slug' });
    await fill(en);
    await submit(en);
    await waitForFailure(en);
    expect(text(en, '#failure')).to.contain('Some parts of the form are not filled in correctly');
    await expect(en).to.be.accessible();
  });

  it('keeps the text when the connection drops and retries with the same key: stored once', async () => {
    const id = newScenario();
    // The worst case: the service stores the message, then the connection dies before the 201.
    await control(id, { fail: 'drop-after-store' });
    const el = await form(id);
    await fill(el, { message: 'پیامی که نباید گم شود' });
    await submit(el);
    await waitForFailure(el);
    expect(text(el, '#failure')).to.contain('اتصال برقرار نشد');
    expect(text(el, '#failure')).to.contain('متن شما روی همین دستگاه نگه داشته شده است');
    expect(active(el)?.id).to.equal('failure');
    const kept = Object.keys(localStorage).filter((k) => k.includes(id));
    expect(kept).to.have.length(1);
    expect(localStorage.getItem(kept[0] ?? '')).to.contain('پیامی که نباید گم شود');
    expect($<HTMLTextAreaElement>(el, '#message')?.value).to.equal('پیامی که نباید گم شود');
    await expect(el).to.be.accessible();

    await control(id, { fail: null });
    const event = oneEvent(el, 'bz-submit');
    await click(el, '#failure button');
    const { detail } = await event;
    const sent = await posts(id);
    expect(sent.length).to.be.at.least(2);
    expect(new Set(sent.map((e) => e.idempotencyKey)).size).to.equal(1);
    const { total, items } = await stored(id);
    expect(total).to.equal(1);
    expect(items[0]?.code).to.equal(detail.code);
    expect(items[0]?.message).to.equal('پیامی که نباید گم شود');
    expect(Object.keys(localStorage).filter((k) => k.includes(id))).to.have.length(0);
  });

  it('restores a kept draft on the next visit, sends it with the same key, or discards it', async () => {
    const id = newScenario();
    const first = await formAfterDroppedSend(
      id,
      { message: 'Written before the bus came', name: 'Reza' },
      { lang: 'en' },
    );
    first.remove();
    const [firstKey] = (await posts(id)).map((e) => e.idempotencyKey);

    // The next visit: the same page, the network is back.
    await control(id, { fail: null });
    const again = await form(id, { lang: 'en' });
    expect($<HTMLTextAreaElement>(again, '#message')?.value).to.equal(
      'Written before the bus came',
    );
    expect($<HTMLInputElement>(again, '#name')?.value).to.equal('Reza');
    expect(text(again, '[part="notice"]')).to.contain('could not be sent is in the form below');
    await expect(again).to.be.accessible();
    await submitAndWaitForCode(again);
    const keys = (await posts(id)).map((e) => e.idempotencyKey);
    expect(keys[keys.length - 1]).to.equal(firstKey);
    expect((await stored(id)).total).to.equal(1);

    // Discarding: a third attempt fails, then the draft is thrown away on the next visit.
    const third = await formAfterDroppedSend(id, { message: 'Second thoughts' }, { lang: 'en' });
    third.remove();
    const fourth = await form(id, { lang: 'en' });
    expect($<HTMLTextAreaElement>(fourth, '#message')?.value).to.equal('Second thoughts');
    await click(fourth, '[part="notice"] button');
    expect($<HTMLTextAreaElement>(fourth, '#message')?.value).to.equal('');
    expect(Object.keys(localStorage).filter((k) => k.includes(id))).to.have.length(0);
    expect(active(fourth)?.id).to.equal('heading');
  });

  it('names the day a restored draft was written, in Solar Hijri with Persian digits', async () => {
    const id = newScenario();
    const first = await formAfterDroppedSend(id, { message: 'نوشته در اتوبوس' }, { lang: 'fa' });
    first.remove();
    await control(id, { fail: null });
    const again = await form(id, { lang: 'fa' });
    // Core's calendar code comes after the form (it is off the first load): the notice is there
    // at once, and names the day once the code is in.
    expect(text(again, '[part="notice"]')).to.contain('فرستاده نشد');
    const year = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { year: 'numeric' })
      .format(new Date())
      .replace(/[^۰-۹]/g, '');
    await waitUntil(() => text(again, '[part="notice"]').includes(year), 'the day named', {
      timeout: 4000,
    });
    expect(text(again, '[part="notice"]')).not.to.match(/[0-9]/);
  });

  it('counts the minimum fill time from when the draft was first typed, not from the reload', async () => {
    const id = newScenario();
    // The service refuses anything sent sooner than 1.5 s after the text was started.
    await control(id, { fail: 'drop', minFillMs: 1500 });
    const first = await form(id, { lang: 'en' });
    await fill(first, { message: 'Typed on the bus, sent later' });
    await submit(first);
    await waitForFailure(first);
    first.remove();
    const kept = localStorage.getItem(Object.keys(localStorage).find((k) => k.includes(id)) ?? '');
    expect(JSON.parse(kept ?? '{}').startedAt).to.be.a('number');
    await aTimeout(1600);

    // The reload: the restored draft is sent at once, and not refused as "sent too fast".
    await control(id, { fail: null });
    const again = await form(id, { lang: 'en' });
    expect($<HTMLTextAreaElement>(again, '#message')?.value).to.equal(
      'Typed on the bus, sent later',
    );
    await submitAndWaitForCode(again);
    expect((await stored(id)).total).to.equal(1);
    expect((await posts(id)).map((e) => e.outcome)).not.to.include('422');
  });

  it('sends once more by itself when the browser is back online, telling the citizen, stored once', async () => {
    const id = newScenario();
    await control(id, { fail: 'drop-after-store' });
    const el = await form(id, { lang: 'en' });
    await fill(el, { message: 'Sent while the train was in a tunnel' });
    await submit(el);
    await waitForFailure(el);
    expect(text(el, '#failure')).to.contain(
      'sent again once, by itself, when the connection is back',
    );
    const firstKey = (await posts(id))[0]?.idempotencyKey;

    await control(id, { fail: null });
    const event = oneEvent(el, 'bz-submit');
    window.dispatchEvent(new Event('online'));
    await waitUntil(
      () =>
        text(el, '[role="status"]').includes('Connection is back') ||
        $(el, '#confirmation-heading'),
      'the resend announced or done',
    );
    const { detail } = await event;
    const keys = (await posts(id)).map((e) => e.idempotencyKey);
    expect(new Set(keys)).to.deep.equal(new Set([firstKey]));
    const { total, items } = await stored(id);
    expect(total).to.equal(1);
    expect(items[0]?.code).to.equal(detail.code);
    expect(Object.keys(localStorage).filter((k) => k.includes(id))).to.have.length(0);

    // Only once: a later 'online' sends nothing more.
    window.dispatchEvent(new Event('online'));
    await aTimeout(200);
    expect((await posts(id)).length).to.equal(keys.length);
  });

  it('retries only once: a second failure waits for the citizen', async () => {
    const id = newScenario();
    const el = await formAfterDroppedSend(id);
    // (A browser may itself repeat a POST whose connection was cut: count from what it did.)
    const before = (await posts(id)).length;
    window.dispatchEvent(new Event('online'));
    await waitUntil(async () => (await posts(id)).length > before, 'the one automatic resend');
    await waitForFailure(el);
    await aTimeout(300);
    const after = (await posts(id)).length;
    window.dispatchEvent(new Event('online'));
    await aTimeout(300);
    expect((await posts(id)).length).to.equal(after);
    expect($<HTMLTextAreaElement>(el, '#message')?.value).not.to.equal('');
  });

  it('uses a new key when the text is changed after a failed send', async () => {
    const id = newScenario();
    const el = await formAfterDroppedSend(id);
    await type(el, '#message', 'متن تازه');
    expect(
      localStorage.getItem(Object.keys(localStorage).find((k) => k.includes(id)) ?? ''),
    ).to.contain('متن تازه');
    await control(id, { fail: null });
    await submitAndWaitForCode(el);
    const keys = new Set((await posts(id)).map((e) => e.idempotencyKey));
    expect(keys.size).to.equal(2);
    expect((await stored(id)).items[0]?.message).to.equal('متن تازه');
  });

  it('shows the service’s sentence for a server failure and keeps the text', async () => {
    const id = newScenario();
    await control(id, { fail: 'internal' });
    const el = await form(id, { lang: 'en' });
    await fill(el);
    await submit(el);
    await waitForFailure(el);
    expect(text(el, '#failure')).to.contain('Something went wrong on the server');
    expect(text(el, '#failure')).to.contain('Your text is kept on this device.');
    await expect(el).to.be.accessible();
  });

  it('says when to try again after too many messages (429 Retry-After)', async () => {
    const id = newScenario();
    await control(id, { submitLimit: { capacity: 1, refillPerSecond: 1 / 120 } });
    const el = await form(id, { lang: 'en' });
    await fill(el);
    await submitAndWaitForCode(el);
    await click(el, '#send-another');
    await fill(el, { message: 'One more' });
    await submit(el);
    await waitForFailure(el);
    expect(text(el, '#failure')).to.contain('Try again in 2 minutes.');
    expect((await posts(id)).map((e) => e.outcome)).to.deep.equal(['201', '429']);

    localStorage.clear(); // the English form's kept draft would fill the next form
    const fa = await form(id);
    await fill(fa);
    await submit(fa);
    await waitForFailure(fa);
    expect(text(fa, '#failure')).to.contain('۲ دقیقهٔ دیگر دوباره امتحان کنید');
  });

  it('works cross-origin through the service’s CORS allowlist', async () => {
    const { base } = await (await fetch('/__feedback__/cross-origin')).json();
    expect(new URL(base).origin).to.not.equal(location.origin);
    const id = newScenario();
    const el = await fixture<BzFeedbackForm>(
      html`<bz-feedback-form endpoint=${endpointOf(id, base)} lang="en" service-base="tehran-1"></bz-feedback-form>`,
    );
    await fill(el);
    const code = await submitAndWaitForCode(el);
    expect(code).to.match(/^\d{4}-\d{4}-\d{4}-\d{4}$/);
    expect((await stored(id)).total).to.equal(1);
  });

  it('never shows the honeypot, and a bot that fills it stores nothing', async () => {
    const id = newScenario();
    const el = await form(id);
    const trap = $<HTMLInputElement>(el, '#website');
    const wrapper = trap?.closest('[aria-hidden="true"]') as HTMLElement;
    expect(wrapper).to.exist;
    expect(trap?.tabIndex).to.equal(-1);
    expect(trap?.getAttribute('autocomplete')).to.equal('off');
    expect(trap?.name).to.equal('website');
    const box = wrapper.getBoundingClientRect();
    expect(box.width * box.height).to.be.at.most(1);
    await type(el, '#website', 'http://spam.example');
    await fill(el);
    await submitAndWaitForCode(el);
    expect((await stored(id)).total).to.equal(0);
  });

  it('can be filled in and sent with the keyboard alone', async () => {
    const id = newScenario();
    const el = await form(id, { lang: 'en' });
    $<HTMLInputElement>(el, '#category-complaint')?.focus();
    await sendKeys({ press: 'ArrowDown' }); // radios: arrows choose
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('message');
    await sendKeys({ type: 'The ramp is broken' });
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('anonymous');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('consent');
    await sendKeys({ type: ' ' });
    const event = oneEvent(el, 'bz-submit');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await event;
    const { items } = await stored(id);
    expect(items[0]?.category).to.equal('suggestion');
    expect(items[0]?.message).to.equal('The ramp is broken');
  });
});

describe('bz-feedback-form: quick exit', () => {
  afterEach(() => localStorage.clear());

  it('clears the form and the kept draft, then asks before leaving (cancelable event)', async () => {
    const id = newScenario();
    const el = await formAfterDroppedSend(id, { name: 'نام', message: 'متن حساس' });
    expect(Object.keys(localStorage).some((k) => k.includes(id))).to.equal(true);
    let detail: BzQuickExitDetail | undefined;
    el.addEventListener(
      'bz-quick-exit',
      (event) => {
        detail = (event as CustomEvent<BzQuickExitDetail>).detail;
        event.preventDefault(); // never navigate the test page away
      },
      { once: true },
    );
    await click(el, '[part~="quick-exit"]');
    expect(detail?.url).to.equal('https://example.org/');
    expect($<HTMLTextAreaElement>(el, '#message')?.value).to.equal('');
    expect($<HTMLInputElement>(el, '#name')?.value).to.equal('');
    expect($(el, '#failure')).to.equal(null);
    expect(Object.keys(localStorage).some((k) => k.includes(id))).to.equal(false);
  });

  it('leaves on Shift pressed three times, but not while typing capitals', async () => {
    const el = await form(newScenario(), { lang: 'en' });
    await type(el, '#message', 'Private');
    let exits = 0;
    const onExit = (event: Event) => {
      exits++;
      event.preventDefault();
    };
    el.addEventListener('bz-quick-exit', onExit);
    $<HTMLTextAreaElement>(el, '#message')?.focus();
    for (const key of ['KeyA', 'KeyB', 'KeyC']) {
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: key });
      await sendKeys({ up: 'Shift' });
    }
    expect(exits).to.equal(0);
    await aTimeout(1100);
    await sendKeys({ press: 'Shift' });
    await sendKeys({ press: 'Shift' });
    await sendKeys({ press: 'Shift' });
    expect(exits).to.equal(1);
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, '#message')?.value).to.equal('');
    el.removeEventListener('bz-quick-exit', onExit);
  });
});

describe('bz-feedback-form: status mode', () => {
  const statusForm = (id: string, lang = 'fa') =>
    fixture<BzFeedbackForm>(
      html`<bz-feedback-form mode="status" endpoint=${endpointOf(id)} lang=${lang}></bz-feedback-form>`,
    );

  it('looks up a code typed in Persian digits with spaces and shows status, dates and reply', async () => {
    const id = newScenario();
    const code = await storeMessage(id);
    await setStatus(id, code, 'answered', 'ساعت کار پایگاه ۸ تا ۱۴ است.');
    const el = await statusForm(id);
    expect(text(el, 'h2')).to.equal('پیگیری پیام');
    await expect(el).to.be.accessible();
    await type(el, '#code', toPersian(code).replaceAll('-', ' '));
    const event = oneEvent(el, 'bz-status');
    await submit(el);
    const { detail } = await event;
    await el.updateComplete;
    expect(detail).to.deep.equal({ code, status: 'answered' });
    // What the real service answered is what core's contract says (the element relies on it).
    expect(FeedbackStatusAnswerSchema.safeParse(el.statusResult).success).to.equal(true);
    expect(active(el)?.id).to.equal('result-heading');
    expect(text(el, '[part="status"] .status-label')).to.equal('پاسخ داده شده');
    expect(text(el, '[part="reply"]')).to.equal('ساعت کار پایگاه ۸ تا ۱۴ است.');
    const received = text(el, '[part="status"] dd:nth-of-type(3)');
    expect(received).to.match(/۱۴[۰-۹]{2}/); // Solar Hijri year, Persian digits
    expect(text(el, '[part="status"]')).to.not.contain('Private Person');
    expect(text(el, '[part="status"]')).to.not.contain('09120000000');
    await expect(el).to.be.accessible();
  });

  it('erases the name and contact at the citizen’s request, and says so', async () => {
    const id = newScenario();
    const code = await storeMessage(id);
    const el = await statusForm(id, 'en');
    await type(el, '#code', code);
    await submit(el);
    await waitUntil(() => $(el, '[part="erase"] button'), 'the erase button');
    await expect(el).to.be.accessible();
    ($(el, '[part="erase"] button') as HTMLButtonElement).click();
    await waitUntil(() => $(el, '#erased'), 'the erased sentence', { timeout: 4000 });
    await el.updateComplete;
    expect(active(el)?.id).to.equal('erased');
    expect(text(el, '#erased')).to.contain('erased');
    expect($(el, '[part="erase"]')).to.equal(null);
    // The real service holds them no more: a fresh lookup offers nothing to erase.
    const status = await (await fetch(`${endpointOf(id)}/${code}`)).json();
    expect(status.contactHeld).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('shows each status in English with Gregorian dates, and passes axe', async () => {
    const id = newScenario();
    const code = await storeMessage(id);
    const el = await statusForm(id, 'en');
    const seen: string[] = [];
    for (const [status, label] of [
      ['received', 'Received'],
      ['in-review', 'Being looked into'],
      ['closed', 'Closed'],
    ] as const) {
      if (status !== 'received') await setStatus(id, code, status);
      await type(el, '#code', code);
      const event = oneEvent(el, 'bz-status');
      await submit(el);
      await event;
      await el.updateComplete;
      seen.push(text(el, '.status-label'));
      expect(text(el, '.status-label')).to.equal(label);
    }
    expect(text(el, '[part="status"] dd:nth-of-type(3)')).to.match(/20\d\d/);
    expect(text(el, '[part="status"]')).to.contain('There is no reply yet.');
    await expect(el).to.be.accessible();
  });

  it('catches a mistyped code before any request is made', async () => {
    const id = newScenario();
    const code = (await storeMessage(id)).replaceAll('-', '');
    const el = await statusForm(id);
    await type(el, '#code', swapDigits(code));
    await submit(el);
    expect(text(el, '.error-summary a')).to.contain('این کد درست نیست');
    expect(active(el)).to.equal($(el, '.error-summary'));
    await expect(el).to.be.accessible();
    await type(el, '#code', code.slice(0, 12));
    await submit(el);
    expect(text(el, '.error-summary a')).to.contain('شما ۱۲ رقم نوشته‌اید');
    await type(el, '#code', '');
    await submit(el);
    expect(text(el, '.error-summary a')).to.equal('کد پیگیری را بنویسید');
    $<HTMLAnchorElement>(el, '.error-summary a')?.click();
    expect(active(el)?.id).to.equal('code');
    expect((await requestLog(id)).filter((e) => e.method === 'GET')).to.have.length(0);
  });

  it('says so when no message has a (well-formed) code, in the form’s language', async () => {
    const id = newScenario();
    const el = await statusForm(id, 'en');
    await type(el, '#code', '4831-0967-2254-7195');
    await submit(el);
    await waitUntil(() => $(el, '.error-summary'), 'error summary', { timeout: 4000 });
    await el.updateComplete;
    expect(text(el, '.error-summary a')).to.contain('No message was found with this tracking code');
    expect($(el, '[part="status"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('offers a retry when the lookup cannot reach the service', async () => {
    const id = newScenario();
    await control(id, { fail: 'drop' });
    const el = await statusForm(id, 'en');
    await type(el, '#code', '4831-0967-2254-7195');
    await submit(el);
    await waitForFailure(el);
    expect(text(el, '#failure')).to.contain('The connection failed.');
    await expect(el).to.be.accessible();
  });
});

describe('the confirmation before its add-on has come', () => {
  it('still shows the heading and the whole code', async () => {
    const el = await fixture<HTMLElement>(
      html`<div>${codeOnlyTemplate('4831096722547195', 'fa')}</div>`,
    );
    expect(el.querySelector('#confirmation-heading')?.textContent?.trim()).to.equal(
      'پیام شما رسید',
    );
    expect(el.querySelector('[part="code"]')?.textContent?.trim()).to.equal(
      toPersian('4831-0967-2254-7195'),
    );
  });
});
