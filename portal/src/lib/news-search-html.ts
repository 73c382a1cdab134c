import type { Locale } from '../i18n/ui.ts';
import type { News } from './news-collection.ts';

/**
 * A news article's searchable part as HTML, written straight from the news store: what
 * search-extract.ts reads from the article page (src/components/NewsArticle.astro and
 * TagList.astro), element for element, without the rest of the page. scripts/render-news.ts
 * writes it for the search indexer in a server build: rendering every article through the built
 * server cost about a minute of CPU per 10,000 items (docs/performance.md), and this is the same
 * input to the same extractor. e2e/news-search-html.test.ts holds it equal to the rendered
 * article's extraction for every news item of the portal; a change to what the article shows
 * in its indexed part must be made here too.
 */

const escapeHtml = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');

export function newsSearchHtml(locale: Locale, item: News): string {
  const { data, html } = item.entry;
  const province = data.province
    ? ` data-pagefind-filter="province:${escapeHtml(data.province)}"`
    : '';
  const caption = data.image?.caption
    ? `<figure class="article-figure"><figcaption>${escapeHtml(data.image.caption)}</figcaption></figure>`
    : '';
  // The tag links' text is indexed; their heading is not (search-extract.ts EXCLUDE).
  const tags =
    data.tags.length > 0
      ? `<section><h2 id="tags-heading"></h2><ul class="tags">${data.tags
          .map((tag) => `<li><a>${escapeHtml(tag)}</a></li>`)
          .join('')}</ul></section>`
      : '';
  return [
    `<!DOCTYPE html><html lang="${locale}"><body>`,
    '<article data-pagefind-body data-pagefind-filter="type:news">',
    `<h1 data-pagefind-meta="title">${escapeHtml(data.title)}</h1>`,
    `<p class="lede">${escapeHtml(data.summary)}</p>`,
    `<dl class="facts"><dd${province}>${escapeHtml(data.province ?? '')}</dd></dl>`,
    caption,
    `<div class="prose">${html}</div>`,
    tags,
    '</article></body></html>',
  ].join('');
}
