import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anyQuery } from './any-query.ts';
import { MAX_PAGE, MAX_QUERY_CHARS, parseSearchParams, type SearchParams } from './search-api.ts';
import {
  indexPublishedPage,
  removePublishedPage,
  searchIndexPath,
  writeSqliteIndex,
} from './search-index.ts';
import { ftsQuery, searchIndex } from './search-query.ts';
import { wordTokens } from './search-record.ts';
import { cachedSearchStore, sqliteSearchStore } from './search-store.ts';
import { lexicons, pages, params, tempSqliteIndex } from './search-test-pages.ts';

// The server-side search on a real SQLite file: the build's writer, the queries, one page
// added and removed as a publish would, and input of any shape.

let index: ReturnType<typeof tempSqliteIndex>;
let dir: string;
let db: DatabaseSync;
let path: string;

beforeAll(() => {
  index = tempSqliteIndex('search-sqlite', pages, lexicons());
  ({ dir, db, path } = index);
});
afterAll(() => index?.remove());

const urls = (q: string, more: Partial<SearchParams> = {}) =>
  searchIndex(db, params(q, more)).results.map((result) => result.url);

describe('server search index (SQLite FTS5)', () => {
  it('indexes an index word whole and by its parts', () => {
    expect(wordTokens('سکونت-گاه-های')).toEqual(['سکونتگاههای', 'سکونت', 'گاه', 'های']);
    expect(wordTokens('پایگاه')).toEqual(['پایگاه']);
    expect(wordTokens('-')).toEqual([]);
  });

  it('finds a compound typed joined where it was written apart, and the reverse', () => {
    expect(urls('سکونتگاه')).toEqual(
      expect.arrayContaining(['/news/settlements/', '/news/joined/']),
    );
    expect(urls('سکونت گاه')).toEqual(
      expect.arrayContaining(['/news/settlements/', '/news/joined/']),
    );
    expect(urls('سکونت‌گاه‌ها')).toEqual(
      expect.arrayContaining(['/news/settlements/', '/news/joined/']),
    );
  });

  it('folds Arabic letters, digit sets and the joiner', () => {
    expect(urls('١٠٠ محلهي كمبرخوردار')).toEqual(['/news/settlements/']);
  });

  it('ranks the phrase and the title above the words apart, and services above news', () => {
    const found = urls('پایگاه خدمات');
    // The base page has the phrase in its title (and is a service); /news/joined/ has the
    // phrase in its body; /news/apart/ has both words, far apart.
    expect(found).toEqual(['/directory/bases/kerman-1/', '/news/joined/', '/news/apart/']);
  });

  it('never indexes the boilerplate around the article', () => {
    expect(urls('صفحه‌ها')).toEqual([]);
  });

  it('searches one language, and narrows by type and province', () => {
    expect(urls('services', { lang: 'en' })).toEqual(['/en/news/visit/']);
    expect(urls('settlement', { lang: 'en' })).toEqual(['/en/news/visit/']);
    expect(urls('پایگاه', { type: 'base' })).toEqual(['/directory/bases/kerman-1/']);
    expect(urls('', { province: 'ardabil' })).toEqual(['/news/settlements/']);
    expect(urls('اجتماعی', { province: 'kerman' })).toEqual(['/directory/bases/kerman-1/']);
  });

  it('returns the excerpt as written, with the matched words marked', () => {
    const answer = searchIndex(db, params('محله كم برخوردار'));
    expect(answer.total).toBe(1);
    const excerpt = answer.results[0]?.excerpt ?? [];
    expect(excerpt.map((part) => part.text).join('')).toContain('۱۰۰ محله‌ی کم‌برخوردار');
    expect(excerpt.filter((part) => part.mark).map((part) => part.text)).toEqual([
      'محله‌ی',
      'کم‌برخوردار',
    ]);
  });

  it('pages through results and counts them all', () => {
    const first = searchIndex(db, params('اجتماعی'));
    expect(first.total).toBe(4);
    expect(first.results).toHaveLength(4);
    const past = searchIndex(db, params('اجتماعی', { page: 3 }));
    expect(past.results).toEqual([]);
    expect(past.total).toBe(4);
  });

  it('adds, replaces and removes one published page without a rebuild', () => {
    const url = '/news/published-now/';
    const html = (title: string) =>
      `<html lang="fa"><body><article data-pagefind-body data-pagefind-filter="type:news"><h1 data-pagefind-meta="title">${title}</h1><p>متن خبر</p></article></body></html>`;
    expect(indexPublishedPage(path, url, html('افتتاح خانه‌ی قاصدک'))).toBe(true);
    expect(urls('قاصدک')).toEqual([url]);
    expect(urls('خانه قاصدک')).toEqual([url]);
    expect(indexPublishedPage(path, url, html('افتتاح مرکز نوبهار'))).toBe(true);
    expect(urls('قاصدک')).toEqual([]);
    expect(urls('نوبهار')).toEqual([url]);
    expect(removePublishedPage(path, url)).toBe(true);
    expect(urls('نوبهار')).toEqual([]);
    expect(removePublishedPage(path, url)).toBe(false);
  });

  it('publishes and unpublishes through the store interface /api/search uses', async () => {
    const store = sqliteSearchStore(path);
    expect(store.engine).toBe('sqlite');
    const url = '/news/through-the-store/';
    const html =
      '<html lang="fa"><body><article data-pagefind-body data-pagefind-filter="type:news"><h1 data-pagefind-meta="title">جشنواره‌ی نوروزی</h1><p>متن</p></article></body></html>';
    expect(await store.publish(url, html)).toBe(true);
    expect((await store.search(params('جشنواره'))).results.map((r) => r.url)).toEqual([url]);
    expect(
      await store.publish(url, '<html lang="fa"><body><p>بدون متن جست‌وجو</p></body></html>'),
    ).toBe(false);
    expect((await store.search(params('جشنواره'))).total).toBe(0);
    expect(await store.unpublish(url)).toBe(false);
    await store.close();
  });

  it('keeps answers for a while, and forgets them when a page is published', async () => {
    let clock = 0;
    const store = cachedSearchStore(sqliteSearchStore(path), 30_000, 500, () => clock);
    const url = '/news/cached/';
    const html = (title: string) =>
      `<html lang="fa"><body><article data-pagefind-body data-pagefind-filter="type:news"><h1 data-pagefind-meta="title">${title}</h1><p>متن</p></article></body></html>`;
    expect((await store.search(params('شهربازی'))).total).toBe(0);
    // Written by another process: this one still answers from its memory…
    indexPublishedPage(path, url, html('افتتاح شهربازی'));
    expect((await store.search(params('شهربازی'))).total).toBe(0);
    // …until the time is up,
    clock = 30_000;
    expect((await store.search(params('شهربازی'))).total).toBe(1);
    // and at once when the publish goes through this store.
    expect(await store.unpublish(url)).toBe(true);
    expect((await store.search(params('شهربازی'))).total).toBe(0);
    await store.close();
  });

  it('reads the new index once a build renames it into place', async () => {
    const other = join(dir, 'replaced.sqlite');
    const first = pages.slice(0, 1);
    writeSqliteIndex(other, first, lexicons());
    const store = sqliteSearchStore(other);
    expect((await store.search(params('اجتماعی'))).total).toBe(1);
    writeSqliteIndex(other, pages, lexicons());
    expect((await store.search(params('اجتماعی'))).total).toBe(4);
    await store.close();
  });

  it('finds the index beside the server output, or where PORTAL_SEARCH_DB says', () => {
    expect(
      searchIndexPath('/x/dist/server/chunks/a.mjs', { PORTAL_SEARCH_DB: '/y/s.sqlite' }),
    ).toBe('/y/s.sqlite');
  });
});

describe('server search input', () => {
  it('accepts the documented parameters and refuses the rest with a sentence in the language asked', () => {
    expect(
      parseSearchParams(new URLSearchParams('q=پایگاه&lang=en&page=2&type=base&province=kerman')),
    ).toEqual({
      ok: true,
      params: { q: 'پایگاه', lang: 'en', page: 2, type: 'base', province: 'kerman' },
    });
    const fail = (query: string) => parseSearchParams(new URLSearchParams(query));
    expect(fail(`q=${'آ'.repeat(MAX_QUERY_CHARS + 1)}`)).toMatchObject({
      ok: false,
      code: 'QUERY_TOO_LONG',
      lang: 'fa',
    });
    expect(fail(`q=a&page=${MAX_PAGE + 1}&lang=en`)).toMatchObject({
      ok: false,
      code: 'BAD_PAGE',
      lang: 'en',
    });
    for (const page of ['0', '-1', '1.5', '1e2', ' 1', ''])
      expect(fail(`page=${page}`)).toMatchObject({ code: 'BAD_PAGE' });
    expect(fail('lang=de')).toMatchObject({ code: 'BAD_LANGUAGE' });
    expect(fail('type=admin')).toMatchObject({ code: 'BAD_TYPE' });
    expect(fail('province=nowhere')).toMatchObject({ code: 'BAD_PROVINCE' });
  });

  it('never lets the query become FTS5 syntax', () => {
    const query = ftsQuery('"a" OR b* NEAR(c d) title:e ^f -g');
    // The text columns, then only quoted runs of letters, digits and marks, a `*` after the
    // closing quote at most.
    const [, inner = ''] = /^\{title lede headings body\} : \((.*)\)$/.exec(query.all) ?? [];
    const strings = inner.split(/(?<=["*]) (?=")/);
    expect(strings.length).toBeGreaterThan(3);
    for (const string of strings) expect(string).toMatch(/^"[\p{L}\p{N}\p{M} ]+"\*?$/u);
    expect(inner).not.toMatch(/[():^+-]/);
  });

  it('answers any query string without an FTS5 error (generated)', () => {
    const query = fc.oneof(anyQuery(60, 20), fc.string({ unit: 'binary', maxLength: 60 }));
    fc.assert(
      fc.property(
        query,
        fc.constantFrom('fa', 'en'),
        fc.integer({ min: 1, max: 3 }),
        (q, lang, page) => {
          const parsed = parseSearchParams(new URLSearchParams({ q, lang, page: String(page) }));
          if (!parsed.ok) return;
          const answer = searchIndex(db, parsed.params);
          expect(answer.total).toBeGreaterThanOrEqual(answer.results.length);
        },
      ),
      { numRuns: 400 },
    );
  }, 60_000);
});
