import type { APIRoute } from 'astro';
import { newsStore } from '../../../lib/news-collection.ts';
import { MEDIA_NAME } from '../../../lib/news-pictures.ts';
import type { StoredEntry } from '../../../lib/news-source.ts';
import { servedCard } from '../../../lib/social-card-cache.ts';

// The news pictures (each format and width) from the news store, and the articles' social
// cards, drawn on their first request (news-pictures.ts and social-card.ts name them by what
// they show, so a name never changes its bytes: cached for a year). On demand with the news
// routes; written as files for a static site (PORTAL_NEWS=static: every card drawn then).
export const getStaticPaths = () => {
  const store = newsStore();
  const cards = (['fa', 'en'] as const).flatMap((locale) =>
    store.entries<StoredEntry>(store.newest(locale)).map((entry) => entry.card.media),
  );
  return [...store.mediaNames().filter((name) => MEDIA_NAME.test(name)), ...cards].map((name) => ({
    params: { name },
  }));
};

/** The title of a stored article, for its card. */
const titleOf = (locale: 'fa' | 'en', slug: string) =>
  newsStore().entry<StoredEntry>(locale, slug)?.data.title;

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

const picture = (type: string, bytes: Uint8Array) =>
  new Response(new Uint8Array(bytes), {
    headers: {
      'content-type': type,
      'content-length': String(bytes.length),
      'cache-control': 'public, max-age=31536000, immutable',
      // Pictures only: a browser must never read one as anything else.
      'x-content-type-options': 'nosniff',
    },
  });

export const GET: APIRoute = async ({ params, url }) => {
  const name = params.name;
  // One address per picture: `<name>/` (which Astro would route here too) is not one.
  if (name === undefined || url.pathname.endsWith('/')) return notFound();
  if (MEDIA_NAME.test(name)) {
    const media = newsStore().media(name);
    return media ? picture(media.type, media.bytes) : notFound();
  }
  // A card only for the current card name of a stored article (social-card-cache.ts).
  const card = servedCard(name, titleOf);
  return card ? picture('image/png', await card) : notFound();
};
