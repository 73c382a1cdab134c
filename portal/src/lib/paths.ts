import type { Locale } from '../i18n/ui.ts';

/**
 * Every portal URL is built here so links, canonical URLs, the language switch and the
 * sitemap agree: fa lives at `/…`, en at `/en/…`, and every page path ends with `/`
 * (the build writes `…/index.html`, and one spelling per page keeps canonical URLs single).
 */

/** A locale-less page path (`/news/`) in a locale: `/news/` for fa, `/en/news/` for en. */
export function localePath(locale: Locale, path: string): string {
  const clean = path.startsWith('/') ? path : `/${path}`;
  return locale === 'fa' ? clean : `/en${clean}`;
}

export const homePath = (locale: Locale) => localePath(locale, '/');

/** Page 1 is the bare path; later pages append `<n>/`. */
function paged(path: string, page: number): string {
  return page > 1 ? `${path}${page}/` : path;
}

export const newsIndexPath = (locale: Locale, page = 1) =>
  paged(localePath(locale, '/news/'), page);

export const articlePath = (locale: Locale, slug: string) => localePath(locale, `/news/${slug}/`);

export const tagPath = (locale: Locale, tagSlug: string, page = 1) =>
  paged(localePath(locale, `/news/tags/${tagSlug}/`), page);

export const provincePath = (locale: Locale, province: string, page = 1) =>
  paged(localePath(locale, `/news/provinces/${province}/`), page);

/**
 * The "latest news" block of the home page (no province) or of a directory province page, as
 * the server renders it now (src/pages/news/latest/): those pages are built files, and their
 * block asks for this when it comes near the screen (src/scripts/live-news.ts).
 */
export const latestNewsPath = (locale: Locale, province?: string) =>
  localePath(locale, `/news/latest/${province ?? 'home'}/`);

export const feedbackPath = (locale: Locale) => localePath(locale, '/feedback/');

/** The service-base directory: index (with the locator), a province, a county. */
export const directoryPath = (locale: Locale) => localePath(locale, '/directory/');

export const directoryProvincePath = (locale: Locale, province: string) =>
  localePath(locale, `/directory/${province}/`);

export const directoryCountyPath = (locale: Locale, province: string, county: string) =>
  localePath(locale, `/directory/${province}/${county}/`);

/** The open-data downloads of the directory's dataset (files under /data/open/). */
export const openDataPath = (locale: Locale) => localePath(locale, '/directory/open-data/');

/**
 * One base's page. Keyed by the base's stable id alone (not its province and county), so the
 * address survives a county being split or renamed and the locator's `bz-select` (which
 * carries only the id) can link to it.
 */
export const serviceBasePath = (locale: Locale, id: string) =>
  localePath(locale, `/directory/bases/${id}/`);

export const programmesPath = (locale: Locale) => localePath(locale, '/programmes/');

export const programmePath = (locale: Locale, id: string) =>
  localePath(locale, `/programmes/${id}/`);

export const rssPath = (locale: Locale) => localePath(locale, '/rss.xml');

/**
 * Data files the widgets load (written by scripts/publish-*.ts). A programme's page loads only
 * its own programme's rules; the programmes index loads them all.
 */
export const allProgrammesDataPath = '/data/programmes.json';
export const programmeDataPath = (id: string) => `/data/programmes/${id}.json`;
export const locatorIndexDataPath = '/data/locator/index.json';

/** "Embed on your site": the widget snippet builder for provincial webmasters. */
export const embedPath = (locale: Locale) => localePath(locale, '/embed/');

/** Site search; the query travels as `?q=` (plus `type` and `province` filters). */
export const searchPath = (locale: Locale) => localePath(locale, '/search/');

/**
 * The staff inbox (issue 7). Not linked from public navigation and kept out of the sitemap
 * (astro.config.mjs), so only staff who are given the address find it.
 */
export const staffPath = (locale: Locale) => localePath(locale, '/staff/');

/**
 * A tag's URL segment: one slug for every spelling of the tag (ي/ك, ZWNJ or space, digit sets),
 * made in lib/tags.ts, the only place it is made.
 */
export { canonicalTag as tagSlug } from './tags.ts';

/** A news picture stored in the news store (src/pages/media/news/[name].ts). */
export const newsMediaPath = (name: string) => `/media/news/${name}`;

/** The `page` route parameter for page n (undefined for page 1, so `[...page]` matches the bare path). */
export const pageParam = (page: number): string | undefined =>
  page > 1 ? String(page) : undefined;

/** Which top-level part of the site a page belongs to (marks its nav link as current). */
export type Section = 'home' | 'news' | 'directory' | 'programmes' | 'feedback';
