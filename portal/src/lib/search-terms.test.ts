import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TERMS } from './search-api.ts';
import { tsQueries } from './search-postgres.ts';
import { ftsQuery, queryTokens } from './search-query.ts';

// The SQLite FTS5 and PostgreSQL stores write their queries from one term builder
// (queryTokens), so a query searches the same terms, and marks the same words, on either.

describe('queryTokens', () => {
  it('gives the terms through core’s matcher, the words as typed, and every token to mark', () => {
    const tokens = queryTokens('پایگاه‌های خدمات');
    expect(tokens.terms.length).toBeGreaterThan(0);
    expect(tokens.exact.length).toBeGreaterThan(0);
    for (const token of [...tokens.terms.flat(), ...tokens.exact.flat()]) {
      expect(tokens.marks).toContain(token);
    }
  });

  it('drops what has no letter or digit and keeps at most MAX_TERMS terms', () => {
    expect(queryTokens('"" ** () -- ؟!')).toEqual({ terms: [], exact: [], marks: [] });
    const many = Array.from({ length: MAX_TERMS + 5 }, (_, i) => `واژه${i}`).join(' ');
    expect(queryTokens(many).terms.length).toBeLessThanOrEqual(MAX_TERMS);
  });

  it('is what both stores search: the same marks, and nothing searchable on both or neither', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (raw) => {
        const fts = ftsQuery(raw);
        const pg = tsQueries(raw);
        expect(fts.marks).toEqual(queryTokens(raw).marks);
        expect(pg.marks).toEqual(fts.marks);
        expect(pg.all === '').toBe(fts.all === '');
      }),
      { numRuns: 500 },
    );
  });
});
