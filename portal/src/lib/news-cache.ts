import type { AstroGlobal } from 'astro';
import { NEWS_CACHE } from './news-tags.ts';

/**
 * Puts an on-demand news response in the route cache with the tags of what it shows. A
 * prerendered page (static build) and the dev server have no cache: nothing is done there.
 */
export function cacheNews(cache: AstroGlobal['cache'], tags: readonly string[]): void {
  if (cache.enabled) cache.set({ ...NEWS_CACHE, tags: [...tags] });
}

/** "No such page": the site's 404 page, with its status. */
export const notFound = () => new Response(null, { status: 404, statusText: 'Not Found' });
