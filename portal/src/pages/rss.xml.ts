import type { APIRoute } from 'astro';
import { newsFeed } from '../lib/rss.ts';

export const GET: APIRoute = (context) => newsFeed('fa', context.site);
