// Runs the site-search evaluation set (search-queries.json) through the real search page of a
// built portal in Chromium, as a person would: type the query, press Enter, read the first ten
// result links. Used by e2e/search-eval.test.ts (the floor) and bench/search.mjs (the figures).
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { SharedBrowser } from './browser.ts';

export interface EvalQuery {
  q: string;
  locale: 'fa' | 'en';
  kind: string;
  /**
   * Pages the query must return among the first ten results. A path ending in `*` stands for
   * any page under it («/directory/bases/kerman-*»: any Kerman base), for a query that names a
   * place whose every base should come first (issue 21).
   */
  expect: string[];
}

/** True when `path` is the expected page (or under an expected `…*` prefix). */
export const isExpected = (expected: string, path: string) =>
  expected.endsWith('*') ? path.startsWith(expected.slice(0, -1)) : path === expected;

export interface QueryOutcome extends EvalQuery {
  /** The first ten result paths. */
  top: string[];
  /** Share of `expect` among `top`. */
  recall: number;
  /** 1 / rank of the first expected page in `top`, 0 when none is there. */
  reciprocalRank: number;
}

export interface Evaluation {
  recallAt10: number;
  mrr: number;
  outcomes: QueryOutcome[];
}

export function loadQueries(): EvalQuery[] {
  const file = new URL('./search-queries.json', import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { queries: EvalQuery[] }).queries;
}

/** Submits `query` in the open search page and returns the first ten result paths. */
async function topTen(page: Page, query: string): Promise<string[]> {
  const input = page.locator('#search-q');
  await input.fill(query);
  await input.press('Enter');
  // The live region names the query once its outcome is in («… برای «query»», "… for “query”").
  // A function, not a string: the page's Content-Security-Policy forbids evaluating strings.
  await page.waitForFunction(
    (typed) => {
      const status = document.querySelector('[data-search-status]')?.textContent ?? '';
      return status.includes(typed) && !/در حال|Searching/.test(status);
    },
    query.trim(),
    { timeout: 20_000 },
  );
  const links = await page
    .locator('.search-results > li h2 a')
    .evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
  return links.slice(0, 10).map((href) => decodeURI(new URL(href).pathname));
}

/**
 * Runs every query on the search page of its locale at `baseUrl`: with the server's search
 * when the site has one (its /api/search), or with Pagefind in the browser when `pagefind` is
 * set (the page then sees /api/search answer 404, as on a static host).
 */
export async function evaluateSearch(
  browser: SharedBrowser,
  baseUrl: string,
  queries: readonly EvalQuery[] = loadQueries(),
  options: { pagefind?: boolean } = {},
): Promise<Evaluation> {
  const outcomes: QueryOutcome[] = [];
  for (const locale of ['fa', 'en'] as const) {
    const mine = queries.filter((query) => query.locale === locale);
    if (mine.length === 0) continue;
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      if (options.pagefind) {
        await page.route(
          (url) => url.pathname === '/api/search',
          (route) => route.fulfill({ status: 404, body: 'Not found' }),
        );
      }
      await page.goto(`${baseUrl}${locale === 'fa' ? '/search/' : '/en/search/'}`);
      for (const query of mine) {
        const top = await topTen(page, query.q);
        const found = query.expect.filter((expected) =>
          top.some((path) => isExpected(expected, path)),
        );
        const first = top.findIndex((path) =>
          query.expect.some((expected) => isExpected(expected, path)),
        );
        outcomes.push({
          ...query,
          top,
          recall: found.length / query.expect.length,
          reciprocalRank: first < 0 ? 0 : 1 / (first + 1),
        });
      }
    } finally {
      await context.close();
    }
  }
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
  return {
    recallAt10: mean(outcomes.map((outcome) => outcome.recall)),
    mrr: mean(outcomes.map((outcome) => outcome.reciprocalRank)),
    outcomes,
  };
}
