import type { APIRoute } from 'astro';
import { newsStore } from '../../../lib/news-collection.ts';
import { MEDIA_NAME } from '../../../lib/news-pictures.ts';

// The news pictures (each format and width) and social cards, from the news store
// (news-pictures.ts and social-card.ts name them by their source's hash, so a name never changes
// its bytes: cached for a year). On demand with the news routes; written as files for a static
// site (PORTAL_NEWS=static).
export const getStaticPaths = () =>
  newsStore()
    .mediaNames()
    .filter((name) => MEDIA_NAME.test(name))
    .map((name) => ({ params: { name } }));

/**
 * One answer for every name that is not a stored picture: a name the pipeline cannot make is
 * refused before the store is asked, so no path, pattern or encoding reaches it, and a name it
 * could make but did not is told apart by nothing (media-route.test.ts). A path of more than
 * one segment under /media/news/ does not reach this route: the site's 404 page answers it
 * (a rest parameter would let `/media/news/` through to Astro's prerender collision check,
 * which answers 500).
 */
const notFound = () =>
  new Response('Not found\n', {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });

export const GET: APIRoute = ({ params, url }) => {
  const name = params.name;
  // One address per picture: `<name>/` (which Astro would route here too) is not one.
  if (name === undefined || !MEDIA_NAME.test(name) || url.pathname.endsWith('/')) {
    return notFound();
  }
  const media = newsStore().media(name);
  if (!media) return notFound();
  return new Response(new Uint8Array(media.bytes), {
    headers: {
      'content-type': media.type,
      'content-length': String(media.bytes.length),
      'cache-control': 'public, max-age=31536000, immutable',
      // Pictures only: a browser must never read one as anything else.
      'x-content-type-options': 'nosniff',
    },
  });
};
