import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIContext } from 'astro';
import fc from 'fast-check';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '../pages/media/news/[name].ts';
import { MEDIA_NAME, publishPicture } from './news-pictures.ts';
import { NewsStore } from './news-store.ts';

// The news pictures' route against a real news store: it answers exactly the names the
// pipeline stored, with their type and a year's cache, and one identical 404 for everything
// else — generated names, path tricks, names the pipeline could make but did not.

const dir = mkdtempSync(join(tmpdir(), 'bz-media-route-'));
const path = join(dir, 'news.sqlite');
let stored: string[] = [];

beforeAll(async () => {
  const store = new NewsStore(path);
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

  it('answers one identical 404 for every name it did not make (generated)', async () => {
    const notFound = await answer('00000000000000000000-320.png');
    expect(notFound.status).toBe(404);
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
    const names = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      tricks,
      lookalike,
      fc.tuple(tricks, fc.constantFrom(...stored)).map(([a, b]) => a + b),
      fc.tuple(fc.constantFrom(...stored), tricks).map(([a, b]) => a + b),
    );
    await fc.assert(
      fc.asyncProperty(names, async (name) => {
        fc.pre(!stored.includes(name));
        expect(await answer(name)).toEqual(notFound);
      }),
      { numRuns: 1000 },
    );
    expect(await answer(undefined)).toEqual(notFound);
    // A stored name at a second address (a trailing slash) is not served there.
    expect(await answer(first, `/media/news/${first}/`)).toEqual(notFound);
  });
});
