import { type Locale, otherLocale } from '../i18n/ui.ts';

/**
 * Route-cache tags of the on-demand news pages (docs/scale.md): every response names the data
 * it shows, and a publish purges the tags of what changed, never the whole site.
 *
 * Tags travel in the `Cache-Tag` header, which takes Latin-1 text split at commas: a Persian
 * tag or a comma inside one is percent-encoded.
 */
const part = (value: string) => encodeURIComponent(value);

/** One article (both languages share the slug, so the language switch follows a translation). */
export const articleTag = (slug: string) => `news:${part(slug)}`;
/** The news index pages, the feed and the news sitemap of a locale. */
export const listTag = (locale: Locale) => `news-list:${locale}`;
export const tagTag = (locale: Locale, tag: string) => `tag:${locale}:${part(tag)}`;
export const provinceTag = (locale: Locale, province: string) =>
  `province:${locale}:${part(province)}`;

/**
 * An article shows its related news, drawn from its tags' and its province's lists: it carries
 * those lists' tags, so an item published into one of them refreshes its neighbours' boxes.
 */
export function articleTags(
  locale: Locale,
  slug: string,
  tagSlugs: readonly string[],
  province: string | undefined,
): string[] {
  return [
    articleTag(slug),
    ...tagSlugs.map((tag) => tagTag(locale, tag)),
    ...(province ? [provinceTag(locale, province)] : []),
  ];
}

/** A page of the news index: its own list, and the other language's (its language switch). */
export const indexTags = (locale: Locale) => [listTag(locale), listTag(otherLocale(locale))];

/** A page of a province: also the other language's (whether its language switch exists). */
export const provinceTags = (locale: Locale, province: string) => [
  provinceTag(locale, province),
  provinceTag(otherLocale(locale), province),
];

/** The tags to purge after a change (the shape `syncNews` returns). */
export function newsCacheTags(change: {
  added: readonly { slug: string }[];
  updated: readonly { slug: string }[];
  removed: readonly { slug: string }[];
  tags: Record<Locale, readonly string[]>;
  provinces: Record<Locale, readonly string[]>;
  locales: readonly Locale[];
}): string[] {
  const tags = new Set<string>();
  for (const { slug } of [...change.added, ...change.updated, ...change.removed]) {
    tags.add(articleTag(slug));
  }
  for (const locale of change.locales) tags.add(listTag(locale));
  for (const locale of ['fa', 'en'] as const) {
    for (const tag of change.tags[locale]) tags.add(tagTag(locale, tag));
    for (const province of change.provinces[locale]) tags.add(provinceTag(locale, province));
  }
  return [...tags];
}

/**
 * What a CDN in front honours (it has no purge from us): a minute fresh, then ten minutes served
 * stale while it asks again. The server's own cache is purged on publish.
 */
export const NEWS_CACHE = { maxAge: 60, swr: 600 } as const;
