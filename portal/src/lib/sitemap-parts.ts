import type { HreflangLink } from './sitemap-links.ts';

/**
 * The news sitemap in parts (issue 23): the sitemap protocol allows at most 50,000 addresses and
 * 50 MB (uncompressed) per file, and at 100,000 items the news routes alone are over 150,000
 * addresses (articles, index, tag and province pages). Part 1 keeps the address it always had,
 * `/sitemap-news.xml`; the next are `/sitemap-news-2.xml`, `-3`… . In the server build the
 * sitemap index (`/sitemap-index.xml`) is rendered on demand too, naming the build's own sitemaps
 * and every news part: an index may not name another index, so the parts cannot hang below
 * `/sitemap-news.xml`.
 */

export interface SitemapLimits {
  urls: number;
  bytes: number;
}

/** The protocol's limits for one sitemap file (sitemaps.org). */
export const SITEMAP_LIMITS: SitemapLimits = { urls: 50_000, bytes: 50 * 1024 * 1024 };

export const NEWS_SITEMAP_PATH = '/sitemap-news.xml';

/** The file a server build leaves beside its server output: the build's own sitemaps (URLs). */
export const BUILD_SITEMAPS_FILE = 'build-sitemaps.json';

/** The path of news sitemap part `part` (1-based). */
export const newsSitemapPartPath = (part: number) =>
  part === 1 ? NEWS_SITEMAP_PATH : `/sitemap-news-${part}.xml`;

/** The part number a route parameter names (`2` of `/sitemap-news-2.xml`), or undefined. */
export function partParam(param: string | undefined): number | undefined {
  if (param === undefined || !/^[1-9]\d{0,5}$/.test(param)) return undefined;
  const part = Number(param);
  // Part 1 has one address only (`/sitemap-news.xml`), so no page is listed under two.
  return part >= 2 ? part : undefined;
}

const xmlText = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

const URLSET_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">';
const URLSET_CLOSE = '</urlset>';

/** One `<url>` entry with its hreflang pairs. */
export function urlEntry(url: string, links: readonly HreflangLink[] | undefined): string {
  const alternates = (links ?? [])
    .map(
      (link) => `<xhtml:link rel="alternate" hreflang="${link.lang}" href="${xmlText(link.url)}"/>`,
    )
    .join('');
  return `<url><loc>${xmlText(url)}</loc>${alternates}</url>`;
}

/**
 * Cuts the entries, in order, into parts that each keep within the limits (count and bytes of
 * the whole file): [start, end) index ranges. Always at least one part (an empty archive has an
 * empty first part). Deterministic for the same entries, so every part's route cuts alike.
 */
export function sitemapParts(
  entries: readonly string[],
  limits: SitemapLimits = SITEMAP_LIMITS,
): [number, number][] {
  const room = limits.bytes - Buffer.byteLength(URLSET_OPEN + URLSET_CLOSE);
  const parts: [number, number][] = [];
  let start = 0;
  let bytes = 0;
  entries.forEach((entry, i) => {
    const size = Buffer.byteLength(entry);
    if (size > room)
      throw new Error(`a sitemap entry is larger than a sitemap: ${entry.slice(0, 200)}`);
    if (i - start >= limits.urls || bytes + size > room) {
      parts.push([start, i]);
      start = i;
      bytes = 0;
    }
    bytes += size;
  });
  parts.push([start, entries.length]);
  return parts;
}

/** A sitemap file of the given entries. */
export const urlsetXml = (entries: readonly string[]) =>
  `${URLSET_OPEN}${entries.join('')}${URLSET_CLOSE}`;

/** A sitemap index naming `sitemaps` (absolute URLs). */
export function sitemapIndexXml(sitemaps: readonly string[]): string {
  const items = sitemaps.map((loc) => `<sitemap><loc>${xmlText(loc)}</loc></sitemap>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${items}</sitemapindex>`;
}

/** The `<loc>`s of a sitemap index or sitemap, in order. */
export const sitemapLocs = (xml: string) =>
  [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) =>
    (match[1] ?? '').replaceAll('&lt;', '<').replaceAll('&amp;', '&'),
  );
