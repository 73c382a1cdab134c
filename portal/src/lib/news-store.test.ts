import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  groupByProvince,
  groupByTag,
  indexNews,
  type NewsEntryLike,
  relatedNewsFinder,
} from './news.ts';
import { type NewsList, NewsStore } from './news-store.ts';
import { paginate } from './pagination.ts';

const day = 24 * 60 * 60 * 1000;

// News of both languages with few tags, provinces and days and shuffled codes: many shared
// lists and many ties in date, the cases where an order or a window can go wrong.
const generatedEntries = fc
  .array(
    fc.record({
      en: fc.boolean(),
      tags: fc.array(fc.constantFrom('x', 'y', 'z', 'X', ' y ', 'w q', '?'), { maxLength: 3 }),
      province: fc.option(fc.constantFrom('isfahan', 'kerman', 'tehran'), { nil: undefined }),
      day: fc.integer({ min: 0, max: 5 }),
    }),
    { maxLength: 45 },
  )
  .chain((records) =>
    fc
      .shuffledSubarray(
        records.map((_, i) => 1000 + i),
        { minLength: records.length, maxLength: records.length },
      )
      .map((codes) =>
        records.map(
          (record, i): NewsEntryLike => ({
            id: `${record.en ? 'en' : 'fa'}/n${i}`,
            data: {
              lang: record.en ? 'en' : 'fa',
              date: new Date(Date.UTC(2025, 0, 1) + record.day * day),
              code: String(codes[i]),
              tags: record.tags,
              draft: false,
              province: record.province,
            },
          }),
        ),
      ),
  );

const slugs = (items: readonly { slug: string }[]) => items.map((item) => item.slug);

// Generated tests: a generous time limit, so a busy machine slows them without failing them.
describe('NewsStore answers what the static build computes', { timeout: 60_000 }, () => {
  it('every page of the index, each tag and each province', () => {
    fc.assert(
      // Deep pages start from an anchor every `anchorEvery` items: small ones here, so pages
      // start at, just after and between anchors.
      fc.property(
        generatedEntries,
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 7 }),
        (entries, perPage, anchorEvery) => {
          const news = indexNews(entries);
          const store = new NewsStore(':memory:', { anchorEvery });
          try {
            store.put([...news.items.fa, ...news.items.en]);
            for (const locale of ['fa', 'en'] as const) {
              const items = news.items[locale];
              const lists: [NewsList, typeof items][] = [
                [{ locale }, items],
                ...groupByTag(items).map((group): [NewsList, typeof items] => [
                  { locale, tag: group.slug },
                  group.items,
                ]),
                ...[...groupByProvince(items)].map(([province, list]): [NewsList, typeof items] => [
                  { locale, province },
                  list,
                ]),
              ];
              for (const [list, expected] of lists) {
                const pages = paginate(expected, perPage);
                for (const { page, total, items: pageItems } of pages) {
                  const stored = store.page(list, page, perPage);
                  expect(stored?.total).toBe(total);
                  expect(slugs(stored?.items ?? [])).toEqual(slugs(pageItems));
                }
                expect(store.page(list, pages.length + 1, perPage)).toBeUndefined();
                expect(store.count(list)).toBe(expected.length);
              }
            }
          } finally {
            store.close();
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  it('deep pages, counts and provinces follow a change made by another connection', () => {
    // Instances share one file: what one remembers (counts, anchors, provinces) must follow a
    // publish or withdrawal written through another connection.
    const dir = mkdtempSync(join(tmpdir(), 'bz-news-store-'));
    const file = join(dir, 'news.sqlite');
    const entries = Array.from(
      { length: 40 },
      (_, i): NewsEntryLike => ({
        id: `fa/n${i}`,
        data: {
          lang: 'fa',
          date: new Date(Date.UTC(2025, 0, 1) + (i % 9) * day),
          code: String(1000 + ((i * 17) % 40)),
          tags: i % 2 === 0 ? ['x'] : ['y'],
          draft: false,
          province: i % 3 === 0 ? 'kerman' : undefined,
        },
      }),
    );
    const reader = new NewsStore(file, { anchorEvery: 3 });
    const writer = new NewsStore(file);
    try {
      const expectLists = (news: ReturnType<typeof indexNews>) => {
        const items = news.items.fa;
        const lists: [NewsList, typeof items][] = [
          [{ locale: 'fa' }, items],
          ...groupByTag(items).map((g): [NewsList, typeof items] => [
            { locale: 'fa', tag: g.slug },
            g.items,
          ]),
        ];
        for (const [list, expected] of lists) {
          for (const { page, items: pageItems } of paginate(expected, 2)) {
            expect(slugs(reader.page(list, page, 2)?.items ?? [])).toEqual(slugs(pageItems));
          }
        }
        expect([...reader.provinceCounts('fa')]).toEqual(
          [...groupByProvince(items)].map(([p, l]) => [p, l.length]),
        );
        expect(new Map(reader.tagCounts('fa'))).toEqual(
          new Map(groupByTag(items).map((g) => [g.slug, g.items.length])),
        );
      };
      const first = indexNews(entries.slice(0, 30));
      writer.put(first.items.fa);
      expectLists(first);
      // A newer item shifts every page by one; an older one in kerman adds a province count.
      const all = indexNews(entries);
      writer.put(all.items.fa);
      expectLists(all);
      writer.remove('fa', 'n0');
      expectLists(indexNews(entries.slice(1)));
    } finally {
      reader.close();
      writer.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('related news, for every item, limit and window', () => {
    fc.assert(
      fc.property(
        generatedEntries,
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 5 }),
        (entries, limit, window) => {
          const news = indexNews(entries);
          const store = new NewsStore();
          try {
            store.put([...news.items.fa, ...news.items.en]);
            for (const locale of ['fa', 'en'] as const) {
              const finder = relatedNewsFinder(news.items[locale], limit, window);
              for (const item of news.items[locale]) {
                expect(slugs(store.related(locale, item.slug, limit, window))).toEqual(
                  slugs(finder(item)),
                );
              }
            }
          } finally {
            store.close();
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  it('publishes, edits and withdraws one item without touching the others', () => {
    fc.assert(
      fc.property(generatedEntries, fc.nat(), (entries, pick) => {
        fc.pre(entries.length > 1);
        const at = pick % entries.length;
        const target = entries[at] as NewsEntryLike;
        const others = entries.filter((_, i) => i !== at);
        const store = new NewsStore();
        try {
          // Published last, then edited (tags and province changed), then withdrawn: after each
          // step the store equals the static build of the same files.
          const before = indexNews(others);
          store.put([...before.items.fa, ...before.items.en]);
          const published = indexNews([...others, target]);
          const item = published.items[target.data.lang].find((news) => news.entry === target);
          if (!item) throw new Error('fixture');
          const lang0 = target.data.lang;
          expect(store.count({ locale: lang0 })).toBe(before.items[lang0].length);
          store.put([item]);
          expect(store.count({ locale: lang0 })).toBe(published.items[lang0].length);
          const edited = { ...target, data: { ...target.data, tags: ['z'], province: 'kerman' } };
          const afterEdit = indexNews([...others, edited]);
          const editedItem = afterEdit.items[target.data.lang].find(
            (news) => news.entry === edited,
          );
          if (!editedItem) throw new Error('fixture');
          store.put([editedItem]);
          const lang = target.data.lang;
          const tagZ = groupByTag(afterEdit.items[lang]).find((group) => group.slug === 'z');
          expect(slugs(store.page({ locale: lang, tag: 'z' }, 1, 100)?.items ?? [])).toEqual(
            slugs(tagZ?.items ?? []),
          );
          expect(slugs(store.related(lang, item.slug))).toEqual(
            slugs(relatedNewsFinder(afterEdit.items[lang])(editedItem)),
          );
          expect(slugs(store.page({ locale: target.data.lang }, 1, 100)?.items ?? [])).toEqual(
            slugs(afterEdit.items[target.data.lang]),
          );
          store.remove(target.data.lang, item.slug);
          expect(slugs(store.page({ locale: target.data.lang }, 1, 100)?.items ?? [])).toEqual(
            slugs(before.items[target.data.lang]),
          );
          for (const tag of ['x', 'y', 'z']) {
            expect(store.count({ locale: target.data.lang, tag })).toBe(
              groupByTag(before.items[target.data.lang]).find((g) => g.slug === tag)?.items
                .length ?? 0,
            );
          }
        } finally {
          store.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});
