import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { toLocaleDigits } from '@behzisti/core/text';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRecords } from '../../packages/core/src/cli/read-records.ts';
import { checkEntry, checkNewsField } from '../src/cms/check-entry.ts';
import { launchChromium, watch } from './browser.ts';
import { typeBody } from './news-editor.ts';
import { startPortalServer } from './server.setup.ts';
import { tempFolder } from './temp.ts';

// The office's editor at /admin (Decap CMS, src/cms/): a person writes a news item in the real
// editor UI, with a picture and its alt text, and the file lands in the content folder with
// front matter core's schema accepts. The portal server runs here with local editing on and
// its content folder pointed at a temporary copy (CMS_CONTENT_DIR), so the repository's content
// never changes. With CMS_SCREENSHOTS=<folder> the steps are also saved as pictures for
// docs/publishing.md.

const portalDir = new URL('..', import.meta.url).pathname;
const screenshots = process.env.CMS_SCREENSHOTS;
const work = tempFolder('cms-e2e');
const contentDir = join(work.path, 'content');
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
    FEEDBACK_DB: join(work.path, 'feedback.sqlite'),
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
  work.remove();
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
    // The title's counter, by the field, in Persian digits.
    await page
      .getByText(`${toLocaleDigits(String([...title].length), 'fa')} از ۲۰۰ نویسه`, { exact: true })
      .waitFor();
    await page
      .getByLabel('خلاصه', { exact: true })
      .fill('پایگاه تازه‌ی خدمات اجتماعی نجف‌آباد از امروز به مردم خدمت می‌دهد.');
    await page.getByLabel('تاریخ انتشار').fill('۱۴۰۴/۰۹/۰۲');
    await expect.poll(() => page.getByText('خوانده‌شده: ۲ آذر ۱۴۰۴').count()).toBe(1);
    const province = page.getByLabel(/^استان/);
    await province.fill('اصفهان');
    await province.press('Enter');
    // Arabic ي and a ZWNJ spelling of the same tag (an Arabic keyboard, a hurried writer):
    // saved once, in Persian letters.
    await page
      .getByLabel(/^برچسب‌ها/)
      .fill('پايگاه خدمات اجتماعي، توانمندسازی، پایگاه‌خدمات اجتماعی');
    await page.getByLabel(/^دفتر منتشرکننده/).fill('روابط عمومی بهزیستی استان اصفهان');
    // A subheading typed as Markdown at the start of a line, then Markdown typed in a line.
    await typeBody(page, {
      opening: 'این پایگاه در محله‌ی ',
      bold: 'شریعتی',
      closing: ' آغاز به کار کرد.',
      subheading: 'ساعت کار پایگاه',
      last: 'پایگاه **هر روز** باز است.',
    });
    await shot(page, '03-write');

    await page.getByText('یک تصویر را انتخاب کنید').click();
    await page.locator('input[type="file"]').setInputFiles({
      name: 'najafabad-base.png',
      mimeType: 'image/png',
      buffer: png(120, 63, [26, 79, 139]),
    });
    await page.getByText('najafabad-base.png').waitFor();
    await shot(page, '04-picture');
    await page.getByRole('button', { name: 'گذاشتن تصویر برگزیده' }).click();
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
    const saved = readFileSync(file, 'utf8');
    expect(saved).toContain('**شریعتی**');
    // `## ` made a subheading, and Markdown typed in the rich-text mode is Markdown, not escaped.
    expect(saved).toMatch(/^## ساعت کار پایگاه$/m);
    expect(saved).toContain('پایگاه **هر روز** باز است.');
    expect(saved).not.toContain('\\');
    // The date as typed (Persian digits, slashes) is stored in the one sortable form.
    expect(saved).toMatch(/^date: ["']?1404-09-02["']?$/m);
    expect(existsSync(join(contentDir, 'news/images/najafabad-base.png'))).toBe(true);

    // Publish: the draft switch off, saved again; the next build puts it on the site.
    // After a save Decap loads the item again: untick only once it is back, and check it took.
    const draftBox = page.getByLabel(/^پیش‌نویس/);
    await expect.poll(() => draftBox.isChecked()).toBe(true);
    await draftBox.click();
    await expect.poll(() => draftBox.isChecked()).toBe(false);
    await page.getByRole('button', { name: 'ذخیره', exact: true }).click();
    await page.getByRole('menuitem', { name: 'ذخیره کن' }).click();
    await expect
      .poll(() => read().records[0]?.value, { timeout: 60_000 })
      .toMatchObject({ draft: false });
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

  it('refuses each bad input with a Persian and English message by its field, and writes nothing', async () => {
    const page = await newPage();
    const seen = watch(page, baseUrl);
    const before = newsFiles();
    await page.goto(`${baseUrl}/admin/#/collections/news_fa/new`, {
      waitUntil: 'domcontentloaded',
    });
    await page.getByRole('button', { name: 'ورود' }).click();
    /** What is written under a field (its counter, its reading or its problem). */
    const noteOf = async (field: Locator) =>
      page.locator(`[id="${await field.getAttribute('aria-describedby')}"]`);
    /** Decap's list of problems in the field's own box, after a save was tried. */
    const errorsOf = (field: Locator) =>
      field.evaluate(
        (input) =>
          input
            .closest('[class*="ControlContainer"]')
            ?.querySelector('[class*="ControlErrorsList"]')?.textContent ?? '',
      );

    // As it is typed, under the field: Persian first, then core's date check word for word.
    const date = page.getByLabel('تاریخ انتشار');
    await date.fill('1403-13-40');
    const dateMessage = checkNewsField('date', '1403-13-40') as string;
    expect(dateMessage).toContain('is not a real date');
    const dateNote = await noteOf(date);
    await expect.poll(() => dateNote.textContent()).toContain('تاریخ درستی نیست');
    expect(await dateNote.textContent()).toContain(dateMessage);

    const title = page.getByLabel('عنوان', { exact: true });
    await title.fill('x'.repeat(201));
    expect(await (await noteOf(title)).textContent()).toBe(
      '۲۰۱ از ۲۰۰ نویسه: ۱ نویسه بیش از اندازه؛ کوتاه‌ترش کنید.',
    );
    await page.getByLabel('خلاصه', { exact: true }).fill('خلاصه');
    await page.getByLabel(/^دفتر منتشرکننده/).fill('روابط عمومی');
    await page.getByRole('button', { name: 'ذخیره', exact: true }).click();
    await page.getByRole('menuitem', { name: 'ذخیره کن' }).click();

    // Saving is refused; each problem is shown in its own field's box, in both languages.
    const [titleProblem] = checkEntry('news', {
      title: 'x'.repeat(201),
      summary: 's',
      date: '1404-09-02',
      code: '1',
      office: 'o',
    });
    expect(titleProblem).toBe('title: too long (at most 200 characters; this has 201)');
    await expect.poll(() => errorsOf(title)).toContain('«عنوان» حداکثر ۲۰۰ نویسه است (اکنون ۲۰۱)');
    expect(await errorsOf(title)).toContain('too long (at most 200 characters; this has 201)');
    expect(await errorsOf(date)).toContain('«تاریخ انتشار» تاریخ درستی نیست');
    expect(await errorsOf(date)).toContain(dateMessage);
    await page.waitForTimeout(800); // the notice slides in
    await title.scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, -120);
    await shot(page, '07-refused');
    expect(newsFiles()).toEqual(before);

    // A valid date and title, but a news code another item has: the server refuses it, and the
    // notice says so in Persian and English, with no API_ERROR prefix and no file path.
    await date.fill('1404-09-02');
    await title.fill('خبر آزمون کد تکراری');
    const code = page.getByLabel('کد خبر');
    await code.fill('104333');
    await page.getByRole('button', { name: 'ذخیره', exact: true }).click();
    await page.getByRole('menuitem', { name: 'ذخیره کن' }).click();
    const notice = page.locator('.Toastify__toast-body').filter({ hasText: 'کد خبر' });
    await expect.poll(() => notice.first().textContent()).toContain('را خبر دیگری دارد');
    await page.waitForTimeout(300); // the prefix is removed on the next frame
    const text = (await page.locator('body').textContent()) ?? '';
    expect(text).not.toContain('API_ERROR');
    expect(text).not.toMatch(/src\/content|\.md\b/);
    expect(text).toContain("field 'code' 104333 is already used by another news item");
    // …and by the field itself.
    await expect
      .poll(() =>
        code.evaluate(
          (input) =>
            input.closest('[class*="ControlContainer"]')?.querySelector('.bz-server-problem')
              ?.textContent,
        ),
      )
      .toBe(
        '«کد خبر» را خبر دیگری دارد؛ هر خبر کد خودش را می‌خواهد. کد را عوض کنید.\n' +
          "field 'code' 104333 is already used by another news item; each news item needs its own code",
      );
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
    // Each of the build's lines, after a Persian one that says what to do.
    expect(error.split('\n').filter((_, i) => i % 2 === 1)).toEqual(expected);
    expect(error.split('\n')).toContain('«استان» را از فهرست استان‌ها برگزینید.');
    expect(error).not.toMatch(/API_ERROR|src\/content/);
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
    expect(((await clashing.json()) as { error: string }).error).toBe(
      '«کد خبر» را خبر دیگری دارد؛ هر خبر کد خودش را می‌خواهد. کد را عوض کنید.\n' +
        "field 'code' 104333 is already used by another news item; each news item needs its own code",
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

  it('mirrors the frame in Persian: form on the right, preview buttons over no text box', async () => {
    for (const [query, direction] of [
      ['', 'rtl'],
      ['?lang=en', 'ltr'],
    ] as const) {
      const page = await newPage();
      await page.goto(`${baseUrl}/admin/${query}#/collections/news_fa/new`, {
        waitUntil: 'domcontentloaded',
      });
      await page.getByRole('button', { name: query ? 'Login' : 'ورود' }).click();
      await page.locator('[data-slate-editor="true"]').waitFor();
      const layout = await page.evaluate(() => {
        const box = (el: Element | null) => el?.getBoundingClientRect().toJSON() as DOMRect;
        const form = document.querySelector('[class*="ControlPaneContainer"]');
        const preview = document.querySelector('#preview-pane');
        const label = document.querySelector('#nc-root label');
        const fields = [
          ...document.querySelectorAll(
            '#nc-root :is(input, textarea, select, label, [contenteditable="true"], p)',
          ),
        ].map(box);
        const controls = [
          ...document.querySelectorAll('[class*="-Editor"] > [class*="-ViewControls"] button'),
        ].map(box);
        return {
          direction: getComputedStyle(document.documentElement).direction,
          formDirection: form ? getComputedStyle(form).direction : '',
          form: box(form),
          preview: box(preview),
          label: box(label),
          labelAlign: label ? getComputedStyle(label.parentElement as Element).textAlign : '',
          controls,
          fields,
        };
      });
      expect(layout.direction).toBe(direction);
      expect(layout.formDirection).toBe(direction);
      if (direction === 'rtl') {
        // Form (with its labels) on the right, the preview on the left.
        expect(layout.form.x).toBeGreaterThan(layout.preview.x);
        expect(layout.label.x + layout.label.width).toBeGreaterThan(
          layout.form.x + layout.form.width * 0.75,
        );
      } else {
        expect(layout.form.x).toBeLessThan(layout.preview.x);
      }
      // The preview's floating buttons exist and cover no field, label or line of text.
      expect(layout.controls.length).toBeGreaterThan(0);
      const overlaps = (a: DOMRect, b: DOMRect) =>
        a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      for (const control of layout.controls) {
        for (const field of layout.fields) {
          if (field.width > 0 && field.height > 0) expect(overlaps(control, field)).toBe(false);
        }
      }
      await page.close();
    }
  }, 240_000);

  it('a subheading from the toolbar button, and from ## typed at a line start', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/admin/#/collections/news_fa/new`, {
      waitUntil: 'domcontentloaded',
    });
    await page.getByRole('button', { name: 'ورود' }).click();
    const body = page.locator('[data-slate-editor="true"]');
    await body.click();
    await page.keyboard.type('نشانی پایگاه');
    const button = page.getByRole('button', { name: 'میان‌تیتر', exact: true });
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('false');
    await button.click();
    await expect.poll(() => body.locator('h2').allTextContents()).toEqual(['نشانی پایگاه']);
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    // Pressed again: a paragraph again.
    await button.click();
    await expect.poll(() => body.locator('h2').count()).toBe(0);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('### ساعت کار');
    await expect.poll(() => body.locator('h2').allTextContents()).toEqual(['ساعت کار']);
    await page.close();
  }, 240_000);

  it('refuses a picture above 5 MB beside the upload button, in Persian and English; nothing is written', async () => {
    const page = await newPage();
    const seen = watch(page, baseUrl);
    await page.goto(`${baseUrl}/admin/#/collections/news_fa/new`, {
      waitUntil: 'domcontentloaded',
    });
    await page.getByRole('button', { name: 'ورود' }).click();
    const images = () => readdirSync(join(contentDir, 'news/images')).sort();
    const before = images();
    await page.getByText('یک تصویر را انتخاب کنید').click();
    // 6 MB: what a phone camera sends.
    const large = Buffer.alloc(6 * 1024 * 1024, 1);
    png(8, 8, [1, 2, 3]).copy(large);
    await page.locator('input[type="file"]').setInputFiles({
      name: 'camera-photo.png',
      mimeType: 'image/png',
      buffer: large,
    });
    const refusal = page.getByRole('alert').filter({ hasText: 'مگابایت' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe(
      'این تصویر ۶ مگابایت است و بیش از ۵ مگابایت پذیرفته نمی‌شود. تصویر کوچک‌تری بفرستید (مثلاً با عرض ۱۶۰۰ نقطه، JPEG یا WebP). چیزی ذخیره نشد.\n' +
        'This picture is 6 MB; the limit is 5 MB. Send a smaller one (e.g. 1600 pixels wide, JPEG or WebP). Nothing was saved.',
    );
    await shot(page, '04b-picture-too-large');
    expect(await page.getByText('camera-photo.png').count()).toBe(0);
    expect(images()).toEqual(before);
    // Sent past the page (straight to the server), it is refused there too.
    const direct = await fetch(`${baseUrl}/admin/api/v1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        action: 'persistMedia',
        params: {
          asset: {
            path: 'portal/src/content/news/images/camera-photo.png',
            content: large.toString('base64'),
            encoding: 'base64',
          },
        },
      }),
    });
    expect(direct.status).toBe(413);
    expect(((await direct.json()) as { error: string }).error).toContain('the limit is 5 MB');
    expect(images()).toEqual(before);
    expect(seen.foreign).toEqual([]);
    await page.close();
  }, 240_000);

  it('lists news newest first, with draft, in-review and scheduled marks', async () => {
    const write = (name: string, front: string) =>
      writeFileSync(
        join(contentDir, 'news/fa', `${name}.md`),
        `---\n${front}\nsummary: خلاصه\noffice: روابط عمومی\n---\nمتن\n`,
      );
    write('list-draft', 'title: خبر پیش‌نویس آزمون\ndate: 1404-10-01\ncode: 880001\ndraft: true');
    write(
      'list-review',
      'title: خبر در انتظار بازبینی\ndate: 1404-10-02\ncode: 880002\nstatus: review',
    );
    write('list-later', 'title: خبر زمان‌بندی‌شده\ndate: 1420-01-01\ncode: 880003');
    const page = await newPage();
    await page.goto(`${baseUrl}/admin/#/collections/news_fa`, { waitUntil: 'domcontentloaded' });
    await page.getByRole('button', { name: 'ورود' }).click();
    const cards = page.locator('#nc-root a[href*="/collections/news_fa/entries/"]');
    await cards.first().waitFor();
    await expect.poll(() => cards.first().textContent()).toBe('خبر زمان‌بندی‌شده زمان‌بندی‌شده');
    const texts = await cards.allTextContents();
    expect(texts.slice(0, 3)).toEqual([
      'خبر زمان‌بندی‌شده زمان‌بندی‌شده',
      'خبر در انتظار بازبینی در انتظار بازبینی',
      'خبر پیش‌نویس آزمون پیش‌نویس',
    ]);
    expect(texts.join('')).not.toContain('\u2063');
    // Newest first across the sample news (their dates, as the build reads them).
    const dates = readdirSync(join(contentDir, 'news/fa'))
      .filter((file) => file.endsWith('.md'))
      .map((file) =>
        readRecords(readFileSync(join(contentDir, 'news/fa', file), 'utf8'), 'markdown'),
      )
      .map((read) => read.records[0]?.value as { title: string; date: string })
      .sort((a, b) => String(b.date).localeCompare(String(a.date)));
    expect(texts.map((text) => text.split(' ')[0])).toEqual(
      dates.map((item) => item.title.split(' ')[0]),
    );
    await shot(page, '02b-news-list-marks');
    for (const name of ['list-draft', 'list-review', 'list-later']) {
      rmSync(join(contentDir, 'news/fa', `${name}.md`));
    }
    await page.close();
  }, 240_000);

  it('an earlier tag address (ZWNJ or Arabic spelling) redirects (301) to the one tag page', async () => {
    const earlier = `${baseUrl}/news/tags/${encodeURIComponent('محله\u200cمحور')}/`;
    const response = await fetch(earlier, { redirect: 'manual' });
    expect(response.status).toBe(301);
    const location = new URL(response.headers.get('location') ?? '', baseUrl);
    expect(decodeURIComponent(location.pathname)).toBe('/news/tags/محله-محور/');
    expect((await fetch(location)).status).toBe(200);
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
          // The element's own markup too: Decap's SVG class names make poor selectors.
          const targets = v.nodes.map((n) => `${n.target.join(' ')} ${n.html}`).join(', ');
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
