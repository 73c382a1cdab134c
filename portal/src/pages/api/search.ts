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
import { openSearchStore, type SearchStore } from '../../lib/search-store.ts';

// GET /api/search?q=&lang=&page=&type=&province=: one page of site-search results from the
// SQLite FTS5 index that the build writes beside its server output (src/lib/search-index.ts),
// or from PostgreSQL when PORTAL_SEARCH_DATABASE_URL is set (src/lib/search-postgres.ts); see
// docs/scale.md "Search at scale". The search page asks here in one round trip when the build
// says the server searches (scripts/preload-search.ts); a 404 sends it back to Pagefind.
export const prerender = false;

/**
 * Results may be cached by a CDN, but a page published now must be found within a minute
 * (issue 23): 30 s fresh, then 30 s served stale while it asks again.
 */
const RESULTS_CACHE = 'public, max-age=30, s-maxage=30, stale-while-revalidate=30';
/** Bad input stays bad. */
const ERROR_CACHE = 'public, max-age=3600';

let store: Promise<SearchStore | undefined> | undefined;

/**
 * The index, opened once per process (src/lib/search-store.ts: PostgreSQL when
 * PORTAL_SEARCH_DATABASE_URL is set, else this build's SQLite file); looked for again on the next
 * request while there is none.
 */
async function searchStore(): Promise<SearchStore | undefined> {
  store ??= openSearchStore(fileURLToPath(import.meta.url));
  const opened = await store.catch(() => undefined);
  if (!opened) store = undefined;
  return opened;
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

export const GET: APIRoute = async ({ request, url }) => {
  const parsed = parseSearchParams(url.searchParams);
  if (!parsed.ok) return failure(request, parsed.code, parsed.lang);
  const found = await searchStore();
  if (!found) return failure(request, 'SEARCH_UNAVAILABLE', parsed.params.lang);
  return json(request, await found.search(parsed.params), 200, RESULTS_CACHE);
};
