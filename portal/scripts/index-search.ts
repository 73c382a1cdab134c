// Builds the Pagefind search index of the built portal: `node scripts/index-search.ts` after
// `astro build` (the `build` script runs it). Reads <dist>/client, writes <dist>/client/pagefind/.
//
// Two passes, both through Pagefind's Node API:
// 1. Pagefind reads the built HTML as it always does: only pages with `data-pagefind-body`
//    (news articles, programme pages, service-base pages), their `data-pagefind-filter` (type,
//    province) and `data-pagefind-meta` (title), in an in-memory index that is never written.
//    Its fragments give each page's text exactly as Pagefind extracts it.
// 2. Each page becomes a custom record whose content went word by word through core's
//    `normalizeForSearch` (src/lib/search-text.ts), with the changed words kept as written in a
//    meta field. This index is the one written to disk.
// Why not a hidden normalized copy in the HTML: Pagefind would show it in excerpts, and every
// page would carry its text twice. Why not index normalized HTML: Pagefind would then also
// take titles and excerpts from the normalized text («123» instead of «۱۲۳»).
// What is lost: Pagefind's extra weight for words in headings (custom records are plain text).
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { indexedText, ORIGINALS_META } from '../src/lib/search-text.ts';

const portalDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Parts of an indexed page that are the same on every page of its kind (sample-content notices,
 * share links, widget fall-back text, breadcrumbs): indexing them would make every page match.
 */
const EXCLUDE = [
  '.sample-notice',
  '.share',
  '.breadcrumbs',
  'bz-feedback-form',
  'bz-eligibility-checker',
];

export interface ExtractedPage {
  url: string;
  language: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/**
 * Pagefind writes each page's data as a gzipped `pagefind_dcd` + JSON fragment. The Node API has
 * no call that returns a page's extracted text, so pass 1 reads these; the check makes a change
 * of format in a future Pagefind fail loudly here rather than index nothing.
 */
const FRAGMENT_SIGNATURE = 'pagefind_dcd';

export function readFragment(path: string, bytes: Uint8Array): ExtractedPage {
  const text = gunzipSync(bytes).toString('utf8');
  if (!text.startsWith(FRAGMENT_SIGNATURE)) {
    throw new Error(`index-search: ${path} is not a Pagefind fragment this script can read`);
  }
  const fragment = JSON.parse(text.slice(FRAGMENT_SIGNATURE.length)) as Omit<
    ExtractedPage,
    'language'
  >;
  // fragment/<language>_<hash>.pf_fragment
  const language = /^fragment\/([^/_]+)_[^/]+\.pf_fragment$/.exec(path)?.[1];
  if (!language) throw new Error(`index-search: no language in fragment name ${path}`);
  return { ...fragment, language };
}

function fail(what: string, errors: string[]): never {
  throw new Error(`index-search: ${what} failed:\n${errors.join('\n')}`);
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
 * space («نشانیخیابان…», "AddressApproximate…"), which glues two words into one that nobody
 * searches for. A space before each closing tag of those elements keeps the words apart; it
 * changes nothing else (the HTML is only read here, never written back).
 */
export function spaceCells(html: string): string {
  return html.replace(/<\/(dt|dd|li|td|th|caption|figcaption)>/gi, ' $&');
}

/**
 * Runs `task` over `items` a batch at a time. Each Node API call is a round trip to the Pagefind
 * process; awaiting them one by one left it idle most of the time (10,000 pages).
 */
async function inBatches<T>(items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
  const size = 64;
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map(task));
  }
}

/** Pass 1: every searchable page of the built site, as Pagefind extracts it. */
export async function extractPages(clientDir: string): Promise<ExtractedPage[]> {
  // A very high maxFragments keeps one fragment file per page (no bundling) in this pass.
  const { index, errors } = await pagefind.createIndex({
    excludeSelectors: EXCLUDE,
    maxFragments: 1_000_000_000,
  });
  if (!index) fail('creating the extraction index', errors);
  try {
    await inBatches(htmlFiles(clientDir), async (file) => {
      const html = readFileSync(join(clientDir, file), 'utf8');
      // Pages without it are not searchable (lists, tags, home): skip them before parsing.
      if (!html.includes('data-pagefind-body')) return;
      const added = await index.addHTMLFile({ url: pageUrl(file), content: spaceCells(html) });
      if (added.errors.length > 0) fail(`reading ${file}`, added.errors);
    });
    const files = await index.getFiles();
    if (files.errors.length > 0) fail('extracting the pages', files.errors);
    return files.files
      .filter((file) => file.path.startsWith('fragment/'))
      .map((file) => readFragment(file.path, file.content))
      .sort((a, b) => a.url.localeCompare(b.url));
  } finally {
    await index.deleteIndex();
  }
}

/** The files Pagefind writes for its ready-made UIs; the portal has its own search page. */
const UNUSED_FILE = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/** Pass 2: the normalized index, written to <clientDir>/pagefind/. Replaces what an earlier build wrote. */
export async function writeSearchIndex(clientDir: string, pages: ExtractedPage[]): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) fail('creating the search index', errors);
  try {
    await inBatches(pages, async (page) => {
      const { content, originals } = indexedText(page.content);
      const meta = { ...page.meta };
      if (Object.keys(originals).length > 0) meta[ORIGINALS_META] = JSON.stringify(originals);
      const added = await index.addCustomRecord({
        url: page.url,
        content,
        language: page.language,
        meta,
        filters: page.filters,
      });
      if (added.errors.length > 0) fail(`indexing ${page.url}`, added.errors);
    });
    const outputPath = join(clientDir, 'pagefind');
    rmSync(outputPath, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) fail('writing the index', written.errors);
    for (const name of readdirSync(outputPath)) {
      if (UNUSED_FILE.test(name)) rmSync(join(outputPath, name));
    }
  } finally {
    await index.deleteIndex();
  }
}

export async function indexSearch(clientDir: string): Promise<ExtractedPage[]> {
  if (!existsSync(join(clientDir, 'index.html'))) {
    throw new Error(`index-search: no built site in ${clientDir}; run \`astro build\` first`);
  }
  try {
    const pages = await extractPages(clientDir);
    if (pages.length === 0) {
      throw new Error('index-search: no page has data-pagefind-body; nothing to search');
    }
    await writeSearchIndex(clientDir, pages);
    return pages;
  } finally {
    await pagefind.close();
  }
}

if (import.meta.main) {
  // The same output folder as astro.config.mjs: ./dist, or PORTAL_DIST (relative to portal/).
  const distDir = resolve(portalDir, process.env.PORTAL_DIST ?? 'dist');
  const started = performance.now();
  const pages = await indexSearch(join(distDir, 'client'));
  const byLanguage = Object.groupBy(pages, (page) => page.language);
  const counts = Object.entries(byLanguage)
    .map(([language, list]) => `${list?.length ?? 0} ${language}`)
    .join(', ');
  console.log(
    `index-search: ${pages.length} pages (${counts}) in ${Math.round(performance.now() - started)} ms`,
  );
}
