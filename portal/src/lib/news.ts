import type { Locale } from '../i18n/ui.ts';
import { canonicalTag as tagSlug } from './tags.ts';

/**
 * News logic that needs no Astro: where a file belongs, which items translate each other,
 * ordering, related items and grouping. `news-collection.ts` feeds it the collection.
 *
 * Layout: `src/content/news/<locale>/<slug>.md`. The fa and en versions of one item share the
 * slug (so the language switch finds the other) and the news code.
 */

/** The fields of a collection entry this module reads (the rest passes through untouched). */
export interface NewsEntryLike {
  id: string;
  filePath?: string | undefined;
  data: {
    lang: Locale;
    date: Date;
    code: string;
    tags: string[];
    draft: boolean;
    province?: string | undefined;
  };
}

/** An entry with its place in the site. */
export interface NewsItem<E extends NewsEntryLike = NewsEntryLike> {
  entry: E;
  locale: Locale;
  slug: string;
}

/** A problem in the news files that must stop the build; the message names the file. */
export class NewsContentError extends Error {
  override name = 'NewsContentError';
}

const where = (entry: NewsEntryLike) => entry.filePath ?? `src/content/news/${entry.id}.md`;

/** `fa/hesseh-base` → fa, hesseh-base. Throws when the file is not under news/fa or news/en. */
export function placeOf(entry: NewsEntryLike): { locale: Locale; slug: string } {
  const match = /^(fa|en)\/([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(entry.id);
  if (!match) {
    throw new NewsContentError(
      `${where(entry)}: a news file must be news/fa/<name>.md or news/en/<name>.md, with a name of lowercase Latin letters, digits and hyphens (e.g. news/fa/hesseh-service-base.md)`,
    );
  }
  if (/^\d+$/.test(match[2] as string)) {
    throw new NewsContentError(
      `${where(entry)}: a news file's name must contain a letter: /news/${match[2]}/ is page ${match[2]} of the news list (e.g. news/fa/report-${match[2]}.md)`,
    );
  }
  return { locale: match[1] as Locale, slug: match[2] as string };
}

/** Newest first; on the same day the higher news code (published later) first. */
export function byNewest(a: NewsItem, b: NewsItem): number {
  const time = b.entry.data.date.getTime() - a.entry.data.date.getTime();
  if (time !== 0) return time;
  return Number(b.entry.data.code) - Number(a.entry.data.code) || a.slug.localeCompare(b.slug);
}

/** The news of the site, per locale, checked and sorted. */
export interface NewsIndex<E extends NewsEntryLike> {
  items: Record<Locale, NewsItem<E>[]>;
  /** The same item in the other locale, when it has been translated. */
  translation(item: NewsItem<E>): NewsItem<E> | undefined;
}

/**
 * Checks what a schema cannot see (the folder, the code across files) and builds the index.
 * Drafts are left out. Throws `NewsContentError` naming every bad file at once.
 */
export function indexNews<E extends NewsEntryLike>(entries: readonly E[]): NewsIndex<E> {
  const problems: string[] = [];
  const items: Record<Locale, NewsItem<E>[]> = { fa: [], en: [] };
  const codes = new Map<string, NewsItem<E>>();
  for (const entry of entries) {
    let place: { locale: Locale; slug: string };
    try {
      place = placeOf(entry);
    } catch (error) {
      problems.push((error as Error).message);
      continue;
    }
    if (entry.data.lang !== place.locale) {
      problems.push(
        `${where(entry)}: field 'lang' is '${entry.data.lang}' but the file is in news/${place.locale}/; write lang: ${place.locale} (Persian is the default)`,
      );
      continue;
    }
    if (entry.data.draft) continue;
    const item: NewsItem<E> = { entry, ...place };
    const codeKey = `${place.locale}:${entry.data.code}`;
    const clash = codes.get(codeKey);
    if (clash) {
      problems.push(
        `${where(entry)}: field 'code' ${entry.data.code} is already used by ${where(clash.entry)}; each news item needs its own code`,
      );
    }
    codes.set(codeKey, item);
    items[place.locale].push(item);
  }

  const bySlug = new Map<string, NewsItem<E>>();
  for (const item of [...items.fa, ...items.en]) bySlug.set(`${item.locale}/${item.slug}`, item);
  const translation = (item: NewsItem<E>) =>
    bySlug.get(`${item.locale === 'fa' ? 'en' : 'fa'}/${item.slug}`);

  for (const item of items.en) {
    const original = translation(item);
    if (original && original.entry.data.code !== item.entry.data.code) {
      problems.push(
        `${where(item.entry)}: field 'code' ${item.entry.data.code} differs from the Persian version's ${original.entry.data.code} (${where(original.entry)}); a translation keeps the news code`,
      );
    }
  }
  if (problems.length > 0) {
    throw new NewsContentError(`Bad news files:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  items.fa.sort(byNewest);
  items.en.sort(byNewest);
  return { items, translation };
}

/**
 * How many neighbours in time, on each side, an item looks at in each of its lists (one list per
 * tag, one for its province) when choosing related news.
 */
export const RELATED_WINDOW = 12;

/** An item's distinct tag slugs (an empty slug is no tag: it has no page). */
const slugsOf = (item: NewsItem) => [
  ...new Set(item.entry.data.tags.map(tagSlug).filter((slug) => slug !== '')),
];

/**
 * Related news, defined so that it costs the same for every item however large the archive:
 * the candidates are the `window` items just newer and just older than `item` in each of its
 * lists (its tags, its province), newest first as `byNewest` orders them; they are ranked by two
 * points per shared tag and one for the same province, then nearest in date, then newest, and
 * the first `limit` are related. Items from the same weeks are the ones a reader wants next,
 * and publishing one item changes the related news of its neighbours only (not of every item
 * with a popular tag), which an incremental or on-demand build needs.
 *
 * For every item of a list make one finder with `relatedNewsFinder`: this indexes each call.
 */
export function relatedNews<E extends NewsEntryLike>(
  items: readonly NewsItem<E>[],
  item: NewsItem<E>,
  limit = 3,
  window = RELATED_WINDOW,
): NewsItem<E>[] {
  return relatedNewsFinder(items, limit, window)(item);
}

/**
 * `relatedNews` for many items of one list. Indexes the list once (tag / province → item numbers
 * newest first), so each item looks at no more than (tags + 1) × 2 × `window` others: the build
 * stays linear. Scoring every item sharing a tag (the earlier way) grew with the square of the
 * archive: 204 s at 100,000 items before the first page was written.
 */
export function relatedNewsFinder<E extends NewsEntryLike>(
  items: readonly NewsItem<E>[],
  limit = 3,
  window = RELATED_WINDOW,
): (item: NewsItem<E>) => NewsItem<E>[] {
  // Items by number, newest first: a lower number is newer, as byNewest orders them.
  const ordered = [...items].sort(byNewest);
  const numberOf = new Map(ordered.map((item, n) => [item, n]));
  const slugs = ordered.map((item) => slugsOf(item));
  const times = ordered.map((item) => item.entry.data.date.getTime());
  const lists = new Map<string, number[]>();
  const listKeys = (n: number) => {
    const province = ordered[n]?.entry.data.province;
    const keys = (slugs[n] as string[]).map((slug) => `t:${slug}`);
    return province === undefined ? keys : [...keys, `p:${province}`];
  };
  for (let n = 0; n < ordered.length; n++) {
    for (const key of listKeys(n)) {
      const list = lists.get(key);
      if (list) list.push(n);
      else lists.set(key, [n]);
    }
  }
  return (item) => {
    const self = numberOf.get(item);
    if (self === undefined) return [];
    const candidates = new Set<number>();
    for (const key of listKeys(self)) {
      const list = lists.get(key) as number[];
      const at = sortedIndex(list, self);
      const from = Math.max(0, at - window);
      const to = Math.min(list.length, at + window + 1);
      for (let i = from; i < to; i++) if (i !== at) candidates.add(list[i] as number);
    }
    const mine = new Set(slugs[self]);
    const province = item.entry.data.province;
    const time = times[self] as number;
    const scored = [...candidates].map((n) => {
      let score = ordered[n]?.entry.data.province === province && province !== undefined ? 1 : 0;
      for (const slug of slugs[n] as string[]) if (mine.has(slug)) score += 2;
      return { n, score, distance: Math.abs((times[n] as number) - time) };
    });
    scored.sort((a, b) => b.score - a.score || a.distance - b.distance || a.n - b.n);
    return scored.slice(0, limit).map(({ n }) => ordered[n] as NewsItem<E>);
  };
}

/** Where `value` is in an ascending list of distinct numbers that holds it. */
function sortedIndex(list: readonly number[], value: number): number {
  let low = 0;
  let high = list.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((list[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A tag as first written (spaces tidied) and the items carrying it (newest first), keyed by its URL slug. */
export interface TagGroup<E extends NewsEntryLike> {
  slug: string;
  tag: string;
  items: NewsItem<E>[];
}

export function groupByTag<E extends NewsEntryLike>(items: readonly NewsItem<E>[]): TagGroup<E>[] {
  const groups = new Map<string, TagGroup<E>>();
  for (const item of items) {
    for (const tag of item.entry.data.tags) {
      const slug = tagSlug(tag);
      if (slug === '') continue;
      const group = groups.get(slug) ?? { slug, tag: tag.trim().replace(/\s+/g, ' '), items: [] };
      // Two spellings of one tag on an item list it once.
      if (group.items.at(-1) !== item) group.items.push(item);
      groups.set(slug, group);
    }
  }
  return [...groups.values()];
}

/** Province id → its items (newest first), for provinces that have news. */
export function groupByProvince<E extends NewsEntryLike>(
  items: readonly NewsItem<E>[],
): Map<string, NewsItem<E>[]> {
  const groups = new Map<string, NewsItem<E>[]>();
  for (const item of items) {
    const province = item.entry.data.province;
    if (!province) continue;
    const group = groups.get(province);
    if (group) group.push(item);
    else groups.set(province, [item]);
  }
  return groups;
}
