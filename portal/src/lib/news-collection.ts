import type { Locale } from '../i18n/ui.ts';
import type { NewsItem } from './news.ts';
import type { StoredEntry } from './news-source.ts';
import { NewsStore, type StoredNews } from './news-store.ts';

/**
 * The news as pages read them: from the news store (news-store.ts), filled by `syncNews`
 * (news-sync.ts) from the news files. Not Astro's content layer: it kept every item in one
 * string and in the server bundle (docs/scale.md).
 *
 * The store is the SQLite file named by PORTAL_NEWS_DB: the build sets it (astro.config.mjs),
 * the server defaults it to `<dist>/news.sqlite` (server.ts).
 */
export type NewsEntry = StoredEntry;
export type News = NewsItem<NewsEntry>;

let store: NewsStore | undefined;

export function newsStore(): NewsStore {
  if (!store) {
    const path = process.env.PORTAL_NEWS_DB;
    if (!path) {
      throw new Error(
        'PORTAL_NEWS_DB is not set: the portal reads its news from that SQLite file (the build writes <dist>/news.sqlite; run `node scripts/sync-news.ts` to fill one)',
      );
    }
    store = new NewsStore(path);
  }
  return store;
}

/** The stored items as pages use them (entry, locale, slug), in the given order. */
export function newsItems(rows: readonly StoredNews[]): News[] {
  const entries = newsStore().entries<NewsEntry>(rows);
  return rows.flatMap((row, i) => {
    const entry = entries[i];
    return entry && entry.id === row.id ? [{ entry, locale: row.locale, slug: row.slug }] : [];
  });
}

/** A locale's news, newest first (all of it unless `limit`). */
export function newsOf(locale: Locale, limit?: number): News[] {
  return newsItems(newsStore().newest(locale, limit));
}

/** One item, or undefined when it is not published. */
export function newsItem(locale: Locale, slug: string): News | undefined {
  const entry = newsStore().entry<NewsEntry>(locale, slug);
  return entry ? { entry, locale, slug } : undefined;
}
