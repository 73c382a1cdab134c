import { describe, expect, it } from 'vitest';
import { newsArticleJsonLd, serializeJsonLd } from './json-ld.ts';
import { shareLinks } from './share.ts';

describe('newsArticleJsonLd', () => {
  it('describes a NewsArticle with ISO date, language and publisher', () => {
    const data = newsArticleJsonLd({
      url: 'https://example.org/news/a/',
      headline: 'سرخط',
      description: 'خلاصه',
      datePublished: new Date('2025-08-10T20:30:00Z'),
      inLanguage: 'fa',
      publisher: 'سازمان بهزیستی کشور',
      publisherUrl: 'https://example.org/',
      keywords: ['الف', 'ب'],
    });
    expect(data).toMatchObject({
      '@type': 'NewsArticle',
      datePublished: '2025-08-10T20:30:00.000Z',
      inLanguage: 'fa',
      keywords: 'الف, ب',
      publisher: { '@type': 'Organization', name: 'سازمان بهزیستی کشور' },
    });
    expect(data).not.toHaveProperty('image');
  });
});

describe('serializeJsonLd', () => {
  it('cannot close its <script> element early', () => {
    const text = serializeJsonLd({ headline: '</script><script>alert(1)</script>\u2028' });
    expect(text).not.toContain('<');
    expect(text).not.toContain('\u2028');
    expect(JSON.parse(text).headline).toBe('</script><script>alert(1)</script>\u2028');
  });
});

describe('shareLinks', () => {
  it('builds plain share URLs with the page address encoded', () => {
    const links = shareLinks('https://example.org/news/a/', 'سرخط & more');
    expect(links.map((link) => link.target)).toEqual(['telegram', 'whatsapp', 'x', 'email']);
    for (const link of links) {
      expect(link.href).toContain(encodeURIComponent('https://example.org/news/a/'));
      expect(link.href).not.toContain(' ');
    }
  });
});
