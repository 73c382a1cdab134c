import { describe, expect, it } from 'vitest';
import {
  groupByProvince,
  groupByTag,
  indexNews,
  NewsContentError,
  type NewsEntryLike,
  placeOf,
  relatedNews,
} from './news.ts';

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
  it.each(['hesseh', 'de/hesseh', 'fa/sub/hesseh', 'fa/Hesseh_Base'])('refuses %s', (id) => {
    expect(() => placeOf(entry(id))).toThrow(NewsContentError);
  });
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

  it('groups by province and skips nationwide news', () => {
    const groups = groupByProvince(items);
    expect([...groups.keys()].sort()).toEqual(['isfahan', 'kerman']);
  });
});
