import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locale } from '../i18n/ui.ts';
import { besideBuild } from './build-output.ts';
import type { NewsItem } from './news.ts';
import type { StoredEntry } from './news-source.ts';
import { NewsStore, type StoredNews } from './news-store.ts';

/**
 * The news as pages read them: from the news store (news-store.ts), filled by `syncNews`
 * (news-sync.ts) from the news files. Not Astro's content layer: it kept every item in one
 * string and in the server bundle (docs/scale.md).
 *
 * The store is the SQLite file named by PORTAL_NEWS_DB (the build sets it: astro.config.mjs),
 * else `<dist>/news.sqlite` beside the server output this module belongs to, so each release of
 * the publish pipeline reads its own (build-output.ts).
 */
export type NewsEntry = StoredEntry;
export type News = NewsItem<NewsEntry>;

/** The news store's file name in a build folder. */
export const NEWS_DB_FILE = 'news.sqlite';

let store: NewsStore | undefined;

export function newsStore(): NewsStore {
  if (!store) {
    const path =
      process.env.PORTAL_NEWS_DB?.trim() ||
      besideBuild(fileURLToPath(import.meta.url), NEWS_DB_FILE);
    if (!existsSync(path)) {
      throw new Error(
        `No news store at ${path}: the build writes <dist>/${NEWS_DB_FILE} (or name one in PORTAL_NEWS_DB; \`node scripts/sync-news.ts\` fills it)`,
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
