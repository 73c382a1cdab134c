// The news pages as HTML files for the Pagefind index, in a server build:
// `node scripts/render-news.ts` after `astro build` (the `build` script runs it before
// index-search.ts). Writes <dist>/news-pages/<path>/index.html, outside the served folder, for
// every article of the news sitemap, fetched from the built server started on a free loopback port.
//
// Why: the news are rendered on demand (docs/scale.md), so the build has no news page for the
// search indexer to read. This keeps Pagefind finding the news at the last build; an item
// published since is searchable after the next build. It renders every news page once, which is
// what the static build did; search on the news store itself (issue 23 item 3) replaces it.
// A static build (PORTAL_NEWS=static) has the pages already: nothing is done.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

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

/** Renders the news pages of the build in `distDir`; returns how many, or 0 for a static build. */
export async function renderNewsPages(distDir: string): Promise<number> {
  const out = join(distDir, 'news-pages');
  rmSync(out, { recursive: true, force: true });
  if (existsSync(join(distDir, 'client/news/index.html'))) return 0;
  return withBuiltServer(distDir, async (base) => {
    const sitemap = await fetch(`${base}/sitemap-news.xml`);
    if (!sitemap.ok) throw new Error(`render-news: /sitemap-news.xml answered ${sitemap.status}`);
    // Articles only: list pages carry no data-pagefind-body (they are not search results).
    const paths = [...(await sitemap.text()).matchAll(/<loc>([^<]+)<\/loc>/g)]
      .map((match) => new URL(match[1] as string).pathname)
      .filter((path) => /^(?:\/en)?\/news\/[^/]+\/$/.test(path) && !/\/news\/\d+\/$/.test(path));
    for (const path of paths) {
      const response = await fetch(base + path);
      if (!response.ok) throw new Error(`render-news: ${path} answered ${response.status}`);
      const file = join(out, decodeURI(path), 'index.html');
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, await response.text());
    }
    return paths.length;
  });
}

if (import.meta.main) {
  const distDir = resolve(portalDir, process.env.PORTAL_DIST ?? 'dist');
  const started = performance.now();
  const count = await renderNewsPages(distDir);
  console.log(
    count === 0
      ? 'render-news: a static build, the news pages are built files'
      : `render-news: ${count} news pages for the search index in ${Math.round(performance.now() - started)} ms`,
  );
}
