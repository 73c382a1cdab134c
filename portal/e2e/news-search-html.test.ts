import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Locale } from '../src/i18n/ui.ts';
import { newsItem } from '../src/lib/news-collection.ts';
import { newsSearchHtml } from '../src/lib/news-search-html.ts';
import { type ExtractedPage, extractPage } from '../src/lib/search-extract.ts';
import { sitemapLocs } from '../src/lib/sitemap-parts.ts';
import { distDir } from './site.ts';

// The search indexer reads each news article's searchable part written straight from the news
// store (src/lib/news-search-html.ts, scripts/render-news.ts) instead of the article the server
// renders: for every article of the portal, both must give the extractor the same text, weights,
// filters and meta, or the index would differ from what a reader sees.
const baseUrl = inject('baseUrl');
process.env.PORTAL_NEWS_DB ||= join(distDir, 'news.sqlite');

/** Text runs compared word for word: where the markup puts a space does not matter. */
const comparable = (page: ExtractedPage | undefined) =>
  page && {
    ...page,
    runs: page.runs
      .map((run) => ({ weight: run.weight, text: run.text.replace(/\s+/g, ' ').trim() }))
      .filter((run) => run.text !== ''),
  };

describe('news articles for the search index, from the store', () => {
  it('extract as the articles the server renders do', async () => {
    const sitemap = await (await fetch(`${baseUrl}/sitemap-news.xml`)).text();
    const articles = sitemapLocs(sitemap)
      .map((url) => decodeURI(new URL(url).pathname))
      .filter((path) => /^(?:\/en)?\/news\/[^/]+\/$/.test(path) && !/\/news\/\d+\/$/.test(path));
    expect(articles.length).toBeGreaterThan(10);
    for (const path of articles) {
      const locale: Locale = path.startsWith('/en/') ? 'en' : 'fa';
      const slug = path.split('/').at(-2) ?? '';
      const item = newsItem(locale, slug);
      expect(item, path).toBeDefined();
      if (!item) continue;
      const rendered = await (await fetch(baseUrl + encodeURI(path))).text();
      expect(comparable(extractPage(path, newsSearchHtml(locale, item))), path).toEqual(
        comparable(extractPage(path, rendered)),
      );
    }
  });
});
