import type { APIRoute } from 'astro';
import { cacheNews, notFound } from '../lib/news-cache.ts';
import { newsSitemapPart } from '../lib/news-sitemap.ts';
import { listTag } from '../lib/news-tags.ts';
import { partParam } from '../lib/sitemap-parts.ts';

// The news part of the sitemap, on demand from the news store, in parts of at most 50,000
// addresses and 50 MB: `/sitemap-news.xml` is part 1, `/sitemap-news-<n>.xml` the next
// (lib/sitemap-parts.ts). The on-demand `/sitemap-index.xml` names every part. Only in the
// server build: a static build lists the news pages in sitemap-0.xml itself.

export const GET: APIRoute = ({ site, cache, params }) => {
  if (!site) throw new Error('astro.config.mjs must set `site` for absolute sitemap links');
  const part = params.part === undefined ? 1 : partParam(params.part);
  const xml = part === undefined ? undefined : newsSitemapPart(new URL('/', site).href, part);
  if (xml === undefined) return notFound();
  cacheNews(cache, [listTag('fa'), listTag('en')]);
  return new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
