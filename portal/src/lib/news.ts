import type { Locale } from '../i18n/ui.ts';
import { tagSlug } from './paths.ts';

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
 * Items sharing the most tags with `item` (then the same province, then newest), excluding
 * itself; items with nothing in common are not "related". For every item of a list, make one
 * finder with `relatedNewsFinder` instead: this builds its index each call.
 */
export function relatedNews<E extends NewsEntryLike>(
  items: readonly NewsItem<E>[],
  item: NewsItem<E>,
  limit = 3,
): NewsItem<E>[] {
  return relatedNewsFinder(items, limit)(item);
}

/**
 * `relatedNews` for many items of one list. Indexes the list once by tag and province, so each
 * item only scores the items it shares something with: comparing every item with every other
 * took about 15 minutes per language at 10,000 items (the benchmark's build); this takes seconds.
 */
export function relatedNewsFinder<E extends NewsEntryLike>(
  items: readonly NewsItem<E>[],
  limit = 3,
): (item: NewsItem<E>) => NewsItem<E>[] {
  // Items by number: newest first, so a lower number wins a tie, as byNewest orders them.
  const ordered = [...items].sort(byNewest);
  const numberOf = new Map(ordered.map((item, n) => [item, n]));
  // An item is listed once per tag it carries (as written), so two spellings of one tag on
  // the same item count twice, as a plain comparison would count them.
  const byTag = new Map<string, number[]>();
  const byProvince = new Map<string, number[]>();
  ordered.forEach((other, n) => {
    for (const tag of other.entry.data.tags) {
      const slug = tagSlug(tag);
      const list = byTag.get(slug);
      if (list) list.push(n);
      else byTag.set(slug, [n]);
    }
    const province = other.entry.data.province;
    if (province !== undefined) {
      const list = byProvince.get(province);
      if (list) list.push(n);
      else byProvince.set(province, [n]);
    }
  });
  const scores = new Int32Array(ordered.length);
  return (item) => {
    const touched: number[] = [];
    const add = (n: number, points: number) => {
      if (scores[n] === 0) touched.push(n);
      scores[n] = (scores[n] as number) + points;
    };
    for (const slug of new Set(item.entry.data.tags.map(tagSlug))) {
      for (const n of byTag.get(slug) ?? []) add(n, 2);
    }
    const province = item.entry.data.province;
    if (province !== undefined) for (const n of byProvince.get(province) ?? []) add(n, 1);
    const self = numberOf.get(item);
    // The best `limit` (higher score, then lower number), kept sorted while scanning.
    const top: number[] = [];
    const better = (a: number, b: number) => (scores[b] as number) - (scores[a] as number) || a - b;
    for (const n of touched) {
      if (n === self) continue;
      if (top.length === limit && better(n, top[limit - 1] as number) >= 0) continue;
      let at = top.length;
      while (at > 0 && better(n, top[at - 1] as number) < 0) at--;
      top.splice(at, 0, n);
      if (top.length > limit) top.pop();
    }
    const related = top.map((n) => ordered[n] as NewsItem<E>);
    for (const n of touched) scores[n] = 0;
    return related;
  };
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
      group.items.push(item);
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
    groups.set(province, [...(groups.get(province) ?? []), item]);
  }
  return groups;
}
