import type { APIRoute } from 'astro';
import { cacheNews } from '../lib/news-cache.ts';
import { buildSitemaps, sitemapIndex } from '../lib/news-sitemap.ts';
import { listTag } from '../lib/news-tags.ts';

// The sitemap index of a server build, on demand: the build's own sitemaps (sitemap-0.xml, as
// the build listed them) and every part of the news sitemap, whose number grows with the
// archive (lib/sitemap-parts.ts). Purged with the news lists.

export const GET: APIRoute = ({ site, cache }) => {
  if (!site) throw new Error('astro.config.mjs must set `site` for absolute sitemap links');
  cacheNews(cache, [listTag('fa'), listTag('en')]);
  return new Response(sitemapIndex(new URL('/', site).href, buildSitemaps(import.meta.url)), {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  });
};
