import { type CollectionEntry, getCollection } from 'astro:content';
import { readFileSync } from 'node:fs';
import type { Locale } from '../i18n/ui.ts';
import { indexNews, type NewsIndex, type NewsItem } from './news.ts';
import { approvalCheck, readApprovals } from './news-approvals.ts';
import { isPublic } from './news-visibility.ts';

/** One news entry as the collection gives it (front matter validated). */
export type NewsEntry = CollectionEntry<'news'>;
export type News = NewsItem<NewsEntry>;

let cached: Promise<NewsIndex<NewsEntry>> | undefined;

/**
 * The checked news index, built once per build: every page asks for it, and checking the
 * whole collection once keeps a 10,000-item build linear.
 */
export function loadNews(): Promise<NewsIndex<NewsEntry>> {
  // Only what is public at the build's moment (PORTAL_PUBLISH_NOW, set by the publish pipeline so
  // its plan and the build agree) makes any page, list, feed, sitemap entry or search record.
  const now = publishNow();
  cached ??= getCollection('news').then((entries) => {
    // Every file is checked, public or not: a scheduled item must not stop its own hour's build.
    indexNews(entries);
    // An item in review is public once a publisher approved its present text (PORTAL_APPROVALS,
    // the publish pipeline's approvals file).
    const approved = approvalCheck(readApprovals(process.env.PORTAL_APPROVALS));
    const isApproved = (entry: NewsEntry) =>
      entry.data.status === 'review' &&
      entry.filePath !== undefined &&
      approved(entry.id, readFileSync(entry.filePath, 'utf8'));
    return indexNews(
      entries.filter((entry) => isPublic({ ...entry.data, approved: isApproved(entry) }, now)),
    );
  });
  return cached;
}

export async function newsOf(locale: Locale): Promise<News[]> {
  return (await loadNews()).items[locale];
}

/** The moment the site is built for: PORTAL_PUBLISH_NOW (ISO 8601) or now. */
function publishNow(): Date {
  const given = process.env.PORTAL_PUBLISH_NOW;
  const now = given ? new Date(given) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error(`PORTAL_PUBLISH_NOW is not a date: ${given}`);
  return now;
}
