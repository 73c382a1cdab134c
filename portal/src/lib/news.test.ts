import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  byNewest,
  groupByProvince,
  groupByTag,
  indexNews,
  NewsContentError,
  type NewsEntryLike,
  type NewsItem,
  placeOf,
  relatedNews,
  relatedNewsFinder,
} from './news.ts';
import { tagSlug } from './paths.ts';

function entry(
  id: string,
  data: Partial<NewsEntryLike['data']> & { date?: Date } = {},
): NewsEntryLike {
  return {
    id,
    filePath: `src/content/news/${id}.md`,
    data: {
      lang: id.startsWith('en/') ? 'en' : 'fa',
      date: new Date('2025-01-01T00:00:00Z'),
      code: String(Math.abs(hash(id))),
      tags: [],
      draft: false,
      ...data,
    },
  };
}
function hash(text: string): number {
  let h = 7;
  for (const c of text) h = (h * 31 + c.charCodeAt(0)) % 1_000_000;
  return h;
}

describe('placeOf', () => {
  it('reads the locale and slug from the file place', () => {
    expect(placeOf(entry('fa/hesseh-base'))).toEqual({ locale: 'fa', slug: 'hesseh-base' });
    expect(placeOf(entry('en/hesseh-base'))).toEqual({ locale: 'en', slug: 'hesseh-base' });
  });
  it.each(['hesseh', 'de/hesseh', 'fa/sub/hesseh', 'fa/Hesseh_Base', 'fa/2', 'en/2024'])(
    'refuses %s',
    (id) => {
      expect(() => placeOf(entry(id))).toThrow(NewsContentError);
    },
  );
});

describe('indexNews', () => {
  it('sorts newest first, drops drafts and pairs translations by slug', () => {
    const index = indexNews([
      entry('fa/old', { date: new Date('2024-01-01'), code: '1' }),
      entry('fa/new', { date: new Date('2025-01-01'), code: '2' }),
      entry('fa/draft', { draft: true, code: '3' }),
      entry('en/new', { date: new Date('2025-01-01'), code: '2' }),
    ]);
    expect(index.items.fa.map((item) => item.slug)).toEqual(['new', 'old']);
    expect(index.items.en.map((item) => item.slug)).toEqual(['new']);
    const [newest, oldest] = index.items.fa;
    expect(newest && index.translation(newest)?.locale).toBe('en');
    expect(oldest && index.translation(oldest)).toBeUndefined();
  });

  it('breaks same-day ties by the higher news code', () => {
    const day = new Date('2025-01-01');
    const index = indexNews([
      entry('fa/a', { date: day, code: '5' }),
      entry('fa/b', { date: day, code: '9' }),
    ]);
    expect(index.items.fa.map((item) => item.slug)).toEqual(['b', 'a']);
  });

  it('names each file whose lang, place or code is wrong, all at once', () => {
    const run = () =>
      indexNews([
        entry('en/wrong-lang', { lang: 'fa' }),
        entry('fa/one', { code: '7' }),
        entry('fa/two', { code: '7' }),
        entry('en/one', { code: '8' }),
        entry('xx/odd'),
      ]);
    expect(run).toThrow(NewsContentError);
    const message = (() => {
      try {
        run();
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toContain("src/content/news/en/wrong-lang.md: field 'lang' is 'fa'");
    expect(message).toContain(
      "src/content/news/fa/two.md: field 'code' 7 is already used by src/content/news/fa/one.md",
    );
    expect(message).toContain(
      "src/content/news/en/one.md: field 'code' 8 differs from the Persian version's 7",
    );
    expect(message).toContain('src/content/news/xx/odd.md: a news file must be');
  });

  it('lets the same code appear once per language (a translation keeps it)', () => {
    expect(() =>
      indexNews([entry('fa/a', { code: '1' }), entry('en/a', { code: '1' })]),
    ).not.toThrow();
  });
});

describe('relatedNews', () => {
  const items = indexNews([
    entry('fa/a', { tags: ['x', 'y'], province: 'isfahan', date: new Date('2025-01-05') }),
    entry('fa/b', { tags: ['x', 'y'], date: new Date('2025-01-01') }),
    entry('fa/c', { tags: ['x'], date: new Date('2025-01-04') }),
    entry('fa/d', { tags: ['z'], province: 'isfahan', date: new Date('2025-01-03') }),
    entry('fa/e', { tags: ['q'], date: new Date('2025-01-02') }),
  ]).items.fa;
  const a = items.find((item) => item.slug === 'a');

  it('ranks by shared tags, then same province, and leaves out unrelated items', () => {
    if (!a) throw new Error('fixture');
    expect(relatedNews(items, a, 5).map((item) => item.slug)).toEqual(['b', 'c', 'd']);
    expect(relatedNews(items, a, 1).map((item) => item.slug)).toEqual(['b']);
  });
});

describe('grouping', () => {
  const items = indexNews([
    entry('fa/a', { tags: ['سکونتگاه غیررسمی', 'پایگاه'], province: 'isfahan' }),
    entry('fa/b', { tags: ['سکونتگاه  غیررسمی '], province: 'kerman' }),
    entry('fa/c', { tags: [] }),
  ]).items.fa;

  it('groups tags by their URL slug, keeping the first spelling', () => {
    const groups = groupByTag(items);
    const settlement = groups.find((group) => group.slug === 'سکونتگاه-غیررسمی');
    expect(settlement?.tag).toBe('سکونتگاه غیررسمی');
    expect(settlement?.items).toHaveLength(2);
  });

  it('lists an item once on a tag it carries in two spellings', () => {
    const twice = indexNews([entry('fa/t', { tags: ['مسکن', ' مسکن'] })]).items.fa;
    expect(groupByTag(twice).map((group) => group.items.length)).toEqual([1]);
  });

  it('groups by province and skips nationwide news', () => {
    const groups = groupByProvince(items);
    expect([...groups.keys()].sort()).toEqual(['isfahan', 'kerman']);
  });
});

describe('relatedNews equals its definition', { timeout: 60_000 }, () => {
  // The definition written the slow, obvious way: filter every list, find the item, look around.
  function bruteForce(items: readonly NewsItem[], item: NewsItem, limit: number, window: number) {
    const ordered = [...items].sort(byNewest);
    const slugs = (other: NewsItem) =>
      new Set(other.entry.data.tags.map(tagSlug).filter((slug) => slug !== ''));
    const province = item.entry.data.province;
    const filters: ((other: NewsItem) => boolean)[] = [...slugs(item)].map(
      (slug) => (other) => slugs(other).has(slug),
    );
    if (province !== undefined) filters.push((other) => other.entry.data.province === province);
    const candidates = new Set<NewsItem>();
    for (const belongs of filters) {
      const list = ordered.filter(belongs);
      const at = list.indexOf(item);
      list.forEach((other, i) => {
        if (other !== item && Math.abs(i - at) <= window) candidates.add(other);
      });
    }
    const score = (other: NewsItem) =>
      2 * [...slugs(other)].filter((slug) => slugs(item).has(slug)).length +
      (province !== undefined && other.entry.data.province === province ? 1 : 0);
    const distance = (other: NewsItem) =>
      Math.abs(other.entry.data.date.getTime() - item.entry.data.date.getTime());
    return [...candidates]
      .sort(
        (a, b) =>
          score(b) - score(a) ||
          distance(a) - distance(b) ||
          ordered.indexOf(a) - ordered.indexOf(b),
      )
      .slice(0, limit);
  }

  const day = 24 * 60 * 60 * 1000;
  const generated = fc
    .array(
      fc.record({
        // Few tags, few provinces, few days: many shared lists and many ties, the hard cases.
        tags: fc.array(fc.constantFrom('x', 'y', 'z', 'X', ' y ', 'w q', '?'), { maxLength: 4 }),
        province: fc.option(fc.constantFrom('isfahan', 'kerman', 'tehran'), { nil: undefined }),
        day: fc.integer({ min: 0, max: 6 }),
        code: fc.integer({ min: 1, max: 9 }),
      }),
      { maxLength: 40 },
    )
    .map((records) =>
      records.map((record, i) =>
        entry(`fa/n${i}`, {
          tags: record.tags,
          province: record.province,
          date: new Date(Date.UTC(2025, 0, 1) + record.day * day),
          code: String(record.code * 100 + i),
        }),
      ),
    );

  it('on generated lists, for every item, limit and window', () => {
    fc.assert(
      fc.property(
        generated,
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 6 }),
        (entries, limit, window) => {
          const items = indexNews(entries).items.fa;
          // The finder must not depend on the order it is given the list in.
          const finder = relatedNewsFinder([...items].reverse(), limit, window);
          for (const item of items) {
            expect(finder(item)).toEqual(bruteForce(items, item, limit, window));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('looks at a bounded number of items however long a list is', () => {
    // 2,000 items on one tag: the related items of the oldest are its nearest neighbours.
    const entries = Array.from({ length: 2000 }, (_, i) =>
      entry(`fa/m${i}`, { tags: ['x'], date: new Date(Date.UTC(2025, 0, 1) + i * day) }),
    );
    const items = indexNews(entries).items.fa;
    const oldest = items.at(-1) as NewsItem;
    expect(relatedNews(items, oldest, 3).map((item) => item.slug)).toEqual(['m1', 'm2', 'm3']);
  });
});
