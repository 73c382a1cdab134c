import { readFileSync } from 'node:fs';
import { besideBuild } from './build-output.ts';
import { newsSitemapPaths } from './news-routes.ts';
import { hreflangLinks } from './sitemap-links.ts';
import {
  BUILD_SITEMAPS_FILE,
  newsSitemapPartPath,
  SITEMAP_LIMITS,
  type SitemapLimits,
  sitemapIndexXml,
  sitemapParts,
  urlEntry,
  urlsetXml,
} from './sitemap-parts.ts';

/**
 * The news sitemap's parts and the sitemap index of a server build, from the news store
 * (src/routes/sitemap-*.ts; sitemap-parts.ts says why there are parts).
 */

/** Every news page's `<url>` entry, in sitemap order, with the same hreflang pairs as the build's. */
export function newsSitemapEntries(siteUrl: string): string[] {
  const urls = newsSitemapPaths().map((path) => new URL(path, siteUrl).href);
  const linksOf = hreflangLinks(urls, {
    site: siteUrl,
    defaultLocale: 'fa',
    locales: { fa: 'fa', en: 'en' },
  });
  return urls.map((url) => urlEntry(url, linksOf(url)));
}

/** News sitemap part `part` (1-based), or undefined past the last part. */
export function newsSitemapPart(
  siteUrl: string,
  part: number,
  limits: SitemapLimits = SITEMAP_LIMITS,
): string | undefined {
  const entries = newsSitemapEntries(siteUrl);
  const range = sitemapParts(entries, limits)[part - 1];
  return range && urlsetXml(entries.slice(...range));
}

/** The sitemap index: the build's sitemaps, then every news part. */
export function sitemapIndex(
  siteUrl: string,
  buildSitemaps: readonly string[],
  limits: SitemapLimits = SITEMAP_LIMITS,
): string {
  const parts = sitemapParts(newsSitemapEntries(siteUrl), limits);
  return sitemapIndexXml([
    ...buildSitemaps,
    ...parts.map((_, i) => new URL(newsSitemapPartPath(i + 1), siteUrl).href),
  ]);
}

/** The build's own sitemaps, as the build left them beside the server output `from` belongs to. */
export function buildSitemaps(from: string): string[] {
  try {
    return JSON.parse(readFileSync(besideBuild(from, BUILD_SITEMAPS_FILE), 'utf8')) as string[];
  } catch {
    return [];
  }
}
