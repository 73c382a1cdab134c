import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { rawRequest } from './raw-http.ts';

// The news pictures as a reader's browser gets them from the built portal: the article's lead
// picture comes as AVIF to Chromium (which says so in its Accept header), sized before it
// loads (no layout shift), the news cards' pictures wait until they are near, and the article's
// link preview is its own 1200×630 card. Pictures are made by src/lib/news-pictures.ts when the
// news are synced; the card by src/lib/social-card.ts when it is first asked for.

const baseUrl = inject('baseUrl');
const article = '/news/hesseh-service-base/';
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, width: number) {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  const pictures: { url: string; type: string; accept: string }[] = [];
  page.on('response', async (response) => {
    if (!new URL(response.url()).pathname.startsWith('/media/news/')) return;
    pictures.push({
      url: response.url(),
      type: response.headers()['content-type'] ?? '',
      accept: (await response.request().allHeaders()).accept ?? '',
    });
  });
  // Every layout shift from the first paint on, as Lighthouse's CLS counts them.
  await page.addInitScript(() => {
    const shifts: number[] = [];
    (window as unknown as { __shifts: number[] }).__shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[]) {
        if (!entry.hadRecentInput) shifts.push(entry.value);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(baseUrl + path, { waitUntil: 'load' });
  return { page, pictures, close: () => context.close() };
}

describe('news pictures in the browser', () => {
  it.each([360, 1280])(
    'the lead picture loads as AVIF at %i px, with its room reserved and nothing moving',
    async (width) => {
      const { page, pictures, close } = await open(article, width);
      const lead = page.locator('.article-figure img');
      await expect.poll(() => lead.evaluate((img: HTMLImageElement) => img.complete)).toBe(true);
      const img = await lead.evaluate((node: HTMLImageElement) => ({
        src: node.currentSrc,
        width: node.getAttribute('width'),
        height: node.getAttribute('height'),
        loading: node.getAttribute('loading'),
        decoding: node.getAttribute('decoding'),
        fetchpriority: node.getAttribute('fetchpriority'),
        alt: node.alt,
        natural: [node.naturalWidth, node.naturalHeight],
        box: [node.getBoundingClientRect().width, node.getBoundingClientRect().height],
      }));
      expect(img.src).toMatch(/\/media\/news\/[0-9a-f]{20}-\d+\.avif$/);
      const got = pictures.find((picture) => picture.url === img.src);
      expect(got?.type).toBe('image/avif');
      expect(got?.accept).toContain('image/avif');
      expect(Number(img.width)).toBeGreaterThan(0);
      expect(Number(img.height)).toBeGreaterThan(0);
      // The reserved box has the picture's own shape, so nothing moves when it arrives.
      const [boxWidth, boxHeight] = img.box as [number, number];
      expect(
        Math.abs(boxHeight - (boxWidth * Number(img.height)) / Number(img.width)),
      ).toBeLessThan(1);
      // The browser took a file about as wide as the box needs, not the largest.
      expect(img.natural[0]).toBeGreaterThanOrEqual(Math.min(boxWidth, Number(img.width)));
      if (width === 360) expect(img.natural[0]).toBeLessThanOrEqual(1280);
      expect([img.loading, img.decoding, img.fetchpriority]).toEqual(['eager', 'async', 'high']);
      expect(img.alt.length).toBeGreaterThan(20);
      // Scroll to the end (related news cards load their pictures) and count the shifts.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await expect
        .poll(() => page.evaluate(() => [...document.images].every((image) => image.complete)))
        .toBe(true);
      const cls = await page.evaluate(() =>
        (window as unknown as { __shifts: number[] }).__shifts.reduce((sum, v) => sum + v, 0),
      );
      expect(cls).toBe(0);
      await close();
    },
  );

  it('serves no original upload: every picture on the news pages is a pipeline output', async () => {
    const { page, close } = await open('/news/', 1280);
    const cards = page.locator('.news-card-picture img');
    expect(await cards.count()).toBeGreaterThan(0);
    const attributes = await cards.evaluateAll((nodes) =>
      nodes.map((node) => ({
        loading: node.getAttribute('loading'),
        decoding: node.getAttribute('decoding'),
        sizes: node.getAttribute('sizes'),
        width: node.getAttribute('width'),
        height: node.getAttribute('height'),
        alt: node.getAttribute('alt'),
        sources: [...(node.parentElement?.querySelectorAll('source') ?? [])].map((source) =>
          source.getAttribute('type'),
        ),
      })),
    );
    for (const card of attributes) {
      expect(card).toMatchObject({ loading: 'lazy', decoding: 'async' });
      expect(card.sources).toEqual(['image/avif', 'image/webp']);
      expect(card.sizes).toBeTruthy();
      expect(Number(card.width) * Number(card.height)).toBeGreaterThan(0);
      expect(card.alt?.length).toBeGreaterThan(10);
    }
    const html = await page.content();
    expect(html).not.toMatch(/\/media\/news\/[^"' ]+\.svg/);
    await close();
  });
});

describe('social card', () => {
  it.each([article, `/en${article}`])(
    '%s announces its own 1200×630 card, and the card is that picture',
    async (path) => {
      const html = await (await fetch(baseUrl + path)).text();
      const content = (attribute: string) =>
        new RegExp(`<meta (?:property|name)="${attribute}" content="([^"]*)"`).exec(html)?.[1];
      const og = content('og:image');
      expect(og).toMatch(/\/media\/news\/card-(?:fa|en)-[\w-]+-[0-9a-f]{16}\.png$/);
      expect(content('twitter:image')).toBe(og);
      expect([content('og:image:width'), content('og:image:height')]).toEqual(['1200', '630']);
      const response = await fetch(baseUrl + new URL(og as string).pathname);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(response.headers.get('cache-control')).toContain('immutable');
      const bytes = Buffer.from(await response.arrayBuffer());
      const meta = await sharp(bytes).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
    },
  );
});

describe('/media/news/ over HTTP', () => {
  it('answers one identical 404 for anything not produced, whatever the path trick', async () => {
    const html = await (await fetch(baseUrl + article)).text();
    const real = /\/media\/news\/[0-9a-f]{20}-\d+\.avif/.exec(html)?.[0] as string;
    expect((await rawRequest(baseUrl + real)).status).toBe(200);
    const reference = await rawRequest(`${baseUrl}/media/news/00000000000000000000-320.avif`);
    expect(reference.status).toBe(404);
    const paths = [
      '/media/news/news.sqlite',
      '/media/news/..%2fnews.sqlite',
      '/media/news/..%2f..%2f..%2fetc%2fpasswd',
      '/media/news/..%5c..%5cnews.sqlite',
      `${real}%00.png`,
      `${real}/`,
      `${real.toUpperCase().replace('/MEDIA/NEWS/', '/media/news/')}`,
      `${real}.png`,
      '/media/news/%00',
    ];
    for (const path of paths) {
      const answer = await rawRequest(baseUrl + path);
      expect(answer.status, path).toBe(404);
      expect(answer.body.toString('base64'), path).toBe(reference.body.toString('base64'));
      expect(answer.headers['content-type'], path).toBe(reference.headers['content-type']);
    }
    // Not UTF-8 once decoded: the server refuses the request before any route (400).
    const malformed = await rawRequest(`${baseUrl}/media/news/%ff%fe`);
    expect(malformed.status).toBe(400);
    // More than one segment, or none, is not a picture's address: the site's own 404 page.
    for (const path of [
      '/media/news/',
      '/media/news/a/b/c.png',
      '/media/news/..%2f/x.png',
      '/media/news/%2e%2e/%2e%2e/news.sqlite',
    ]) {
      const answer = await rawRequest(baseUrl + path);
      expect(answer.status, path).toBe(404);
      expect(answer.body.toString(), path).not.toContain('SQLite format');
    }
  });
});
