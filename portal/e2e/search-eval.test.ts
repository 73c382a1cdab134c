import { describe, expect, inject, it } from 'vitest';
import { sharedBrowser } from './browser.ts';
import { type Evaluation, evaluateSearch, loadQueries } from './search-eval.ts';

// The site search's floor: the evaluation set (search-queries.json, written by hand from the
// portal's content and typed the ways people type) through the real search page in Chromium,
// once with the server's search (/api/search, SQLite FTS5) and once with Pagefind.
const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

/** Each query that missed an expected page in its first ten, with the pages it missed. */
const misses = (evaluation: Evaluation) =>
  evaluation.outcomes
    .filter((outcome) => outcome.recall < 1)
    .map(
      (outcome) =>
        `«${outcome.q}»: ${outcome.expect.filter((p) => !outcome.top.includes(p)).join(' ')}`,
    )
    .join('\n');

describe('search evaluation set', () => {
  it('has at least 80 Persian queries of every kind the issue names, each with pages to find', () => {
    const queries = loadQueries();
    const persian = queries.filter((query) => query.locale === 'fa');
    expect(persian.length).toBeGreaterThanOrEqual(80);
    for (const query of queries) expect(query.expect.length).toBeGreaterThan(0);
    const kinds = persian.map((query) => query.kind).join(' ');
    for (const kind of [
      'compound apart',
      'compound joined',
      'ZWNJ',
      'plural',
      'Arabic',
      'digits',
      'phrase',
      'place',
    ]) {
      expect(kinds).toContain(kind);
    }
  });

  it('finds the expected pages among the first ten with the server’s search: recall@10 at least 0.95', async () => {
    const evaluation = await evaluateSearch(browser, baseUrl);
    expect(evaluation.recallAt10, misses(evaluation)).toBeGreaterThanOrEqual(0.95);
  }, 240_000);

  it('finds the expected pages among the first ten with Pagefind (a static host): recall@10 at least 0.95', async () => {
    const evaluation = await evaluateSearch(browser, baseUrl, undefined, { pagefind: true });
    expect(evaluation.recallAt10, misses(evaluation)).toBeGreaterThanOrEqual(0.95);
  }, 240_000);
});
