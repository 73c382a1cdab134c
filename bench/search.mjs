// Site search: the bytes Pagefind downloads for a citizen's first query. The search page is
// loaded in the system Chromium from a small static server (gzip for text files, as any static
// host or CDN does; Pagefind's own index files are already gzipped), one query is run, and the
// transferred bodies of every /pagefind/ response are added up: pagefind.js, its worker, the
// WebAssembly, the language's metadata, the index chunks and filter files the query needed, and
// the fragments of the first page of results.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { pipeline, Transform } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumHelp, findChromium } from '../scripts/browsers.mjs';
import { measureArchive } from './search-archive.mjs';

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.xml']);

/**
 * Serves a built site folder on a free loopback port and reports the body bytes it sends for
 * each request (counted here, on the wire side of gzip: the browser cannot always say, e.g. for
 * a worker's own script).
 * @param {string} root
 * @param {(path: string, bytes: number) => void} onSent
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
function serveStatic(root, onSent) {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = join(root, normalize(pathname).replace(/^([/\\])+/, ''));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const gzip =
      COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    response.writeHead(200, {
      'content-type': type,
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    let bytes = 0;
    const counter = new Transform({
      transform(chunk, _encoding, next) {
        bytes += chunk.length;
        next(null, chunk);
      },
    });
    const done = () => onSent(pathname, bytes);
    const stream = createReadStream(file);
    if (gzip) pipeline(stream, createGzip({ level: 9 }), counter, response, done);
    else pipeline(stream, counter, response, done);
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      done({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise((closed) => server.close(() => closed())),
      });
    });
  });
}

/**
 * @typedef {{ bytes: number, requests: number, results: number, files: { path: string, bytes: number }[] }} FirstQuery
 */

/**
 * Loads the search page of a built portal in Chromium, runs `query` and returns the bytes
 * Pagefind downloaded for it (transferred bodies of /pagefind/ responses; headers not counted).
 * A query in Arabic script runs on the Persian search page, anything else on the English one,
 * unless `options.path` names the page.
 * @param {string} clientDir the built static site (`portal/<dist>/client`)
 * @param {string} query
 * @param {{ path?: string }} [options]
 * @returns {Promise<FirstQuery>}
 */
export async function measureFirstQueryBytes(clientDir, query, options = {}) {
  const root = resolve(clientDir);
  if (!existsSync(join(root, 'pagefind', 'pagefind.js'))) {
    throw new Error(`No search index in ${root}: build the portal first (its build indexes it).`);
  }
  const executablePath = findChromium();
  if (!executablePath) throw new Error(chromiumHelp);
  const path = options.path ?? (/[\u0600-\u06FF]/.test(query) ? '/search/' : '/en/search/');
  /** @type {{ path: string, bytes: number }[]} */
  const files = [];
  const site = await serveStatic(root, (sent, bytes) => {
    if (sent.startsWith('/pagefind/')) files.push({ path: sent, bytes });
  });
  const browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs });
  try {
    // A fresh context: nothing cached, as for a first visit.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}${path}?q=${encodeURIComponent(query)}`);
    // The search page runs the query from the address and reports in its live region.
    // (A string, evaluated in the page: this file is type-checked without the DOM library.)
    await page.waitForFunction(
      `/[0-9۰-۹]|نتیجه|Nothing/.test(document.querySelector('[data-search-status]')?.textContent ?? '')`,
    );
    await page.waitForLoadState('networkidle');
    const results = await page.locator('.search-results > li').count();
    return {
      bytes: files.reduce((sum, file) => sum + file.bytes, 0),
      requests: files.length,
      results,
      files,
    };
  } finally {
    await browser.close();
    await site.close();
  }
}

/**
 * @typedef {{ searchBytes: number, totalBytes: number, requests: number, results: number, pagefindRequests: number }} ServerFirstQuery
 */

/**
 * The same first query with the server's search: the built portal's own server (`<dist>`, as in
 * production: precompressed files, /api/search from the SQLite index), a fresh Chromium context,
 * the search page opened with the query in its address. Counts the encoded body bytes of every
 * response up to the first result shown: `searchBytes` for /api/search alone, `totalBytes` for
 * everything the page fetched (HTML, CSS, JS, fonts and the answer).
 * @param {string} distDir the build folder (`portal/<dist>`)
 * @param {string} query
 * @returns {Promise<ServerFirstQuery>}
 */
export async function measureServerFirstQuery(distDir, query) {
  return withPortalServer(distDir, async (baseUrl, browser) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    /** @type {Promise<{ path: string, bytes: number }>[]} */
    const sizes = [];
    page.on('requestfinished', (request) => {
      sizes.push(
        request.sizes().then((size) => ({
          path: new URL(request.url()).pathname,
          bytes: size.responseBodySize + size.responseHeadersSize,
        })),
      );
    });
    const path = /[\u0600-\u06FF]/.test(query) ? '/search/' : '/en/search/';
    await page.goto(`${baseUrl}${path}?q=${encodeURIComponent(query)}`);
    await page.locator('.search-results h2 a').first().waitFor({ timeout: 60_000 });
    const results = await page.locator('.search-results > li').count();
    const files = await Promise.all(sizes);
    await context.close();
    const search = files.filter((file) => file.path === '/api/search');
    return {
      searchBytes: search.reduce((sum, file) => sum + file.bytes, 0),
      totalBytes: files.reduce((sum, file) => sum + file.bytes, 0),
      requests: files.length,
      pagefindRequests: files.filter((file) => file.path.startsWith('/pagefind/')).length,
      results,
    };
  });
}

/**
 * Recall@10 and MRR with the server's search: the evaluation set on the built portal's own
 * server (/api/search).
 * @param {string} distDir
 */
export async function measureServerRelevance(distDir) {
  const { evaluateSearch } = await import(
    new URL('../portal/e2e/search-eval.ts', import.meta.url).href
  );
  return withPortalServer(distDir, async (baseUrl, browser) => {
    /** @type {{ recallAt10: number, mrr: number, outcomes: { q: string, kind: string, expect: string[], top: string[], recall: number }[] }} */
    const evaluation = await evaluateSearch(browser, baseUrl);
    for (const outcome of evaluation.outcomes) {
      if (outcome.recall < 1)
        process.stderr.write(`miss (server) «${outcome.q}» (${outcome.kind})\n`);
    }
    return evaluation;
  });
}

/**
 * Runs `task` with the built portal's own server (`<dist>`, as in production) and a headless
 * Chromium, and stops both afterwards.
 * @template T
 * @param {string} distDir
 * @param {(baseUrl: string, browser: import('playwright-core').Browser) => Promise<T>} task
 * @returns {Promise<T>}
 */
async function withPortalServer(distDir, task) {
  /** @type {{ startPortalServer: (dist: string) => Promise<{ baseUrl: string, stop: () => void }> }} */
  const server = await import(new URL('../portal/e2e/server.setup.ts', import.meta.url).href);
  const executablePath = findChromium();
  if (!executablePath) throw new Error(chromiumHelp);
  const portal = await server.startPortalServer(resolve(distDir));
  const browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs });
  try {
    return await task(portal.baseUrl, browser);
  } finally {
    await browser.close();
    portal.stop();
  }
}

const kB = (/** @type {number} */ bytes) => `${(bytes / 1024).toFixed(1)} kB`;

/**
 * Recall@10 and MRR of the site search over the evaluation set (portal/e2e/search-queries.json),
 * typed into the real search page of the built portal in Chromium.
 * @param {string} clientDir
 * @param {{ verbose?: boolean }} [options] verbose: print each query that missed a page
 */
export async function measureRelevance(clientDir, options = {}) {
  const { evaluateSearch } = await import(
    new URL('../portal/e2e/search-eval.ts', import.meta.url).href
  );
  const executablePath = findChromium();
  if (!executablePath) throw new Error(chromiumHelp);
  const site = await serveStatic(resolve(clientDir), () => {});
  const browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs });
  try {
    /** @type {{ recallAt10: number, mrr: number, outcomes: { q: string, kind: string, expect: string[], top: string[], recall: number }[] }} */
    const evaluation = await evaluateSearch(browser, site.url);
    if (options.verbose) {
      for (const outcome of evaluation.outcomes) {
        if (outcome.recall < 1) {
          const missing = outcome.expect.filter(
            (expected) =>
              !outcome.top.some((path) =>
                expected.endsWith('*') ? path.startsWith(expected.slice(0, -1)) : path === expected,
              ),
          );
          process.stderr.write(`miss «${outcome.q}» (${outcome.kind}): ${missing.join(' ')}\n`);
          if (process.env.BENCH_SEARCH_TOP)
            process.stderr.write(`  top: ${outcome.top.join(' ')}\n`);
        }
      }
    }
    return evaluation;
  } finally {
    await browser.close();
    await site.close();
  }
}

/** Rows for `pnpm bench search`: the portal build in PORTAL_DIST (or portal/dist). */
export default async function searchRows() {
  const portalDir = fileURLToPath(new URL('../portal/', import.meta.url));
  const distDir = resolve(portalDir, process.env.PORTAL_DIST ?? 'dist');
  const clientDir = join(distDir, 'client');
  /** @type {import('./lib.mjs').Row[]} */
  const rows = [];
  const server = await measureServerRelevance(distDir);
  rows.push(
    {
      figure: 'Search recall@10, server (SQLite FTS5, /api/search)',
      value: server.recallAt10.toFixed(3),
      note: `${server.outcomes.length} queries (portal/e2e/search-queries.json) on the portal's own server; floor 0.95 in e2e/search-eval.test.ts`,
    },
    {
      figure: 'Search MRR, server (SQLite FTS5, /api/search)',
      value: server.mrr.toFixed(3),
      note: 'mean of 1 / rank of the first expected page among the first ten',
    },
  );
  const relevance = await measureRelevance(clientDir, { verbose: true });
  const queries = relevance.outcomes.length;
  rows.push(
    {
      figure: 'Search recall@10, Pagefind (static host)',
      value: relevance.recallAt10.toFixed(3),
      note: `${queries} queries (portal/e2e/search-queries.json); floor 0.95 in e2e/search-eval.test.ts`,
    },
    {
      figure: 'Search MRR, Pagefind (static host)',
      value: relevance.mrr.toFixed(3),
      note: 'mean of 1 / rank of the first expected page among the first ten',
    },
  );
  const serverFirst = await measureServerFirstQuery(distDir, 'پایگاه خدمات');
  rows.push({
    figure: 'Server search first query (fa, built portal)',
    value: kB(serverFirst.searchBytes),
    note: `/api/search answer; ${kB(serverFirst.totalBytes)} in all to the first result (${serverFirst.requests} requests: page, CSS, JS, fonts, answer), ${serverFirst.pagefindRequests} Pagefind files, ${serverFirst.results} results shown`,
  });
  // The same answer at archive size (bench/search-archive.mjs: the index without the HTML
  // build). The search page's own files do not grow with the archive; the answer is all that can.
  const items = Number(process.env.BENCH_SEARCH_ITEMS ?? 10_000);
  const archive = await measureArchive(items);
  const pageFiles = serverFirst.totalBytes - serverFirst.searchBytes;
  rows.push(
    {
      figure: `Server search first query at ${items.toLocaleString('en')} news`,
      value: kB(archive.brotliBytes),
      note: `«پایگاه خدمات»: ${archive.total.toLocaleString('en')} pages found, ten sent (${kB(archive.jsonBytes)} JSON, brotli as /api/search sends it); query ${archive.queryCpuMs} ms CPU (median of 5); index ${(archive.indexBytes / 2 ** 20).toFixed(0)} MiB written in ${(archive.indexCpuMs / 1000).toFixed(1)} s CPU`,
    },
    ...archive.words.map((/** @type {{ word: string, cpuMs: number, total: number }} */ word) => ({
      figure: `Query CPU at ${items.toLocaleString('en')} news, «${word.word}»`,
      value: `${word.cpuMs} ms`,
      note: `on ${word.total.toLocaleString('en')} of ${archive.pages.toLocaleString('en')} pages (${((word.total / archive.pages) * 100).toFixed(1)} %); median of 5, CPU time of /api/search's query (searchIndex)`,
    })),
    {
      figure: `Bytes to the first result at ${items.toLocaleString('en')} news, server search`,
      value: kB(pageFiles + archive.brotliBytes),
      note: `the search page's files (${kB(pageFiles)}, measured above) + the answer at that size; target ≤ 200 kB at 100,000 items (issue 23)`,
    },
  );
  /** @type {[string, string][]} */
  const firstQueries = [
    ['fa', 'پایگاه خدمات'],
    ['en', 'service base'],
  ];
  for (const [label, query] of firstQueries) {
    const first = await measureFirstQueryBytes(clientDir, query);
    rows.push({
      figure: `Pagefind first query (${label}, built portal, static host)`,
      value: kB(first.bytes),
      note: `${first.requests} requests, ${first.results} results shown; budget 200 kB at 10,000 news (bench/portal.mjs)`,
    });
  }
  return rows;
}
