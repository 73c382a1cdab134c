import { type ProvinceId, provinceName } from '@behzisti/core/schemas';
import { format, type Locale, otherLocale, t } from '../i18n/ui.ts';
import { groupByProvince, groupByTag, relatedNewsFinder } from './news.ts';
import { loadNews, type News } from './news-collection.ts';
import { paginate } from './pagination.ts';
import { articlePath, newsIndexPath, pageParam, provincePath, tagPath } from './paths.ts';

/**
 * Static paths of the news pages. The fa and en route files are one line each and call these
 * with their locale, so both languages are built from the same code.
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
}

export interface ArticleProps {
  locale: Locale;
  item: News;
  translation: string | null;
  related: News[];
}

const provinceLabel = (id: string, locale: Locale) => provinceName(id as ProvinceId)[locale];

function listPaths(
  items: News[],
  base: Omit<NewsListProps, 'items' | 'page' | 'total' | 'translation'>,
  translationOf: (page: number) => string | null,
) {
  return paginate(items).map(({ page, total, items: pageItems }) => ({
    params: { page: pageParam(page) },
    props: {
      ...base,
      title:
        page > 1
          ? `${base.title} — ${format(base.locale, 'pagination.page', { page })}`
          : base.title,
      items: pageItems,
      page,
      total,
      translation: translationOf(page),
    } satisfies NewsListProps,
  }));
}

export async function newsIndexPaths(locale: Locale) {
  const news = await loadNews();
  const items = news.items[locale];
  const other = otherLocale(locale);
  const otherPages = paginate(news.items[other]).length;
  const provinces = [...groupByProvince(items).keys()]
    .map((id) => ({ id, name: provinceLabel(id, locale) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  return listPaths(
    items,
    {
      locale,
      title: t(locale, 'news.title'),
      intro: t(locale, 'news.intro'),
      basePath: newsIndexPath(locale),
      provinces,
    },
    // Page n of the other language lists other items; it is still "the news, page n" there.
    // Past its last page there is no counterpart: the switch falls back to its first page.
    (page) => (page <= otherPages ? newsIndexPath(other, page) : null),
  );
}

export async function tagPaths(locale: Locale) {
  const news = await loadNews();
  // Tags are words of one language: a tag page has no counterpart in the other locale.
  return groupByTag(news.items[locale]).flatMap((group) =>
    listPaths(
      group.items,
      {
        locale,
        title: format(locale, 'news.tagTitle', { tag: group.tag }),
        intro: format(locale, 'news.tagIntro', { tag: group.tag }),
        basePath: tagPath(locale, group.slug),
      },
      () => null,
    ).map((path) => ({ ...path, params: { ...path.params, tag: group.slug } })),
  );
}

export async function provincePaths(locale: Locale) {
  const news = await loadNews();
  const other = otherLocale(locale);
  const otherProvinces = groupByProvince(news.items[other]);
  return [...groupByProvince(news.items[locale])].flatMap(([id, items]) =>
    listPaths(
      items,
      {
        locale,
        title: format(locale, 'news.provinceTitle', { province: provinceLabel(id, locale) }),
        intro: format(locale, 'news.provinceIntro', { province: provinceLabel(id, locale) }),
        basePath: provincePath(locale, id),
      },
      () => (otherProvinces.has(id) ? provincePath(other, id) : null),
    ).map((path) => ({ ...path, params: { ...path.params, province: id } })),
  );
}

export async function articlePaths(locale: Locale) {
  const news = await loadNews();
  const items = news.items[locale];
  const relatedOf = relatedNewsFinder(items);
  return items.map((item) => {
    const translated = news.translation(item);
    return {
      params: { slug: item.slug },
      props: {
        locale,
        item,
        translation: translated ? articlePath(translated.locale, translated.slug) : null,
        related: relatedOf(item),
      } satisfies ArticleProps,
    };
  });
}
