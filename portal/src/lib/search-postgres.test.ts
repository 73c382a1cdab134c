import { TextLexicon } from '@behzisti/core/search';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The feedback service's finder of a real PostgreSQL (a throwaway role and database on the
// machine's cluster, or BZ_TEST_DATABASE_URL); under CI a missing PostgreSQL is a failure.
import {
  preparePostgres,
  type TestPostgres,
} from '../../../packages/feedback-service/test/postgres.ts';
import { anyQuery } from './any-query.ts';
import type { SearchParams } from './search-api.ts';
import { openPostgresSearch, type PostgresSearch } from './search-postgres.ts';
import { searchRecord } from './search-record.ts';
import { postgresSearchStore } from './search-store.ts';
import { lexicons, pages, params } from './search-test-pages.ts';

// The PostgreSQL variant of the server search, on a real PostgreSQL: the same pages and the same
// expectations as the SQLite index (search-index.test.ts).

let pg: TestPostgres;
let search: PostgresSearch | undefined;

beforeAll(async () => {
  pg = await preparePostgres();
  if (!pg.url) return;
  search = await openPostgresSearch(pg.url);
  const byLanguage = lexicons();
  for (const page of pages) {
    await search.put(searchRecord(page, byLanguage.get(page.language) ?? TextLexicon.of([])));
  }
}, 60_000);
afterAll(async () => {
  await search?.close();
  await pg?.teardown();
});

const urls = async (q: string, more: Partial<SearchParams> = {}) =>
  ((await search?.search(params(q, more)))?.results ?? []).map((result) => result.url);

describe.skipIf(!process.env.CI && !(await preparePostgresProbe()))(
  'server search on PostgreSQL',
  () => {
    it('finds a compound typed joined where it was written apart, and the reverse', async () => {
      for (const q of ['سکونتگاه', 'سکونت گاه', 'سکونت‌گاه‌ها']) {
        expect(await urls(q)).toEqual(
          expect.arrayContaining(['/news/settlements/', '/news/joined/']),
        );
      }
    });

    it('folds Arabic letters, digit sets and the joiner', async () => {
      expect(await urls('١٠٠ محلهي كمبرخوردار')).toEqual(['/news/settlements/']);
    });

    it('ranks the phrase and the title above the words apart, and services above news', async () => {
      expect(await urls('پایگاه خدمات')).toEqual([
        '/directory/bases/kerman-1/',
        '/news/joined/',
        '/news/apart/',
      ]);
    });

    it('searches one language, and narrows by type and province', async () => {
      expect(await urls('services', { lang: 'en' })).toEqual(['/en/news/visit/']);
      expect(await urls('settlement', { lang: 'en' })).toEqual(['/en/news/visit/']);
      expect(await urls('پایگاه', { type: 'base' })).toEqual(['/directory/bases/kerman-1/']);
      expect(await urls('', { province: 'ardabil' })).toEqual(['/news/settlements/']);
      expect(await urls('اجتماعی', { province: 'kerman' })).toEqual(['/directory/bases/kerman-1/']);
    });

    it('returns the excerpt as written, with the matched words marked', async () => {
      const answer = await search?.search(params('محله كم برخوردار'));
      expect(answer?.total).toBe(1);
      const excerpt = answer?.results[0]?.excerpt ?? [];
      expect(excerpt.filter((part) => part.mark).map((part) => part.text)).toEqual([
        'محله‌ی',
        'کم‌برخوردار',
      ]);
    });

    it('adds, replaces and removes one published page (the store /api/search uses)', async () => {
      const store = postgresSearchStore(search as PostgresSearch);
      expect(store.engine).toBe('postgres');
      const url = '/news/published-now/';
      const html = (title: string) =>
        `<html lang="fa"><body><article data-pagefind-body data-pagefind-filter="type:news"><h1 data-pagefind-meta="title">${title}</h1><p>متن خبر</p></article></body></html>`;
      expect(await store.publish(url, html('افتتاح خانه‌ی قاصدک'))).toBe(true);
      expect(await urls('قاصدک')).toEqual([url]);
      expect(await store.publish(url, html('افتتاح مرکز نوبهار'))).toBe(true);
      expect(await urls('قاصدک')).toEqual([]);
      expect(await store.unpublish(url)).toBe(true);
      expect(await urls('نوبهار')).toEqual([]);
    });

    it('offers the closest indexed words (pg_trgm)', async () => {
      expect(await search?.closestIndexedWords('مددکارن', 'fa')).toContain('مددکاران');
    });

    it('rebuilds the whole index in one transaction', async () => {
      const s = search as PostgresSearch;

      const lexicon = TextLexicon.of(pages.flatMap((page) => page.runs.map((run) => run.text)));

      await s.replaceAll(pages.slice(0, 2).map((page) => searchRecord(page, lexicon)));

      expect(await urls('اجتماعی')).toEqual(['/news/settlements/', '/news/joined/']);

      await s.replaceAll(pages.map((page) => searchRecord(page, lexicon)));

      expect((await urls('اجتماعی')).length).toBe(4);
    });

    it('answers any query string without a tsquery error (generated)', async () => {
      await fc.assert(
        fc.asyncProperty(anyQuery(40, 12), async (q) => {
          const answer = await search?.search(params(q.replaceAll('\u0000', '')));
          expect(answer?.total ?? 0).toBeGreaterThanOrEqual(answer?.results.length ?? 0);
        }),
        { numRuns: 150 },
      );
    }, 60_000);
  },
);

/** True when a PostgreSQL cluster is on this machine (or named), so the suite can run. */
async function preparePostgresProbe(): Promise<boolean> {
  return (
    Boolean(process.env.BZ_TEST_DATABASE_URL) ||
    (await import('node:child_process'))
      .spawnSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' })
      .stdout?.trim() !== ''
  );
}
