/**
 * Structured data for search engines. It is emitted as `<script type="application/ld+json">`,
 * which browsers never execute, so a strict CSP (`script-src 'self'`) allows it.
 */

export interface NewsArticleInput {
  url: string;
  headline: string;
  description: string;
  datePublished: Date;
  inLanguage: string;
  imageUrl?: string | undefined;
  publisher: string;
  publisherUrl: string;
  /** Tags become keywords. */
  keywords: readonly string[];
}

export function newsArticleJsonLd(input: NewsArticleInput): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: input.url,
    headline: input.headline,
    description: input.description,
    datePublished: input.datePublished.toISOString(),
    inLanguage: input.inLanguage,
    ...(input.imageUrl ? { image: [input.imageUrl] } : {}),
    ...(input.keywords.length > 0 ? { keywords: input.keywords.join(', ') } : {}),
    publisher: { '@type': 'Organization', name: input.publisher, url: input.publisherUrl },
    author: { '@type': 'Organization', name: input.publisher, url: input.publisherUrl },
  };
}

/**
 * JSON that is safe inside a `<script>` element: `<` is escaped so a title containing
 * `</script>` cannot end the element early, and U+2028/2029 so old parsers do not choke.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
