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

/** The page's HTML with its search preloads at the end of the head (a second run changes nothing). */
export function withSearchPreloads(html: string, entryText: string): string {
  if (html.includes(`<meta name="${INDEX_TAG_META}"`)) return html;
  const language = /<html\b[^>]*\blang="([^"]+)"/.exec(html)?.[1];
  const preloads = language ? searchPreloads(entryText, language) : undefined;
  const at = html.indexOf('</head>');
  if (!preloads || at < 0) return html;
  return html.slice(0, at) + preloads + html.slice(at);
}

/** The built search pages: fa at /search/, en at /en/search/ (src/lib/paths.ts). */
const SEARCH_PAGES = ['search/index.html', 'en/search/index.html'];

function main(): void {
  const clientDir = join(resolve(portalDir, process.env.PORTAL_DIST ?? 'dist'), 'client');
  const entryText = readFileSync(join(clientDir, 'pagefind', 'pagefind-entry.json'), 'utf8');
  for (const page of SEARCH_PAGES) {
    const file = join(clientDir, page);
    const html = readFileSync(file, 'utf8');
    if (html.includes(`<meta name="${INDEX_TAG_META}"`)) continue;
    const next = withSearchPreloads(html, entryText);
    // A search page that the index has no language for, or without a head: say so, loudly.
    if (next === html)
      throw new Error(`preload-search: cannot declare Pagefind's files in ${page}`);
    writeFileSync(file, next);
  }
  console.log(
    `preload-search: ${SEARCH_PAGES.length} search pages preload Pagefind (tag ${indexTag(entryText)})`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}
