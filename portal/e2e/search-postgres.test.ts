import { listedLexicon } from '@behzisti/core/search';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
// A real PostgreSQL: a throwaway role and database on this machine's cluster (or
// BZ_TEST_DATABASE_URL), the feedback service's test helper; under CI a missing one fails.
import {
  preparePostgres,
  type TestPostgres,
} from '../../packages/feedback-service/test/postgres.ts';
import { builtPages, lexicons } from '../scripts/index-search.ts';
import type { SearchAnswer } from '../src/lib/search-api.ts';
import { openPostgresSearch } from '../src/lib/search-postgres.ts';
import { searchRecord } from '../src/lib/search-record.ts';
import { SEARCH_DATABASE_URL_ENV } from '../src/lib/search-store.ts';
import { isExpected, loadQueries } from './search-eval.ts';
import { type PortalServer, startPortalServer } from './server.setup.ts';
import { clientDir, distDir } from './site.ts';

// The server search on PostgreSQL through the built portal's own server: the built pages written
// into PostgreSQL as the indexer writes them (PORTAL_SEARCH_DATABASE_URL), a second server
// started with that variable, and the evaluation set asked of its /api/search.
const sqliteUrl = inject('baseUrl');
let pg: TestPostgres;
let server: PortalServer | undefined;

beforeAll(async () => {
  pg = await preparePostgres();
  if (!pg.url) return;
  const pages = builtPages(clientDir);
  const byLanguage = lexicons(pages);
  const search = await openPostgresSearch(pg.url);
  try {
    await search.replaceAll(
      pages.map((page) => searchRecord(page, byLanguage.get(page.language) ?? listedLexicon)),
    );
  } finally {
    await search.close();
  }
  server = await startPortalServer(distDir, { [SEARCH_DATABASE_URL_ENV]: pg.url });
}, 120_000);
afterAll(async () => {
  server?.stop();
  await pg?.teardown();
});

const ask = async (base: string, q: string, lang: string): Promise<SearchAnswer> => {
  const response = await fetch(`${base}/api/search?${new URLSearchParams({ q, lang })}`);
  expect(response.status, q).toBe(200);
  return (await response.json()) as SearchAnswer;
};

describe('/api/search on PostgreSQL', () => {
  it('finds the evaluation set’s pages among the first ten: recall@10 at least 0.95', async () => {
    if (!server) return expect(process.env.CI).toBeFalsy();
    const queries = loadQueries();
    let recall = 0;
    const misses: string[] = [];
    for (const query of queries) {
      const top = (await ask(server.baseUrl, query.q, query.locale)).results.map((r) => r.url);
      const found = query.expect.filter((expected) => top.some((p) => isExpected(expected, p)));
      recall += found.length / query.expect.length;
      if (found.length < query.expect.length) misses.push(`«${query.q}»`);
    }
    expect(recall / queries.length, misses.join(' ')).toBeGreaterThanOrEqual(0.95);
  }, 120_000);

  it('answers like the SQLite index for the same words: the same pages found', async () => {
    if (!server) return expect(process.env.CI).toBeFalsy();
    for (const [q, lang] of [
      ['پایگاه خدمات', 'fa'],
      ['سکونت گاه', 'fa'],
      ['كمبرخوردار', 'fa'],
      ['counselling', 'en'],
    ] as const) {
      const fromPostgres = await ask(server.baseUrl, q, lang);
      const fromSqlite = await ask(sqliteUrl, q, lang);
      expect(fromPostgres.total, q).toBe(fromSqlite.total);
      expect(
        fromPostgres.results[0]?.excerpt.some((part) => part.mark),
        q,
      ).toBe(true);
    }
  });
});
