import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type HreflangLink, hreflangLinks, localeOfUrl } from './sitemap-links.ts';

const options = {
  site: 'https://example.org/',
  defaultLocale: 'fa',
  locales: { fa: 'fa', en: 'en' },
};

// @astrojs/sitemap 3.7's pairing, written as it does it: sort the addresses, then for each one
// scan all of them for the same path.
function upstream(urls: string[]): (HreflangLink[] | undefined)[] {
  const sorted = [...new Set(urls)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return sorted.map((url) => {
    const place = localeOfUrl(url, options);
    if (!place) return undefined;
    const links = sorted.flatMap((other) => {
      const parsed = localeOfUrl(other, options);
      return parsed?.path === place.path
        ? [{ url: other, lang: options.locales[parsed.locale as 'fa' | 'en'] }]
        : [];
    });
    return links.length > 1 ? links : undefined;
  });
}

describe('hreflangLinks', () => {
  it('pairs a Persian page with its English one, and leaves untranslated pages alone', () => {
    const links = hreflangLinks(
      [
        'https://example.org/',
        'https://example.org/en/',
        'https://example.org/news/a/',
        'https://example.org/en/news/a/',
        'https://example.org/news/b/',
      ],
      options,
    );
    const pair = [
      { url: 'https://example.org/en/news/a/', lang: 'en' },
      { url: 'https://example.org/news/a/', lang: 'fa' },
    ];
    expect(links('https://example.org/news/a/')).toEqual(pair);
    expect(links('https://example.org/en/news/a/')).toEqual(pair);
    expect(links('https://example.org/en/')).toHaveLength(2);
    expect(links('https://example.org/news/b/')).toBeUndefined();
    expect(links('https://elsewhere.example/news/a/')).toBeUndefined();
  });

  it('gives what @astrojs/sitemap gives, on generated sites', () => {
    const segment = fc.constantFrom('en', 'fa', 'news', 'a', 'b', 'ب', '2', '10', '');
    const url = fc
      .tuple(
        fc.constantFrom('https://example.org/', 'https://other.example/'),
        fc.array(segment, { maxLength: 4 }),
        fc.boolean(),
      )
      .map(
        ([site, parts, slash]) =>
          `${site}${parts.join('/')}${slash && parts.length > 0 ? '/' : ''}`,
      );
    fc.assert(
      fc.property(fc.array(url, { maxLength: 30 }), (urls) => {
        const links = hreflangLinks(urls, options);
        const sorted = [...new Set(urls)].sort((a, b) =>
          a.localeCompare(b, 'en', { numeric: true }),
        );
        expect(sorted.map((url) => links(url))).toEqual(upstream(urls));
      }),
      { numRuns: 500 },
    );
  });
});
