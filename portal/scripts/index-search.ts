// Builds the search indexes of the built portal: `node scripts/index-search.ts` after
// `astro build` (the `build` script runs it). Reads <dist>/client, writes <dist>/client/pagefind/
// (Pagefind, for a site without a server) and <dist>/search.sqlite or PORTAL_SEARCH_DB (SQLite
// FTS5 for `/api/search`, src/lib/search-index.ts) from the same records in one pass.
//
// 1. Extract: every built page with `data-pagefind-body` (news articles, programme pages,
//    service-base pages) is read with an HTML parser (src/lib/search-extract.ts): its text as
//    runs of equal weight (title, lede, headings, body), its filters and meta, boilerplate left out.
// 2. Learn: core's TextLexicon reads all of it first (per language), so the matcher knows which
//    words the site uses alone (a glued ending is stripped only onto a real word) and which
//    compounds it writes.
// 3. Write (SQLite): each page's words through the same matcher, as FTS5 columns by weight
//    (src/lib/search-record.ts), with the lexicon stored beside them for pages added later.
// 4. Write (Pagefind): each page becomes a minimal HTML page of index words (src/lib/search-text.ts:
//    normalized letters and digits, compounds and endings as hyphenated parts, one index word per
//    written word, the changed words kept as written in a meta field), and Pagefind's own binary
//    indexes those pages into <clientDir>/pagefind/. It also writes the site's most used words
//    per language (vocabulary.<lang>.json) for the search page's "closest words" when nothing
//    is found.
// Why not Pagefind's Node API: it runs the same indexer as a service, and at 10,000 pages it was
// five to ten times slower than the binary (docs/search.md, "Cost"). Why not a hidden normalized
// copy in the built HTML: Pagefind would show it in excerpts, and every page would carry its
// text twice.
import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { listedLexicon, TextLexicon } from '@behzisti/core/search';
import { type ExtractedPage, extractPage } from '../src/lib/search-extract.ts';
import { SEARCH_DB_ENV, SEARCH_DB_FILE, writeSqliteIndex } from '../src/lib/search-index.ts';
import { openPostgresSearch } from '../src/lib/search-postgres.ts';
import { searchRecord } from '../src/lib/search-record.ts';
import { SEARCH_DATABASE_URL_ENV } from '../src/lib/search-store.ts';
import { searchRecordHtml } from '../src/lib/search-text.ts';
import { NEWS_ORDER_FILE } from './render-news.ts';

export type { ExtractedPage };

const portalDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Pagefind's fragment files: a gzipped `pagefind_dcd` + JSON (read by the tests). */
const FRAGMENT_SIGNATURE = 'pagefind_dcd';

export interface Fragment {
  url: string;
  language: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export function readFragment(path: string, bytes: Uint8Array): Fragment {
  const text = gunzipSync(bytes).toString('utf8');
  if (!text.startsWith(FRAGMENT_SIGNATURE)) {
    throw new Error(`index-search: ${path} is not a Pagefind fragment this script can read`);
  }
  const fragment = JSON.parse(text.slice(FRAGMENT_SIGNATURE.length)) as Omit<Fragment, 'language'>;
  // fragment/<language>_<hash>.pf_fragment
  const language = /(?:^|\/)fragment\/([^/_]+)_[^/]+\.pf_fragment$/.exec(path)?.[1];
  if (!language) throw new Error(`index-search: no language in fragment name ${path}`);
  return { ...fragment, language };
}

/** Every .html file under `dir`, relative to it, with `/` separators. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.split(sep).join('/'))
    .sort();
}

/** `news/x/index.html` → `/news/x/`: the page's address, as the site links to it. */
export function pageUrl(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/**
 * Pagefind joins the text of adjacent table cells, list items and definition terms without a
 * space («نشانیخیابان…»). The extractor separates words at every block element already; this
 * stays for anyone feeding built HTML to Pagefind directly.
 */
export function spaceCells(html: string): string {
  return html.replace(/<\/(dt|dd|li|td|th|caption|figcaption)>/gi, ' $&');
}

/** Step 1: every searchable page of the built site, by address. */
export function extractPages(clientDir: string): ExtractedPage[] {
  const pages: ExtractedPage[] = [];
  for (const file of htmlFiles(clientDir)) {
    const page = extractPage(pageUrl(file), readFileSync(join(clientDir, file), 'utf8'));
    if (page && page.runs.length > 0) pages.push(page);
  }
  return pages.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/** How many of the site's words per language the "closest words" suggestions look through. */
const VOCABULARY_SIZE = 6000;

/**
 * One lexicon per language (core's TextLexicon over every page's text): which words the site
 * uses alone and which compounds it writes.
 */
export function lexicons(pages: readonly ExtractedPage[]): Map<string, TextLexicon> {
  const texts = new Map<string, string[]>();
  for (const page of pages) {
    const list = texts.get(page.language) ?? [];
    texts.set(page.language, list);
    for (const run of page.runs) list.push(run.text);
  }
  return new Map([...texts].map(([language, list]) => [language, TextLexicon.of(list)]));
}

/** A language's most used words (numbers and one-letter words left out). */
function vocabulary(lexicon: TextLexicon): string[] {
  return lexicon
    .vocabulary()
    .filter((word) => [...word].length >= 2 && /\p{L}/u.test(word) && !/[^\p{L}\p{M}]/u.test(word))
    .slice(0, VOCABULARY_SIZE);
}

/** The files Pagefind writes for its ready-made UIs; the portal has its own search page. */
const UNUSED_FILE = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/**
 * The Pagefind binary that the `pagefind` package installed (its platform package, as its own
 * runner finds it: the extended build first), or PAGEFIND_BINARY_PATH.
 */
function pagefindBinary(): string {
  const override = process.env.PAGEFIND_BINARY_PATH;
  if (override) return override;
  const fromPagefind = createRequire(fileURLToPath(import.meta.resolve('pagefind')));
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const suffix = process.platform === 'win32' ? '.exe' : '';
  for (const name of ['pagefind_extended', 'pagefind']) {
    try {
      return fromPagefind.resolve(`@pagefind/${platform}-${process.arch}/bin/${name}${suffix}`);
    } catch {
      // try the next name
    }
  }
  throw new Error(
    `index-search: no Pagefind binary for ${platform}-${process.arch}; reinstall the portal's dependencies or set PAGEFIND_BINARY_PATH`,
  );
}

/** Steps 2 and 3: the index written to <clientDir>/pagefind/, replacing an earlier one. */
export async function writeSearchIndex(
  clientDir: string,
  pages: ExtractedPage[],
  byLanguage: Map<string, TextLexicon> = lexicons(pages),
): Promise<void> {
  const staging = mkdtempSync(join(tmpdir(), 'bz-search-records-'));
  try {
    for (const page of pages) {
      const dir = join(staging, ...page.url.split('/').filter(Boolean));
      mkdirSync(dir, { recursive: true });
      const lexicon = byLanguage.get(page.language) ?? TextLexicon.of([]);
      writeFileSync(join(dir, 'index.html'), searchRecordHtml(page, lexicon));
    }
    const outputPath = join(clientDir, 'pagefind');
    rmSync(outputPath, { recursive: true, force: true });
    await promisify(execFile)(
      pagefindBinary(),
      ['--site', staging, '--output-path', outputPath, '--silent'],
      { maxBuffer: 16 * 1024 * 1024 },
    ).catch((error: Error & { stderr?: string }) => {
      throw new Error(`index-search: Pagefind failed: ${error.stderr || error.message}`);
    });
    for (const name of readdirSync(outputPath)) {
      if (UNUSED_FILE.test(name)) rmSync(join(outputPath, name));
    }
    for (const [language, lexicon] of byLanguage) {
      writeFileSync(
        join(outputPath, `vocabulary.${language}.json`),
        JSON.stringify(vocabulary(lexicon)),
      );
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Every page to index: the built site's, and in a server build the news pages rendered on demand,
 * which scripts/render-news.ts saved beside the site.
 */
export function builtPages(clientDir: string): ExtractedPage[] {
  const newsPages = join(clientDir, '..', 'news-pages');
  const news = existsSync(newsPages) ? extractPages(newsPages) : [];
  return [...oldestFirst(news, newsPages), ...extractPages(clientDir)];
}

/**
 * The news pages in the order the SQLite index should number them: oldest first (the newest
 * take the highest rowids, as a page published later does), the site's other pages (bases,
 * programmes) after them all. A very common query ranks only the highest rowids that match
 * (src/lib/search-query.ts COMMON_CAP): the services and the newest news.
 */
function oldestFirst(pages: ExtractedPage[], newsPages: string): ExtractedPage[] {
  const orderFile = join(newsPages, NEWS_ORDER_FILE);
  if (!existsSync(orderFile)) return pages;
  const newestFirst = JSON.parse(readFileSync(orderFile, 'utf8')) as string[];
  const age = new Map(newestFirst.map((path, i) => [path, i]));
  const rank = (page: ExtractedPage) => age.get(page.url) ?? -1;
  return pages.sort((a, b) => rank(b) - rank(a));
}

/**
 * Both indexes from one extraction and one lexicon per language: Pagefind's files under
 * <clientDir>/pagefind/ (static deployments) and, when `sqlitePath` is given, the SQLite FTS5
 * file that `/api/search` reads (src/lib/search-index.ts).
 */
export async function indexSearch(
  clientDir: string,
  options: { sqlitePath?: string } = {},
): Promise<ExtractedPage[]> {
  if (!existsSync(join(clientDir, 'index.html'))) {
    throw new Error(`index-search: no built site in ${clientDir}; run \`astro build\` first`);
  }
  const pages = builtPages(clientDir);
  if (pages.length === 0) {
    throw new Error('index-search: no page has data-pagefind-body; nothing to search');
  }
  const byLanguage = lexicons(pages);
  if (options.sqlitePath) writeSqliteIndex(options.sqlitePath, pages, byLanguage);
  await writeSearchIndex(clientDir, pagefindPages(pages, clientDir), byLanguage);
  return pages;
}

/**
 * How many news articles Pagefind indexes in a server build, newest first (PORTAL_PAGEFIND_NEWS).
 * There Pagefind is only the fallback of a search page whose server does not answer (a static
 * copy of the build, an outage), and its binary holds the whole index in memory: 1.2 GB and
 * rising at 10,000 items, so a 100,000-item build would need far more than the 4 GB the build
 * may use (docs/performance.md, "Scale"). A static build (news prerendered, PORTAL_NEWS=static)
 * indexes every article: Pagefind is its only search.
 */
const PAGEFIND_NEWS = Number(process.env.PORTAL_PAGEFIND_NEWS ?? 5000);

/** The pages Pagefind indexes: all, or in a server build the newest PAGEFIND_NEWS articles. */
function pagefindPages(pages: ExtractedPage[], clientDir: string): ExtractedPage[] {
  if (!existsSync(join(clientDir, '..', 'news-pages'))) return pages;
  const isNews = (page: ExtractedPage) => (page.filters.type ?? []).includes('news');
  // Oldest first (builtPages): the newest are the last.
  const news = pages.filter(isNews);
  const kept = new Set(news.slice(Math.max(0, news.length - PAGEFIND_NEWS)));
  return pages.filter((page) => !isNews(page) || kept.has(page));
}

if (import.meta.main) {
  // The same output folder as astro.config.mjs: ./dist, or PORTAL_DIST (relative to portal/).
  const distDir = resolve(portalDir, process.env.PORTAL_DIST ?? 'dist');
  const started = performance.now();
  // The server's index: PORTAL_SEARCH_DB, else <dist>/search.sqlite beside server/ and client/.
  const sqlitePath = process.env[SEARCH_DB_ENV]?.trim() || join(distDir, SEARCH_DB_FILE);
  const pages = await indexSearch(join(distDir, 'client'), { sqlitePath });
  // Several machines on one database: the same records into PostgreSQL as well.
  const databaseUrl = process.env[SEARCH_DATABASE_URL_ENV]?.trim();
  if (databaseUrl) {
    const postgres = await openPostgresSearch(databaseUrl);
    try {
      const byLanguage = lexicons(pages);
      await postgres.replaceAll(
        pages.map((page) => searchRecord(page, byLanguage.get(page.language) ?? listedLexicon)),
      );
    } finally {
      await postgres.close();
    }
    console.log(
      `index-search: ${pages.length} pages also into PostgreSQL (${SEARCH_DATABASE_URL_ENV})`,
    );
  }
  const byLanguage = Object.groupBy(pages, (page) => page.language);
  const counts = Object.entries(byLanguage)
    .map(([language, list]) => `${list?.length ?? 0} ${language}`)
    .join(', ');
  console.log(
    `index-search: ${pages.length} pages (${counts}), Pagefind and ${sqlitePath}, in ${Math.round(performance.now() - started)} ms`,
  );
}
