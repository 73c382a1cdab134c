import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { withBuiltServer } from '../../scripts/render-news.ts';
import { NEWS_DB_FILE } from '../../src/lib/news-collection.ts';
import { publishNews } from '../../src/lib/news-publish.ts';
import { NewsStore } from '../../src/lib/news-store.ts';
import { articlePath } from '../../src/lib/paths.ts';
import {
  indexPublishedPage,
  removePublishedPage,
  SEARCH_DB_FILE,
} from '../../src/lib/search-index.ts';
import { readGone } from '../gone.ts';
import type { BuildResult } from './pipeline.ts';

// A change of news files only, published without a build (docs/scale.md, "Publishing without a
// rebuild"): the live release's news store is synced (syncNews: the publishing rule decides what
// is public) and every server purges the changed pages (PostgreSQL NOTIFY; without it, a server
// shows them within its cache's minute); the changed articles are rendered by the release's own
// server and written to its search index, so the search finds them at once.

/**
 * Whether a round's changes can go to the store alone: news files only (or none: a scheduled
 * item's moment came, or a publisher approved an item), and no new withdrawal.
 */
export function isNewsOnly(
  changed: readonly string[],
  liveDir: string | undefined,
  gone: readonly string[],
  /** How the round names the news folder's files (`news/` in the checkout's content folder). */
  newsPrefix = 'news/',
): liveDir is string {
  if (!liveDir) return false;
  if (!changed.every((path) => path.startsWith(newsPrefix))) return false;
  // Server-mode releases only (a static build, PORTAL_NEWS=static, has its news as files).
  if (!existsSync(join(liveDir, NEWS_DB_FILE))) return false;
  // A withdrawn address answers 410 from the release's gone.json, read when it goes live: a
  // change to that list takes a new release.
  const live = readGone(liveDir);
  return live.size === gone.length && gone.every((path) => live.has(path));
}

/** Publishes the news files to the live release `liveDir`: store, purge, search. */
export async function publishNewsOnly(options: {
  newsDir: string;
  liveDir: string;
  now: Date;
  approved: (id: string, text: string) => boolean;
}): Promise<BuildResult> {
  const store = new NewsStore(join(options.liveDir, NEWS_DB_FILE));
  let change: Awaited<ReturnType<typeof publishNews>>;
  try {
    change = await publishNews({
      contentDir: options.newsDir,
      store,
      now: options.now,
      approved: options.approved,
    });
  } catch (error) {
    // A bad news file: the same explanation as a failed build (it names the file and field).
    return { ok: false, output: (error as Error).message };
  } finally {
    store.close();
  }
  const search = join(options.liveDir, SEARCH_DB_FILE);
  if (existsSync(search)) {
    for (const key of change.removed)
      removePublishedPage(search, articlePath(key.locale, key.slug));
    const shown = [...change.added, ...change.updated].map((key) =>
      articlePath(key.locale, key.slug),
    );
    if (shown.length > 0) {
      try {
        await withBuiltServer(options.liveDir, async (base) => {
          for (const path of shown) {
            const response = await fetch(base + path);
            if (response.ok) indexPublishedPage(search, path, await response.text());
          }
        });
      } catch (error) {
        // The news are published (store and purge are done): say so, and that the search finds
        // the changed articles from the next build on, rather than failing a round that worked.
        const count = change.added.length + change.updated.length + change.removed.length;
        return {
          ok: true,
          output: `news store: ${count} items changed; search index not updated (${(error as Error).message})`,
          storeOnly: true,
        };
      }
    }
  }
  const count = change.added.length + change.updated.length + change.removed.length;
  return { ok: true, output: `news store: ${count} items changed`, storeOnly: true };
}
