import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sharedBrowser, watch } from './browser.ts';
import { type PortalServer, startPortalServer } from './server.setup.ts';
import { distDir } from './site.ts';

// The staff inbox's Lit elements (src/staff/) in real Chromium against the built portal and a
// real feedback service of their own (so the list holds exactly what this file sends): the
// parts are elements in the light DOM with the page's ids, and what they share through
// @lit/context — the account and the query — drives paging, drafts, reset and sign-out.
// staff.test.ts walks the inbox's tasks; this file covers what the elements added or changed.

const staff = inject('staff');
const ITEMS = 23;
const browser = sharedBrowser();
let own: PortalServer;
const codes: string[] = [];

beforeAll(async () => {
  // Submissions unlimited: this file sends more than one connection may send in a minute.
  own = await startPortalServer(distDir, {
    FEEDBACK_STAFF: staff.config,
    FEEDBACK_SUBMIT_LIMIT: 'off',
  });
  for (let i = 0; i < ITEMS; i++) {
    const response = await fetch(`${own.baseUrl}/api/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        elapsedMs: 5000,
        lang: 'en',
        category: 'question',
        message: `Elements e2e question ${i}`,
        anonymous: true,
        consent: true,
        about: { serviceBaseId: 'isfahan-hesseh' },
      }),
    });
    expect(response.status).toBe(201);
    codes.push(((await response.json()) as { code: string }).code);
  }
}, 120_000);
afterAll(() => {
  own?.stop();
});

const busy = (page: Page) => page.locator('#staff').getAttribute('aria-busy');
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id);
const count = (page: Page) => page.locator('#staff-count').textContent();

async function signIn(page: Page) {
  await page.goto(`${own.baseUrl}/en/staff/`);
  await page.getByLabel('User name', { exact: true }).fill(staff.name);
  await page.getByLabel('Secret', { exact: true }).fill(staff.secret);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect.poll(() => count(page)).toBe(`1–20 of ${ITEMS}`);
  await expect.poll(() => busy(page)).toBeNull();
}

describe('staff inbox elements', () => {
  it('are bz-staff-* elements in the light DOM, with unique ids and the notice gone', async () => {
    const page = await browser.newPage();
    const seen = watch(page, own.baseUrl);
    await signIn(page);
    const shape = await page.evaluate(() => {
      const tags = [
        'bz-staff-inbox',
        'bz-staff-session',
        'bz-staff-filters',
        'bz-staff-list',
        'bz-staff-item',
        'bz-staff-audit',
        'bz-staff-tokens',
        'bz-staff-secret',
      ];
      const ids = [...document.querySelectorAll('[id]')].map((node) => node.id);
      return {
        parts: tags.map((tag) => {
          const node = document.querySelector(tag);
          return `${tag}: ${customElements.get(tag) ? 'defined' : 'undefined'}, ${node ? (node.shadowRoot ? 'shadow' : 'light') : 'missing'}`;
        }),
        duplicates: ids.filter((id, i) => ids.indexOf(id) !== i),
        boot: document.getElementById('staff-boot') !== null,
      };
    });
    expect(shape.parts).toEqual([
      'bz-staff-inbox: defined, light',
      'bz-staff-session: defined, light',
      'bz-staff-filters: defined, light',
      'bz-staff-list: defined, light',
      'bz-staff-item: defined, light',
      'bz-staff-audit: defined, light',
      'bz-staff-tokens: defined, light',
      'bz-staff-secret: defined, light',
    ]);
    expect(shape.duplicates).toEqual([]);
    expect(shape.boot).toBe(false);
    expect(seen.foreign).toEqual([]);
    await page.close();
  });

  it('pages through the list: focus on the heading, the range said and shown', async () => {
    const page = await browser.newPage();
    await signIn(page);
    const previous = page.locator('#staff-prev');
    const next = page.locator('#staff-next');
    expect(await previous.isHidden()).toBe(true);
    expect(await page.locator('#staff-items li').count()).toBe(20);
    await next.click();
    await expect.poll(() => count(page)).toBe(`21–${ITEMS} of ${ITEMS}`);
    await expect.poll(() => focusedId(page)).toBe('staff-list-title');
    await expect
      .poll(() => page.locator('#staff-live').textContent())
      .toBe(`21–${ITEMS} of ${ITEMS}`);
    expect(await page.locator('#staff-items li').count()).toBe(ITEMS - 20);
    expect(await next.isHidden()).toBe(true);
    await previous.click();
    await expect.poll(() => count(page)).toBe(`1–20 of ${ITEMS}`);
    await expect.poll(() => focusedId(page)).toBe('staff-list-title');
    await page.close();
  });

  it('keeps an unsaved reply per item while staff move between items', async () => {
    const page = await browser.newPage();
    await signIn(page);
    const [first, second] = await page
      .locator('#staff-items li')
      .evaluateAll((rows) => rows.slice(0, 2).map((row) => (row as HTMLElement).dataset.code));
    const open = async (code: string | undefined) => {
      await page.locator(`#staff-items li[data-code="${code}"] button`).click();
      await expect.poll(() => focusedId(page)).toBe('staff-detail-title');
    };
    const reply = page.getByLabel('Public reply', { exact: true });
    await open(first);
    await reply.fill('A draft for the first item');
    await page.getByRole('button', { name: 'Back to the list' }).click();
    await open(second);
    expect(await reply.inputValue()).toBe('');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('li')?.dataset.code))
      .toBe(second);
    await open(first);
    expect(await reply.inputValue()).toBe('A draft for the first item');
    await page.close();
  });

  it('clears the filters and their errors, and shows every item again', async () => {
    const page = await browser.newPage();
    await signIn(page);
    const from = page.getByLabel('From', { exact: true });
    await from.fill('2026-13-45');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect
      .poll(() => page.locator('#staff-f-from-error').textContent())
      .toBe('Write the date like 2026-11-22.');
    expect(await from.getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Category', { exact: true }).selectOption('complaint');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.getByRole('button', { name: 'Clear the filters', exact: true }).click();
    await expect.poll(() => page.locator('#staff-f-from-error').textContent()).toBe('');
    expect(await from.getAttribute('aria-invalid')).toBeNull();
    expect(await from.inputValue()).toBe('');
    await expect.poll(() => count(page)).toBe(`1–20 of ${ITEMS}`);
    await page.close();
  });

  it('after signing out, a new sign-in starts clean, with no stale sentence', async () => {
    const page = await browser.newPage();
    await signIn(page);
    await page.getByRole('button', { name: 'Show the audit log' }).click();
    await expect.poll(() => page.locator('#staff-audit-rows tr').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.locator('#staff-live').textContent()).toBe('You are signed out.');
    // Nothing asked for after sign-out (a 401 would put "sign in to continue" here).
    await page.waitForTimeout(500);
    expect(await page.locator('#staff-signin-error').textContent()).toBe('');
    expect(await page.locator('#staff-problem').textContent()).toBe('');
    expect(await page.locator('#staff-audit-rows tr').count()).toBe(0);
    await page.getByLabel('User name', { exact: true }).fill(staff.name);
    await page.getByLabel('Secret', { exact: true }).fill(staff.secret);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(() => count(page)).toBe(`1–20 of ${ITEMS}`);
    await expect.poll(() => focusedId(page)).toBe('staff-list-title');
    // Signed in, then the count of what the list found (as on the first sign-in).
    await expect
      .poll(() => page.locator('#staff-live').textContent())
      .toBe(`${ITEMS} messages found.`);
    await page.close();
  });
});
