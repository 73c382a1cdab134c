import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { sharedBrowser } from './browser.ts';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

async function open(path: string, options: { width?: number; javaScript?: boolean } = {}) {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1024, height: 800 },
    javaScriptEnabled: options.javaScript ?? true,
  });
  const page = await context.newPage();
  await page.goto(baseUrl + encodeURI(path));
  return { page, close: () => context.close() };
}

const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').trim();

describe('news article', () => {
  it('shows the Solar Hijri date in Persian digits, the code, the sample notice and JSON-LD in fa', async () => {
    const { page, close } = await open('/news/hesseh-service-base/');
    expect(await text(page, '.facts time')).toBe('۲۰ مرداد ۱۴۰۴');
    expect(await page.getAttribute('.facts time', 'datetime')).toBe('2025-08-11');
    expect(await text(page, '.news-code')).toBe('۱۰۴۵۱۲');
    expect(await page.locator('.sample-notice').isVisible()).toBe(true);
    const ld = JSON.parse(await text(page, 'script[type="application/ld+json"]'));
    expect(ld).toMatchObject({ '@type': 'NewsArticle', inLanguage: 'fa' });
    expect(await page.getAttribute('meta[property="og:type"]', 'content')).toBe('article');
    const alt = await page.getAttribute('.article-figure img', 'alt');
    expect(alt?.length).toBeGreaterThan(20);
    await close();
  });

  it('shows the Gregorian date and Latin digits in en', async () => {
    const { page, close } = await open('/en/news/hesseh-service-base/');
    expect(await text(page, '.facts time')).toBe('11 August 2025');
    expect(await text(page, '.news-code')).toBe('104512');
    expect(await page.locator('.sample-notice').isVisible()).toBe(true);
    await close();
  });

  it('links related news and plain share links without loading them', async () => {
    const { page, close } = await open('/news/hesseh-service-base/');
    expect(await page.locator('.related .news-card').count()).toBeGreaterThan(0);
    const shares = await page
      .locator('.share a')
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    expect(shares.some((href) => href.startsWith('https://t.me/share/url?'))).toBe(true);
    expect(
      shares.every((href) => href.includes(encodeURIComponent('/news/hesseh-service-base/'))),
    ).toBe(true);
    await close();
  });
});

describe('news lists', () => {
  it('paginates ten to a page, with working next and previous links', async () => {
    const { page, close } = await open('/news/');
    expect(await page.locator('.news-list > li').count()).toBe(10);
    await page.click('.pagination a[rel="next"]');
    await page.waitForURL(`${baseUrl}/news/2/`);
    expect(await page.locator('.news-list > li').count()).toBeGreaterThan(0);
    expect(await text(page, '.pagination [aria-current="page"]')).toBe('صفحه‌ی ۲');
    await page.click('.pagination a[rel="prev"]');
    await page.waitForURL(`${baseUrl}/news/`);
    await close();
  });

  it('lists a tag and a province', async () => {
    const { page, close } = await open('/news/hesseh-service-base/');
    await page.click('.tags a >> nth=0');
    await page.waitForURL(/\/news\/tags\//);
    expect(await text(page, 'h1')).toContain('پایگاه خدمات اجتماعی');
    expect(await page.locator('.news-card a', { hasText: 'حصه' }).count()).toBe(1);
    await page.goto(`${baseUrl}/en/news/provinces/kerman/`);
    expect(await text(page, 'h1')).toBe('News from Kerman province');
    await close();
  });

  it('reads with JavaScript off', async () => {
    const { page, close } = await open('/news/', { javaScript: false });
    await page.click('.news-card a >> nth=0');
    await page.waitForURL(/\/news\/[a-z0-9-]+\/$/);
    expect(await page.locator('article h1').isVisible()).toBe(true);
    await close();
  });
});

describe('language switch', () => {
  const cases = [
    ['/news/hesseh-service-base/', '/en/news/hesseh-service-base/'],
    ['/en/news/hesseh-service-base/', '/news/hesseh-service-base/'],
    ['/news/', '/en/news/'],
    ['/news/provinces/kerman/', '/en/news/provinces/kerman/'],
    // No English version of this item: the English news index instead.
    ['/news/arzanan-service-base/', '/en/news/'],
    // Tags are words of one language.
    ['/en/news/tags/help-lines/', '/news/'],
    ['/', '/en/'],
  ] as const;
  for (const [from, to] of cases) {
    it(`${from} → ${to}`, async () => {
      const { page, close } = await open(from);
      await page.click('header a.language');
      await page.waitForURL(baseUrl + encodeURI(to));
      await close();
    });
  }

  it('announces hreflang alternates only where a translation exists', async () => {
    const { page, close } = await open('/news/hesseh-service-base/');
    expect(await page.getAttribute('link[rel="alternate"][hreflang="en"]', 'href')).toMatch(
      /\/en\/news\/hesseh-service-base\/$/,
    );
    await page.goto(`${baseUrl}/news/arzanan-service-base/`);
    expect(await page.locator('link[rel="alternate"][hreflang="en"]').count()).toBe(0);
    expect(await page.getAttribute('link[rel="canonical"]', 'href')).toMatch(
      /\/news\/arzanan-service-base\/$/,
    );
    await close();
  });
});

describe('RSS', () => {
  for (const [path, locale] of [
    ['/rss.xml', 'fa-IR'],
    ['/en/rss.xml', 'en'],
  ] as const) {
    it(`${path} is well-formed RSS with the items`, async () => {
      const response = await fetch(baseUrl + path);
      expect(response.status).toBe(200);
      const xml = await response.text();
      const page = await browser.newPage();
      const parsed = await page.evaluate((source) => {
        const doc = new DOMParser().parseFromString(source, 'application/xml');
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          root: doc.documentElement.nodeName,
          language: doc.querySelector('channel > language')?.textContent,
          items: [...doc.querySelectorAll('item')].map((item) => ({
            title: item.querySelector('title')?.textContent ?? '',
            link: item.querySelector('link')?.textContent ?? '',
            pubDate: item.querySelector('pubDate')?.textContent ?? '',
          })),
        };
      }, xml);
      await page.close();
      expect(parsed.error).toBeNull();
      expect(parsed.root).toBe('rss');
      expect(parsed.language).toBe(locale);
      expect(parsed.items.length).toBeGreaterThanOrEqual(locale === 'en' ? 5 : 12);
      for (const item of parsed.items) {
        expect(item.title).not.toBe('');
        expect(new URL(item.link).pathname).toMatch(/\/news\/[a-z0-9-]+\/$/);
        expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
      }
    });
  }
});

describe('320 px wide screens', () => {
  for (const path of [
    '/',
    '/news/',
    '/news/kerman-ten-counties/',
    '/en/news/',
    '/en/news/kerman-ten-counties/',
  ]) {
    it(`${path} does not scroll sideways`, async () => {
      const { page, close } = await open(path, { width: 320 });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await close();
    });
  }
});
