import { copyFileSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupByTag, indexNews } from './news.ts';
import { MEDIA_NAME } from './news-pictures.ts';
import { readNewsSources, type StoredEntry } from './news-source.ts';
import { NewsStore } from './news-store.ts';
import { syncNews } from './news-sync.ts';
import { paginate } from './pagination.ts';
import { CARD_NAME } from './social-card.ts';

// syncNews on real files and a real SQLite file: what the store holds after each sync equals
// what the static build computes from the same files, and the change report names exactly
// what a cache purge needs.

const picture = new URL('../content/news/images/service-base.svg', import.meta.url).pathname;

interface Item {
  locale: 'fa' | 'en';
  slug: string;
  code: number;
  day: number;
  tags: string[];
  province?: string | undefined;
  draft?: boolean;
  image?: boolean;
}

function markdown(item: Item): string {
  const lines = [
    '---',
    `title: Item ${item.slug}`,
    `summary: Summary of ${item.slug}.`,
    `date: 2025-01-${String(item.day + 1).padStart(2, '0')}`,
    `lang: ${item.locale}`,
    ...(item.province ? [`province: ${item.province}`] : []),
    `tags: [${item.tags.join(', ')}]`,
    `code: ${item.code}`,
    'office: Public relations',
    ...(item.draft ? ['draft: true'] : []),
    ...(item.image ? ['image:', '  src: ../images/p.svg', '  alt: A drawing of a building'] : []),
    '---',
    '',
    `Body of **${item.slug}**.`,
    '',
  ];
  return lines.join('\n');
}

let dir: string;
let contentDir: string;
let store: NewsStore;

const write = (item: Item) => {
  mkdirSync(join(contentDir, item.locale), { recursive: true });
  writeFileSync(join(contentDir, item.locale, `${item.slug}.md`), markdown(item));
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bz-news-sync-'));
  contentDir = join(dir, 'news');
  mkdirSync(join(contentDir, 'images'), { recursive: true });
  copyFileSync(picture, join(contentDir, 'images', 'p.svg'));
  store = new NewsStore(join(dir, 'news.sqlite'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The picture's files (3 formats × 4 widths, news-pictures.ts); social cards are not stored. */
const PICTURE_FILES = 12;
const pictureFiles = () => store.mediaNames();

const slugsOf = (locale: 'fa' | 'en', page = 1, list: { tag?: string; province?: string } = {}) =>
  store
    .page({ locale, ...list } as Parameters<NewsStore['page']>[0], page)
    ?.items.map((item) => item.slug);

// Each test's first sync publishes the picture through the pipeline (AVIF, WebP and PNG at four
// widths: a few seconds of CPU on a loaded machine); a social card is only named, never drawn.
describe('syncNews', { timeout: 60_000 }, () => {
  it('fills the store with the checked items, bodies rendered, pictures stored', async () => {
    write({
      locale: 'fa',
      slug: 'a',
      code: 1,
      day: 1,
      tags: ['x'],
      province: 'kerman',
      image: true,
    });
    write({ locale: 'fa', slug: 'b', code: 2, day: 2, tags: ['x', 'y'] });
    write({ locale: 'fa', slug: 'c', code: 3, day: 3, tags: [], draft: true });
    const change = await syncNews({ contentDir, store });
    expect(change.added.map((key) => key.slug).sort()).toEqual(['a', 'b']);
    expect(slugsOf('fa')).toEqual(['b', 'a']);
    const a = store.entry<StoredEntry>('fa', 'a');
    expect(a?.html).toContain('<strong>a</strong>');
    expect(a?.data.date).toBeInstanceOf(Date);
    const image = a?.data.image;
    expect(image).toMatchObject({ width: 1200, height: 630, alt: 'A drawing of a building' });
    const name = (src: string) => src.slice(src.lastIndexOf('/') + 1);
    // The SVG itself is never served: its raster copies are (news-pictures.ts).
    expect(store.media(name(image?.src ?? ''))?.type).toBe('image/png');
    expect(image?.sources.map((source) => source.type)).toEqual(['image/avif', 'image/webp']);
    const png = store.media(name(image?.src ?? ''));
    expect(
      Buffer.from(png?.bytes ?? [])
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    // The card is named after the article and its title, and drawn only when asked for
    // (media-route.test.ts): the sync stores the picture's files and nothing else.
    expect(a?.card.media).toMatch(CARD_NAME);
    expect(a?.card.src).toBe(`/media/news/${a?.card.media}`);
    expect(store.mediaNames().every((media) => MEDIA_NAME.test(media))).toBe(true);
    expect(store.mediaNames()).toHaveLength(PICTURE_FILES);
    expect(change.cacheTags).toEqual(
      expect.arrayContaining(['news:a', 'news:b', 'news-list:fa', 'tag:fa:x', 'tag:fa:y']),
    );
    expect(change.cacheTags).toContain('province:fa:kerman');
    expect(change.locales).toEqual(['fa']);
  });

  it('rewrites only what changed and reports the lists of the old and the new version', async () => {
    write({ locale: 'fa', slug: 'a', code: 1, day: 1, tags: ['old'], province: 'kerman' });
    write({ locale: 'en', slug: 'a', code: 1, day: 1, tags: ['t'] });
    await syncNews({ contentDir, store });
    expect(await syncNews({ contentDir, store })).toMatchObject({
      added: [],
      updated: [],
      removed: [],
      cacheTags: [],
    });
    write({ locale: 'fa', slug: 'a', code: 1, day: 1, tags: ['new'], province: 'tehran' });
    const change = await syncNews({ contentDir, store });
    expect(change.updated).toEqual([{ locale: 'fa', slug: 'a' }]);
    expect(change.tags.fa.sort()).toEqual(['new', 'old']);
    expect(change.provinces.fa.sort()).toEqual(['kerman', 'tehran']);
    expect(change.locales).toEqual(['fa']);
    expect(slugsOf('fa', 1, { tag: 'old' })).toEqual([]);
    expect(slugsOf('fa', 1, { tag: 'new' })).toEqual(['a']);
  });

  it('removes deleted files and items turned into drafts, and their pictures', async () => {
    write({ locale: 'fa', slug: 'a', code: 1, day: 1, tags: [], image: true });
    write({ locale: 'fa', slug: 'b', code: 2, day: 2, tags: ['x'] });
    await syncNews({ contentDir, store });
    expect(pictureFiles()).toHaveLength(PICTURE_FILES);
    unlinkSync(join(contentDir, 'fa', 'a.md'));
    write({ locale: 'fa', slug: 'b', code: 2, day: 2, tags: ['x'], draft: true });
    const change = await syncNews({ contentDir, store });
    expect(change.removed.map((key) => key.slug).sort()).toEqual(['a', 'b']);
    expect(change.cacheTags).toEqual(expect.arrayContaining(['news:a', 'news:b', 'tag:fa:x']));
    expect(slugsOf('fa')).toEqual([]);
    expect(store.mediaNames()).toEqual([]);
  });

  it('reads again a file or a picture that changed, and only those', async () => {
    write({ locale: 'fa', slug: 'a', code: 1, day: 1, tags: [], image: true });
    write({ locale: 'fa', slug: 'b', code: 2, day: 2, tags: [] });
    await syncNews({ contentDir, store });
    const before = store.entry<StoredEntry>('fa', 'a')?.data.image?.src;
    // The same picture file name with other bytes: the item is rewritten with the new picture.
    copyFileSync(
      new URL('../content/news/images/hotline.svg', import.meta.url).pathname,
      join(contentDir, 'images', 'p.svg'),
    );
    const change = await syncNews({ contentDir, store });
    expect(change.updated).toEqual([{ locale: 'fa', slug: 'a' }]);
    expect(store.entry<StoredEntry>('fa', 'a')?.data.image?.src).not.toBe(before);
    expect(pictureFiles()).toHaveLength(PICTURE_FILES);
  });

  it('keeps a picture while another item still shows it', async () => {
    write({ locale: 'fa', slug: 'a', code: 1, day: 1, tags: [], image: true });
    write({ locale: 'fa', slug: 'b', code: 2, day: 2, tags: [], image: true });
    await syncNews({ contentDir, store });
    const names = pictureFiles().sort();
    expect(names).toHaveLength(PICTURE_FILES);
    unlinkSync(join(contentDir, 'fa', 'a.md'));
    await syncNews({ contentDir, store });
    expect(pictureFiles().sort()).toEqual(names);
  });

  it('stops with every bad file named, the field and the reason, and changes nothing', async () => {
    write({ locale: 'fa', slug: 'good', code: 1, day: 1, tags: [] });
    await syncNews({ contentDir, store });
    writeFileSync(join(contentDir, 'fa', 'bad.md'), '---\ntitle: x\n---\n');
    write({ locale: 'fa', slug: 'twin', code: 1, day: 2, tags: [] });
    writeFileSync(
      join(contentDir, 'fa', 'pic.md'),
      markdown({ locale: 'fa', slug: 'pic', code: 9, day: 1, tags: [], image: true }).replace(
        '../images/p.svg',
        '../images/missing.svg',
      ),
    );
    const failure = syncNews({ contentDir, store });
    await expect(failure).rejects.toThrow(/news\/fa\/bad\.md: field 'summary'/);
    await expect(syncNews({ contentDir, store })).rejects.toThrow(
      /news\/fa\/pic\.md: field 'image\.src': the picture \.\.\/images\/missing\.svg/,
    );
    unlinkSync(join(contentDir, 'fa', 'bad.md'));
    unlinkSync(join(contentDir, 'fa', 'pic.md'));
    await expect(syncNews({ contentDir, store })).rejects.toThrow(/field 'code' 1 is already used/);
    expect(slugsOf('fa')).toEqual(['good']);
  });

  it('stores a round of more than a thousand items whole (written in batches as it goes)', async () => {
    const items = Array.from(
      { length: 2_345 },
      (_, i): Item => ({
        locale: 'fa',
        slug: `n${i}`,
        code: 10_000 + i,
        day: i % 28,
        tags: [`t${i % 3}`],
      }),
    );
    for (const item of items) write(item);
    const change = await syncNews({ contentDir, store });
    expect(change.added).toHaveLength(items.length);
    expect(store.count({ locale: 'fa' })).toBe(items.length);
    expect(store.hashes().size).toBe(items.length);
    const expected = indexNews(readNewsSources(contentDir)).items.fa.map((item) => item.slug);
    const listed = Array.from(
      { length: Math.ceil(items.length / 10) },
      (_, i) => slugsOf('fa', i + 1) ?? [],
    ).flat();
    expect(listed).toEqual(expected);
    expect((await syncNews({ contentDir, store })).added).toEqual([]);
  });

  it('keeps a Solar Hijri date as written (YAML would roll 1403-02-31 over)', async () => {
    write({ locale: 'fa', slug: 'a', code: 1, day: 1, tags: [] });
    const file = join(contentDir, 'fa', 'a.md');
    writeFileSync(
      file,
      markdown({ locale: 'fa', slug: 'a', code: 1, day: 1, tags: [] }).replace(
        /date: .*/,
        'date: 1403-02-31',
      ),
    );
    await syncNews({ contentDir, store });
    const [source] = readNewsSources(contentDir);
    expect(store.entry<StoredEntry>('fa', 'a')?.data.date.getTime()).toBe(
      source?.data.date.getTime(),
    );
  });

  it('holds what the static build lists, after any series of edits (generated)', async () => {
    const item = fc.record({
      en: fc.boolean(),
      slug: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      day: fc.integer({ min: 0, max: 4 }),
      tags: fc.uniqueArray(fc.constantFrom('x', 'y', 'z'), { maxLength: 2 }),
      province: fc.option(fc.constantFrom('isfahan', 'kerman'), { nil: undefined }),
      draft: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(item, { maxLength: 6 }), { minLength: 1, maxLength: 3 }),
        async (rounds) => {
          rmSync(join(contentDir, 'fa'), { recursive: true, force: true });
          rmSync(join(contentDir, 'en'), { recursive: true, force: true });
          for (const round of rounds) {
            for (const next of round) {
              const locale = next.en ? 'en' : 'fa';
              // One code per slug keeps translations and codes consistent.
              const code = 100 + next.slug.charCodeAt(0);
              write({ ...next, locale, code });
            }
            await syncNews({ contentDir, store });
            const index = indexNews(readNewsSources(contentDir));
            for (const locale of ['fa', 'en'] as const) {
              const pages = paginate(index.items[locale]);
              for (const { page, items } of pages) {
                expect(slugsOf(locale, page)).toEqual(items.map((entry) => entry.slug));
              }
              for (const group of groupByTag(index.items[locale])) {
                expect(slugsOf(locale, 1, { tag: group.slug })).toEqual(
                  group.items.slice(0, 10).map((entry) => entry.slug),
                );
              }
            }
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe('syncNews publishes by the publishing rule (news-visibility.ts)', {
  timeout: 60_000,
}, () => {
  const withFront = (item: Item, extra: string[]) => {
    mkdirSync(join(contentDir, item.locale), { recursive: true });
    const text = markdown(item).replace('\n---\n\nBody', `\n${extra.join('\n')}\n---\n\nBody`);
    writeFileSync(join(contentDir, item.locale, `${item.slug}.md`), text);
    return text;
  };
  const item = (slug: string): Item => ({
    locale: 'fa',
    slug,
    code: slug.charCodeAt(0),
    day: 9,
    tags: ['t'],
  });
  const stored = (slug: string) => store.entry<StoredEntry>('fa', slug) !== undefined;
  // 2025-01-10, the items' date, starts at 2025-01-09T20:30Z in Tehran.
  const before = new Date('2025-01-09T20:00:00Z');
  const after = new Date('2025-01-10T06:00:00Z');
  const none = () => false;

  it('a scheduled item is nowhere before its moment, and added by the first sync after it', async () => {
    withFront(item('soon'), ['time: "09:00"']);
    await syncNews({ contentDir, store, now: before, approved: none });
    expect(stored('soon')).toBe(false);
    await syncNews({ contentDir, store, now: new Date('2025-01-10T05:00:00Z'), approved: none });
    expect(stored('soon')).toBe(false);
    const change = await syncNews({ contentDir, store, now: after, approved: none });
    expect(change.added.map((key) => key.slug)).toEqual(['soon']);
    expect(stored('soon')).toBe(true);
  });

  it('an item in review only with an approval of its very text; withdrawn and draft removed', async () => {
    const text = withFront(item('r'), ['status: review']);
    withFront(item('w'), ['status: published']);
    await syncNews({ contentDir, store, now: after, approved: none });
    expect([stored('r'), stored('w')]).toEqual([false, true]);
    const seen: string[] = [];
    await syncNews({
      contentDir,
      store,
      now: after,
      approved: (id, given) => {
        seen.push(id);
        return given === text;
      },
    });
    expect(seen).toEqual(['fa/r']);
    expect(stored('r')).toBe(true);
    withFront(item('w'), ['status: withdrawn']);
    const change = await syncNews({ contentDir, store, now: after, approved: none });
    expect(change.removed.map((key) => key.slug).sort()).toEqual(['r', 'w']);
  });
});
