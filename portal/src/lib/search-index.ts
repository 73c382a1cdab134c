import { renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { type Lexicon, listedLexicon, TextLexicon } from '@behzisti/core/search';
import { besideBuild } from './build-output.ts';
import { type ExtractedPage, extractPage } from './search-extract.ts';
import { COLUMNS, type SearchRecord, searchRecord } from './search-record.ts';

/**
 * The server-side search index: one SQLite file with an FTS5 table (docs/scale.md, "Search at
 * scale"). scripts/index-search.ts writes it for the whole site in the same pass as Pagefind;
 * the functions at the end add, replace or remove one page, so that a page published after the
 * build is searchable at once (`indexPublishedPage`, `removePublishedPage`).
 *
 * Tables:
 * - `pages`: what a result shows and filters on (address, title, type, provinces, the index
 *   words and the words as written for excerpts).
 * - `pages_fts`: FTS5, contentless (the text is in `pages`; bm25 needs only the index), with
 *   deletes so one page can be replaced. Tokens are already normalised by core's matcher
 *   (letters, digits, ZWNJ, compounds, endings: search-record.ts); unicode61 only splits them
 *   at spaces and punctuation, and porter stems the English pages' words (it leaves Persian
 *   alone: its rules are ASCII). Prefix indexes for 2 and 3 characters keep "the start of a
 *   word" queries cheap.
 * - `lexicon_words`, `lexicon_compounds`: the site's lexicon (core's TextLexicon), so a page
 *   added later is analysed as the build would have analysed it.
 */

const SCHEMA = `
CREATE TABLE IF NOT EXISTS pages (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  language TEXT NOT NULL,
  title TEXT NOT NULL,
  type TEXT NOT NULL,
  provinces TEXT NOT NULL,
  service INTEGER NOT NULL,
  content TEXT NOT NULL,
  originals TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS pages_language ON pages (language, type);
CREATE VIRTUAL TABLE IF NOT EXISTS pages_fts USING fts5(
  ${COLUMNS.join(', ')},
  content = '',
  contentless_delete = 1,
  tokenize = 'porter unicode61 remove_diacritics 2',
  prefix = '2 3'
);
CREATE TABLE IF NOT EXISTS lexicon_words (word TEXT PRIMARY KEY, count INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS lexicon_compounds (joined TEXT PRIMARY KEY, parts TEXT NOT NULL) WITHOUT ROWID;
`;

/**
 * Opens (creating the tables when asked) the index at `path`. `bulk` is for the build, which
 * writes a new file that nobody reads yet: no journal, no syncing.
 */
export function openSearchIndex(
  path: string,
  options: { create?: boolean; bulk?: boolean } = {},
): DatabaseSync {
  const db = new DatabaseSync(path);
  db.exec(
    options.bulk
      ? 'PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;'
      : // Readers and the one writer (a publish) do not wait for each other.
        'PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000;',
  );
  if (options.create) db.exec(SCHEMA);
  return db;
}

/** Provinces stored as `|a|b|`, so a filter is one `instr`. */
export const provincesField = (provinces: readonly string[]) =>
  provinces.length === 0 ? '' : `|${provinces.join('|')}|`;

/** Writes `record`, replacing any page at the same address. */
export function putRecord(db: DatabaseSync, record: SearchRecord): void {
  const existing = db.prepare('SELECT id FROM pages WHERE url = ?').get(record.url) as
    | { id: number }
    | undefined;
  if (existing) deleteId(db, existing.id);
  const { lastInsertRowid } = db
    .prepare(
      'INSERT INTO pages (url, language, title, type, provinces, service, content, originals) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(
      record.url,
      record.language,
      record.title,
      record.type,
      provincesField(record.provinces),
      record.service ? 1 : 0,
      record.content,
      JSON.stringify(record.originals),
    );
  db.prepare(
    `INSERT INTO pages_fts (rowid, ${COLUMNS.join(', ')}) VALUES (?, ${COLUMNS.map(() => '?').join(', ')})`,
  ).run(lastInsertRowid, ...COLUMNS.map((column) => record.columns[column]));
}

function deleteId(db: DatabaseSync, id: number): void {
  db.prepare('DELETE FROM pages_fts WHERE rowid = ?').run(id);
  db.prepare('DELETE FROM pages WHERE id = ?').run(id);
}

/** Removes the page at `url`; true when there was one. */
export function deleteRecord(db: DatabaseSync, url: string): boolean {
  const existing = db.prepare('SELECT id FROM pages WHERE url = ?').get(url) as
    | { id: number }
    | undefined;
  if (!existing) return false;
  deleteId(db, existing.id);
  return true;
}

/** Adds a text's words and compounds to the stored lexicon. */
export function storeLexicon(db: DatabaseSync, lexicon: TextLexicon): void {
  const word = db.prepare(
    'INSERT INTO lexicon_words (word, count) VALUES (?, ?) ON CONFLICT (word) DO UPDATE SET count = count + excluded.count',
  );
  for (const [text, count] of lexicon.counts) word.run(text, count);
  const compound = db.prepare(
    'INSERT OR IGNORE INTO lexicon_compounds (joined, parts) VALUES (?, ?)',
  );
  for (const [joined, parts] of lexicon.learnedCompounds()) compound.run(joined, parts.join(' '));
}

/** The stored site lexicon (words are shared by the languages: they do not collide). */
export function storedLexicon(db: DatabaseSync): Lexicon {
  const word = db.prepare('SELECT 1 FROM lexicon_words WHERE word = ?');
  const compound = db.prepare('SELECT parts FROM lexicon_compounds WHERE joined = ?');
  return {
    has: (text) => word.get(text) !== undefined,
    compound: (joined) => {
      const row = compound.get(joined) as { parts: string } | undefined;
      return row ? row.parts.split(' ') : listedLexicon.compound(joined);
    },
  };
}

/** Runs `work` in one transaction (all or nothing; much faster for many pages). */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

/**
 * Writes the whole site's index into the file at `path` (the build: scripts/index-search.ts),
 * each page analysed with its language's lexicon, as for Pagefind. The file is written beside
 * and renamed into place, so a server reading the old one never sees half an index.
 */
export function writeSqliteIndex(
  path: string,
  pages: readonly ExtractedPage[],
  lexicons: ReadonlyMap<string, TextLexicon>,
): void {
  const staging = `${path}.${process.pid}.new`;
  rmSync(staging, { force: true });
  const db = openSearchIndex(staging, { create: true, bulk: true });
  try {
    inTransaction(db, () => {
      for (const lexicon of lexicons.values()) storeLexicon(db, lexicon);
      for (const page of pages) {
        putRecord(db, searchRecord(page, lexicons.get(page.language) ?? listedLexicon));
      }
    });
    // Merge the FTS5 segments once, after the bulk insert: fewer to read per query.
    db.exec("INSERT INTO pages_fts (pages_fts) VALUES ('optimize')");
  } finally {
    db.close();
  }
  for (const sidecar of ['-wal', '-shm']) rmSync(path + sidecar, { force: true });
  renameSync(staging, path);
}

/** The page's own lexicon over the stored site's: its new words count as the site's. */
function pageLexicon(db: DatabaseSync, page: ExtractedPage): { own: TextLexicon; both: Lexicon } {
  const own = TextLexicon.of(page.runs.map((run) => run.text));
  const stored = storedLexicon(db);
  return {
    own,
    both: {
      has: (word) => own.has(word) || stored.has(word),
      compound: (joined) => own.learnedCompounds().get(joined) ?? stored.compound(joined),
    },
  };
}

/**
 * Adds or replaces one page in the index, e.g. a news item just published: `page` as
 * search-extract.ts extracts it from the page's HTML. Safe beside readers (WAL); writers wait
 * for each other (busy timeout).
 */
export function upsertSearchPage(db: DatabaseSync, page: ExtractedPage): void {
  const { own, both } = pageLexicon(db, page);
  inTransaction(db, () => {
    storeLexicon(db, own);
    putRecord(db, searchRecord(page, both));
  });
}

/**
 * The publish path's entry (another process or the portal server): the index file at `path`,
 * the page's address and its rendered HTML. The page is searchable when this returns.
 * Returns false when the HTML has no searchable body (the page is then removed if it was there).
 */
export function indexPublishedPage(path: string, url: string, html: string): boolean {
  const db = openSearchIndex(path, { create: true });
  try {
    return publishPageIn(db, url, html);
  } finally {
    db.close();
  }
}

/**
 * Adds or replaces the page at `url` in the open index `db` from its rendered HTML; false when
 * the HTML has no searchable body (the page is then removed if it was there).
 */
export function publishPageIn(db: DatabaseSync, url: string, html: string): boolean {
  const page = extractPage(url, html);
  if (!page || page.runs.length === 0) {
    inTransaction(db, () => deleteRecord(db, url));
    return false;
  }
  upsertSearchPage(db, page);
  return true;
}

/** The publish path's entry for an unpublished page: it leaves the index at once. */
export function removePublishedPage(path: string, url: string): boolean {
  const db = openSearchIndex(path, { create: true });
  try {
    return inTransaction(db, () => deleteRecord(db, url));
  } finally {
    db.close();
  }
}

/** The environment variable that names the index file (build and server). */
export const SEARCH_DB_ENV = 'PORTAL_SEARCH_DB';
/** The index's file name beside the build's `server/` and `client/` folders (never served). */
export const SEARCH_DB_FILE = 'search.sqlite';

/**
 * Where the index is: PORTAL_SEARCH_DB, else `<dist>/search.sqlite` for the build folder that
 * `from` (a module of its server output, `<dist>/server/…`) belongs to, else under PORTAL_DIST
 * (or `dist`) in the working directory (`astro dev`).
 */
export function searchIndexPath(from: string, env = process.env): string {
  const named = env[SEARCH_DB_ENV]?.trim();
  return named ? resolve(named) : besideBuild(from, SEARCH_DB_FILE, env);
}
