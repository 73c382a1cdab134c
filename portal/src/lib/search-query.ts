import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { queryTerms } from '@behzisti/core/search';
import {
  MAX_TERMS,
  PAGE_SIZE,
  type SearchAnswer,
  type SearchHit,
  type SearchParams,
} from './search-api.ts';
import { provincesField } from './search-index.ts';
import { exactTerms, SERVICE_BOOST } from './search-rank.ts';
import { COLUMN_WEIGHTS, COLUMNS, wordTokens } from './search-record.ts';
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
const PHRASE_SLACK = 3;

/** The FTS5 expressions for a query (terms past MAX_TERMS are not searched). */
export function ftsQuery(raw: string): FtsQuery {
  const terms = queryTerms(raw)
    .map(termTokens)
    .filter((tokens) => tokens.length > 0)
    .slice(0, MAX_TERMS);
  const all = terms.map(prefixString).join(' ');
  const phrase =
    terms.length > 1
      ? `NEAR(${terms.map(prefixString).join(' ')}, ${PHRASE_SLACK * (terms.length - 1)})`
      : '';
  const exactTokens = exactTerms(raw)
    .map(termTokens)
    .filter((tokens) => tokens.length > 0)
    .slice(0, MAX_TERMS);
  const exactExpression = exactTokens.map(prefixString).join(' ');
  return {
    all,
    phrase,
    exact: exactExpression === all ? '' : exactExpression,
    title: all === '' ? '' : `title : (${all})`,
    marks: [...new Set([...terms.flat(), ...exactTokens.flat()])],
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

interface Row {
  url: string;
  title: string;
  type: string;
  provinces: string;
  content: string;
  originals: string;
  total: number;
}

function hit(row: Row, marks: readonly string[]): SearchHit {
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

/** Runs a checked query (search-api.ts parseSearchParams) and returns one page of results. */
export function searchIndex(db: DatabaseSync, params: SearchParams): SearchAnswer {
  const query = ftsQuery(params.q);
  const filtered = params.type !== '' || params.province !== '';
  const answer: SearchAnswer = {
    query: params.q,
    lang: params.lang,
    page: params.page,
    pageSize: PAGE_SIZE,
    total: 0,
    results: [],
  };
  // Nothing searchable and no filter: nothing to list (the page asks for a word).
  if (query.all === '' && !filtered) return answer;
  const where = ['p.language = ?'];
  const values: SQLInputValue[] = [params.lang];
  if (params.type) {
    where.push('p.type = ?');
    values.push(params.type);
  }
  if (params.province) {
    where.push('instr(p.provinces, ?) > 0');
    values.push(provincesField([params.province]));
  }
  const columns = 'p.url, p.title, p.type, p.provinces, p.content, p.originals';
  let sql: string;
  let bound: SQLInputValue[];
  if (query.all === '') {
    sql = `SELECT ${columns}, count(*) OVER () AS total FROM pages p WHERE ${where.join(' AND ')} ORDER BY p.id LIMIT ? OFFSET ?`;
    bound = values;
  } else {
    const tier = [
      query.phrase
        ? '(CASE WHEN h.id IN (SELECT rowid FROM pages_fts WHERE pages_fts MATCH ?) THEN 2 ELSE 0 END)'
        : '0',
      query.exact
        ? '(CASE WHEN h.id IN (SELECT rowid FROM pages_fts WHERE pages_fts MATCH ?) THEN 1 ELSE 0 END)'
        : '0',
    ].join(' + ');
    sql = `WITH h AS (SELECT rowid AS id, ${BM25} AS score FROM pages_fts WHERE pages_fts MATCH ?)
      SELECT ${columns}, ${tier} AS tier,
        h.score * (CASE WHEN p.service THEN ${SERVICE_BOOST} ELSE 1 END)
          * (CASE WHEN h.id IN (SELECT rowid FROM pages_fts WHERE pages_fts MATCH ?) THEN ${TITLE_BOOST} ELSE 1 END) AS rank,
        count(*) OVER () AS total
      FROM h JOIN pages p ON p.id = h.id
      WHERE ${where.join(' AND ')}
      ORDER BY tier DESC, rank ASC, p.id ASC LIMIT ? OFFSET ?`;
    bound = [
      query.all,
      ...(query.phrase ? [query.phrase] : []),
      ...(query.exact ? [query.exact] : []),
      query.title,
      ...values,
    ];
  }
  const rows = db
    .prepare(sql)
    .all(...bound, PAGE_SIZE, (params.page - 1) * PAGE_SIZE) as unknown as Row[];
  answer.results = rows.map((row) => hit(row, query.marks));
  answer.total = rows[0]?.total ?? 0;
  if (rows.length === 0 && params.page > 1) {
    // Past the last page: still say how many there are.
    const first = searchIndex(db, { ...params, page: 1 });
    answer.total = first.total;
  }
  return answer;
}
