import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { queryTerms } from '@behzisti/core/search';
import {
  MAX_TERMS,
  PAGE_SIZE,
  type SearchAnswer,
  type SearchHit,
  type SearchParams,
} from './search-api.ts';
import { exactTerms, SERVICE_BOOST } from './search-rank.ts';
import { COLUMN_WEIGHTS, COLUMNS, facetToken, TEXT_COLUMNS, wordTokens } from './search-record.ts';
import { displayWords, excerptParts } from './search-text.ts';

/**
 * A query against the server-side index (search-index.ts), ranked as the Pagefind search page
 * ranks (search-rank.ts `orderResults`): tiers first — the query's words close together as a
 * phrase (2), its words in the form typed (1) — then bm25 with the column weights (title 10,
 * lede 5, headings 3, body 1), base and programme pages boosted, and pages with the words in
 * their title (TITLE_BOOST); ties by page order.
 *
 * The user's text is never FTS5 syntax: it goes through core's matcher (queryTerms, as the
 * Pagefind search does), each term is cut into runs of letters, digits and marks, and each run
 * is written as a quoted FTS5 string of those characters only — no quote, operator or column
 * name can reach the expression. Every term is a prefix query (Pagefind matches a term as a
 * word or the start of one; the stem then finds every inflected form).
 */

/** Letters, digits and combining marks: the only characters a quoted FTS5 string gets. */
const TOKEN_RUN = /[\p{L}\p{N}\p{M}]+/gu;

/** A term's tokens as the index's tokenizer would cut them (lower-cased, as unicode61 does). */
export function termTokens(term: string): string[] {
  return (term.toLowerCase().match(TOKEN_RUN) ?? []).slice(0, 8);
}

/** Each term's tokens (terms with none dropped, those past MAX_TERMS not searched). */
const termTokenLists = (terms: readonly string[]) =>
  terms
    .map(termTokens)
    .filter((tokens) => tokens.length > 0)
    .slice(0, MAX_TERMS);

export interface QueryTokens {
  /** The query's terms through core's matcher, each as its tokens. */
  terms: string[][];
  /** The words in the form typed, each as its tokens. */
  exact: string[][];
  /** Every query token, for marking the matched words in excerpts. */
  marks: string[];
}

/**
 * The query's terms as the index's tokens: what the FTS5 and the PostgreSQL query builders
 * (search-postgres.ts) both write their expressions from.
 */
export function queryTokens(raw: string): QueryTokens {
  const terms = termTokenLists(queryTerms(raw));
  const exact = termTokenLists(exactTerms(raw));
  return { terms, exact, marks: [...new Set([...terms.flat(), ...exact.flat()])] };
}

/**
 * `"word"*`, or `"word other"*` for a term the tokenizer cuts into several (a phrase). A term
 * ending in a single letter or digit is matched whole: as a prefix it would read most of the
 * index for little use.
 */
const prefixString = (tokens: readonly string[]) =>
  `"${tokens.join(' ')}"${[...(tokens.at(-1) ?? '')].length >= 2 ? '*' : ''}`;

export interface FtsQuery {
  /** All the terms, each as a prefix (FTS5's implicit AND). '' when nothing is searchable. */
  all: string;
  /** The terms near each other, as a phrase allowing for the index's extra tokens. */
  phrase: string;
  /** The words in the form typed, when that differs from the stems. */
  exact: string;
  /** All the terms in the title column. */
  title: string;
  /** Every query token, for marking the matched words in excerpts. */
  marks: string[];
}

/**
 * How many tokens a phrase may have between its words: each written word is indexed as its
 * whole and its parts (search-record.ts), so neighbours in the text can be up to three tokens
 * apart in the index («پایگاه‌های خدمات» → «پایگاههای پایگاه های خدمات»).
 */
export const PHRASE_SLACK = 3;

/** The FTS5 expressions for a query (terms past MAX_TERMS are not searched). */
export function ftsQuery(raw: string): FtsQuery {
  const { terms, exact: exactTokens, marks } = queryTokens(raw);
  const strings = terms.map(prefixString).join(' ');
  // Only the text columns: the facets column holds the filters (search-record.ts).
  const text = `{${TEXT_COLUMNS.join(' ')}}`;
  const all = strings && `${text} : (${strings})`;
  const phrase =
    terms.length > 1 ? `${text} : NEAR(${strings}, ${PHRASE_SLACK * (terms.length - 1)})` : '';
  const exactExpression = exactTokens.map(prefixString).join(' ');
  return {
    all,
    phrase,
    exact: exactExpression === strings ? '' : `${text} : (${exactExpression})`,
    title: strings && `title : (${strings})`,
    marks,
  };
}

/** A crude English stem for marking only (porter decides what matches in the index). */
const latinStem = (token: string) =>
  /^[a-z]+$/.test(token) && token.length > 4 ? token.replace(/(?:ing|ed|es|s)$/, '') : token;

/** Positions of the index words that a query token starts (the words to mark). */
export function matchedPositions(
  indexWords: readonly string[],
  marks: readonly string[],
): number[] {
  const stems = marks.map(latinStem);
  const positions: number[] = [];
  indexWords.forEach((word, position) => {
    const tokens = wordTokens(word).flatMap(termTokens);
    if (tokens.some((token) => stems.some((mark) => token.startsWith(mark))))
      positions.push(position);
  });
  return positions;
}

const EXCERPT_WORDS = 30;

export interface Row {
  url: string;
  title: string;
  type: string;
  provinces: string;
  content: string;
  originals: string;
}

/** One result as the API returns it, from the stored row (shared with search-postgres.ts). */
export function hit(row: Row, marks: readonly string[]): SearchHit {
  const indexWords = row.content === '' ? [] : row.content.split(' ');
  const words = displayWords(row.content, row.originals);
  return {
    url: row.url,
    title: row.title,
    type: row.type,
    provinces: row.provinces.split('|').filter((id) => id !== ''),
    excerpt: excerptParts(words, matchedPositions(indexWords, marks), EXCERPT_WORDS),
  };
}

/**
 * bm25 saturates a word's weighted frequency, so a title's weight of 10 gives at most about
 * twice a single mention in the body, less than the services' boost: a news item titled with
 * the query would fall below every base that mentions it once. Pages with every term in their
 * title are boosted as much as services (Pagefind's scoring weighs titles about this much).
 */
export const TITLE_BOOST = 3;

const BM25 = `bm25(pages_fts, ${COLUMNS.map((column) => COLUMN_WEIGHTS[column]).join(', ')})`;

/**
 * A query matching more pages than this ranks only the newest this many of them (issue 23: a
 * word on 93 % of 100,000 pages cost 327 ms of CPU, every match scored before the ten best were
 * kept). The index is written oldest news first and the other pages (bases, programmes) last
 * (scripts/index-search.ts), and a published page takes the next rowid: so the highest rowids are
 * the services and the newest news, and FTS5 reads a match in rowid order from the top and stops
 * there (`ORDER BY rowid DESC LIMIT`). Within that window the ranking is the usual one (phrase and
 * form tiers, bm25, services and title boosts). A query on fewer pages (every query of the
 * evaluation set on the portal's content) is ranked over all of them, as before.
 */
export const COMMON_CAP = 2000;

/**
 * The answer to `params` before any row is read (shared with search-postgres.ts), and whether
 * there is anything to look for: nothing searchable and no filter lists nothing (the page asks
 * for a word).
 */
export function answerFor(
  params: SearchParams,
  all: string,
): { answer: SearchAnswer; empty: boolean } {
  const answer: SearchAnswer = {
    query: params.q,
    lang: params.lang,
    page: params.page,
    pageSize: PAGE_SIZE,
    total: 0,
    results: [],
  };
  return { answer, empty: all === '' && params.type === '' && params.province === '' };
}

/** Runs a checked query (search-api.ts parseSearchParams) and returns one page of results. */
export function searchIndex(db: DatabaseSync, params: SearchParams): SearchAnswer {
  const query = ftsQuery(params.q);
  const { answer, empty } = answerFor(params, query.all);
  if (empty) return answer;
  // The filters, as tokens of the facets column (search-record.ts facetToken).
  const facets = [
    facetToken('lang', params.lang),
    ...(params.type ? [facetToken('type', params.type)] : []),
    ...(params.province ? [facetToken('prov', params.province)] : []),
  ];
  const filter = `facets : (${facets.map((token) => `"${token}"`).join(' ')})`;
  const match = query.all === '' ? filter : `(${query.all}) AND ${filter}`;
  /** A factor for the pages of another match (an FTS5 set, built once per query). */
  const when = (yes: number, no: number) =>
    `(CASE WHEN rowid IN (SELECT rowid FROM pages_fts WHERE pages_fts MATCH ? AND rowid >= ?) THEN ${yes} ELSE ${no} END)`;
  // FTS5 alone ranks (ids and scores: no join, no text carried through the sort), then the ten
  // rows of the page are read.
  let sql: string;
  let bound: SQLInputValue[];
  if (query.all === '') {
    sql =
      'SELECT rowid AS id, count(*) OVER () AS total FROM pages_fts WHERE pages_fts MATCH ? ORDER BY rowid LIMIT ? OFFSET ?';
    bound = [match];
  } else {
    // A very common query: its newest COMMON_CAP matches only (from rowid `floor` up).
    const newest = db
      .prepare('SELECT rowid FROM pages_fts WHERE pages_fts MATCH ? ORDER BY rowid DESC LIMIT ?')
      .all(match, COMMON_CAP + 1) as { rowid: number }[];
    const common = newest.length > COMMON_CAP;
    const floor = common ? (newest[COMMON_CAP - 1]?.rowid ?? 0) : 0;
    const tier = [query.phrase ? when(2, 0) : '0', query.exact ? when(1, 0) : '0'].join(' + ');
    // bm25 only where FTS5 answers the match itself (materialized), the sets joined after.
    sql = `WITH h AS MATERIALIZED (
        SELECT rowid, ${BM25} AS score FROM pages_fts WHERE pages_fts MATCH ? AND rowid >= ?
      )
      SELECT rowid AS id, ${tier} AS tier,
        score * ${when(SERVICE_BOOST, 1)} * ${when(TITLE_BOOST, 1)} AS score,
        ${common ? '?' : 'count(*) OVER ()'} AS total
      FROM h ORDER BY tier DESC, score ASC, rowid ASC LIMIT ? OFFSET ?`;
    bound = [
      match,
      floor,
      ...(query.phrase ? [query.phrase, floor] : []),
      ...(query.exact ? [query.exact, floor] : []),
      `facets : "${facetToken('service')}"`,
      floor,
      query.title,
      floor,
      // Every match is still counted (no scores, no positions: the doclists only).
      ...(common
        ? [
            (
              db
                .prepare('SELECT count(*) AS n FROM pages_fts WHERE pages_fts MATCH ?')
                .get(match) as { n: number }
            ).n,
          ]
        : []),
    ];
  }
  const ranked = db
    .prepare(sql)
    .all(...bound, PAGE_SIZE, (params.page - 1) * PAGE_SIZE) as unknown as {
    id: number;
    total: number;
  }[];
  const read = db.prepare(
    'SELECT url, title, type, provinces, content, originals FROM pages WHERE id = ?',
  );
  answer.results = ranked.map((entry) => hit(read.get(entry.id) as unknown as Row, query.marks));
  answer.total = ranked[0]?.total ?? 0;
  if (ranked.length === 0 && params.page > 1) {
    // Past the last page: still say how many there are.
    const first = searchIndex(db, { ...params, page: 1 });
    answer.total = first.total;
  }
  return answer;
}
