import { existsSync, statSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { TextLexicon } from '@behzisti/core/search';
import type { SearchAnswer, SearchParams } from './search-api.ts';
import { extractPage } from './search-extract.ts';
import {
  deleteRecord,
  inTransaction,
  openSearchIndex,
  publishPageIn,
  searchIndexPath,
} from './search-index.ts';
import { openPostgresSearch, type PostgresSearch } from './search-postgres.ts';
import { searchIndex } from './search-query.ts';
import { searchRecord } from './search-record.ts';

/**
 * One interface over the two server-search engines, for `/api/search` and the publish path:
 * SQLite FTS5 (a file beside the build; the default) and PostgreSQL (one database for several
 * machines: PORTAL_SEARCH_DATABASE_URL). Both take the same pages and answer the same pages of
 * results (search-index.test.ts and search-postgres.test.ts hold them to the same expectations).
 */
export interface SearchStore {
  readonly engine: 'sqlite' | 'postgres';
  search(params: SearchParams): Promise<SearchAnswer>;
  /**
   * Adds or replaces one page from its rendered HTML (e.g. a news item just published);
   * searchable when this resolves. False when the HTML has nothing to search (the page is then
   * removed if it was there).
   */
  publish(url: string, html: string): Promise<boolean>;
  /** Removes one page (unpublished); true when it was there. */
  unpublish(url: string): Promise<boolean>;
  close(): Promise<void>;
}

/** The environment variable that moves the server search to PostgreSQL (build and server). */
export const SEARCH_DATABASE_URL_ENV = 'PORTAL_SEARCH_DATABASE_URL';

/** The SQLite index at `path`, reopened when the file is replaced (a new build renames it in). */
export function sqliteSearchStore(path: string): SearchStore {
  let opened: { db: DatabaseSync; inode: number } | undefined;
  const database = (): DatabaseSync => {
    const inode = statSync(path).ino;
    if (opened?.inode === inode) return opened.db;
    opened?.db.close();
    let db: DatabaseSync;
    try {
      db = openSearchIndex(path);
    } catch {
      // A read-only deployment (the build folder mounted read-only): reading is all it needs.
      db = new DatabaseSync(path, { readOnly: true });
    }
    opened = { db, inode };
    return db;
  };
  return {
    engine: 'sqlite',
    search: async (params) => searchIndex(database(), params),
    publish: async (url, html) => publishPageIn(database(), url, html),
    async unpublish(url) {
      const db = database();
      return inTransaction(db, () => deleteRecord(db, url));
    },
    async close() {
      opened?.db.close();
      opened = undefined;
    },
  };
}

/** The PostgreSQL engine behind the same interface. */
export function postgresSearchStore(search: PostgresSearch): SearchStore {
  return {
    engine: 'postgres',
    search: (params) => search.search(params),
    async publish(url, html) {
      const page = extractPage(url, html);
      if (!page || page.runs.length === 0) {
        await search.remove(url);
        return false;
      }
      // The site's lexicon is stored for SQLite only: the page's own words and the listed
      // compounds analyse it here.
      await search.put(searchRecord(page, TextLexicon.of(page.runs.map((run) => run.text))));
      return true;
    },
    unpublish: (url) => search.remove(url),
    close: () => search.close(),
  };
}

/**
 * The store this server or publish process uses: PostgreSQL when PORTAL_SEARCH_DATABASE_URL is
 * set, else the SQLite file (searchIndexPath: PORTAL_SEARCH_DB or `<dist>/search.sqlite` beside
 * the server output that `from` belongs to); undefined when there is no index (the search page
 * then uses Pagefind).
 */
export async function openSearchStore(
  from: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<SearchStore | undefined> {
  const url = env[SEARCH_DATABASE_URL_ENV]?.trim();
  if (url) return cachedSearchStore(postgresSearchStore(await openPostgresSearch(url)));
  const path = searchIndexPath(from, env);
  return existsSync(path) ? cachedSearchStore(sqliteSearchStore(path)) : undefined;
}

/**
 * Answers kept for `ttlMs` per process, as a CDN would keep them (the route's Cache-Control
 * allows 30 s): at 100,000 pages the commonest words cost a third of a second of CPU to rank,
 * so a burst of the same query is ranked once. Publishing or unpublishing through this store
 * clears them at once; another process's publish is seen within `ttlMs`.
 */
export function cachedSearchStore(
  store: SearchStore,
  ttlMs = 30_000,
  maxEntries = 500,
  now: () => number = Date.now,
): SearchStore {
  const answers = new Map<string, { at: number; answer: Promise<SearchAnswer> }>();
  return {
    engine: store.engine,
    search(params) {
      const key = JSON.stringify([
        params.q,
        params.lang,
        params.page,
        params.type,
        params.province,
      ]);
      const kept = answers.get(key);
      if (kept && now() - kept.at < ttlMs) return kept.answer;
      if (answers.size >= maxEntries) answers.delete(answers.keys().next().value as string);
      const answer = store.search(params);
      answers.set(key, { at: now(), answer });
      answer.catch(() => answers.delete(key));
      return answer;
    },
    async publish(url, html) {
      const done = await store.publish(url, html);
      answers.clear();
      return done;
    },
    async unpublish(url) {
      const done = await store.unpublish(url);
      answers.clear();
      return done;
    },
    close: () => store.close(),
  };
}
