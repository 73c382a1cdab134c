import type { DatabaseSync } from 'node:sqlite';
import { TextLexicon } from '@behzisti/core/search';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractedPage } from './search-extract.ts';
import { indexPublishedPage } from './search-index.ts';
import { COMMON_CAP, searchIndex } from './search-query.ts';
import { tempSqliteIndex } from './search-test-pages.ts';

// A word on more pages than COMMON_CAP (issue 23: a word on 93 % of 100,000 pages): the query
// ranks the newest COMMON_CAP matches only, counts every match, keeps the services (numbered
// last) and a page published later (the next rowid) in its window; a rarer word still ranks all
// of its pages, the oldest too.

const OLD = 300;
const COUNT = COMMON_CAP + OLD;

const page = (url: string, title: string, body: string, type = 'news'): ExtractedPage => ({
  url,
  language: 'fa',
  runs: [
    { text: title, weight: 10 },
    { text: body, weight: 1 },
  ],
  meta: { title },
  filters: { type: [type] },
});

// Oldest first, as the indexer numbers them (scripts/index-search.ts), the base last.
const news = Array.from({ length: COUNT }, (_, i) =>
  i === 0
    ? page('/news/n0/', 'خدمات خدمات خدمات', 'خدمات در قدیمی‌ترین خبر')
    : page(`/news/n${i}/`, `خبر ${i}`, `گزارش خدمات ماه ${i < OLD ? 'قدیمی' : 'تازه'}`),
);
const base = page('/directory/bases/a/', 'پایگاه خدمات', 'مشاوره', 'base');

let index: ReturnType<typeof tempSqliteIndex>;
let path: string;
let db: DatabaseSync;

beforeAll(() => {
  const all = [...news, base];
  const lexicon = TextLexicon.of(all.flatMap((p) => p.runs.map((run) => run.text)));
  index = tempSqliteIndex('search-common', all, new Map([['fa', lexicon]]));
  ({ db, path } = index);
});
afterAll(() => index?.remove());

const search = (q: string, pageNumber = 1) =>
  searchIndex(db, { q, lang: 'fa', page: pageNumber, type: '', province: '' });

/** The news number of a result, for /news/n<number>/. */
const numberOf = (url: string) => Number(/\/news\/n(\d+)\//.exec(url)?.[1] ?? Number.NaN);

describe('a word on more pages than the ranking window', () => {
  it('counts every match and ranks the services and the newest matches', () => {
    const answer = search('خدمات');
    expect(answer.total).toBe(COUNT + 1);
    expect(answer.results[0]?.url).toBe('/directory/bases/a/');
    const newsShown = answer.results.slice(1).map((result) => numberOf(result.url));
    expect(newsShown).toHaveLength(9);
    // Only the newest COMMON_CAP matches (the base is one of them) are ranked: the oldest item,
    // titled with the word three times, would lead the news in a full ranking.
    for (const n of newsShown) expect(n).toBeGreaterThan(COUNT - COMMON_CAP);
  });

  it('pages through the window with the same total, never showing a page twice', () => {
    const seen = new Set<string>();
    for (let n = 1; n <= 5; n++) {
      const answer = search('خدمات', n);
      expect(answer.total).toBe(COUNT + 1);
      expect(answer.results).toHaveLength(10);
      for (const result of answer.results) {
        expect(seen.has(result.url)).toBe(false);
        seen.add(result.url);
      }
    }
  });

  it('ranks all the pages of a rarer word, the oldest too', () => {
    const answer = search('قدیمی');
    expect(answer.total).toBe(OLD);
    expect(answer.results).toHaveLength(10);
    // The oldest item of all, found by the form it wrote (its ending stripped, the others meet it).
    expect(search('قدیمی‌ترین').results[0]?.url).toBe('/news/n0/');
  });

  it('ranks a page published later inside the window, first when it holds the phrase', () => {
    indexPublishedPage(
      path,
      '/news/published/',
      `<html lang="fa"><body><article data-pagefind-body data-pagefind-filter="type:news"><h1 data-pagefind-meta="title">گزارش ماه خدمات</h1><p>گزارش ماه خدمات تازه</p></article></body></html>`,
    );
    const answer = search('ماه خدمات');
    expect(answer.total).toBe(COUNT);
    expect(answer.results[0]?.url).toBe('/news/published/');
  });
});
