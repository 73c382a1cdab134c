// After the search index is written (scripts/index-search.ts; the `build` script runs this
// next): each search page declares in its head what Pagefind will fetch before it can answer,
// so that those files travel in the first round trip after the HTML instead of one after the
// other once the page's script has run (issue "Fast on a 2G phone", item 4).
//
// Without this, Pagefind's start is a chain: pagefind.js → its web worker's script →
// pagefind-entry.json → the language's metadata and WebAssembly → the query's index chunk →
// fragments. On an 800 ms link that chain is about five seconds. The search page now runs
// Pagefind on the main thread (`noWorker`; a worker would not see the page's preloads) and asks
// for the entry file under a fixed cache tag (`metaCacheTag`) instead of Pagefind's default of
// the current time, so that the URLs below are the very ones Pagefind requests:
//
//   <link rel="modulepreload" href="/pagefind/pagefind.js">
//   <link rel="preload" as="fetch" crossorigin="anonymous" href="/pagefind/pagefind-entry.json?ts=<tag>">
//   <link rel="preload" as="fetch" crossorigin="anonymous" href="/pagefind/pagefind.<lang>_<hash>.pf_meta">
//   <link rel="preload" as="fetch" crossorigin="anonymous" href="/pagefind/wasm.<lang or unknown>.pagefind">
//   <meta name="bz-search-index" content="<tag>">
//
// The tag is a digest of the entry file, so a new index gets a new entry URL.
//
// That is for a static deployment (PORTAL_SEARCH=pagefind). By default (PORTAL_SEARCH=server)
// the portal runs with its server, the search page asks /api/search in one round trip, and its
// head says so instead of preloading Pagefind:
//
//   <meta name="bz-search-api" content="/api/search"><meta name="bz-search-index" content="<tag>">
//
//   node scripts/preload-search.ts            (reads <dist>/client; PORTAL_DIST as in astro.config)
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const portalDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Where Pagefind's files are served (scripts/index-search.ts writes them there). */
export const PAGEFIND_PATH = '/pagefind/';
/** The meta element the search page's script reads the tag from (src/scripts/search.ts). */
export const INDEX_TAG_META = 'bz-search-index';

/** The part of Pagefind's entry file this needs. */
interface PagefindEntry {
  languages: Record<string, { hash: string; wasm: string | null }>;
}

/** The cache tag for an entry file's text: short, and new whenever the index changes. */
export function indexTag(entryText: string): string {
  return createHash('sha256').update(entryText).digest('hex').slice(0, 12);
}

/**
 * The links (and the tag's meta element) a search page in `language` needs, or undefined when
 * the index has no such language (the page then loads Pagefind the slow way, which still works).
 */
export function searchPreloads(entryText: string, language: string): string | undefined {
  const entry = JSON.parse(entryText) as PagefindEntry;
  const index = entry.languages[language];
  if (!index) return undefined;
  const tag = indexTag(entryText);
  const fetched = [
    `pagefind-entry.json?ts=${tag}`,
    `pagefind.${index.hash}.pf_meta`,
    `wasm.${index.wasm ?? 'unknown'}.pagefind`,
  ];
  return [
    `<meta name="${INDEX_TAG_META}" content="${tag}">`,
    `<link rel="modulepreload" href="${PAGEFIND_PATH}pagefind.js">`,
    ...fetched.map(
      (file) =>
        `<link rel="preload" as="fetch" crossorigin="anonymous" href="${PAGEFIND_PATH}${file}">`,
    ),
  ].join('');
}

/** The meta element that tells the search page to ask the server (src/scripts/search.ts). */
export const SEARCH_API_META = 'bz-search-api';

/**
 * How the search pages search, decided at build time (PORTAL_SEARCH): `server` (the default:
 * the portal runs with its Node server, which answers /api/search from the SQLite index) or
 * `pagefind` (a static deployment: Pagefind's files in the browser). A meta element says it,
 * so the page never spends a round trip on 2G finding out; a server that answers 404 there
 * still sends the page back to Pagefind.
 */
export type SearchMode = 'server' | 'pagefind';

export function searchMode(value: string | undefined): SearchMode {
  const mode = (value ?? '').trim() || 'server';
  if (mode !== 'server' && mode !== 'pagefind') {
    throw new Error(`preload-search: PORTAL_SEARCH must be "server" or "pagefind", not "${mode}"`);
  }
  return mode;
}

/**
 * The head of a search page when the server searches: the API's address, and the index tag for
 * the fallback to Pagefind; none of Pagefind's files (on 2G they would share the link with the
 * answer, for nothing).
 */
export function serverSearchHead(entryText: string): string {
  return `<meta name="${SEARCH_API_META}" content="/api/search"><meta name="${INDEX_TAG_META}" content="${indexTag(entryText)}">`;
}

/** The page's HTML with its search preloads at the end of the head (a second run changes nothing). */
export function withSearchPreloads(
  html: string,
  entryText: string,
  mode: SearchMode = 'pagefind',
): string {
  if (html.includes(`<meta name="${INDEX_TAG_META}"`)) return html;
  const language = /<html\b[^>]*\blang="([^"]+)"/.exec(html)?.[1];
  const preloads =
    mode === 'server'
      ? serverSearchHead(entryText)
      : language
        ? searchPreloads(entryText, language)
        : undefined;
  const at = html.indexOf('</head>');
  if (!preloads || at < 0) return html;
  return html.slice(0, at) + preloads + html.slice(at);
}

/** The built search pages: fa at /search/, en at /en/search/ (src/lib/paths.ts). */
const SEARCH_PAGES = ['search/index.html', 'en/search/index.html'];

function main(): void {
  const mode = searchMode(process.env.PORTAL_SEARCH);
  const clientDir = join(resolve(portalDir, process.env.PORTAL_DIST ?? 'dist'), 'client');
  const entryText = readFileSync(join(clientDir, 'pagefind', 'pagefind-entry.json'), 'utf8');
  for (const page of SEARCH_PAGES) {
    const file = join(clientDir, page);
    const html = readFileSync(file, 'utf8');
    if (html.includes(`<meta name="${INDEX_TAG_META}"`)) continue;
    const next = withSearchPreloads(html, entryText, mode);
    // A search page that the index has no language for, or without a head: say so, loudly.
    if (next === html)
      throw new Error(`preload-search: cannot declare Pagefind's files in ${page}`);
    writeFileSync(file, next);
  }
  console.log(
    mode === 'server'
      ? `preload-search: ${SEARCH_PAGES.length} search pages ask /api/search (PORTAL_SEARCH=server; Pagefind tag ${indexTag(entryText)} for the fallback)`
      : `preload-search: ${SEARCH_PAGES.length} search pages preload Pagefind (PORTAL_SEARCH=pagefind, tag ${indexTag(entryText)})`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}
