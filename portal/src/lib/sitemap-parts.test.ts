import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeNews } from '../../../bench/generate-news.mjs';
import { newsSitemapPaths } from './news-routes.ts';
import { newsSitemapPart, sitemapIndex } from './news-sitemap.ts';
import { NewsStore } from './news-store.ts';
import { syncNews } from './news-sync.ts';
import { articlePath } from './paths.ts';
import {
  newsSitemapPartPath,
  partParam,
  SITEMAP_LIMITS,
  sitemapLocs,
  sitemapParts,
  urlEntry,
  urlsetXml,
} from './sitemap-parts.ts';

// The news sitemap in parts of at most 50,000 addresses and 50 MB (issue 23): on a generated
// archive in a real news store, every visible item is in exactly one part, every part the index
// names exists and keeps within the limits, and no other part exists. The limits are lowered so
// that a few hundred items make several parts; the cutting itself is checked at full size too.

const site = 'https://portal.example/';
const dir = mkdtempSync(join(tmpdir(), 'bz-sitemap-parts-'));

beforeAll(async () => {
  writeNews(join(dir, 'news'), 400, 3);
  const path = join(dir, 'news.sqlite');
  const store = new NewsStore(path);
  try {
    await syncNews({ contentDir: join(dir, 'news'), store, approved: () => false });
  } finally {
    store.close();
  }
  // The routes' store (news-collection.ts opens it on first use).
  process.env.PORTAL_NEWS_DB = path;
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every generated item's article address: all are visible (dated in the past, none a draft). */
function generatedArticles(): string[] {
  return (['fa', 'en'] as const).flatMap((locale) =>
    readdirSync(join(dir, 'news', locale)).map(
      (name) => new URL(articlePath(locale, name.replace(/\.md$/, '')), site).href,
    ),
  );
}

describe('news sitemap parts', () => {
  for (const limits of [
    { urls: 97, bytes: SITEMAP_LIMITS.bytes },
    { urls: SITEMAP_LIMITS.urls, bytes: 30_000 },
    SITEMAP_LIMITS,
  ]) {
    it(`lists every visible item exactly once across the parts the index names (${limits.urls} addresses, ${limits.bytes} bytes a part)`, () => {
      const named = sitemapLocs(sitemapIndex(site, [`${site}sitemap-0.xml`], limits));
      expect(named[0]).toBe(`${site}sitemap-0.xml`);
      const parts = named.slice(1);
      expect(parts[0]).toBe(`${site}sitemap-news.xml`);
      const listed: string[] = [];
      parts.forEach((url, i) => {
        expect(url).toBe(new URL(newsSitemapPartPath(i + 1), site).href);
        const xml = newsSitemapPart(site, i + 1, limits);
        expect(xml).toBeDefined();
        const locs = sitemapLocs(xml ?? '');
        expect(locs.length).toBeGreaterThan(0);
        expect(locs.length).toBeLessThanOrEqual(limits.urls);
        expect(Buffer.byteLength(xml ?? '')).toBeLessThanOrEqual(limits.bytes);
        listed.push(...locs);
      });
      expect(newsSitemapPart(site, parts.length + 1, limits)).toBeUndefined();
      if (limits !== SITEMAP_LIMITS) expect(parts.length).toBeGreaterThan(2);
      // Exactly once: no address twice, and every news address and visible item is there.
      expect(new Set(listed).size).toBe(listed.length);
      expect(listed).toEqual(newsSitemapPaths().map((path) => new URL(path, site).href));
      const once = new Set(listed);
      const articles = generatedArticles();
      expect(articles.length).toBeGreaterThan(400);
      expect(articles.filter((url) => !once.has(url))).toEqual([]);
    });
  }

  it('cuts any list of entries into parts within the limits, in order, each as full as it can be', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 200 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 60, max: 400 }),
        (sizes, urls, room) => {
          const entries = sizes.map((size) => 'x'.repeat(size));
          const bytes = room + Buffer.byteLength(urlsetXml([]));
          const parts = sitemapParts(entries, { urls, bytes });
          expect(parts[0]?.[0]).toBe(0);
          expect(parts.at(-1)?.[1]).toBe(entries.length);
          parts.forEach(([start, end], i) => {
            const part = entries.slice(start, end);
            expect(Buffer.byteLength(urlsetXml(part))).toBeLessThanOrEqual(bytes);
            expect(part.length).toBeLessThanOrEqual(urls);
            const next = parts[i + 1];
            if (next) {
              expect(next[0]).toBe(end);
              // The next entry did not fit: the part was full by count or by bytes.
              const grown = entries.slice(start, end + 1);
              expect(grown.length > urls || Buffer.byteLength(urlsetXml(grown)) > bytes).toBe(true);
            }
          });
        },
      ),
    );
  });

  it('makes three parts of 120,001 addresses at the protocol limits, and one of none', () => {
    const entries = Array.from({ length: 120_001 }, (_, i) =>
      urlEntry(`${site}news/item-${i}/`, undefined),
    );
    expect(sitemapParts(entries)).toEqual([
      [0, 50_000],
      [50_000, 100_000],
      [100_000, 120_001],
    ]);
    expect(sitemapParts([])).toEqual([[0, 0]]);
  });

  it('answers part numbers from 2 on by their own address only', () => {
    expect(partParam('2')).toBe(2);
    expect(partParam('1')).toBeUndefined(); // part 1 is /sitemap-news.xml
    for (const bad of ['0', '02', '-1', '1e3', '', 'x', '9999999']) {
      expect(partParam(bad)).toBeUndefined();
    }
  });
});
