import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { hashSecret } from '@behzisti/feedback-service';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  preparePostgres,
  type TestPostgres,
} from '../../packages/feedback-service/test/postgres.ts';
import { type PublishOptions, publishRound, type RoundMemory } from '../server/publish/pipeline.ts';
import { readStatus } from '../server/publish/status.ts';
import { launchChromium, watch } from './browser.ts';
import { typeBody } from './news-editor.ts';
import { makeTestStaff, type PortalServer, startPortalServer } from './server.setup.ts';
import { type ReleasesFolder, releasesOfBuild, tempFolder } from './temp.ts';

// The communications office's whole job, once, as the office does it (issue 20 item 5), in real
// Chromium against the built portal, with nothing of the pipeline or the store replaced:
//
//   a writer signs in to the editor, writes a Persian item (subheading, bold, tag, province,
//   picture with alt text) and sends it for review → the save is a git commit in the editor's
//   repository (the local backend in git mode, CMS_LOCAL_GIT=1) → the publish pipeline's round
//   takes the commit into the server's checkout (fetch, fast-forward) → a second account with the
//   right to publish approves it in the editor → the next round (news only: the live release's
//   store, purge, search) publishes it → it is on its page, the news list, its tag and province
//   pages, the RSS feed and /api/search, and the editor says "live in N s" → the writer edits it
//   (the approval no longer counts; the editor says so) → approved again → the writer takes it
//   off the site → after the round (a new release: a withdrawal is part of one) its address
//   answers 410 and it is nowhere.
//
// A third test holds the "second account" rule in the browser: a writer who may publish cannot
// approve the text they saved (the button is disabled, with the reason, and the server refuses
// with SAME_ACCOUNT); a second account can; and when that approver edits the text, their own
// edit needs the first account's approval in turn. A fourth: a text written outside the editor
// (saved by nobody) is approvable only once someone records it as theirs, and then not by them.
//
// With OFFICE_SCREENSHOTS=<folder> the steps are also saved as pictures for docs/office-guide.md
// (portal/scripts/docs-screenshots.ts runs this file so and compresses them).

const portalDir = resolve(new URL('..', import.meta.url).pathname);
const screenshots = process.env.OFFICE_SCREENSHOTS;
const work = tempFolder('office-e2e');
const workDir = work.path;
/** The repository the editor commits to (on the office machine: its checkout; else the forge). */
const editorRepo = join(workDir, 'editor');
/** The server's checkout, which the pipeline brings up to date from the editor's repository. */
const serverRepo = join(workDir, 'server');
const contentOf = (repo: string) => join(repo, 'portal/src/content');
let pg: TestPostgres;
let releases: ReleasesFolder;
let releasesDir: string;
let server: PortalServer;
let browser: Browser;
let options: PublishOptions;
const memory: RoundMemory = {};
const writer = { name: 'office-writer', secret: 'writer-secret-of-this-run-0123456789' };
/** The head of the office: writes, and may publish too (but not their own text). */
const chief = { name: 'office-chief', secret: 'chief-secret-of-this-run-0123456789' };
let approver: { name: string; secret: string };

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

beforeAll(async () => {
  // The servers' route caches are purged over PostgreSQL NOTIFY when the pipeline publishes
  // (news-broadcast.ts), as on the organisation's server: without it an edited or removed page
  // stays in a server's cache for its minute. The pipeline runs in this process.
  pg = await preparePostgres();
  if (!pg.url) throw new Error('the office test needs PostgreSQL for the servers’ cache purge');
  process.env.PORTAL_CACHE_DATABASE_URL = pg.url;
  // The content repository: the portal's news as they are in the build under test.
  mkdirSync(contentOf(editorRepo), { recursive: true });
  cpSync(join(portalDir, 'src/content/news'), join(contentOf(editorRepo), 'news'), {
    recursive: true,
  });
  git(editorRepo, 'init', '--quiet', '--initial-branch=main');
  git(editorRepo, 'config', 'user.name', 'روابط عمومی (دستگاه دفتر)');
  git(editorRepo, 'config', 'user.email', 'office@behzisti.example');
  git(editorRepo, 'add', '--all');
  git(editorRepo, 'commit', '--quiet', '-m', 'News as built');
  git(workDir, 'clone', '--quiet', editorRepo, serverRepo);

  // The live release is the build under test (hard links: never written to... except its news
  // store, which is this test's to change: copied, not linked).
  releases = releasesOfBuild('office');
  releasesDir = releases.path;
  const { first } = releases;
  for (const file of ['news.sqlite', 'search.sqlite']) {
    const path = join(releasesDir, first, file);
    const bytes = readFileSync(path);
    rmSync(path);
    writeFileSync(path, bytes);
  }
  for (const wal of ['news.sqlite-wal', 'news.sqlite-shm']) {
    rmSync(join(releasesDir, first, wal), { force: true });
  }

  const staff = await makeTestStaff();
  approver = staff;
  server = await startPortalServer(undefined, {
    FEEDBACK_STAFF: `${staff.config},${writer.name}:moderator:${await hashSecret(writer.secret)},${chief.name}:admin:${await hashSecret(chief.secret)}`,
    CMS_LOCAL_EDITING: '1',
    CMS_LOCAL_GIT: '1',
    CMS_CONTENT_DIR: contentOf(editorRepo),
    PORTAL_NEWS_DIR: join(contentOf(serverRepo), 'news'),
    PORTAL_RELEASES: releasesDir,
    PORTAL_RELEASE_GRACE_SECONDS: '600',
    PORTAL_CACHE_DATABASE_URL: pg.url,
  });
  options = {
    portalDir,
    checkoutDir: serverRepo,
    git: { remote: 'origin', branch: 'main' },
    releasesDir,
    contentDir: contentOf(serverRepo),
    newsDir: join(contentOf(serverRepo), 'news'),
    keep: 2,
    graceMs: 600_000,
  };
  // The pipeline's first round: the server's checkout as the live release already shows it.
  expect((await publishRound(options, memory)).outcome).toBe('synced');
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.stop();
  releases?.remove();
  work.remove();
  delete process.env.PORTAL_CACHE_DATABASE_URL;
  await pg?.teardown();
});

async function shot(page: Page, name: string, field?: RegExp): Promise<void> {
  if (!screenshots) return;
  // The part of the form the picture is about, at the top of the view.
  if (field) {
    await page
      .getByLabel(field)
      .evaluate((element) => element.closest('[class*="ControlContainer"]')?.scrollIntoView());
  }
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `${name}.png`) });
}

/** A person's browser: signed in as portal staff (the /staff/ sign-in), then the editor. */
async function personAt(account: { name: string; secret: string }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const signedIn = await context.request.post(`${server.baseUrl}/api/staff/session`, {
    data: account,
  });
  expect(signedIn.status()).toBe(204);
  return context;
}

/** Opens the editor in a new tab; signs in to the local backend unless this browser already is. */
async function openEditor(context: BrowserContext, hash = ''): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(90_000);
  await page.goto(`${server.baseUrl}/admin/${hash}`, { waitUntil: 'domcontentloaded' });
  const signIn = page.getByRole('button', { name: 'ورود' });
  // Signed in already: the lists' header, or the item editor's back link.
  const inside = page.locator(
    '#nc-root [class*="AppHeader"], #nc-root [class*="ToolbarSectionBackLink"]',
  );
  await signIn.or(inside).first().waitFor();
  if (await signIn.isVisible()) await signIn.click();
  return page;
}

async function save(page: Page): Promise<void> {
  const notice = page.getByText('ذخیره شد', { exact: true });
  // The previous save's notice must be gone, so the one waited for below is this save's.
  await notice.first().waitFor({ state: 'hidden', timeout: 30_000 });
  await page.getByRole('button', { name: 'ذخیره', exact: true }).click();
  await page.getByRole('menuitem', { name: 'ذخیره کن' }).click();
  await notice.first().waitFor();
}

/** One round of the publish pipeline, as `node --run publish -- --watch` runs them. */
async function round(expected: string): Promise<void> {
  const result = await publishRound(options, memory);
  expect(result.outcome, JSON.stringify(readStatus(releasesDir)?.failure ?? {})).toBe(expected);
}

const get = (path: string) => fetch(`${server.baseUrl}${path}`);
const text = async (path: string) => (await get(path)).text();
const search = async (query: string) =>
  (
    (await (await get(`/api/search?q=${encodeURIComponent(query)}`)).json()) as {
      results: { url: string }[];
    }
  ).results.map((result) => result.url);

const title = 'گشایش خانه‌ی امن بانوان در شهرکرد با همکاری خیرین';
const editedTitle = 'گشایش خانه‌ی امن بانوان در شهرکرد با همکاری خیرین استان';
const tagSlug = encodeURIComponent('خانه-امن');
/** A word only this item has, for the search. */
const searchWord = 'نیلوفرانه';

describe('the communications office publishes a news item through the editor', () => {
  it('write → review → approve → live everywhere → edit → approve again → withdraw (410)', async () => {
    // 1. The writer: signed in to the editor, and as staff without the right to publish.
    const writerContext = await personAt(writer);
    const page = await openEditor(writerContext);
    const seen = watch(page, server.baseUrl);
    await page
      .getByRole('link', { name: /خبر فارسی/ })
      .first()
      .click();
    await page.getByLabel('عنوان', { exact: true }).fill(title);
    await page
      .getByLabel('خلاصه', { exact: true })
      .fill('نخستین خانه‌ی امن بانوان استان چهارمحال و بختیاری با کمک خیرین گشایش یافت.');
    const province = page.getByLabel(/^استان/);
    await province.fill('چهارمحال');
    await province.press('Enter');
    // A tag typed with an Arabic ي and a half-space: one tag, in Persian letters.
    await page.getByLabel(/^برچسب‌ها/).fill('خانه امن، خانه‌امن، توانمندسازي');
    await page.getByLabel(/^دفتر منتشرکننده/).fill('روابط عمومی بهزیستی استان چهارمحال و بختیاری');
    await typeBody(page, {
      opening: `خانه‌ی امن ${searchWord} `,
      bold: 'با ظرفیت بیست نفر',
      closing: ' در شهرکرد آغاز به کار کرد.',
      subheading: 'چه کسانی می‌توانند بیایند',
      last: 'بانوانی که در خانه امنیت ندارند، با شماره‌ی ۱۲۳ تماس بگیرند.',
    });

    await page.getByText('یک تصویر را انتخاب کنید').click();
    await page.locator('input[type="file"]').setInputFiles({
      name: 'shahrekord-safe-house.jpg',
      mimeType: 'image/jpeg',
      buffer: await sharp({
        create: { width: 1200, height: 630, channels: 3, background: '#2f6f5e' },
      })
        .jpeg()
        .toBuffer(),
    });
    await page.getByText('shahrekord-safe-house.jpg').waitFor();
    await page.getByRole('button', { name: 'گذاشتن تصویر برگزیده' }).click();
    await page
      .getByLabel(/^متن جایگزین تصویر/)
      .fill('نمای بیرونی ساختمان دوطبقه‌ی خانه‌ی امن با در سبز');

    // The publishing fields: a time of day on the date (Tehran), read back in Solar Hijri, and
    // "in review", which for a new item says that it must be saved before it can be approved.
    // Scheduling: a future date and time read back in Solar Hijri, Tehran time (then put back).
    const date = page.getByLabel('تاریخ انتشار');
    const today = await date.inputValue();
    const time = page.getByLabel(/^ساعت انتشار/);
    await date.fill('۱۴۰۶/۰۱/۰۱');
    await time.fill('۰۹:۳۰');
    await page
      .getByText('زمان‌بندی‌شده: ۱ فروردین ۱۴۰۶، ساعت ۰۹:۳۰ به وقت تهران روی سایت می‌رود.')
      .waitFor();
    await shot(page, '01a-schedule', /^تاریخ انتشار/);
    await date.fill(today);
    await time.fill('۰۰:۰۱');
    const timeNote = page.locator(`[id="${await time.getAttribute('aria-describedby')}"]`);
    await expect.poll(() => timeNote.textContent()).toMatch(/^زمان انتشار: .*ساعت ۰۰:۰۱/);
    const status = page.getByLabel(/^وضعیت انتشار/);
    await status.selectOption('review');
    await page.getByText('نخست ذخیره کنید: فقط متن ذخیره‌شده تأیید می‌شود.').waitFor();
    await shot(page, '01-write-review', /^ساعت انتشار/);
    const commitsBefore = Number(git(editorRepo, 'rev-list', '--count', 'HEAD'));
    await save(page);

    // 2. The save is a commit in the editor's repository, with the item and its picture.
    await expect
      .poll(() => Number(git(editorRepo, 'rev-list', '--count', 'HEAD')))
      .toBeGreaterThan(commitsBefore);
    const changed = git(
      editorRepo,
      'log',
      '--name-only',
      '--format=',
      `HEAD~${Number(git(editorRepo, 'rev-list', '--count', 'HEAD')) - commitsBefore}..HEAD`,
    );
    const file = /portal\/src\/content\/news\/fa\/(news-\d{12})\.md/.exec(changed)?.[1] as string;
    expect(file).toBeDefined();
    expect(changed).toContain('portal/src/content/news/images/shahrekord-safe-house.jpg');
    expect(git(editorRepo, 'status', '--porcelain')).toBe('');
    const slug = file;
    const article = `/news/${slug}/`;
    const saved = readFileSync(join(contentOf(editorRepo), `news/fa/${slug}.md`), 'utf8');
    expect(saved).toMatch(/^status: review$/m);
    expect(saved).toMatch(/^time: ["']?00:01["']?$/m);
    expect(saved).toMatch(/^## چه کسانی می‌توانند بیایند$/m);
    expect(saved).toContain('**با ظرفیت بیست نفر**');
    expect(saved).toMatch(/^\s+- خانه امن$/m);
    expect(saved).toMatch(/^\s+- توانمندسازی$/m);
    expect(saved).not.toMatch(/خانه\u200cامن|ي/);
    // The editor says what happens next: approval.
    await page
      .getByText('پس از تأیید همکاری که اجازه‌ی انتشار دارد روی سایت می‌رود')
      .first()
      .waitFor();

    // 3. The pipeline takes the commit; the item is in review, so it is nowhere yet.
    await round('synced');
    expect(git(serverRepo, 'rev-parse', 'HEAD')).toBe(git(editorRepo, 'rev-parse', 'HEAD'));
    expect((await get(article)).status).toBe(404);
    expect(readStatus(releasesDir)?.inReview).toBe(1);
    // The writer may not approve: no button, and a sentence saying who can.
    await page.getByText('شما اجازه‌ی تأیید ندارید').waitFor();
    expect(await page.getByRole('button', { name: 'تأیید و انتشار این متن' }).count()).toBe(0);
    expect(seen.foreign).toEqual([]);

    // 4. The approver, in their own browser, opens the item and approves it.
    const approverContext = await personAt(approver);
    const review = await openEditor(approverContext, `#/collections/news_fa/entries/${slug}`);
    const approve = review.getByRole('button', { name: 'تأیید و انتشار این متن' });
    await approve.waitFor();
    await review.getByText('هنوز کسی این متن را تأیید نکرده است.').waitFor();
    const axe = await new AxeBuilder({ page: review })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .include('.bz-approval')
      .analyze();
    expect(axe.violations.map((violation) => violation.id)).toEqual([]);
    await shot(review, '02-approve', /^وضعیت انتشار/);
    // Keyboard: the button is reached and pressed like any other.
    await approve.focus();
    await review.keyboard.press('Enter');
    await review.getByText(/^تأیید شد \(/).waitFor();
    await shot(review, '03-approved', /^وضعیت انتشار/);

    // 5. The next round publishes it without a build; the editor then says it is live.
    await round('synced');
    await review.getByText(/روی سایت است: .* ثانیه پس از تأیید منتشر شد\./).waitFor();
    await shot(review, '04-live', /^وضعیت انتشار/);
    const page1 = await text(article);
    expect(page1).toContain(title);
    expect(page1).toMatch(/<h2[^>]*>چه کسانی می‌توانند بیایند<\/h2>/);
    expect(page1).toContain('<strong>با ظرفیت بیست نفر</strong>');
    expect(page1).toContain('نمای بیرونی ساختمان دوطبقه‌ی خانه‌ی امن با در سبز');
    expect(await text('/news/')).toContain(title);
    expect(await text(`/news/tags/${tagSlug}/`)).toContain(title);
    expect(await text('/news/provinces/chaharmahal-bakhtiari/')).toContain(title);
    expect(await text('/rss.xml')).toContain(title);
    expect(await search(searchWord)).toContain(article);

    // 6. The writer edits the title: the approval was of the old text, so the item goes off
    //    the site at the next round, and the approver is told the text changed after approval.
    //    (The writer's tab is still on the item: Decap opened it there after the first save.)
    await page.getByLabel('عنوان', { exact: true }).fill(editedTitle);
    await save(page);
    await round('synced');
    expect((await get(article)).status).toBe(404);
    await review.close();
    const again = await openEditor(approverContext, `#/collections/news_fa/entries/${slug}`);
    await again.getByText(/متن پس از تأیید .* تغییر کرده است/).waitFor();
    await shot(again, '05-changed-after-approval', /^وضعیت انتشار/);
    await again.getByRole('button', { name: 'تأیید و انتشار این متن' }).click();
    await again.getByText(/^تأیید شد \(/).waitFor();
    await round('synced');
    await again.getByText(/^روی سایت است: .* ثانیه پس از تأیید/).waitFor();
    const page2 = await text(article);
    expect(page2).toContain(editedTitle);
    expect(await text('/rss.xml')).toContain(editedTitle);

    // 7. The writer takes it off the site: a new release (its address answers 410).
    await page.getByLabel(/^وضعیت انتشار/).selectOption('withdrawn');
    await save(page);
    expect(readFileSync(join(contentOf(editorRepo), `news/fa/${slug}.md`), 'utf8')).toMatch(
      /^status: withdrawn$/m,
    );
    await round('published');
    // The running server takes the new release within moments of the switch (no restart).
    await expect.poll(async () => (await get(article)).status, { timeout: 60_000 }).toBe(410);
    expect(await text(article)).toContain('این خبر برداشته شده است');
    await page.getByText(/از سایت برداشته شد/).waitFor({ timeout: 120_000 });
    await shot(page, '06-withdrawn', /^وضعیت انتشار/);
    for (const path of ['/news/', '/rss.xml', `/news/tags/${tagSlug}/`]) {
      expect(await text(path), path).not.toContain(editedTitle);
    }
    expect(await search(searchWord)).not.toContain(article);
    expect(seen.foreign).toEqual([]);
    await writerContext.close();
    await approverContext.close();
  }, 1_500_000);

  it('shows a failed round in the editor, naming the file and the field; fixed there, it goes live', async () => {
    // A file written by hand, outside the editor, with a date that does not exist.
    const name = 'news/fa/hand-written-e2e.md';
    writeFileSync(
      join(contentOf(editorRepo), name),
      '---\ntitle: خبری که با دست نوشته شد\nsummary: تاریخ این خبر وجود ندارد.\ndate: 1404/13/40\ncode: 998877\noffice: روابط عمومی\n---\n\nمتن.\n',
    );
    git(editorRepo, 'add', '--all');
    git(editorRepo, 'commit', '--quiet', '-m', 'A news item written by hand');
    await round('failed');
    expect(readStatus(releasesDir)?.failure).toMatchObject({ file: name, field: 'date' });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await openEditor(context);
    const box = page.locator('.bz-publish-status');
    await expect.poll(() => box.textContent()).toContain(`خبر ${name} منتشر نشد`);
    expect(await box.textContent()).toContain('«تاریخ انتشار»');
    await page
      .getByRole('link', { name: /خبرهای فارسی/ })
      .first()
      .waitFor();
    await shot(page, '07-failed');
    // The office fixes it in the editor: the item opens with its date marked, the date is
    // corrected and saved, and the editor follows it onto the site.
    await page.goto(`${server.baseUrl}/admin/#/collections/news_fa/entries/hand-written-e2e`);
    const date = page.getByLabel('تاریخ انتشار');
    await expect.poll(() => date.inputValue()).toBe('1404/13/40');
    await page
      .getByText(/«تاریخ انتشار» تاریخ درستی نیست/)
      .first()
      .waitFor();
    await date.fill('۱۴۰۴/۰۹/۰۲');
    // The publish time's reading follows the date as it is typed.
    await page
      .getByText('زمان انتشار: ۲ آذر ۱۴۰۴، ساعت ۰۰:۰۰ به وقت تهران', { exact: false })
      .waitFor();
    await save(page);
    await round('synced');
    await page.getByText(/^روی سایت است: .* ثانیه پس از ذخیره منتشر شد\./).waitFor();
    await shot(page, '08-fixed', /^تاریخ انتشار/);
    expect(await text('/news/hand-written-e2e/')).toContain('خبری که با دست نوشته شد');
    expect(readStatus(releasesDir)?.state).toBe('live');
    await context.close();
  }, 300_000);

  it('a writer who may publish cannot approve their own text; a second account can, and the approver’s own edit needs the first', async () => {
    const ownTitle = 'دیدار مدیرکل با خانواده‌های دارای فرزند معلول در سامان';
    const chiefContext = await personAt(chief);
    const page = await openEditor(chiefContext, '#/collections/news_fa/new');
    await page.getByLabel('عنوان', { exact: true }).fill(ownTitle);
    await page
      .getByLabel('خلاصه', { exact: true })
      .fill('مدیرکل بهزیستی استان با خانواده‌های دارای فرزند معلول در شهر سامان دیدار کرد.');
    await page.getByLabel(/^کد خبر/).fill('997711');
    await page.getByLabel(/^دفتر منتشرکننده/).fill('روابط عمومی بهزیستی استان چهارمحال و بختیاری');
    await page.locator('[data-slate-editor="true"]').click();
    await page.keyboard.type('در این دیدار درباره‌ی خدمات توان‌بخشی در خانه گفت‌وگو شد.');
    await page.getByLabel(/^وضعیت انتشار/).selectOption('review');
    await save(page);
    const slug = 'news-997711';
    const article = `/news/${slug}/`;
    await round('synced');
    expect((await get(article)).status).toBe(404);

    // The chief saved this text: the button is there but disabled, and says why.
    const button = page.getByRole('button', { name: 'تأیید و انتشار این متن' });
    await page.getByText('این نسخه را office-chief ذخیره کرده است.').waitFor();
    await expect.poll(() => button.isDisabled()).toBe(true);
    const why = page.locator(`[id="${await button.getAttribute('aria-describedby')}"]`);
    expect(await why.textContent()).toContain(
      'شما این نسخه را ذخیره کرده‌اید و خودتان نمی‌توانید آن را تأیید کنید',
    );
    // Asked directly, the server refuses too, with what to do.
    const own = await chiefContext.request.post(`${server.baseUrl}/api/publish/approvals`, {
      data: { id: `fa/${slug}` },
    });
    expect(own.status()).toBe(403);
    const refusal = (await own.json()) as { error: { code: string; message: { fa: string } } };
    expect(refusal.error.code).toBe('SAME_ACCOUNT');
    expect(refusal.error.message.fa).toContain('از همکاری که اجازه‌ی انتشار دارد بخواهید');
    await shot(page, '09-own-text', /^وضعیت انتشار/);
    // The refusal changed nothing: the round has nothing to do, and the item is still off the site.
    await round('unchanged');
    expect((await get(article)).status).toBe(404);

    // A second account with the right to publish approves it.
    const approverContext = await personAt(approver);
    const review = await openEditor(approverContext, `#/collections/news_fa/entries/${slug}`);
    await review.getByText('این نسخه را office-chief ذخیره کرده است.').waitFor();
    const approve = review.getByRole('button', { name: 'تأیید و انتشار این متن' });
    await expect.poll(() => approve.isEnabled()).toBe(true);
    await approve.click();
    await review.getByText(/^تأیید شد \(/).waitFor();
    await round('synced');
    expect(await text(article)).toContain(ownTitle);

    // The approver edits the approved text: it goes off the site, and their own edit waits for
    // the chief's approval (the approver's button is now the disabled one).
    const editedTitle = `${ownTitle} و بازدید از مرکز`;
    await review.getByLabel('عنوان', { exact: true }).fill(editedTitle);
    await save(review);
    await round('synced');
    expect((await get(article)).status).toBe(404);
    await review.getByText(`این نسخه را ${approver.name} ذخیره کرده است.`).waitFor();
    await expect.poll(() => approve.isDisabled()).toBe(true);
    const again = await chiefContext.request.post(`${server.baseUrl}/api/publish/approvals`, {
      data: { id: `fa/${slug}` },
    });
    expect(again.status()).toBe(201);
    expect(await again.json()).toMatchObject({ by: chief.name, savedBy: [approver.name] });
    await round('synced');
    expect(await text(article)).toContain(editedTitle);
    await chiefContext.close();
    await approverContext.close();
  }, 600_000);

  it('a text written outside the editor is approvable only after someone records it as theirs, and then not by them', async () => {
    const slug = 'outside-editor-e2e';
    writeFileSync(
      join(contentOf(editorRepo), `news/fa/${slug}.md`),
      '---\ntitle: خبری که بیرون از ویرایشگر نوشته شد\nsummary: این خبر مستقیم در مخزن نوشته شد.\ndate: 1404/09/02\nstatus: review\ncode: 997722\noffice: روابط عمومی\n---\n\nمتن.\n',
    );
    git(editorRepo, 'add', '--all');
    git(editorRepo, 'commit', '--quiet', '-m', 'A news item written outside the editor');
    await round('synced');
    const chiefContext = await personAt(chief);
    const page = await openEditor(chiefContext, `#/collections/news_fa/entries/${slug}`);
    const approve = page.getByRole('button', { name: 'تأیید و انتشار این متن' });
    await page.getByText(/^معلوم نیست چه کسی این نسخه را ذخیره کرده است/).waitFor();
    await expect.poll(() => approve.isDisabled()).toBe(true);
    const unknown = await chiefContext.request.post(`${server.baseUrl}/api/publish/approvals`, {
      data: { id: `fa/${slug}` },
    });
    expect(unknown.status()).toBe(409);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe(
      'SAVER_UNKNOWN',
    );
    // The chief has read it and records it as theirs: now a colleague, not they, may approve.
    await page.getByRole('button', { name: 'ثبت این نسخه به نام من' }).click();
    await page.getByText('این نسخه را office-chief ذخیره کرده است.').waitFor();
    await expect.poll(() => approve.isDisabled()).toBe(true);
    await page.getByText(/^شما این نسخه را ذخیره کرده‌اید/).waitFor();
    const approverContext = await personAt(approver);
    const approved = await approverContext.request.post(`${server.baseUrl}/api/publish/approvals`, {
      data: { id: `fa/${slug}` },
    });
    expect(approved.status()).toBe(201);
    await round('synced');
    expect(await text(`/news/${slug}/`)).toContain('خبری که بیرون از ویرایشگر نوشته شد');
    await chiefContext.close();
    await approverContext.close();
  }, 300_000);
});
