// The news articles as HTML files for the search indexer, in a server build:
// `node scripts/render-news.ts` after `astro build` (the `build` script runs it before
// index-search.ts). Writes <dist>/news-pages/<path>/index.html, outside the served folder: the
// searchable part of every article, straight from the build's news store
// (src/lib/news-search-html.ts; e2e/news-search-html.test.ts holds it equal to what the rendered
// article gives the extractor).
//
// Why: the news are rendered on demand (docs/scale.md), so the build has no news page for the
// indexer to read. Fetching every article from the built server did the same at about a minute of
// CPU per 10,000 items (docs/performance.md, "Scale"); this writes them in a second or two.
// A static build (PORTAL_NEWS=static) has the pages already: nothing is done.
//
// `withBuiltServer` (below) still serves the publishing pipeline, which renders a published
// article through the release's own server (server/publish/news-only.ts).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { NEWS_DB_FILE, newsItems, newsStore } from '../src/lib/news-collection.ts';
import { newsSearchHtml } from '../src/lib/news-search-html.ts';
import { articlePath } from '../src/lib/paths.ts';

const portalDir = resolve(import.meta.dirname, '..');

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail()));
    });
  });
}

/**
 * Runs `use` with the build in `distDir` served by its own server on a free loopback port (its
 * feedback store in a throwaway folder): the news pages are rendered on demand, so this is how a
 * script gets their HTML.
 */
export async function withBuiltServer<T>(
  distDir: string,
  use: (base: string) => Promise<T>,
): Promise<T> {
  const port = await freePort();
  const data = mkdtempSync(join(tmpdir(), 'bz-render-news-'));
  // This build, not the publish pipeline's live release (PORTAL_RELEASES would choose that).
  const { PORTAL_RELEASES: _releases, ...inherited } = process.env;
  const child = spawn(process.execPath, [join(portalDir, 'server.ts')], {
    env: {
      ...inherited,
      HOST: '127.0.0.1',
      PORT: String(port),
      PORTAL_DIST: distDir,
      // The feedback API is not used; its store goes to a throwaway folder.
      FEEDBACK_DB: join(data, 'feedback.sqlite'),
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let attempt = 0; ; attempt++) {
      if (child.exitCode !== null)
        throw new Error(`render-news: the server exited (${child.exitCode})`);
      try {
        if ((await fetch(`${base}/healthz`)).ok) break;
      } catch {
        // not listening yet
      }
      if (attempt > 600) throw new Error('render-news: the server did not start');
      await new Promise((done) => setTimeout(done, 100));
    }
    return await use(base);
  } finally {
    child.kill();
    rmSync(data, { recursive: true, force: true });
  }
}

/** How many items are read from the store at a time (their bodies are in memory only then). */
const BATCH = 1000;

/** The articles' paths newest first, beside them (scripts/index-search.ts reads it). */
export const NEWS_ORDER_FILE = 'order.json';

/**
 * Writes the searchable part of every news article of the build in `distDir` (its news store)
 * as HTML for the search indexer; returns how many, or 0 for a static build.
 */
export function renderNewsPages(distDir: string): number {
  const out = join(distDir, 'news-pages');
  rmSync(out, { recursive: true, force: true });
  if (existsSync(join(distDir, 'client/news/index.html'))) return 0;
  // The build's store (PORTAL_NEWS_DB when the build was given one; news-collection.ts).
  process.env.PORTAL_NEWS_DB ||= join(distDir, NEWS_DB_FILE);
  let count = 0;
  /** Article paths, newest first: the indexer writes them oldest first (search-query.ts COMMON_CAP). */
  const dated: { path: string; date: number; code: number }[] = [];
  for (const locale of ['fa', 'en'] as const) {
    const rows = newsStore().newest(locale);
    for (const row of rows) {
      dated.push({ path: articlePath(locale, row.slug), date: row.date, code: row.code });
    }
    for (let start = 0; start < rows.length; start += BATCH) {
      for (const item of newsItems(rows.slice(start, start + BATCH))) {
        const path = articlePath(locale, item.slug);
        const file = join(out, path, 'index.html');
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, newsSearchHtml(locale, item));
        count++;
      }
    }
  }
  mkdirSync(out, { recursive: true });
  // Both languages in one order, newest first (as each list is: date, then news code).
  dated.sort((a, b) => b.date - a.date || b.code - a.code);
  writeFileSync(join(out, NEWS_ORDER_FILE), JSON.stringify(dated.map((entry) => entry.path)));
  return count;
}

if (import.meta.main) {
  const distDir = resolve(portalDir, process.env.PORTAL_DIST ?? 'dist');
  const started = performance.now();
  const count = renderNewsPages(distDir);
  console.log(
    count === 0
      ? 'render-news: a static build, the news pages are built files'
      : `render-news: ${count} news pages for the search index in ${Math.round(performance.now() - started)} ms`,
  );
}
