import type { APIRoute } from 'astro';
import { cacheNews } from '../lib/news-cache.ts';
import { newsSitemapPaths } from '../lib/news-routes.ts';
import { listTag } from '../lib/news-tags.ts';
import { hreflangLinks } from '../lib/sitemap-links.ts';

// The news part of the sitemap, on demand from the news store (the rest of the site is in the
// build's sitemap-0.xml; sitemap-index.xml names both). Same hreflang pairs as the build's.
// Only in the server build: a static build lists the news pages in sitemap-0.xml itself.

const xmlText = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

export const GET: APIRoute = ({ site, cache }) => {
  if (!site) throw new Error('astro.config.mjs must set `site` for absolute sitemap links');
  const siteUrl = new URL('/', site).href;
  const urls = newsSitemapPaths().map((path) => new URL(path, siteUrl).href);
  const linksOf = hreflangLinks(urls, {
    site: siteUrl,
    defaultLocale: 'fa',
    locales: { fa: 'fa', en: 'en' },
  });
  const body = urls
    .map((url) => {
      const links = (linksOf(url) ?? [])
        .map(
          (link) =>
            `<xhtml:link rel="alternate" hreflang="${link.lang}" href="${xmlText(link.url)}"/>`,
        )
        .join('');
      return `<url><loc>${xmlText(url)}</loc>${links}</url>`;
    })
    .join('');
  cacheNews(cache, [listTag('fa'), listTag('en')]);
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">${body}</urlset>`,
    { headers: { 'content-type': 'application/xml; charset=utf-8' } },
  );
};
