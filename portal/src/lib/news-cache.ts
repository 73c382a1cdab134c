import type { AstroGlobal } from 'astro';
import { NEWS_CACHE } from './news-tags.ts';

/**
 * Puts an on-demand news response in the route cache with the tags of what it shows. A
 * prerendered page (static build) and the dev server have no cache: nothing is done there.
 */
export function cacheNews(cache: AstroGlobal['cache'], tags: readonly string[]): void {
  if (cache.enabled) cache.set({ ...NEWS_CACHE, tags: [...tags] });
}

/**
 * A news route's props when there is such a page: cached under their tags, and kept out of search
 * engines' indexes with `index: false` (a block of a page, not a page). Undefined → `notFound()`.
 */
export function servedNews<T extends { cacheTags: readonly string[] }>(
  astro: Pick<AstroGlobal, 'cache' | 'response'>,
  props: T | undefined,
  { index = true }: { index?: boolean } = {},
): T | undefined {
  if (!props) return undefined;
  cacheNews(astro.cache, props.cacheTags);
  if (!index) astro.response.headers.set('X-Robots-Tag', 'noindex');
  return props;
}

/** "No such page": the site's 404 page, with its status. */
export const notFound = () => new Response(null, { status: 404, statusText: 'Not Found' });
