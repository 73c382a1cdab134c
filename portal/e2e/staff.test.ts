import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { postJson } from './api.ts';
import { axeViolations, sharedBrowser, watch } from './browser.ts';
import { sendFeedback } from './citizen.ts';
import { startPortalServer } from './server.setup.ts';
import { clientDir, distDir, inlineScriptProblems } from './site.ts';

// The staff inbox (/staff/, /en/staff/) in real Chromium against the built portal and its real
// feedback service (SQLite in a temp file). The suite's server has the test staff account
// (FEEDBACK_STAFF, see server.setup.ts); failed sign-ins, the rate limit and expiring sessions
// run on a server of their own so they cannot lock the other tests out.

const baseUrl = inject('baseUrl');
const staff = inject('staff');
const browser = sharedBrowser();

/** Today in Tehran as YYYY-MM-DD (what the "from" filter takes in English). */
const tehranToday = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Tehran',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

/**
 * Console errors other than the browser's own note on the session check's 401: a signed-out
 * visit asks GET /api/staff/session, and Chromium logs every 4xx answer to fetch.
 */
const unexpected = (errors: string[]) =>
  errors.filter((error) => !/status of 401 \(Unauthorized\)/.test(error));

const unique = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** Signs in on the English page (or `path`) and waits for the list. */
async function signIn(page: Page, origin: string, path = '/en/staff/') {
  await page.goto(`${origin}${path}`);
  const form = page.locator('#staff-signin-form');
  const en = path.startsWith('/en/');
  await form.getByLabel(en ? 'User name' : 'نام کاربری', { exact: true }).fill(staff.name);
  await form.getByLabel(en ? 'Secret' : 'رمز', { exact: true }).fill(staff.secret);
  await form.locator('button[type="submit"]').click();
  await expect.poll(() => page.locator('#staff-who').textContent()).toContain(staff.name);
  await expect.poll(() => page.locator('#staff-count').textContent()).not.toBe('');
  await expect.poll(() => page.locator('#staff').getAttribute('aria-busy')).toBeNull();
}

/** A page in a fresh browser context, signed in to the inbox in English. */
async function signedIn(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, baseUrl);
  return { context, page };
}

/**
 * A portal server of its own with these staff accounts (a role or a secret changes), and a page
 * in a fresh browser context on it; both closed afterwards, whatever happens.
 */
async function onOwnServer(
  staffConfig: string,
  run: (page: Page, origin: string) => Promise<void>,
): Promise<void> {
  const own = await startPortalServer(distDir, { FEEDBACK_STAFF: staffConfig });
  const context = await browser.newContext();
  try {
    await run(await context.newPage(), own.baseUrl);
  } finally {
    await context.close();
    own.stop();
  }
}

/** A submission straight to the API, as the form or the comment widget would send it. */
async function submit(origin: string, body: Record<string, unknown>): Promise<string> {
  const response = await postJson(`${origin}/api/feedback`, {
    elapsedMs: 5000,
    lang: 'en',
    ...body,
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { code: string }).code;
}

/**
 * Presses Show and waits until the filtered list is on screen: the page marks itself
 * aria-busy while a request runs (set synchronously by the click, removed after rendering).
 */
/** Chooses the filters given by their labels (select boxes), then shows the list they give. */
async function showFiltered(page: Page, choices: Record<string, string> = {}) {
  for (const [label, value] of Object.entries(choices)) {
    await page.getByLabel(label, { exact: true }).selectOption(value);
  }
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect.poll(() => page.locator('#staff').getAttribute('aria-busy')).toBeNull();
}

/** Anonymous feedback about the service base `serviceBaseId`, as the form sends it. */
const aboutBase = (serviceBaseId: string, category: string, message: string) => ({
  category,
  message,
  anonymous: true,
  consent: true,
  about: { serviceBaseId },
});

/** Opens the list row of `code` (the list must show it) and checks focus moved to the heading. */
async function openRow(page: Page, code: string) {
  const row = page.locator(`#staff-items li[data-code="${code}"] button`);
  await expect.poll(() => row.count()).toBe(1);
  await row.click();
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.id))
    .toBe('staff-detail-title');
}

describe('staff inbox page', () => {
  it('is prerendered, noindex, out of the sitemap and free of inline scripts', () => {
    for (const file of ['staff/index.html', 'en/staff/index.html']) {
      const html = readFileSync(`${clientDir}${file}`, 'utf8');
      expect(html).toContain('<meta name="robots" content="noindex">');
      expect(inlineScriptProblems(html)).toEqual([]);
    }
    const sitemap = readFileSync(`${clientDir}sitemap-0.xml`, 'utf8');
    expect(sitemap).not.toMatch(/\/staff\//);
    // Not linked from the public navigation.
    const home = readFileSync(`${clientDir}index.html`, 'utf8');
    expect(home).not.toMatch(/href="\/(en\/)?staff\//);
  });

  for (const locale of ['fa', 'en'] as const) {
    it(`signed out (${locale}): shows the sign-in form and passes axe`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const seen = watch(page, baseUrl);
      await page.goto(`${baseUrl}${locale === 'fa' ? '/staff/' : '/en/staff/'}`);
      await expect.poll(() => page.locator('#staff-signin').isVisible()).toBe(true);
      expect(await page.locator('#staff-work').isVisible()).toBe(false);
      expect(await page.getAttribute('html', 'lang')).toBe(locale);
      expect(await axeViolations(page)).toEqual([]);
      expect(seen.foreign).toEqual([]);
      expect(unexpected(seen.errors)).toEqual([]);
      await context.close();
    });
  }
});

describe('staff inbox end to end', () => {
  it('a citizen’s message is found by filter, answered, and the reply shows on status lookup', async () => {
    const stamp = unique();
    // The citizen, on the public feedback page.
    const citizen = await browser.newContext();
    const citizenPage = await citizen.newPage();
    await citizenPage.goto(`${baseUrl}/en/feedback/`);
    const form = citizenPage.locator('bz-feedback-form:not([mode="status"])');
    await form.getByRole('radio', { name: 'Question' }).check();
    await form
      .getByLabel('Your message')
      .fill(`Where can I borrow a wheelchair? (staff e2e ${stamp})`);
    await form.getByLabel('Your name (optional)').fill('Citizen E2E');
    await form.getByLabel('Mobile number or email address (optional)').fill('09121234567');
    await form.locator('#consent').check();
    const code = await sendFeedback(form);
    // A complaint sent the same day, which the filters must leave out.
    const other = await submit(baseUrl, {
      category: 'complaint',
      message: `Not this one (${stamp})`,
      anonymous: true,
      consent: true,
      about: { pageUrl: `${baseUrl}/en/feedback/` },
    });

    // Staff sign in and filter.
    const office = await browser.newContext();
    const page = await office.newPage();
    const seen = watch(page, baseUrl);
    await signIn(page, baseUrl);
    await page.getByLabel('Kind', { exact: true }).selectOption('feedback');
    await page.getByLabel('Category', { exact: true }).selectOption('question');
    await page.getByLabel('From', { exact: true }).fill(tehranToday());
    await showFiltered(page);
    expect(await page.locator(`#staff-items li[data-code="${code}"]`).count()).toBe(1);
    expect(await page.locator(`#staff-items li[data-code="${other}"]`).count()).toBe(0);

    // Open it: full text and contact, only here.
    await openRow(page, code);
    const detail = page.locator('#staff-detail');
    expect(await detail.locator('#staff-message').textContent()).toContain(stamp);
    expect(await detail.locator('#staff-facts').textContent()).toContain('09121234567');
    expect(await detail.locator('#staff-facts').textContent()).toContain('Citizen E2E');
    // Moderation is for comments only.
    expect(await detail.getByRole('button', { name: 'Approve and show the comment' }).count()).toBe(
      0,
    );

    // Answer it.
    const reply = `You can borrow one at your nearest service base. (${stamp})`;
    await detail.getByLabel('New status', { exact: true }).selectOption({ label: 'Answered' });
    await detail.getByLabel('Public reply', { exact: true }).fill(reply);
    await detail.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => page.locator('#staff-live').textContent())
      .toBe(`Saved: ${code} is now “Answered”.`);
    expect(await detail.locator('#staff-current-reply-text').textContent()).toBe(reply);

    // Back to the list: focus returns to the row, which shows the new status.
    await detail.getByRole('button', { name: 'Back to the list' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('li')?.dataset.code))
      .toBe(code);
    expect(await page.locator(`#staff-items li[data-code="${code}"]`).textContent()).toContain(
      'Answered',
    );

    // The audit log names the actor and the actions on this code.
    await page.getByRole('button', { name: 'Show the audit log' }).click();
    const audit = page.locator('#staff-audit-rows');
    await expect.poll(() => audit.textContent()).toContain(code);
    const auditText = (await audit.textContent()) ?? '';
    expect(auditText).toContain('Changed the status');
    expect(auditText).toContain('Wrote the reply');
    expect(auditText).toContain('Signed in');
    expect(auditText).toContain(staff.name);

    // The citizen looks the code up and reads the reply.
    const lookup = citizenPage.locator('bz-feedback-form[mode="status"]');
    await lookup.getByLabel('Tracking code').fill(code);
    await lookup.getByRole('button', { name: 'Check the status' }).click();
    await expect.poll(() => lookup.getByText(reply).count()).toBe(1);

    expect(seen.foreign).toEqual([]);
    expect(unexpected(seen.errors)).toEqual([]);
    await office.close();
    await citizen.close();
  });

  it('approves a pending comment, which then appears in GET /api/comments', async () => {
    const stamp = unique();
    const article = 'fa/hesseh-service-base';
    const code = await submit(baseUrl, {
      kind: 'comment',
      article,
      name: 'Reader E2E',
      message: `A useful article. (comment e2e ${stamp})`,
    });
    const before = (await (
      await fetch(`${baseUrl}/api/comments?article=${encodeURIComponent(article)}`)
    ).json()) as { comments: { code: string }[] };
    expect(before.comments.map((c) => c.code)).not.toContain(code);

    const { context, page } = await signedIn();
    await showFiltered(page, { Kind: 'comment', Status: 'pending' });
    await openRow(page, code);
    const link = page.locator('#staff-facts a');
    expect(await link.getAttribute('href')).toBe('/news/hesseh-service-base/');
    await page.getByRole('button', { name: 'Approve and show the comment' }).click();
    await expect
      .poll(() => page.locator('#staff-live').textContent())
      .toBe(`Comment ${code} approved; it shows on the article.`);

    const after = (await (
      await fetch(`${baseUrl}/api/comments?article=${encodeURIComponent(article)}`)
    ).json()) as { comments: { code: string; message: string }[] };
    expect(after.comments.find((c) => c.code === code)?.message).toContain(stamp);
    await context.close();
  });

  it('exports the filtered list as CSV', async () => {
    const stamp = unique();
    const suggestion = await submit(
      baseUrl,
      aboutBase('isfahan-hesseh', 'suggestion', `Longer opening hours please (${stamp})`),
    );
    const complaint = await submit(
      baseUrl,
      aboutBase('isfahan-hesseh', 'complaint', `Not in the export (${stamp})`),
    );
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, baseUrl);
    await page.getByLabel('Kind', { exact: true }).selectOption('feedback');
    await page.getByLabel('Category', { exact: true }).selectOption('suggestion');
    await page.getByLabel('From', { exact: true }).fill(tehranToday());
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download a CSV file with these filters' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^feedback-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path()) as string, 'utf8');
    expect(csv.split('\n')[0]).toContain('code');
    expect(csv).toContain(suggestion);
    expect(csv).not.toContain(complaint);
    await expect
      .poll(() => page.locator('#staff-live').textContent())
      .toBe('The CSV file was downloaded.');
    // The list on screen follows the exported filters.
    await expect
      .poll(() => page.locator(`#staff-items li[data-code="${suggestion}"]`).count())
      .toBe(1);
    // Polled too: the list before the filters (with the complaint) may still be on screen.
    await expect
      .poll(() => page.locator(`#staff-items li[data-code="${complaint}"]`).count())
      .toBe(0);
    await context.close();
  });

  it('filters by province and by base', async () => {
    const stamp = unique();
    const isfahan = await submit(
      baseUrl,
      aboutBase('isfahan-hesseh', 'appreciation', `Thank you, Isfahan (${stamp})`),
    );
    const ardabil = await submit(
      baseUrl,
      aboutBase('ardabil-social-emergency', 'appreciation', `Thank you, Ardabil (${stamp})`),
    );
    const { context, page } = await signedIn();
    await showFiltered(page, { Category: 'appreciation', Province: 'isfahan' });
    expect(await page.locator(`#staff-items li[data-code="${isfahan}"]`).count()).toBe(1);
    expect(await page.locator(`#staff-items li[data-code="${ardabil}"]`).count()).toBe(0);
    // Only Isfahan's bases are offered once Isfahan is chosen.
    const offered = await page
      .locator('#staff-f-base option')
      .evaluateAll((options) =>
        options.filter((o) => !o.matches(':disabled')).map((o) => (o as HTMLOptionElement).value),
      );
    expect(offered).toContain('isfahan-hesseh');
    expect(offered).not.toContain('ardabil-social-emergency');
    await showFiltered(page, { Province: '', 'Service base': 'ardabil-social-emergency' });
    expect(await page.locator(`#staff-items li[data-code="${ardabil}"]`).count()).toBe(1);
    expect(await page.locator(`#staff-items li[data-code="${isfahan}"]`).count()).toBe(0);
    await context.close();
  });

  it('refuses a date it cannot read, with a sentence that says how to write it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, baseUrl, '/staff/');
    await page.getByLabel('از تاریخ', { exact: true }).fill('۱۴۰۵/۱۳/۰۱');
    await page.locator('#staff-filters button[type="submit"]').click();
    await expect
      .poll(() => page.locator('#staff-f-from-error').textContent())
      .toBe('تاریخ را به شکل ۱۴۰۵/۰۹/۰۱ بنویسید.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('staff-f-from');
    expect(await page.getAttribute('#staff-f-from', 'aria-invalid')).toBe('true');
    // A Solar Hijri day in Persian digits is accepted.
    await page.getByLabel('از تاریخ', { exact: true }).fill('۱۴۰۰/۰۱/۰۱');
    await page.locator('#staff-filters button[type="submit"]').click();
    await expect.poll(() => page.locator('#staff-f-from-error').textContent()).toBe('');
    await context.close();
  });

  for (const locale of ['fa', 'en'] as const) {
    it(`signed in (${locale}): list and item pass axe at 320 px, work by keyboard, dates in the locale's calendar`, async () => {
      const code = await submit(baseUrl, {
        category: 'question',
        message: `Axe check (${unique()})`,
        name: 'Axe',
        contact: 'axe@example.com',
        consent: true,
        about: { serviceBaseId: 'isfahan-hesseh' },
      });
      // 320 px wide, as on a small phone.
      const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
      const page = await context.newPage();
      const seen = watch(page, baseUrl);
      // How far anything in the page's main content sticks out of the screen, either side (the
      // shared header is other pages' business and is checked with them).
      const overflow = () =>
        page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          let worst = 0;
          for (const node of document.querySelectorAll('main *')) {
            const box = node.getBoundingClientRect();
            if (box.width === 0) continue;
            worst = Math.max(worst, box.right - width, -box.left);
          }
          return Math.round(worst);
        });
      await signIn(page, baseUrl, locale === 'fa' ? '/staff/' : '/en/staff/');
      expect(await axeViolations(page)).toEqual([]);
      expect(await overflow()).toBeLessThanOrEqual(0);
      // Keyboard only: Enter on the row opens it (focus on its heading), Escape goes back to the row.
      const row = page.locator(`#staff-items li[data-code="${code}"] button`);
      await expect.poll(() => row.count()).toBe(1);
      await row.focus();
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.id))
        .toBe('staff-detail-title');
      const received = (await page.locator('#staff-facts time').first().textContent()) ?? '';
      if (locale === 'fa') expect(received).toMatch(/۱۴[۰-۹]{2}/);
      else expect(received).toMatch(/20\d\d/);
      expect(await axeViolations(page)).toEqual([]);
      expect(await overflow()).toBeLessThanOrEqual(0);
      await page.keyboard.press('Escape');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.closest('li')?.dataset.code))
        .toBe(code);
      expect(seen.foreign).toEqual([]);
      expect(unexpected(seen.errors)).toEqual([]);
      await context.close();
    }, 90_000);
  }

  it('signs out and forgets what it showed', async () => {
    const { context, page } = await signedIn();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.locator('#staff-signin').isVisible()).toBe(true);
    expect(await page.locator('#staff-items li').count()).toBe(0);
    // Announced a moment later (the live region is emptied first so repeats are spoken).
    await expect.poll(() => page.locator('#staff-live').textContent()).toBe('You are signed out.');
    // The cookie is gone: the API now says signed out.
    const status = await page.evaluate(async () => (await fetch('/api/staff/session')).status);
    expect(status).toBe(401);
    await context.close();
  });

  it('makes an API token for a script, shows it once, and revokes it', async () => {
    const { context, page } = await signedIn();
    const section = page.locator('#staff-tokens');
    await section.getByLabel('Scope').selectOption('export');
    await section.getByLabel('Valid for (days, 1 to 90)').fill('7');
    await section.getByLabel('What is it for? (e.g. nightly export)').fill('e2e nightly');
    await section.getByRole('button', { name: 'Make a token' }).click();
    const value = page.locator('#staff-token-value');
    await expect.poll(() => value.inputValue()).toMatch(/^bzt_[A-Za-z0-9_-]{43}$/);
    const token = await value.inputValue();
    // Focus is on the token, ready to copy, and the page says it will not be shown again.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('staff-token-value');
    await expect
      .poll(() => page.locator('#staff-live').textContent())
      .toContain('will not be shown again');
    // A script uses it, from outside the browser.
    const csv = await fetch(`${baseUrl}/api/feedback.csv`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(csv.status).toBe(200);
    await csv.text();
    const list = page.locator('#staff-token-list');
    await expect.poll(() => list.textContent()).toContain('e2e nightly — CSV export only');
    expect(await axeViolations(page)).toEqual([]);
    await section.getByRole('button', { name: /^Revoke: e2e nightly/ }).click();
    await expect.poll(() => page.locator('#staff-live').textContent()).toContain('revoked');
    // Listed as ended. (Using it now would count as a failed check against this shared test
    // server's address; test/api-tokens.test.ts shows a revoked token refused.)
    await expect.poll(() => list.textContent()).toContain('(ended)');
    // Signing out forgets the token the page showed.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => value.inputValue()).toBe('');
    await context.close();
  });

  it('ends every session of the account, on every device, from one of them', async () => {
    const phone = await browser.newContext();
    const desk = await browser.newContext();
    const phonePage = await phone.newPage();
    const deskPage = await desk.newPage();
    await signIn(phonePage, baseUrl);
    await signIn(deskPage, baseUrl);
    await deskPage.getByRole('button', { name: 'End all my sessions' }).click();
    await expect.poll(() => deskPage.locator('#staff-signin').isVisible()).toBe(true);
    await expect
      .poll(() => deskPage.locator('#staff-live').textContent())
      .toContain('All your sessions have ended');
    const sessionStatus = (page: Page) =>
      page.evaluate(async () => (await fetch('/api/staff/session')).status);
    expect(await sessionStatus(deskPage)).toBe(401);
    // The other device's cookie no longer works either.
    expect(await sessionStatus(phonePage)).toBe(401);
    await phone.close();
    await desk.close();
  });
});

describe('staff configuration', () => {
  it('refuses to start with a plain-text secret, saying how to hash it', async () => {
    const started = startPortalServer(distDir, {
      FEEDBACK_STAFF: `${staff.name}:${staff.secret}`,
    });
    await expect(started).rejects.toThrow(/exited with 1/);
  });
});

// Servers of their own, where the test account is a caseworker of Isfahan, or has no role: the
// inbox offers only what the role may do (the service enforces it; scope.test.ts walks it all).
describe('staff inbox by role', () => {
  const asRole = (role: string) => staff.config.replace(':admin:', role);

  it("shows a caseworker their province's feedback, without moderation or audit log", async () => {
    await onOwnServer(asRole(':caseworker/isfahan:'), async (page, origin) => {
      const about = (serviceBaseId: string) =>
        aboutBase(serviceBaseId, 'complaint', `For ${serviceBaseId} (${unique()})`);
      const isfahan = await submit(origin, about('isfahan-hesseh'));
      const kerman = await submit(origin, about('kerman-social-emergency'));
      await signIn(page, origin);
      await expect
        .poll(() => page.locator(`#staff-items li[data-code="${isfahan}"]`).count())
        .toBe(1);
      expect(await page.locator(`#staff-items li[data-code="${kerman}"]`).count()).toBe(0);
      expect(await page.locator('#staff-audit').isHidden()).toBe(true);
      expect(await page.locator('#staff-export').isVisible()).toBe(true);
      const kinds = await page
        .locator('#staff-f-kind option')
        .evaluateAll((options) =>
          (options as HTMLOptionElement[]).filter((o) => !o.hidden).map((o) => o.value),
        );
      expect(kinds).toEqual(['feedback']);
    });
  });

  it('tells an account without a role to ask for one, and shows nothing else', async () => {
    await onOwnServer(asRole(':'), async (page, origin) => {
      await page.goto(`${origin}/en/staff/`);
      const form = page.locator('#staff-signin-form');
      await form.getByLabel('User name', { exact: true }).fill(staff.name);
      await form.getByLabel('Secret', { exact: true }).fill(staff.secret);
      await form.locator('button[type="submit"]').click();
      await expect.poll(() => page.locator('#staff-no-role').isVisible()).toBe(true);
      expect(await page.locator('#staff-no-role').textContent()).toContain('Ask an administrator');
      expect(await page.locator('#staff-who').textContent()).toContain(staff.name);
      expect(await page.locator('#staff-browse').isHidden()).toBe(true);
      expect(await page.locator('#staff-audit').isHidden()).toBe(true);
    });
  });
});

describe('changing my secret in the inbox', () => {
  it('changes the secret, says so, and the new one signs in', async () => {
    await onOwnServer(staff.config, async (page, origin) => {
      await signIn(page, origin);
      const form = page.locator('#staff-secret-form');
      await form.getByLabel('Current secret', { exact: true }).fill(staff.secret);
      await form.getByLabel('New secret', { exact: true }).fill('too short');
      await form.locator('button[type="submit"]').click();
      await expect.poll(() => page.locator('#staff-secret-error').textContent()).toContain('16');
      const newSecret = `${staff.secret} and more`;
      await form.getByLabel('New secret', { exact: true }).fill(newSecret);
      await form.locator('button[type="submit"]').click();
      await expect
        .poll(() => page.locator('#staff-live').textContent())
        .toBe('Your secret is changed. Sign in with the new one from now on.');
      // Neither secret stays in the page.
      expect(await form.getByLabel('Current secret', { exact: true }).inputValue()).toBe('');
      expect(await form.getByLabel('New secret', { exact: true }).inputValue()).toBe('');
      const again = await postJson(`${origin}/api/staff/session`, {
        name: staff.name,
        secret: newSecret,
      });
      expect(again.status).toBe(204);
    });
  });
});

// Through the portal's own routes (a server of its own, since a secret changes): a citizen
// erases their contact details, and a staff member changes their secret.
describe('portal routes for erasing contacts and changing a secret', () => {
  it('serves DELETE /api/feedback/{code}/contact and PUT /api/staff/secret', async () => {
    const own = await startPortalServer(distDir, { FEEDBACK_STAFF: staff.config });
    try {
      const code = await submit(own.baseUrl, {
        category: 'question',
        message: `Erase me (${unique()})`,
        name: 'Private Person',
        contact: '09120000000',
        anonymous: false,
        consent: true,
        about: { serviceBaseId: 'isfahan-hesseh' },
      });
      // JSON, as the feedback form sends it: Astro refuses a bodiless write as a form post.
      const erased = await fetch(`${own.baseUrl}/api/feedback/${code}/contact`, {
        method: 'DELETE',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(erased.status).toBe(200);
      expect(await erased.json()).toEqual({ code, erased: true });
      const status = await (await fetch(`${own.baseUrl}/api/feedback/${code}`)).json();
      expect(status.contactHeld).toBe(false);

      const json = { 'content-type': 'application/json' };
      const signIn = (secret: string) =>
        postJson(`${own.baseUrl}/api/staff/session`, { name: staff.name, secret });
      const session = await signIn(staff.secret);
      expect(session.status).toBe(204);
      const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const newSecret = `${staff.secret}-changed`;
      const changed = await fetch(`${own.baseUrl}/api/staff/secret`, {
        method: 'PUT',
        headers: { ...json, cookie },
        body: JSON.stringify({ oldSecret: staff.secret, newSecret }),
      });
      expect(changed.status).toBe(200);
      expect((await signIn(staff.secret)).status).toBe(401);
      expect((await signIn(newSecret)).status).toBe(204);
    } finally {
      own.stop();
    }
  });
});

// A server of its own: failed sign-ins count per client address (here the X-Forwarded-For a
// trusted proxy would set: the test's loopback connections are that proxy, so each test is its
// own client) and sessions last one minute.
describe('staff sign-in failures and expiring sessions', () => {
  let own: { baseUrl: string; stop: () => void };
  beforeAll(async () => {
    own = await startPortalServer(distDir, {
      FEEDBACK_STAFF: staff.config,
      TRUSTED_PROXIES: 'loopback',
      FEEDBACK_STAFF_SESSION_MINUTES: '1',
    });
  });
  afterAll(() => own?.stop());

  const client = (address: string): Promise<BrowserContext> =>
    browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': address } });

  it('says the name or secret is wrong, in Persian and English', async () => {
    const context = await client('203.0.113.10');
    const page = await context.newPage();
    // Nothing written: said before anything is sent, focus on the empty field.
    await page.goto(`${own.baseUrl}/en/staff/`);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect
      .poll(() => page.locator('#staff-signin-error').textContent())
      .toBe('Write your user name and secret.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('staff-name');
    expect(await page.getAttribute('#staff-name', 'aria-invalid')).toBe('true');
    for (const [path, name, secret, submitLabel, sentence] of [
      ['/staff/', 'نام کاربری', 'رمز', 'ورود', 'نام کاربری یا رمز درست نیست'],
      ['/en/staff/', 'User name', 'Secret', 'Sign in', 'The user name or secret is not right'],
    ] as const) {
      await page.goto(`${own.baseUrl}${path}`);
      await page.getByLabel(name, { exact: true }).fill(staff.name);
      await page.getByLabel(secret, { exact: true }).fill('not-the-secret');
      await page.getByRole('button', { name: submitLabel, exact: true }).click();
      await expect
        .poll(() => page.locator('#staff-signin-error').textContent())
        .toContain(sentence);
      // Focus moves to the message, and the secret is not kept in the page.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('staff-signin-error');
      expect(await page.inputValue('#staff-secret')).toBe('');
    }
    await context.close();
  });

  it('after repeated failures, refuses sign-in for a while and says how long to wait', async () => {
    const context = await client('203.0.113.20');
    const page = await context.newPage();
    await page.goto(`${own.baseUrl}/en/staff/`);
    const error = page.locator('#staff-signin-error');
    let sentence = '';
    let attempts = 0;
    for (let attempt = 1; attempt <= 8 && !sentence.includes('Wait'); attempt++) {
      attempts = attempt;
      await page.getByLabel('User name').fill(staff.name);
      await page.getByLabel('Secret', { exact: true }).fill(`wrong-${attempt}`);
      await Promise.all([
        page.waitForResponse(
          (r) => r.url().endsWith('/api/staff/session') && r.request().method() === 'POST',
        ),
        page.getByRole('button', { name: 'Sign in', exact: true }).click(),
      ]);
      await expect.poll(() => error.textContent()).not.toBe('');
      sentence = (await error.textContent()) ?? '';
    }
    expect(sentence).toMatch(
      /^Too many failed sign-ins from this connection\. Wait \d+ minutes and try again\.$/,
    );
    // Five failures are allowed in 15 minutes; the sixth try is refused.
    expect(attempts).toBe(6);
    // Even the right secret is refused now.
    await page.getByLabel('User name').fill(staff.name);
    await page.getByLabel('Secret', { exact: true }).fill(staff.secret);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForTimeout(500);
    expect(await error.textContent()).toMatch(/^Too many failed sign-ins/);
    expect(await page.locator('#staff-work').isVisible()).toBe(false);
    await context.close();
  });

  it('when the session expires mid-work, says so and keeps the reply draft', async () => {
    const code = await submit(
      own.baseUrl,
      aboutBase('isfahan-hesseh', 'complaint', `The lift is broken (expiry e2e ${unique()})`),
    );
    const context = await client('203.0.113.30');
    const page = await context.newPage();
    await signIn(page, own.baseUrl);
    await openRow(page, code);
    const draft = 'We have called the technician; it will be repaired this week.';
    await page.getByLabel('Public reply', { exact: true }).fill(draft);
    // One minute of inactivity ends the session (FEEDBACK_STAFF_SESSION_MINUTES=1).
    await page.waitForTimeout(62_000);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const error = page.locator('#staff-signin-error');
    await expect
      .poll(() => error.textContent())
      .toBe('Your session expired. Sign in again; what you typed has been kept.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('staff-signin-error');
    expect(await page.inputValue('#staff-reply')).toBe(draft);
    // Sign in again: the draft is still there and can be saved.
    await page.getByLabel('Secret', { exact: true }).fill(staff.secret);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect
      .poll(() => page.locator('#staff-live').textContent())
      .toBe('You are signed in again. What you typed is still here.');
    expect(await page.inputValue('#staff-reply')).toBe(draft);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.locator('#staff-current-reply-text').textContent()).toBe(draft);
    await context.close();
  }, 120_000);
});
