import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRecords } from '../../packages/core/src/cli/read-records.ts';
import { checkEntry, checkNewsField } from '../src/cms/check-entry.ts';
import { launchChromium, watch } from './browser.ts';
import { startPortalServer } from './server.setup.ts';

// The office's editor at /admin (Decap CMS, src/cms/): a person writes a news item in the real
// editor UI, with a picture and its alt text, and the file lands in the content folder with
// front matter core's schema accepts. The portal server runs here with local editing on and
// its content folder pointed at a temporary copy (CMS_CONTENT_DIR), so the repository's content
// never changes. With CMS_SCREENSHOTS=<folder> the steps are also saved as pictures for
// docs/publishing.md.

const portalDir = new URL('..', import.meta.url).pathname;
const screenshots = process.env.CMS_SCREENSHOTS;
const workDir = mkdtempSync(join(tmpdir(), 'bz-cms-e2e-'));
const contentDir = join(workDir, 'content');
let stopServer: (() => void) | undefined;
let baseUrl: string;
let browser: Browser;

/** A solid-colour PNG, built by hand so the test needs no image library. */
function png(width: number, height: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array(width).fill(rgb).flat())]);
  const pixels = deflateSync(Buffer.concat(Array(height).fill(row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A page with room for Decap's 5 MB bundle to load on a busy machine. */
async function newPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  page.setDefaultTimeout(90_000);
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  if (!screenshots) return;
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `${name}.png`) });
}

beforeAll(async () => {
  cpSync(join(portalDir, 'src/content'), contentDir, { recursive: true });
  // The production server (portal/server.ts), so the editor runs under its own CSP.
  const started = await startPortalServer(undefined, {
    FEEDBACK_DB: join(workDir, 'feedback.sqlite'),
    CMS_LOCAL_EDITING: '1',
    CMS_CONTENT_DIR: contentDir,
  });
  baseUrl = started.baseUrl;
  stopServer = started.stop;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  stopServer?.();
  rmSync(workDir, { recursive: true, force: true });
});

/** Opens the editor and signs in to the local backend (Decap asks for one click). */
async function openEditor(page: Page, query = ''): Promise<void> {
  await page.goto(`${baseUrl}/admin/${query}`, { waitUntil: 'domcontentloaded' });
  const signIn = page.getByRole('button', { name: query.includes('lang=en') ? 'Login' : 'ورود' });
  await signIn.waitFor();
  await shot(page, '01-sign-in');
  await signIn.click();
}

const newsFiles = () => readdirSync(join(contentDir, 'news/fa'));

describe('news editor (/admin)', () => {
  it('an editor writes a news item with a picture, saves a draft, publishes; the file passes core', async () => {
    const page = await newPage();
    const seen = watch(page, baseUrl);
    const before = new Set(newsFiles());
    await openEditor(page);
    await page
      .getByRole('link', { name: /خبرهای فارسی/ })
      .first()
      .waitFor();
    await shot(page, '02-news-list');
    await page
      .getByRole('link', { name: /خبر فارسی/ })
      .first()
      .click();

    const title = 'افتتاح پایگاه خدمات اجتماعی تازه در نجف‌آباد (آزمون)';
    await page.getByLabel('عنوان', { exact: true }).fill(title);
    await page
      .getByLabel('خلاصه', { exact: true })
      .fill('پایگاه تازه‌ی خدمات اجتماعی نجف‌آباد از امروز به مردم خدمت می‌دهد.');
    await page.getByLabel('تاریخ انتشار').fill('۱۴۰۴/۰۹/۰۲');
    await expect.poll(() => page.getByText('خوانده‌شده: ۲ آذر ۱۴۰۴').count()).toBe(1);
    const province = page.getByLabel(/^استان/);
    await province.fill('اصفهان');
    await province.press('Enter');
    await page.getByLabel(/^برچسب‌ها/).fill('پایگاه خدمات اجتماعی، توانمندسازی');
    await page.getByLabel(/^دفتر منتشرکننده/).fill('روابط عمومی بهزیستی استان اصفهان');
    const body = page.locator('[data-slate-editor="true"]');
    await body.click();
    await page.keyboard.type('این پایگاه در محله‌ی ');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('شریعتی');
    await page.keyboard.press('Control+b');
    await page.keyboard.type(' آغاز به کار کرد.');
    await shot(page, '03-write');

    await page.getByText('یک تصویر را انتخاب کنید').click();
    await page.locator('input[type="file"]').setInputFiles({
      name: 'najafabad-base.png',
      mimeType: 'image/png',
      buffer: png(120, 63, [26, 79, 139]),
    });
    await page.getByText('najafabad-base.png').waitFor();
    await shot(page, '04-picture');
    await page.getByRole('button', { name: 'انتخاب شده را انتخاب کنید' }).click();
    await page
      .getByLabel(/^متن جایگزین تصویر/)
      .fill('ساختمان یک‌طبقه‌ی پایگاه با سردر آبی و تابلوی بهزیستی');

    await page.getByLabel(/^پیش‌نویس/).click();
    await shot(page, '05-draft');
    await page.getByRole('button', { name: 'ذخیره', exact: true }).click();
    await page.getByRole('menuitem', { name: 'ذخیره کن' }).click();
    await page.getByText('ذخیره شد', { exact: true }).waitFor();

    const created = newsFiles().filter((file) => !before.has(file));
    expect(created).toHaveLength(1);
    const file = join(contentDir, 'news/fa', created[0] as string);
    expect(created[0]).toMatch(/^news-\d{12}\.md$/);
    const read = () => readRecords(readFileSync(file, 'utf8'), 'markdown');
    const draft = read();
    expect(draft.problems).toEqual([]);
    expect(checkEntry('news', draft.records[0]?.value)).toEqual([]);
    expect(draft.records[0]?.value).toMatchObject({
      title,
      province: 'isfahan',
      tags: ['پایگاه خدمات اجتماعی', 'توانمندسازی'],
      draft: true,
      image: {
        src: '../images/najafabad-base.png',
        alt: 'ساختمان یک‌طبقه‌ی پایگاه با سردر آبی و تابلوی بهزیستی',
      },
      office: 'روابط عمومی بهزیستی استان اصفهان',
    });
    expect(readFileSync(file, 'utf8')).toContain('**شریعتی**');
    expect(existsSync(join(contentDir, 'news/images/najafabad-base.png'))).toBe(true);

    // Publish: the draft switch off, saved again; the next build puts it on the site.
    await page.getByLabel(/^پیش‌نویس/).click();
    await page.getByRole('button', { name: 'ذخیره', exact: true }).click();
    await page.getByRole('menuitem', { name: 'ذخیره کن' }).click();
    await expect.poll(() => read().records[0]?.value).toMatchObject({ draft: false });
    await shot(page, '06-published');
    expect(checkEntry('news', read().records[0]?.value)).toEqual([]);

    expect(seen.foreign).toEqual([]);
    if (screenshots) {
      // What a published item looks like on the site (an item already in the build).
      await page.goto(`${baseUrl}/news/hesseh-service-base/`);
      await shot(page, '08-on-the-site');
    }
    await page.close();
  }, 240_000);

  it('refuses what the build refuses, with the build’s messages, and writes nothing', async () => {
    const page = await newPage();
    const seen = watch(page, baseUrl);
    const before = newsFiles();
    await page.goto(`${baseUrl}/admin/#/collections/news_fa/new`, {
      waitUntil: 'domcontentloaded',
    });
    await page.getByRole('button', { name: 'ورود' }).click();

    // Under the field, as it is typed: core's date check, word for word.
    await page.getByLabel('تاریخ انتشار').fill('1403-13-40');
    await page.getByLabel('عنوان', { exact: true }).fill('x'.repeat(201));
    await page.getByLabel('خلاصه', { exact: true }).fill('خلاصه');
    await page.getByLabel(/^دفتر منتشرکننده/).fill('روابط عمومی');
    await page.getByRole('button', { name: 'ذخیره', exact: true }).click();
    await page.getByRole('menuitem', { name: 'ذخیره کن' }).click();
    const dateMessage = checkNewsField('date', '1403-13-40') as string;
    expect(dateMessage).toContain('is not a real date');
    await page.getByText(dateMessage).waitFor();

    // A valid date; the 201-character title is now what the build refuses (core's message).
    await page.getByLabel('تاریخ انتشار').fill('1404-09-02');
    await page.getByRole('button', { name: 'ذخیره', exact: true }).click();
    await page.getByRole('menuitem', { name: 'ذخیره کن' }).click();
    const [titleProblem] = checkEntry('news', {
      title: 'x'.repeat(201),
      summary: 's',
      date: '1404-09-02',
      code: '1',
      office: 'o',
    });
    expect(titleProblem).toBe('title: too long (at most 200 characters; this has 201)');
    await page.getByText(titleProblem as string).waitFor();
    await page.waitForTimeout(800); // the notice slides in
    await shot(page, '07-refused');
    expect(newsFiles()).toEqual(before);
    expect(seen.foreign).toEqual([]);
    await page.close();
  }, 240_000);

  it('edits a programme page’s texts and keeps its questions and rules', async () => {
    const page = await newPage();
    const seen = watch(page, baseUrl);
    const file = join(contentDir, 'programmes/social-emergency.yaml');
    const before = readRecords(readFileSync(file, 'utf8'), 'yaml').records[0]?.value as {
      questions: unknown[];
      rules: unknown[];
    };
    await page.goto(`${baseUrl}/admin/#/collections/programmes/entries/social-emergency`, {
      waitUntil: 'domcontentloaded',
    });
    await page.getByRole('button', { name: 'ورود' }).click();
    const summary = page.getByLabel('فارسی', { exact: true }).nth(1);
    await summary.fill(`${await summary.inputValue()} (ویرایش آزمون)`);
    await page.getByRole('button', { name: 'ذخیره', exact: true }).click();
    await page.getByRole('menuitem', { name: 'ذخیره کن' }).click();
    await page.getByText('ذخیره شد', { exact: true }).waitFor();
    const after = readRecords(readFileSync(file, 'utf8'), 'yaml').records[0]?.value as {
      summary: { fa: string };
      questions: unknown[];
      rules: unknown[];
    };
    expect(after.summary.fa.endsWith('(ویرایش آزمون)')).toBe(true);
    expect(after.questions).toEqual(before.questions);
    expect(after.rules).toEqual(before.rules);
    expect(checkEntry('programme', after)).toEqual([]);
    expect(seen.foreign).toEqual([]);
    await page.close();
  }, 240_000);

  it('the server checks again and stays inside the content folder', async () => {
    const post = (body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${baseUrl}/admin/api/v1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    const raw =
      '---\ntitle: آزمون\nsummary: خلاصه\ndate: 1403-07-31\ncode: 77\noffice: روابط عمومی\nprovince: markazy\n---\nمتن\n';
    const refused = await post({
      action: 'persistEntry',
      params: {
        dataFiles: [{ path: 'portal/src/content/news/fa/server-check.md', raw }],
        assets: [],
      },
    });
    expect(refused.status).toBe(422);
    const { error } = (await refused.json()) as { error: string };
    const expected = checkEntry('news', readRecords(raw, 'markdown').records[0]?.value);
    expect(expected.length).toBeGreaterThan(0);
    expect(error.split('\n')).toEqual(expected);
    expect(existsSync(join(contentDir, 'news/fa/server-check.md'))).toBe(false);

    // The cross-file check of the build: a code another item already uses.
    const clash = raw
      .replace('date: 1403-07-31', 'date: 1404-02-30')
      .replace('province: markazy\n', '')
      .replace('code: 77', 'code: 104333');
    const clashing = await post({
      action: 'persistEntry',
      params: {
        dataFiles: [{ path: 'portal/src/content/news/fa/server-check.md', raw: clash }],
        assets: [],
      },
    });
    expect(clashing.status).toBe(422);
    expect(((await clashing.json()) as { error: string }).error).toMatch(
      /^field 'code' 104333 is already used by src\/content\/news\/fa\/.+\.md; each news item needs its own code$/,
    );

    for (const path of [
      'portal/src/content/../../package.json',
      'portal/src/content/news/fa/../../../../package.json',
      'portal/package.json',
      '/etc/passwd',
      'portal/src/content/service-bases/isfahan.yaml',
    ]) {
      const response = await post({
        action: 'persistMedia',
        params: { asset: { path, content: 'eA==', encoding: 'base64' } },
      });
      expect(response.status, path).toBe(403);
    }
    const read = await post({
      action: 'getEntry',
      params: { path: 'portal/src/content/../../astro.config.mjs' },
    });
    expect(read.status).toBe(403);
    // Another site's page cannot drive it from a visitor's browser.
    expect((await post({ action: 'info' }, { origin: 'https://example.org' })).status).toBe(403);
  });

  it.for(['', '?lang=en'])(
    'the editor page /admin/%s passes axe, with no request to another origin',
    { timeout: 240_000 },
    async (query) => {
      const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
      const page = await context.newPage();
      page.setDefaultTimeout(90_000);
      const seen = watch(page, baseUrl);
      const violations: string[] = [];
      const check = async (screen: string) => {
        const axe = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
          .analyze();
        for (const v of axe.violations) {
          const targets = v.nodes.map((n) => n.target.join(' ')).join(', ');
          violations.push(`${screen}: ${v.id}: ${v.help} (${v.nodes.length}) ${targets}`);
        }
      };
      await page.goto(`${baseUrl}/admin/${query}`, { waitUntil: 'domcontentloaded' });
      await page.getByRole('button', { name: query ? 'Login' : 'ورود' }).waitFor();
      await check('sign-in');
      await page.getByRole('button', { name: query ? 'Login' : 'ورود' }).click();
      await page
        .getByRole('link', { name: query ? /Persian news/ : /خبرهای فارسی/ })
        .first()
        .waitFor();
      await check('news list');
      await page.goto(`${baseUrl}/admin/${query}#/collections/news_fa/new`, {
        waitUntil: 'domcontentloaded',
      });
      await page.locator('[data-slate-editor="true"]').waitFor();
      await check('new item');
      expect(violations).toEqual([]);
      expect(seen.foreign).toEqual([]);
      await context.close();
    },
  );
});
