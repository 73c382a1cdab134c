import type { APIRoute } from 'astro';
import { cacheNews } from '../lib/news-cache.ts';
import { listTag } from '../lib/news-tags.ts';
import { newsFeed } from '../lib/rss.ts';

export const GET: APIRoute = (context) => {
  cacheNews(context.cache, [listTag('fa')]);
  return newsFeed('fa', context.site);
};
