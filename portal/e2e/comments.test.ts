import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { postJson, staffCookie } from './api.ts';
import { axeViolations, expectSoundPage, sharedBrowser, watch } from './browser.ts';

// A reader comments on a news article through the portal's own feedback API; nothing shows
// until staff approve it (signed in through POST /api/staff/session, as the inbox does); then
// the comment shows on the article page, and a reply shows under its parent.
const baseUrl = inject('baseUrl');
const staff = inject('staff');
const article = 'en/hesseh-service-base';
const articleUrl = `${baseUrl}/en/news/hesseh-service-base/`;
const browser = sharedBrowser();

/** The pending comment with this message, as the staff list shows it. */
async function pendingCode(cookie: string, message: string): Promise<string> {
  const response = await fetch(
    `${baseUrl}/api/feedback?kind=comment&status=pending&article=${encodeURIComponent(article)}`,
    { headers: { cookie } },
  );
  expect(response.status).toBe(200);
  const { items } = (await response.json()) as { items: { code: string; message: string }[] };
  const found = items.find((item) => item.message === message);
  if (!found) throw new Error(`no pending comment '${message}'`);
  return found.code;
}

async function approve(cookie: string, code: string): Promise<void> {
  const response = await fetch(`${baseUrl}/api/feedback/${code}`, {
    method: 'PATCH',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ status: 'approved' }),
  });
  expect(response.status).toBe(200);
}

async function send(page: Page, message: string, name?: string): Promise<void> {
  const comments = page.locator('bz-comments');
  await comments.getByLabel('Your comment', { exact: true }).fill(message);
  if (name) await comments.getByLabel('Your name (optional)').fill(name);
  // The service refuses comments sent faster than a person could type them.
  await page.waitForTimeout(3200);
  await comments.getByRole('button', { name: 'Send comment' }).click();
  await expect
    .poll(() => comments.getByText('Your comment has arrived.', { exact: false }).count())
    .toBe(1);
}

describe('comments on a news article', () => {
  it('a reader comments, staff approve, the comment and a reply show on the article', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const seen = watch(page, baseUrl);
    await page.goto(articleUrl);
    const comments = page.locator('bz-comments');
    await expect
      .poll(() => comments.getByText('No comments have been published yet.').count())
      .toBe(1);
    await expect
      .poll(() => comments.getByText('appear straight away', { exact: false }).count())
      .toBe(1);

    const message = `Will this open in Kerman too? (e2e ${Date.now()})`;
    await send(page, message, 'Sara');
    // Pending: not on the page, not in the public API.
    await page.reload();
    await expect
      .poll(() => comments.getByText('No comments have been published yet.').count())
      .toBe(1);
    const publicAnswer = await (await fetch(`${baseUrl}/api/comments?article=${article}`)).json();
    expect(publicAnswer).toEqual({ article, count: 0, comments: [] });

    const cookie = await staffCookie(baseUrl, staff);
    const code = await pendingCode(cookie, message);
    await approve(cookie, code);

    await page.reload();
    const first = comments.locator(`#c-${code}`);
    await expect.poll(() => first.getByText(message).count()).toBe(1);
    await expect.poll(() => comments.getByText('1 comment', { exact: true }).count()).toBe(1);
    expect(await first.locator('.author').textContent()).toBe('Sara');

    // A reply to it.
    await first.getByRole('button', { name: 'Reply' }).click();
    await expect
      .poll(() => comments.getByRole('heading', { name: 'Reply to Sara' }).count())
      .toBe(1);
    const replyText = `Yes, from next month. (e2e ${Date.now()})`;
    await send(page, replyText);
    const replyCode = await pendingCode(cookie, replyText);
    await approve(cookie, replyCode);
    await page.reload();
    const nested = comments
      .locator(`#c-${code}`)
      .locator('xpath=..')
      .locator(`ol.replies #c-${replyCode}`);
    await expect.poll(() => nested.getByText(replyText).count()).toBe(1);
    await expect.poll(() => comments.getByText('2 comments', { exact: true }).count()).toBe(1);

    // An article no other test comments on (the e2e files share one server and database).
    const untouched = 'fa/kerman-ten-counties';
    const counts = await (
      await fetch(`${baseUrl}/api/comments/counts?articles=${article},${untouched}`)
    ).json();
    expect(counts).toEqual({ counts: { [article]: 2, [untouched]: 0 } });

    await expectSoundPage(page, seen);
    await context.close();
    // Two sends wait out the minimum fill time; the browser steps take the rest.
  }, 60_000);

  it('shows Persian comments with Jalali dates in Persian digits', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/news/hesseh-service-base/`);
    const comments = page.locator('bz-comments');
    const message = `خبر خوبی بود (e2e ${Date.now()})`;
    await comments.getByLabel('دیدگاه شما', { exact: true }).fill(message);
    await page.waitForTimeout(3200);
    await comments.getByRole('button', { name: 'ارسال دیدگاه' }).click();
    await expect
      .poll(() => comments.getByText('دیدگاه شما رسید', { exact: false }).count())
      .toBe(1);
    const cookie = await staffCookie(baseUrl, staff);
    const response = await fetch(
      `${baseUrl}/api/feedback?kind=comment&status=pending&article=fa/hesseh-service-base`,
      { headers: { cookie } },
    );
    const { items } = (await response.json()) as { items: { code: string; message: string }[] };
    const code = items.find((item) => item.message === message)?.code ?? '';
    await approve(cookie, code);
    await page.reload();
    const date = comments.locator(`#c-${code} time`);
    await expect.poll(() => date.count()).toBe(1);
    expect(await date.textContent()).toMatch(/^[۰-۹]{1,2} [^\d]+ [۰-۹]{4}$/);
    expect(await comments.locator(`#c-${code} .author`).textContent()).toBe('خواننده‌ای بی‌نام');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  }, 60_000);

  it('refuses comments on articles the site does not have', async () => {
    const response = await postJson(`${baseUrl}/api/feedback`, {
      kind: 'comment',
      article: 'en/no-such-article',
      message: 'hello',
      elapsedMs: 5000,
    });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'UNKNOWN_ARTICLE',
    );
  });
});
