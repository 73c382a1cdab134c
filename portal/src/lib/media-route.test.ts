import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIContext } from 'astro';
import fc from 'fast-check';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET, getStaticPaths } from '../pages/media/news/[name].ts';
import { MEDIA_NAME, publishPicture } from './news-pictures.ts';
import type { StoredEntry } from './news-source.ts';
import { NewsStore } from './news-store.ts';
import { syncNews } from './news-sync.ts';
import { socialCard } from './social-card.ts';
import { cachedCards, servedCard } from './social-card-cache.ts';

// The news pictures' route against a real news store: it answers exactly the names the
// pipeline stored and the current social card of each stored article (drawn on its first
// request), with their type and a year's cache, and one identical 404 for everything else —
// generated names, path tricks, names the pipeline could make but did not, cards of unknown
// articles or of a title the article no longer has.

const dir = mkdtempSync(join(tmpdir(), 'bz-media-route-'));
const path = join(dir, 'news.sqlite');
let stored: string[] = [];
/** The stored articles' card names. */
let cards: string[] = [];

/** A news file as the office writes it (news-source.ts checks it). */
const article = (locale: 'fa' | 'en', title: string, code: number) =>
  [
    '---',
    `title: ${title}`,
    'summary: A summary of the item.',
    'date: 2025-01-02',
    `lang: ${locale}`,
    'tags: []',
    `code: ${code}`,
    'office: Public relations',
    '---',
    '',
    'The body.',
    '',
  ].join('\n');

beforeAll(async () => {
  const store = new NewsStore(path);
  // Two real articles, synced as the build syncs them: their cards are named, not drawn.
  const contentDir = join(dir, 'news');
  for (const locale of ['fa', 'en'] as const)
    mkdirSync(join(contentDir, locale), { recursive: true });
  writeFileSync(join(contentDir, 'fa', 'hotline.md'), article('fa', 'مشاوره‌ی تلفنی ۱۴۸۰', 1));
  writeFileSync(join(contentDir, 'en', 'hotline.md'), article('en', 'Counselling line 1480', 1));
  await syncNews({ contentDir, store });
  // The sync stored no card (the pictures below come after it: it drops media no entry uses).
  expect(store.mediaNames()).toEqual([]);
  cards = (['fa', 'en'] as const).map(
    (locale) => store.entry<StoredEntry>(locale, 'hotline')?.card.media ?? '',
  );
  const png = await sharp({
    create: { width: 400, height: 200, channels: 3, background: '#0b5cad' },
  })
    .png()
    .toBuffer();
  await publishPicture(png, store);
  // Something the pipeline did not make, under a name it would refuse to serve.
  store.putMedia('secret.txt', 'text/plain', Buffer.from('not a picture'));
  stored = store.mediaNames().filter((name) => MEDIA_NAME.test(name));
  store.close();
  process.env.PORTAL_NEWS_DB = path;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = (name: string | undefined, path = `/media/news/${encodeURIComponent(name ?? '')}`) =>
  GET({
    params: { name },
    url: new URL(path, 'http://localhost'),
  } as unknown as APIContext) as Promise<Response>;

async function answer(name: string | undefined, path?: string) {
  const response = await get(name, path);
  return {
    status: response.status,
    headers: [...response.headers],
    body: Buffer.from(await response.arrayBuffer()).toString('base64'),
  };
}

describe('/media/news/[name]', { timeout: 60_000 }, () => {
  it('serves each stored picture with its type, length and a year of immutable cache', async () => {
    expect(stored.length).toBe(6); // 320 and 400 wide, AVIF, WebP and PNG
    for (const name of stored) {
      const response = await get(name);
      expect(response.status).toBe(200);
      const type = response.headers.get('content-type');
      expect(type).toBe(
        { avif: 'image/avif', webp: 'image/webp', png: 'image/png' }[name.split('.')[1] as string],
      );
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(response.headers.get('content-length')).toBe(String(bytes.length));
      expect((await sharp(bytes).metadata()).width).toBeGreaterThan(0);
    }
  });

  it('draws a stored article’s card on its first request, once, and keeps it', async () => {
    const before = cachedCards();
    const [fa, en] = cards as [string, string];
    // Concurrent first requests share one drawing.
    const titleOf = () => 'مشاوره‌ی تلفنی ۱۴۸۰';
    const first = servedCard(fa, titleOf);
    expect(first).toBeDefined();
    expect(servedCard(fa, titleOf)).toBe(first);
    const responses = await Promise.all([get(fa), get(fa), get(en)]);
    expect(cachedCards()).toBe(before + 2);
    const bodies: Buffer[] = [];
    for (const response of responses) {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(response.headers.get('content-length')).toBe(String(bytes.length));
      const meta = await sharp(bytes).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
      bodies.push(bytes);
    }
    expect(bodies[0]?.equals(bodies[1] as Buffer)).toBe(true);
    expect(bodies[0]?.equals(bodies[2] as Buffer)).toBe(false);
  });

  it('lists the stored pictures and every article’s card for a static build', () => {
    const names = getStaticPaths().map((path) => path.params.name);
    expect(names.sort()).toEqual([...stored, ...cards].sort());
  });

  it('answers the same 404 for a card of an unknown article or of another title, drawing nothing', async () => {
    const notFound = await answer('00000000000000000000-320.png');
    const before = cachedCards();
    const fa = cards[0] as string;
    const lastHex = fa.at(-5) === '0' ? '1' : '0';
    for (const name of [
      `${fa.slice(0, -5)}${lastHex}.png`, // a hash that is not the title's
      socialCard('مشاوره‌ی تلفنی ۱۴۸۱', 'fa', 'hotline').media, // a title it does not have
      socialCard('مشاوره‌ی تلفنی ۱۴۸۰', 'fa', 'unknown').media, // no such article
      socialCard('مشاوره‌ی تلفنی ۱۴۸۰', 'en', 'hotline').media, // the other locale's article
      fa.replace('.png', '.jpg'),
      fa.replace('card-', 'Card-'),
    ]) {
      expect(await answer(name), name).toEqual(notFound);
    }
    expect(cachedCards()).toBe(before);
  });

  it('answers one identical 404 for every name it did not make (generated)', async () => {
    const notFound = await answer('00000000000000000000-320.png');
    expect(notFound.status).toBe(404);
    const drawnBefore = cachedCards();
    const first = stored[0] as string;
    const tricks = fc.constantFrom(
      '..',
      '../news.sqlite',
      '..%2f..%2fnews.sqlite',
      '%2e%2e/%2e%2e/etc/passwd',
      '....//',
      '..\\..\\news.sqlite',
      'news.sqlite',
      'secret.txt',
      '\u0000',
      `${first}\u0000.png`,
      `${first}/`,
      `/${first}`,
      `${first.toUpperCase()}`,
      `${first}?x=1`,
      `${first.replace('.', '..')}`,
      `a/${first}`,
      '',
    );
    const lookalike = fc
      .tuple(
        fc.stringMatching(/^[0-9a-f]{20}$/),
        fc.constantFrom('320', '640', '1280', 'card', '99999', ''),
        fc.constantFrom('avif', 'webp', 'jpg', 'png', 'svg', 'sqlite'),
      )
      .map(([hash, width, ext]) => `${hash}-${width}.${ext}`);
    // Card names of the right form: generated places (stored ones too) and hashes.
    const cardLookalike = fc
      .tuple(
        fc.constantFrom('fa', 'en', 'de', ''),
        fc.oneof(fc.constantFrom('hotline', 'unknown', ''), fc.string()),
        fc.stringMatching(/^[0-9a-f]{16}$/),
      )
      .map(
        ([locale, slug, hash]) =>
          `card-${locale}-${Buffer.from(slug).toString('base64url')}-${hash}.png`,
      );
    const served = [...stored, ...cards];
    const names = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      tricks,
      lookalike,
      cardLookalike,
      fc.tuple(tricks, fc.constantFrom(...served)).map(([a, b]) => a + b),
      fc.tuple(fc.constantFrom(...served), tricks).map(([a, b]) => a + b),
    );
    await fc.assert(
      fc.asyncProperty(names, async (name) => {
        fc.pre(!served.includes(name));
        expect(await answer(name)).toEqual(notFound);
      }),
      { numRuns: 1000 },
    );
    expect(await answer(undefined)).toEqual(notFound);
    // A stored name at a second address (a trailing slash) is not served there.
    expect(await answer(first, `/media/news/${first}/`)).toEqual(notFound);
    expect(await answer(cards[0], `/media/news/${cards[0]}/`)).toEqual(notFound);
    // None of it drew a card.
    expect(cachedCards()).toBe(drawnBefore);
  });
});
