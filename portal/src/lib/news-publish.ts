import { broadcastPurge, purgeDatabaseUrl } from './news-broadcast.ts';
import type { NewsStore } from './news-store.ts';
import { type NewsChange, syncNews } from './news-sync.ts';

/**
 * Publish = store write + cache purge by tag. For the publishing pipeline (issue 20) and
 * `node scripts/sync-news.ts`: syncs the store with the content folder, then sends the purge of
 * exactly the changed pages to every server instance (PostgreSQL NOTIFY; news-broadcast.ts).
 *
 * Inside a server request, call `syncNews` and then `context.cache.invalidate({ tags:
 * change.cacheTags })` instead: the route cache's provider purges this instance and notifies
 * the others itself.
 */
export async function publishNews(options: {
  contentDir: string;
  store: NewsStore;
  now?: Date;
  /** Approvals of items in review (syncNews's option; default: the PORTAL_APPROVALS file). */
  approved?: (id: string, text: string) => boolean;
  /** PostgreSQL URL of the instances' purge channel; default from the environment. */
  databaseUrl?: string | undefined;
}): Promise<NewsChange & { broadcast: boolean }> {
  const change = await syncNews(options);
  const url = options.databaseUrl ?? purgeDatabaseUrl();
  if (url && change.cacheTags.length > 0) await broadcastPurge(url, { tags: change.cacheTags });
  return { ...change, broadcast: Boolean(url) };
}
