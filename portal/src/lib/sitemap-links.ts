/**
 * hreflang pairs for the sitemap: `/x/` (fa) ↔ `/en/x/` (en), only where both pages exist.
 *
 * @astrojs/sitemap (3.7) pairs pages itself when given `i18n`, but caches only the pages that have
 * a translation: every untranslated page scans every address again, so the pairing grew with the
 * square of the site (5 s at 10,000 news items, 243 s at 100,000). This groups every address once
 * by its path without the locale and answers each page from that map. The output is the same as
 * the integration's (the links in its order); docs/scale.md has the upstream report.
 */

export interface HreflangLink {
  url: string;
  lang: string;
}

/** `locales`: URL prefix → hreflang value, as @astrojs/sitemap's `i18n.locales`. */
export interface HreflangOptions {
  site: string;
  defaultLocale: string;
  locales: Record<string, string>;
}

/** Locale and path of an address as @astrojs/sitemap reads them (its `parseI18nUrl`). */
export function localeOfUrl(
  url: string,
  { site, defaultLocale, locales }: HreflangOptions,
): { locale: string; path: string } | undefined {
  if (!url.startsWith(site)) return undefined;
  let rest = url.slice(site.length);
  if (rest === '' || rest === '/') return { locale: defaultLocale, path: '/' };
  if (!rest.startsWith('/')) rest = `/${rest}`;
  const locale = rest.split('/')[1] as string;
  if (Object.hasOwn(locales, locale)) {
    return { locale, path: rest.slice(1 + locale.length) || '/' };
  }
  return { locale: defaultLocale, path: rest };
}

/** The sitemap's own order of addresses. */
const byAddress = (a: HreflangLink, b: HreflangLink) =>
  a.url.localeCompare(b.url, 'en', { numeric: true });

/**
 * Indexes the sitemap's addresses once; the function returned gives an address's language
 * alternates (itself included), or undefined when it has none.
 */
export function hreflangLinks(
  urls: Iterable<string>,
  options: HreflangOptions,
): (url: string) => HreflangLink[] | undefined {
  const groups = new Map<string, HreflangLink[]>();
  for (const url of new Set(urls)) {
    const place = localeOfUrl(url, options);
    if (!place) continue;
    const link = { url, lang: options.locales[place.locale] as string };
    const group = groups.get(place.path);
    if (group) group.push(link);
    else groups.set(place.path, [link]);
  }
  for (const group of groups.values()) group.sort(byAddress);
  return (url) => {
    const place = localeOfUrl(url, options);
    const group = place && groups.get(place.path);
    return group && group.length > 1 ? group : undefined;
  };
}
