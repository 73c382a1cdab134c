import { queryTerms } from '@behzisti/core/search';
import postgres from 'postgres';
import {
  PAGE_SIZE,
  type SearchAnswer,
  type SearchLanguage,
  type SearchParams,
} from './search-api.ts';
import {
  answerFor,
  hit,
  PHRASE_SLACK,
  queryTokens,
  TITLE_BOOST,
  termTokens,
} from './search-query.ts';
import { SERVICE_BOOST } from './search-rank.ts';
import type { SearchRecord } from './search-record.ts';

/**
 * The server search on PostgreSQL, for several machines sharing one database: the same records
 * (search-record.ts, core's matcher at index time, queryTerms at query time) and the same
 * ranking as the SQLite FTS5 index (search-query.ts), with PostgreSQL's full text.
 *
 * - One `tsvector` per page, the columns weighted A (title), B (lede), C (headings), D (body);
 *   the tokens are already normalised, so the `simple` configuration only splits them (Persian),
 *   and `english` stems the English pages as porter does in SQLite.
 * - `pg_trgm` on the index words (`search_words`), for the closest words when nothing is found
 *   (`closestIndexedWords`), where the SQLite build ships a vocabulary file instead.
 * - Queries are built as tsquery text from quoted tokens of letters, digits and marks only;
 *   `to_tsquery` reads them, never the user's text.
 * - The phrase tier: every pair of neighbouring terms within PHRASE_SLACK + 1 positions (`<1>` to
 *   `<4>`), which is what FTS5's NEAR with the same slack allows for the part tokens.
 */

const SCHEMA = `
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE IF NOT EXISTS search_pages (
  id bigserial PRIMARY KEY,
  url text NOT NULL UNIQUE,
  language text NOT NULL,
  title text NOT NULL,
  type text NOT NULL,
  provinces text[] NOT NULL,
  service boolean NOT NULL,
  content text NOT NULL,
  originals text NOT NULL,
  document tsvector NOT NULL
);
CREATE INDEX IF NOT EXISTS search_pages_document ON search_pages USING gin (document);
CREATE INDEX IF NOT EXISTS search_pages_language ON search_pages (language, type);
CREATE TABLE IF NOT EXISTS search_words (
  language text NOT NULL,
  word text NOT NULL,
  PRIMARY KEY (language, word)
);
CREATE INDEX IF NOT EXISTS search_words_trgm ON search_words USING gin (word gin_trgm_ops);
`;

/** The text search configuration of a language's pages and queries. */
const config = (language: string) => (language === 'en' ? 'english' : 'simple');

export interface PostgresSearch {
  /** Adds or replaces a page (its address is the key). */
  put(record: SearchRecord): Promise<void>;
  /** The whole site's index, replacing what was there (a build). */
  replaceAll(records: Iterable<SearchRecord>): Promise<void>;
  /** Removes the page at `url`; true when there was one. */
  remove(url: string): Promise<boolean>;
  search(params: SearchParams): Promise<SearchAnswer>;
  /** Index words closest to `word` (trigram similarity), for "did you mean". */
  closestIndexedWords(word: string, language: SearchLanguage, limit?: number): Promise<string[]>;
  close(): Promise<void>;
}

/** A term as a tsquery operand: its tokens quoted, a phrase when several, a prefix at the end. */
function operand(tokens: readonly string[], weight = ''): string {
  const last = tokens.length - 1;
  return tokens
    .map((token, i) => {
      const prefix =
        i === last && [...token].length >= 2 ? `:*${weight}` : weight ? `:${weight}` : '';
      return `'${token}'${prefix}`;
    })
    .join(' <-> ');
}

export interface TsQueries {
  all: string;
  phrase: string;
  exact: string;
  title: string;
  marks: string[];
}

/** The tsquery texts for a query ('' when nothing is searchable). */
export function tsQueries(raw: string): TsQueries {
  const { terms, exact: exactTokens, marks } = queryTokens(raw);
  const all = terms.map((tokens) => `(${operand(tokens)})`).join(' & ');
  const pairs = terms.slice(1).map((tokens, i) => {
    const before = `(${operand(terms[i] ?? [])})`;
    const after = `(${operand(tokens)})`;
    const distances = Array.from({ length: PHRASE_SLACK + 1 }, (_, d) => d + 1);
    return `(${distances.map((d) => `${before} <${d}> ${after}`).join(' | ')})`;
  });
  const exact = exactTokens.map((tokens) => `(${operand(tokens)})`).join(' & ');
  return {
    all,
    phrase: pairs.join(' & '),
    exact: exact === all ? '' : exact,
    title: terms.map((tokens) => `(${operand(tokens, 'A')})`).join(' & '),
    marks,
  };
}

/** The words a record indexes (for the trigram suggestions): its title and text tokens. */
function indexWords(record: SearchRecord): string[] {
  const words = new Set<string>();
  for (const text of [record.columns.title, record.columns.lede, record.columns.body]) {
    for (const word of text.split(' ')) if ([...word].length >= 2) words.add(word);
  }
  return [...words];
}

export async function openPostgresSearch(url: string): Promise<PostgresSearch> {
  const sql = postgres(url, { max: 4, onnotice: () => undefined });
  await sql.unsafe(SCHEMA);

  /** Writes one record inside a transaction (replacing the page at its address). */
  async function insert(tx: postgres.TransactionSql, record: SearchRecord): Promise<void> {
    const cfg = config(record.language);
    await tx`
      INSERT INTO search_pages (url, language, title, type, provinces, service, content, originals, document)
      VALUES (${record.url}, ${record.language}, ${record.title}, ${record.type}, ${record.provinces},
        ${record.service}, ${record.content}, ${JSON.stringify(record.originals)},
        setweight(to_tsvector(${cfg}::regconfig, ${record.columns.title}), 'A') ||
        setweight(to_tsvector(${cfg}::regconfig, ${record.columns.lede}), 'B') ||
        setweight(to_tsvector(${cfg}::regconfig, ${record.columns.headings}), 'C') ||
        setweight(to_tsvector(${cfg}::regconfig, ${record.columns.body}), 'D'))
      ON CONFLICT (url) DO UPDATE SET language = excluded.language, title = excluded.title,
        type = excluded.type, provinces = excluded.provinces, service = excluded.service,
        content = excluded.content, originals = excluded.originals, document = excluded.document`;
    const words = indexWords(record);
    if (words.length > 0) {
      await tx`
        INSERT INTO search_words (language, word)
        SELECT ${record.language}, unnest(${words}::text[])
        ON CONFLICT DO NOTHING`;
    }
  }

  const store: PostgresSearch = {
    async put(record) {
      await sql.begin((tx) => insert(tx, record));
    },

    async replaceAll(records) {
      // One transaction: searches see the old index until the new one is complete.
      await sql.begin(async (tx) => {
        await tx`DELETE FROM search_pages`;
        await tx`DELETE FROM search_words`;
        for (const record of records) await insert(tx, record);
      });
    },

    async remove(address) {
      const rows = await sql`DELETE FROM search_pages WHERE url = ${address} RETURNING id`;
      return rows.length > 0;
    },

    async search(params) {
      const query = tsQueries(params.q);
      const { answer, empty } = answerFor(params, query.all);
      if (empty) return answer;
      const cfg = config(params.lang);
      const offset = (params.page - 1) * PAGE_SIZE;
      const filters = sql`p.language = ${params.lang}
        ${params.type ? sql`AND p.type = ${params.type}` : sql``}
        ${params.province ? sql`AND p.provinces @> ARRAY[${params.province}]::text[]` : sql``}`;
      const columns = sql`p.url, p.title, p.type, array_to_string(p.provinces, '|') AS provinces,
        p.content, p.originals, count(*) OVER () AS total`;
      const matchOf = (text: string) => sql`to_tsquery(${cfg}::regconfig, ${text})`;
      const rows =
        query.all === ''
          ? await sql`SELECT ${columns} FROM search_pages p WHERE ${filters}
              ORDER BY p.id LIMIT ${PAGE_SIZE} OFFSET ${offset}`
          : await sql`
              SELECT ${columns},
                (CASE WHEN ${query.phrase ? sql`p.document @@ ${matchOf(query.phrase)}` : sql`false`} THEN 2 ELSE 0 END)
                + (CASE WHEN ${query.exact ? sql`p.document @@ ${matchOf(query.exact)}` : sql`false`} THEN 1 ELSE 0 END) AS tier,
                ts_rank(p.document, ${matchOf(query.all)})
                  * (CASE WHEN p.service THEN ${SERVICE_BOOST} ELSE 1 END)
                  * (CASE WHEN p.document @@ ${matchOf(query.title)} THEN ${TITLE_BOOST} ELSE 1 END) AS score
              FROM search_pages p
              WHERE p.document @@ ${matchOf(query.all)} AND ${filters}
              ORDER BY tier DESC, score DESC, p.id ASC LIMIT ${PAGE_SIZE} OFFSET ${offset}`;
      answer.results = rows.map((row) =>
        hit(
          {
            url: row.url,
            title: row.title,
            type: row.type,
            provinces: row.provinces,
            content: row.content,
            originals: row.originals,
          },
          query.marks,
        ),
      );
      answer.total = Number(rows[0]?.total ?? 0);
      if (rows.length === 0 && params.page > 1) {
        answer.total = (await store.search({ ...params, page: 1 })).total;
      }
      return answer;
    },

    async closestIndexedWords(word, language, limit = 3) {
      const key = termTokens(queryTerms(word).join(' ')).join('');
      if ([...key].length < 3) return [];
      const rows = await sql`
        SELECT word FROM search_words
        WHERE language = ${language} AND word % ${key} AND word <> ${key}
        ORDER BY similarity(word, ${key}) DESC, word LIMIT ${limit}`;
      return rows.map((row) => row.word as string);
    },

    async close() {
      await sql.end({ timeout: 5 });
    },
  };
  return store;
}
