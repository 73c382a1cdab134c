import { type CollectionEntry, getCollection } from 'astro:content';
import type { Locale } from '../i18n/ui.ts';
import { indexNews, type NewsIndex, type NewsItem } from './news.ts';

/** One news entry as the collection gives it (front matter validated). */
export type NewsEntry = CollectionEntry<'news'>;
export type News = NewsItem<NewsEntry>;

let cached: Promise<NewsIndex<NewsEntry>> | undefined;

/**
 * The checked news index, built once per build: every page asks for it, and checking the
 * whole collection once keeps a 10,000-item build linear.
 */
export function loadNews(): Promise<NewsIndex<NewsEntry>> {
  cached ??= getCollection('news').then((entries) => indexNews(entries));
  return cached;
}

export async function newsOf(locale: Locale): Promise<News[]> {
  return (await loadNews()).items[locale];
}
