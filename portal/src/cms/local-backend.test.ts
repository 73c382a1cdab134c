import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkEntry, withoutEmptyValues } from './check-entry.ts';
import { contentRelative, createLocalBackend } from './local-backend.ts';
import { MAX_UPLOAD_BYTES } from './messages.ts';

// The editor's local file-system backend against a temporary copy of the content folder.
const work = mkdtempSync(join(tmpdir(), 'bz-cms-unit-'));
const contentDir = join(work, 'content');
cpSync(new URL('../content', import.meta.url).pathname, contentDir, { recursive: true });
const handle = createLocalBackend({ contentDir });
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function call(action: string, params: Record<string, unknown> = {}) {
  const response = await handle(
    new Request('http://127.0.0.1/admin/api/v1', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action, params }),
    }),
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const news = (front: string) => `---\n${front}\n---\nمتن خبر.\n`;
const valid = news(
  'title: خبر آزمون\nsummary: خلاصه\ndate: 1404-09-02\ncode: 990001\noffice: روابط عمومی',
);

describe('contentRelative', () => {
  it('maps repository paths inside the content folder', () => {
    expect(contentRelative('portal/src/content/news/fa/x.md')).toBe('news/fa/x.md');
    expect(contentRelative('portal/src/content')).toBe('');
  });
  it.each([
    'portal/src/content/../package.json',
    'portal/src/content/news/../../../x',
    'portal/src/contentx/a.md',
    'portal/src/content/news//fa/x.md',
    'portal/src/content/news\\fa\\x.md',
    '/etc/passwd',
    '',
  ])('refuses %j', (path) => {
    expect(() => contentRelative(path)).toThrow();
  });
});

describe('local backend', () => {
  it('lists the news folder as Decap expects', async () => {
    const { status, body } = await call('entriesByFolder', {
      folder: 'portal/src/content/news/fa',
      extension: 'md',
      depth: 1,
    });
    expect(status).toBe(200);
    const entries = body as unknown as { file: { path: string; id: string }; data: string }[];
    expect(entries.length).toBeGreaterThan(5);
    expect(entries[0]?.file.path).toMatch(/^portal\/src\/content\/news\/fa\/[a-z0-9-]+\.md$/);
    expect(entries[0]?.data.startsWith('---')).toBe(true);
  });

  it('writes a valid item and its picture, and nothing else', async () => {
    const { status } = await call('persistEntry', {
      dataFiles: [{ path: 'portal/src/content/news/fa/unit-ok.md', raw: valid }],
      assets: [
        {
          path: 'portal/src/content/news/images/unit.png',
          content: 'iVBORw0KGgo=',
          encoding: 'base64',
        },
      ],
    });
    expect(status).toBe(200);
    expect(readFileSync(join(contentDir, 'news/fa/unit-ok.md'), 'utf8')).toBe(valid);
    expect(existsSync(join(contentDir, 'news/images/unit.png'))).toBe(true);
  });

  it('refuses an item the build would refuse, with the build’s messages', async () => {
    const raw = news('title: ""\nsummary: خلاصه\ndate: 1403-13-40\ncode: 12a\noffice: x\nofice: y');
    const { status, body } = await call('persistEntry', {
      dataFiles: [{ path: 'portal/src/content/news/fa/unit-bad.md', raw }],
      assets: [],
    });
    expect(status).toBe(422);
    // Each problem in Persian (what to do), then the build's English line word for word.
    const lines = String(body.error).split('\n');
    expect(lines.filter((_, i) => i % 2 === 0)).toEqual([
      '«عنوان» را پر کنید.',
      '«تاریخ انتشار» تاریخ درستی نیست. سال-ماه-روز بنویسید، مانند ۱۴۰۴-۰۹-۰۲ (ماه ۱ تا ۱۲، روزی که در آن ماه هست).',
      '«کد خبر» باید ۱ تا ۱۲ رقم باشد، بدون حرف یا فاصله.',
      'فیلد «ofice» را سایت نمی‌شناسد؛ نامش را درست بنویسید (شاید «office») یا آن را بردارید.',
    ]);
    expect(lines.filter((_, i) => i % 2 === 1)).toEqual([
      'title: must not be empty',
      "date: '1403-13-40' is not a real date: write YYYY-MM-DD or YYYY/MM/DD, Solar Hijri (e.g. 1403-05-12) or Gregorian (e.g. 2024-08-02), in any digits",
      "code: news code '12a' must be 1 to 12 digits (any digit set)",
      "ofice: unknown field 'ofice' — check the spelling (did you mean 'office'?)",
    ]);
    expect(existsSync(join(contentDir, 'news/fa/unit-bad.md'))).toBe(false);
  });

  it('refuses a picture that is not there, and a language the folder contradicts', async () => {
    const missing = valid.replace(
      'office:',
      'image: { src: ../images/nowhere.png, alt: x }\noffice:',
    );
    const first = await call('persistEntry', {
      dataFiles: [{ path: 'portal/src/content/news/fa/unit-img.md', raw: missing }],
      assets: [],
    });
    expect(first.status).toBe(422);
    expect(first.body.error).toMatch(
      /^تصویر «تصویر اصلی» پیدا نشد.*\nimage\.src: Could not find requested image `\.\.\/images\/nowhere\.png`/,
    );
    const wrongLang = valid.replace('office:', 'lang: en\noffice:').replace('990001', '990002');
    const second = await call('persistEntry', {
      dataFiles: [{ path: 'portal/src/content/news/fa/unit-lang.md', raw: wrongLang }],
      assets: [],
    });
    expect(String(second.body.error).split('\n')[1]).toBe(
      "field 'lang' is 'en' but the file is in news/fa/; write lang: fa (Persian is the default)",
    );
  });

  it('refuses renames, other folders and symbolic links out of the content folder', async () => {
    const rename = await call('persistEntry', {
      dataFiles: [
        {
          path: 'portal/src/content/news/fa/unit-ok.md',
          newPath: 'portal/src/content/news/fa/other.md',
          raw: valid,
        },
      ],
      assets: [],
    });
    expect(rename.status).toBe(422);
    for (const path of [
      'portal/src/content/service-bases/isfahan.yaml',
      'portal/src/content/programmes/tests/social-emergency.yaml',
      'portal/src/content/news/fa/x.js',
    ]) {
      const write = await call('persistMedia', {
        asset: { path, content: 'eA==', encoding: 'base64' },
      });
      expect(write.status, path).toBe(403);
    }
    writeFileSync(join(work, 'secret.txt'), 'outside');
    symlinkSync(work, join(contentDir, 'news/escape'));
    const listed = await call('getMedia', { mediaFolder: 'portal/src/content/news/escape' });
    expect(listed.status).toBe(403);
    const read = await call('getMediaFile', { path: 'portal/src/content/news/escape/secret.txt' });
    expect(read.status).toBe(403);
    const write = await call('persistMedia', {
      asset: {
        path: 'portal/src/content/news/images/escape.png',
        content: 'eA==',
        encoding: 'base64',
      },
    });
    expect(write.status).toBe(200); // an ordinary picture still goes in
  });
});

describe('upload limit', () => {
  const picture = (bytes: number) => Buffer.alloc(bytes, 7).toString('base64');
  it('refuses a picture above 5 MB in Persian and English, and writes nothing', async () => {
    const path = 'portal/src/content/news/images/too-large.png';
    const media = await call('persistMedia', {
      asset: { path, content: picture(MAX_UPLOAD_BYTES + 1), encoding: 'base64' },
    });
    expect(media.status).toBe(413);
    expect(media.body.error).toMatch(/مگابایت/);
    expect(media.body.error).toMatch(/the limit is 5 MB/);
    expect(media.body.error).not.toMatch(/API_ERROR|portal\/|\.png/);
    expect(existsSync(join(contentDir, 'news/images/too-large.png'))).toBe(false);

    // Sent with an item: neither the picture nor the item is written.
    const entry = await call('persistEntry', {
      dataFiles: [{ path: 'portal/src/content/news/fa/with-large-picture.md', raw: valid }],
      assets: [{ path, content: picture(MAX_UPLOAD_BYTES + 1), encoding: 'base64' }],
    });
    expect(entry.status).toBe(413);
    expect(existsSync(join(contentDir, 'news/fa/with-large-picture.md'))).toBe(false);
    expect(existsSync(join(contentDir, 'news/images/too-large.png'))).toBe(false);
  });
  it('accepts a picture of exactly 5 MB', async () => {
    const media = await call('persistMedia', {
      asset: {
        path: 'portal/src/content/news/images/at-limit.png',
        content: picture(MAX_UPLOAD_BYTES),
        encoding: 'base64',
      },
    });
    expect(media.status).toBe(200);
  });
});

describe('check-entry', () => {
  it('drops what an empty form leaves, keeps what a person typed', () => {
    expect(
      withoutEmptyValues({
        title: 't',
        province: '',
        image: { src: '', alt: '' },
        tags: [],
        draft: false,
        note: '  ',
      }),
    ).toEqual({ title: 't', tags: [], draft: false, note: '  ' });
  });
  it('accepts every news file in the repository', () => {
    expect(
      checkEntry('news', { title: 't', summary: 's', date: '۱۴۰۴/۰۹/۰۲', code: '۱۲', office: 'o' }),
    ).toEqual([]);
  });
});
