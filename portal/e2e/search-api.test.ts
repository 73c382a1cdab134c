import fc from 'fast-check';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { anyQuery } from '../src/lib/any-query.ts';
import { sharedBrowser } from './browser.ts';

// /api/search on the built portal's own server (src/pages/api/search.ts, the SQLite FTS5 index
// that the build writes beside its server output), and the search page that asks it.
const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

const api = (query: string, headers: Record<string, string> = {}) =>
  fetch(`${baseUrl}/api/search?${query}`, { headers });

interface Answer {
  total: number;
  page: number;
  results: { url: string; title: string; excerpt: { text: string; mark: boolean }[] }[];
}

describe('/api/search', () => {
  it('answers one small, compressed page of results that a CDN may keep for a short while', async () => {
    const response = await api(`q=${encodeURIComponent('پایگاه خدمات')}&lang=fa`, {
      'accept-encoding': 'br, gzip',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(response.headers.get('cache-control')).toMatch(/public, max-age=30, s-maxage=30/);
    const body = (await response.json()) as Answer;
    expect(body.total).toBeGreaterThan(10);
    expect(body.results).toHaveLength(10);
    for (const result of body.results) {
      expect(result.url).toMatch(/^\/(?!en\/)/);
      expect(result.excerpt.some((part) => part.mark)).toBe(true);
    }
    // Base pages (services) come before news for a service's name.
    expect(body.results[0]?.url).toMatch(/^\/directory\/bases\//);
  });

  it('pages through the results, English pages on their own', async () => {
    const first = (await (await api('q=base&lang=en')).json()) as Answer;
    const second = (await (await api('q=base&lang=en&page=2')).json()) as Answer;
    expect(first.results.every((result) => result.url.startsWith('/en/'))).toBe(true);
    if (first.total > 10) {
      expect(second.results.length).toBeGreaterThan(0);
      const firstUrls = new Set(first.results.map((result) => result.url));
      expect(second.results.some((result) => firstUrls.has(result.url))).toBe(false);
    }
  });

  it('refuses bad input with a sentence in the language asked, and a code', async () => {
    const long = await api(`q=${'آ'.repeat(201)}&lang=fa`);
    expect(long.status).toBe(400);
    const body = (await long.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('QUERY_TOO_LONG');
    expect(body.error.message).toMatch(/چند واژه‌ی اصلی/);
    const page = await api('q=a&page=51&lang=en');
    expect(page.status).toBe(400);
    expect(((await page.json()) as { error: { message: string } }).error.message).toMatch(
      /page number/,
    );
    expect((await api('q=a&province=nowhere')).status).toBe(400);
    expect((await api('q=a&lang=xx')).status).toBe(400);
  });

  it('never answers 5xx, whatever the query (generated)', async () => {
    await fc.assert(
      fc.asyncProperty(anyQuery(40, 12), fc.constantFrom('fa', 'en'), async (q, lang) => {
        const response = await api(new URLSearchParams({ q, lang }).toString());
        expect(response.status, q).toBeLessThan(500);
        await response.arrayBuffer();
      }),
      { numRuns: 60 },
    );
  });
});

async function openSearch(
  path: string,
): Promise<{ page: Page; requests: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(baseUrl + encodeURI(path));
  return { page, requests, close: () => context.close() };
}

describe('the search page with the server', () => {
  it('asks /api/search once per search, and downloads nothing of Pagefind', async () => {
    const { page, requests, close } = await openSearch('/search/');
    await page.locator('#search-q').fill('پایگاه');
    await page.locator('#search-q').press('Enter');
    await page.locator('.search-results h2 a').first().waitFor();
    expect(requests.filter((path) => path === '/api/search')).toHaveLength(1);
    expect(requests.filter((path) => path.startsWith('/pagefind/'))).toEqual([]);
    // "More results" asks for the next page only.
    await page.locator('.search-more').click();
    await expect.poll(() => requests.filter((path) => path === '/api/search').length).toBe(2);
    await expect.poll(() => page.locator('.search-results > li').count()).toBeGreaterThan(10);
    await close();
  });

  it('falls back to Pagefind when /api/search answers 404 (a static host)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route(
      (url) => url.pathname === '/api/search',
      (route) => route.fulfill({ status: 404, body: 'Not found' }),
    );
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent('قاصدک')}`);
    await page.locator('.search-results h2 a').first().waitFor();
    expect(requests).toContain('/pagefind/pagefind.js');
    await context.close();
  });

  it('shows the server’s sentence when it refuses the query', async () => {
    const { page, close } = await openSearch('/en/search/');
    await page.locator('#search-q').fill('word '.repeat(45));
    await page.locator('#search-q').press('Enter');
    await expect.poll(() => page.locator('.search-status').textContent()).toMatch(/main words/);
    await close();
  });
});
