import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { BzComments } from './comments.ts';
import './comments.ts';
import { $, active, text, type } from '../../test/shadow-dom.ts';

// Against the REAL feedback service (test-fixtures/feedback-service.mjs): comments are sent by
// the element, approved through the service's staff API like the office does, and read back.
// Each test makes several real requests, so each gets 20 s rather than mocha's 5 s.

const STAFF_TOKEN = 'test-staff-token-0123456789';
const ARTICLE = 'fa/hesseh-service-base';

let counter = 0;
const newScenario = () => `cm${Date.now().toString(36)}${(counter++).toString(36)}`;
const endpointOf = (id: string) => `/__feedback__/${id}/api/feedback`;

async function control(id: string, options: Record<string, unknown>): Promise<void> {
  const response = await fetch(`/__feedback__/${id}/control`, {
    method: 'POST',
    body: JSON.stringify(options),
  });
  expect(response.ok).to.equal(true);
}

/** A comment stored through the API (as another reader would send it). */
async function postComment(id: string, fields: Record<string, unknown>): Promise<string> {
  const response = await fetch(endpointOf(id), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      kind: 'comment',
      article: ARTICLE,
      elapsedMs: 5000,
      ...fields,
    }),
  });
  expect(response.status).to.equal(201);
  return ((await response.json()) as { code: string }).code;
}

async function setStatus(id: string, code: string, status: string): Promise<void> {
  const response = await fetch(`${endpointOf(id)}/${code}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${STAFF_TOKEN}` },
    body: JSON.stringify({ status }),
  });
  expect(response.status).to.equal(200);
}

async function pending(
  id: string,
): Promise<{ code: string; message: string; parent?: string; name?: string }[]> {
  const response = await fetch(`${endpointOf(id)}?kind=comment&status=pending`, {
    headers: { authorization: `Bearer ${STAFF_TOKEN}` },
  });
  return ((await response.json()) as { items: [] }).items;
}

async function loaded(el: BzComments): Promise<void> {
  await waitUntil(() => $(el, '#comment-count') || $(el, '.failure'), 'comments loaded', {
    timeout: 4000,
  });
  await el.updateComplete;
}

async function mount(id: string, lang = 'fa'): Promise<BzComments> {
  const el = await fixture<BzComments>(
    html`<bz-comments lang=${lang} article=${ARTICLE} endpoint=${endpointOf(id)}></bz-comments>`,
  );
  await loaded(el);
  return el;
}

describe('bz-comments', () => {
  it('shows only approved comments as a thread, with Jalali dates and Persian digits', async () => {
    const id = newScenario();
    const first = await postComment(id, { name: 'سارا', message: 'خبر خوبی بود.' });
    const second = await postComment(id, { message: 'کی در استان ما؟' });
    const rejected = await postComment(id, { message: 'تبلیغ' });
    await postComment(id, { message: 'هنوز بررسی نشده' });
    await setStatus(id, first, 'approved');
    await setStatus(id, second, 'approved');
    await setStatus(id, rejected, 'rejected');
    const reply = await postComment(id, { parent: first, name: 'علی', message: 'موافقم' });
    await setStatus(id, reply, 'approved');

    const el = await mount(id);
    expect(text(el, '#comment-count')).to.equal('۳ دیدگاه');
    const top = el.shadowRoot?.querySelectorAll('section > ol.thread > li') ?? [];
    expect(top).to.have.length(2);
    expect(text(el, `#c-${first} .author`)).to.equal('سارا');
    expect(text(el, `#c-${second} .author`)).to.equal('خواننده‌ای بی‌نام');
    // The reply sits in the list under its parent, indented.
    const nested = $(el, `#c-${first}`)?.parentElement?.querySelector(`ol.replies #c-${reply}`);
    expect(nested).to.exist;
    const shown = el.shadowRoot?.textContent ?? '';
    expect(shown).not.to.contain('تبلیغ');
    expect(shown).not.to.contain('هنوز بررسی نشده');
    const date = text(el, `#c-${first} time`);
    expect(date).to.match(/[۰-۹]{4}$/);
    expect(date).not.to.match(/[0-9]/);
    await expect(el).to.be.accessible();
  }).timeout(20_000);

  it('sends a comment that waits for review, then shows it once approved', async () => {
    const id = newScenario();
    const el = await mount(id);
    expect(text(el, '#comment-count')).to.equal('هنوز دیدگاهی منتشر نشده است.');
    expect(text(el, '#review-note')).to.contain('پس از بررسی');
    await type(el, '#comment-message', 'نظر من دربارهٔ این خبر');
    await type(el, '#comment-name', 'مریم');
    const sent = oneEvent(el, 'bz-comment-sent');
    $(el, 'button[type="submit"]')?.click();
    const { detail } = await sent;
    await el.updateComplete;
    expect(detail.code).to.match(/^\d{4}-\d{4}-\d{4}-\d{4}$/);
    expect(active(el)?.id).to.equal('sent');
    expect(text(el, '#sent')).to.contain('پس از بررسی');
    expect($<HTMLTextAreaElement>(el, '#comment-message')?.value).to.equal('');
    // Not public yet.
    expect(text(el, '#comment-count')).to.equal('هنوز دیدگاهی منتشر نشده است.');
    const [stored] = await pending(id);
    expect(stored).to.include({ message: 'نظر من دربارهٔ این خبر', name: 'مریم' });

    await setStatus(id, detail.code, 'approved');
    await el.reload();
    await el.updateComplete;
    expect(text(el, '#comment-count')).to.equal('یک دیدگاه');
    expect(text(el, `#c-${detail.code} .text`)).to.equal('نظر من دربارهٔ این خبر');
  }).timeout(20_000);

  it('replies to a comment: the reply is sent with its parent and shows under it', async () => {
    const id = newScenario();
    const parent = await postComment(id, { name: 'سارا', message: 'پرسشی دارم' });
    await setStatus(id, parent, 'approved');
    const el = await mount(id);
    $(el, `[data-reply="${parent}"]`)?.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(text(el, '#form-heading')).to.equal('پاسخ به سارا');
    expect(active(el)?.id).to.equal('comment-message');
    await type(el, '#comment-message', 'پاسخ من');
    const sent = oneEvent(el, 'bz-comment-sent');
    $(el, 'button[type="submit"]')?.click();
    const { detail } = await sent;
    expect(detail.parent).to.equal(parent);
    const [stored] = await pending(id);
    expect(stored?.parent).to.equal(parent);
    await setStatus(id, detail.code, 'approved');
    await el.reload();
    await el.updateComplete;
    expect($(el, `#c-${parent}`)?.parentElement?.querySelector(`ol.replies #c-${detail.code}`)).to
      .exist;

    // Cancelling a reply returns focus to the reply button.
    $(el, `[data-reply="${parent}"]`)?.click();
    await el.updateComplete;
    const cancel = [
      ...(el.shadowRoot?.querySelectorAll('.replying button') ?? []),
    ][0] as HTMLElement;
    cancel.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(text(el, '#form-heading')).to.equal('دیدگاه خود را بنویسید');
    expect(active(el)?.getAttribute('data-reply')).to.equal(parent);
  }).timeout(20_000);

  it('lists problems in an error summary and keeps the text when sending fails, with a retry', async () => {
    const id = newScenario();
    const el = await mount(id);
    $(el, 'button[type="submit"]')?.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(text(el, '.error-summary')).to.contain('دیدگاه خود را بنویسید');
    expect(active(el)?.classList.contains('error-summary')).to.equal(true);
    expect($(el, '#comment-message')?.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();

    await control(id, { fail: 'drop' });
    await type(el, '#comment-message', 'متنی که نباید گم شود');
    $(el, 'button[type="submit"]')?.click();
    await waitUntil(() => $(el, '#send-failure'), 'a failure notice', { timeout: 4000 });
    await el.updateComplete;
    expect(active(el)?.id).to.equal('send-failure');
    expect($<HTMLTextAreaElement>(el, '#comment-message')?.value).to.equal('متنی که نباید گم شود');
    await expect(el).to.be.accessible();

    await control(id, { fail: null });
    const sent = oneEvent(el, 'bz-comment-sent');
    ($(el, '#send-failure button') as HTMLElement).click();
    await sent;
    const stored = await pending(id);
    expect(stored).to.have.length(1);
  }).timeout(20_000);

  it('says when the comments could not load, and retries', async () => {
    const id = newScenario();
    await control(id, { fail: 'internal' });
    const el = await mount(id);
    // The service's own sentence, in the element's language.
    expect(text(el, '.failure')).to.contain('مشکلی در سرور پیش آمد');
    expect($(el, '.failure button')).to.exist;
    await control(id, { fail: null });
    ($(el, '.failure button') as HTMLElement).click();
    await loaded(el);
    await waitUntil(() => $(el, '#comment-count'), 'count after retry', { timeout: 4000 });
  }).timeout(20_000);

  it('works in English, left to right, and is accessible', async () => {
    const id = newScenario();
    const code = await postComment(id, { name: 'Sara', message: 'Good news.' });
    await setStatus(id, code, 'approved');
    const el = await mount(id, 'en');
    expect($(el, '.base')?.getAttribute('dir')).to.equal('ltr');
    expect(text(el, '#comment-count')).to.equal('1 comment');
    expect(text(el, 'h2')).to.equal('Comments');
    expect(text(el, `#c-${code} time`)).to.match(/\d{4}$/);
    expect(text(el, '#review-note')).to.contain('after the public relations office reviews');
    await expect(el).to.be.accessible();
  }).timeout(20_000);

  it('shows comments the page gives (a preview) once its list add-on is in, without loading any', async () => {
    const el = await fixture<BzComments>(
      html`<bz-comments
        lang="en"
        .answer=${{
          article: ARTICLE,
          count: 2,
          comments: [
            { code: 'a1', message: 'First', createdAt: '2026-11-01T08:00:00Z', name: 'Sara' },
            { code: 'b2', message: 'Second', createdAt: '2026-11-02T08:00:00Z', parent: 'a1' },
          ],
        }}
      ></bz-comments>`,
    );
    await waitUntil(() => $(el, '#comment-count'), 'the list', { timeout: 4000 });
    expect(text(el, '#comment-count')).to.equal('2 comments');
    expect(text(el, '#c-a1 .author')).to.equal('Sara');
    expect($(el, '#c-a1')?.parentElement?.querySelector('ol.replies #c-b2')).to.exist;
    await expect(el).to.be.accessible();
  });
});
