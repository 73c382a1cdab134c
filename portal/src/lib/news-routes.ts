import { type ProvinceId, provinceName } from '@behzisti/core/schemas';
import { format, type Locale, otherLocale, t } from '../i18n/ui.ts';
import { type News, newsItem, newsItems, newsStore } from './news-collection.ts';
import type { NewsList } from './news-store.ts';
import { articleTags, indexTags, provinceTags, tagTag } from './news-tags.ts';
import { NEWS_PER_PAGE } from './pagination.ts';
import { articlePath, newsIndexPath, pageParam, provincePath, tagPath, tagSlug } from './paths.ts';

/**
 * The news pages' data, from the news store. Each route file (one for both languages:
 * locale-routes.ts) asks for its props by its locale and parameters, the same way whether it is
 * rendered on demand by the server (the default) or prerendered for a static site
 * (PORTAL_NEWS=static, where `…Paths` list every page for getStaticPaths). Each answer carries the
 * route-cache tags of what it shows (news-tags.ts); undefined means "no such page" (404).
 */

/** Props of every news list page (index, tag, province). */
export interface NewsListProps {
  locale: Locale;
  title: string;
  intro: string;
  items: News[];
  page: number;
  total: number;
  /** Path of page 1; page n is `<basePath><n>/`. */
  basePath: string;
  /** The same list in the other locale, or null when it does not exist there. */
  translation: string | null;
  /** Province filter links (news index only). */
  provinces?: { id: string; name: string }[];
  cacheTags: string[];
}

export interface ArticleProps {
  locale: Locale;
  item: News;
  translation: string | null;
  related: News[];
  cacheTags: string[];
}

const provinceLabel = (id: string, locale: Locale) => provinceName(id as ProvinceId)[locale];

/** `[...page]`: undefined is page 1, "n" (n ≥ 2, as written by pageParam) is page n. */
function pageNumber(param: string | undefined): number | undefined {
  if (param === undefined) return 1;
  const page = Number(param);
  return Number.isInteger(page) && pageParam(page) === param ? page : undefined;
}

const pagesOf = (count: number) => Math.max(1, Math.ceil(count / NEWS_PER_PAGE));
const pageParams = (count: number) =>
  Array.from({ length: pagesOf(count) }, (_, i) => ({ page: pageParam(i + 1) }));

function listPage(
  list: NewsList,
  param: string | undefined,
  base: Omit<NewsListProps, 'items' | 'page' | 'total' | 'translation'>,
  translationOf: (page: number) => string | null,
): NewsListProps | undefined {
  const number = pageNumber(param);
  if (number === undefined) return undefined;
  const found = newsStore().page(list, number);
  if (!found) return undefined;
  const { page, total, items } = found;
  return {
    ...base,
    title:
      page > 1 ? `${base.title} — ${format(base.locale, 'pagination.page', { page })}` : base.title,
    items: newsItems(items),
    page,
    total,
    translation: translationOf(page),
  };
}

export function newsIndexPaths(locale: Locale) {
  return pageParams(newsStore().count({ locale })).map((params) => ({ params }));
}

export function newsIndexProps(locale: Locale, param: string | undefined) {
  const store = newsStore();
  const other = otherLocale(locale);
  const otherPages = pagesOf(store.count({ locale: other }));
  const provinces = [...store.provinceCounts(locale).keys()]
    .map((id) => ({ id, name: provinceLabel(id, locale) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  return listPage(
    { locale },
    param,
    {
      locale,
      title: t(locale, 'news.title'),
      intro: t(locale, 'news.intro'),
      basePath: newsIndexPath(locale),
      provinces,
      cacheTags: indexTags(locale),
    },
    // Page n of the other language lists other items; it is still "the news, page n" there.
    // Past its last page there is no counterpart: the switch falls back to its first page.
    (page) => (page <= otherPages ? newsIndexPath(other, page) : null),
  );
}

/** A filtered list's route parameters (Astro.params): the filter, and the page if not the first. */
type ListParams<K extends string> = Partial<Record<K | 'page', string>>;

export function tagPaths(locale: Locale) {
  return [...newsStore().tagCounts(locale)].flatMap(([tag, count]) =>
    pageParams(count).map((params) => ({ params: { ...params, tag } })),
  );
}

export function tagProps(locale: Locale, { tag, page: param }: ListParams<'tag'>) {
  if (tag === undefined) return undefined;
  // The tag as first written on its newest item (spaces tidied), as the static build named it.
  const newest = newsItems(newsStore().page({ locale, tag }, 1)?.items.slice(0, 1) ?? [])[0];
  const written = newest?.entry.data.tags.find((candidate) => tagSlug(candidate) === tag);
  if (written === undefined) return undefined;
  const name = written.trim().replace(/\s+/g, ' ');
  // Tags are words of one language: a tag page has no counterpart in the other locale.
  return listPage(
    { locale, tag },
    param,
    {
      locale,
      title: format(locale, 'news.tagTitle', { tag: name }),
      intro: format(locale, 'news.tagIntro', { tag: name }),
      basePath: tagPath(locale, tag),
      cacheTags: [tagTag(locale, tag)],
    },
    () => null,
  );
}

export function provincePaths(locale: Locale) {
  return [...newsStore().provinceCounts(locale)].flatMap(([province, count]) =>
    pageParams(count).map((params) => ({ params: { ...params, province } })),
  );
}

export function provinceProps(locale: Locale, { province, page: param }: ListParams<'province'>) {
  if (province === undefined) return undefined;
  const store = newsStore();
  if (store.count({ locale, province }) === 0) return undefined;
  const other = otherLocale(locale);
  const translated = store.count({ locale: other, province }) > 0;
  return listPage(
    { locale, province },
    param,
    {
      locale,
      title: format(locale, 'news.provinceTitle', { province: provinceLabel(province, locale) }),
      intro: format(locale, 'news.provinceIntro', { province: provinceLabel(province, locale) }),
      basePath: provincePath(locale, province),
      cacheTags: provinceTags(locale, province),
    },
    () => (translated ? provincePath(other, province) : null),
  );
}

export function articlePaths(locale: Locale) {
  return newsStore()
    .newest(locale)
    .map(({ slug }) => ({ params: { slug } }));
}

export function articleProps(locale: Locale, slug: string | undefined): ArticleProps | undefined {
  if (slug === undefined) return undefined;
  const item = newsItem(locale, slug);
  if (!item) return undefined;
  const other = otherLocale(locale);
  const store = newsStore();
  const translated = store.item(other, slug);
  const tags = [...new Set(item.entry.data.tags.map(tagSlug).filter((tag) => tag !== ''))];
  return {
    locale,
    item,
    translation: translated ? articlePath(other, slug) : null,
    related: newsItems(store.related(locale, slug)),
    cacheTags: articleTags(locale, slug, tags, item.entry.data.province),
  };
}

/**
 * The props of /news/<slug>/: an article, or on demand a page of the index, since /news/2/ reaches
 * this route before [...page] (a named parameter wins; article slugs are words: news.ts).
 */
export function slugProps(
  locale: Locale,
  slug: string | undefined,
): { list?: NewsListProps; article?: ArticleProps; cacheTags: string[] } | undefined {
  const list = slug && /^\d+$/.test(slug) ? newsIndexProps(locale, slug) : undefined;
  if (list) return { list, cacheTags: list.cacheTags };
  const article = articleProps(locale, slug);
  return article && { article, cacheTags: article.cacheTags };
}

/** Every news page's path (both languages), as the sitemap lists them. */
export function newsSitemapPaths(): string[] {
  const page = (param: string | undefined) => (param === undefined ? 1 : Number(param));
  return (['fa', 'en'] as const).flatMap((locale) => [
    ...newsIndexPaths(locale).map(({ params }) => newsIndexPath(locale, page(params.page))),
    ...articlePaths(locale).map(({ params }) => articlePath(locale, params.slug)),
    ...tagPaths(locale).map(({ params }) => tagPath(locale, params.tag, page(params.page))),
    ...provincePaths(locale).map(({ params }) =>
      provincePath(locale, params.province, page(params.page)),
    ),
  ]);
}
