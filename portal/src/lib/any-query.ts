import fc from 'fast-check';

// Pieces of query strings for the generated "any query is answered" tests of both server-search
// stores (search-index.test.ts, search-postgres.test.ts) and of /api/search
// (e2e/search-api.test.ts): what means something to one of the query languages — FTS5's quotes,
// stars, NEAR, column filters and groups, tsquery's & | ! <-> — mixed with what the query
// builders fold (Arabic letters, Persian digits, ZWNJ, kashida, harakat), NUL and a lone
// surrogate. One list, so a piece that broke one store is tried on the others too.
export const queryPieces = fc.constantFrom(
  '"',
  "'",
  '*',
  '^',
  ':',
  '(',
  ')',
  '-',
  '+',
  'NEAR',
  'NEAR(',
  'AND',
  'OR',
  'NOT',
  'title',
  '{',
  '}',
  '\\',
  '&',
  '|',
  '!',
  '<->',
  '%',
  ' ',
  '\u0000',
  '\u200c',
  '\uD800',
  'ي',
  'ك',
  '۱',
  'ـ',
  'ً',
  'پایگاه',
);

/** Any short string, or up to `pieces` pieces of the list above joined. */
export const anyQuery = (maxLength: number, pieces: number) =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.array(queryPieces, { maxLength: pieces }).map((parts) => parts.join('')),
  );
