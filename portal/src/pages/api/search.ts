import { existsSync, statSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { APIRoute } from 'astro';
import {
  parseSearchParams,
  SEARCH_ERROR_STATUS,
  type SearchErrorCode,
  type SearchLanguage,
  searchErrorMessage,
} from '../../lib/search-api.ts';
import { openSearchIndex, searchIndexPath } from '../../lib/search-index.ts';
import { searchIndex } from '../../lib/search-query.ts';

// GET /api/search?q=&lang=&page=&type=&province=: one page of site-search results from the
// SQLite FTS5 index that the build writes beside its server output (src/lib/search-index.ts,
// docs/scale.md "Search at scale"). The search page asks here in one round trip when the build
// says the server searches (scripts/preload-search.ts); a 404 sends it back to Pagefind.
export const prerender = false;

/**
 * Results may be cached by a CDN, but a page published now must be found within a minute
 * (issue 23): 30 s fresh, then 30 s served stale while it asks again.
 */
const RESULTS_CACHE = 'public, max-age=30, s-maxage=30, stale-while-revalidate=30';
/** Bad input stays bad. */
const ERROR_CACHE = 'public, max-age=3600';

let opened: { db: DatabaseSync; path: string; inode: number } | undefined;

/**
 * The index, opened once per process and again when its file is replaced (a new build writes a
 * new file and renames it into place); undefined when this build has none.
 */
function database(): DatabaseSync | undefined {
  const path = searchIndexPath(fileURLToPath(import.meta.url));
  if (!existsSync(path)) return undefined;
  const inode = statSync(path).ino;
  if (opened && opened.path === path && opened.inode === inode) return opened.db;
  opened?.db.close();
  let db: DatabaseSync;
  try {
    db = openSearchIndex(path);
  } catch {
    // A read-only deployment (the build folder mounted read-only): reading is all this needs.
    db = new DatabaseSync(path, { readOnly: true });
  }
  opened = { db, path, inode };
  return db;
}

/** JSON, compressed here when the client accepts it (the server compresses only built files). */
function json(request: Request, body: unknown, status: number, cache: string): Response {
  const text = JSON.stringify(body);
  const accepts = request.headers.get('accept-encoding') ?? '';
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': cache,
    'x-content-type-options': 'nosniff',
    vary: 'Accept-Encoding',
  };
  if (/\bbr\b/.test(accepts)) {
    headers['content-encoding'] = 'br';
    const bytes = brotliCompressSync(text, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 6 },
    });
    return new Response(new Uint8Array(bytes), { status, headers });
  }
  if (/\bgzip\b/.test(accepts)) {
    headers['content-encoding'] = 'gzip';
    return new Response(new Uint8Array(gzipSync(text)), { status, headers });
  }
  return new Response(text, { status, headers });
}

function failure(request: Request, code: SearchErrorCode, lang: SearchLanguage): Response {
  const status = SEARCH_ERROR_STATUS[code];
  const body = { error: { code, message: searchErrorMessage(code, lang) } };
  return json(request, body, status, status === 400 ? ERROR_CACHE : 'no-store');
}

export const GET: APIRoute = ({ request, url }) => {
  const parsed = parseSearchParams(url.searchParams);
  if (!parsed.ok) return failure(request, parsed.code, parsed.lang);
  const db = database();
  if (!db) return failure(request, 'SEARCH_UNAVAILABLE', parsed.params.lang);
  return json(request, searchIndex(db, parsed.params), 200, RESULTS_CACHE);
};
