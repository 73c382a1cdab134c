import type { APIRoute } from 'astro';
import { newsStore } from '../../../lib/news-collection.ts';

// The news pictures, from the news store (news-sync.ts stores them under a name made of their
// hash, so a name never changes its bytes: cached for a year). On demand with the news routes;
// written as files for a static site (PORTAL_NEWS=static).
export const getStaticPaths = () =>
  newsStore()
    .mediaNames()
    .map((name) => ({ params: { name } }));

export const GET: APIRoute = ({ params }) => {
  const media = params.name === undefined ? undefined : newsStore().media(params.name);
  if (!media) return new Response(null, { status: 404, statusText: 'Not Found' });
  return new Response(new Uint8Array(media.bytes), {
    headers: {
      'content-type': media.type,
      'cache-control': 'public, max-age=31536000, immutable',
    },
  });
};
