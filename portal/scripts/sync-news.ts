// Publishes the news files to the news store the server reads, and purges the changed pages on
// every server instance: `node scripts/sync-news.ts [--content <news folder>] [--store <file>]`.
//
// The store: --store, else PORTAL_NEWS_DB, else <PORTAL_DIST or dist>/news.sqlite (the build's
// copy, which the server reads by default). The content: --content, else PORTAL_NEWS_DIR, else
// src/content/news. The purge goes over PostgreSQL (PORTAL_CACHE_DATABASE_URL, else DATABASE_URL);
// without one, a single server's cache holds a page at most a minute (its max-age).
//
// Prints what changed as JSON: added / updated / removed items, tags, provinces, locales and the
// cache tags purged. A bad news file stops it with every problem named, and nothing is written.
// From code, the same: `publishNews` (src/lib/news-publish.ts), or `syncNews` (src/lib/news-sync.ts)
// with `Astro.cache.invalidate({ tags: change.cacheTags })` inside a request.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { publishNews } from '../src/lib/news-publish.ts';
import { NewsStore } from '../src/lib/news-store.ts';

export { syncNews } from '../src/lib/news-sync.ts';
export { publishNews };

const portal = resolve(import.meta.dirname, '..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { content: { type: 'string' }, store: { type: 'string' } },
  });
  const contentDir = resolve(
    portal,
    values.content ?? (process.env.PORTAL_NEWS_DIR || 'src/content/news'),
  );
  const storePath = resolve(
    portal,
    values.store ??
      (process.env.PORTAL_NEWS_DB || `${process.env.PORTAL_DIST ?? 'dist'}/news.sqlite`),
  );
  const store = new NewsStore(storePath);
  try {
    const change = await publishNews({ contentDir, store });
    console.log(JSON.stringify(change, null, 2));
  } finally {
    store.close();
  }
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
