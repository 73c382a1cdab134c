import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtPath, readBuilt, sitemapPaths } from './site.ts';

// Link previews (Open Graph): social sites and messengers ignore SVG, so every page must
// announce a PNG or JPEG that the build really contains, with its size and alternative text.
// Checked on the built files: deterministic, no browser needed.

const meta = (html: string, property: string) =>
  new RegExp(`<meta property="${property}" content="([^"]*)"`).exec(html)?.[1];

/** Width and height from a PNG's IHDR or a JPEG's first SOF segment; undefined if neither. */
function rasterSize(bytes: Buffer): { type: string; width: number; height: number } | undefined {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return { type: 'image/png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    let at = 2;
    while (at + 9 < bytes.length) {
      const marker = bytes[at + 1] as number;
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        return {
          type: 'image/jpeg',
          height: bytes.readUInt16BE(at + 5),
          width: bytes.readUInt16BE(at + 7),
        };
      }
      at += 2 + bytes.readUInt16BE(at + 2);
    }
  }
  return undefined;
}

function ogOf(path: string) {
  const html = readBuilt(join(path, 'index.html'));
  const src = meta(html, 'og:image');
  return {
    html,
    src,
    type: meta(html, 'og:image:type'),
    width: Number(meta(html, 'og:image:width')),
    height: Number(meta(html, 'og:image:height')),
    alt: meta(html, 'og:image:alt'),
  };
}

describe('og:image', () => {
  // Every page the sitemap lists (not the 404 page and feeds, which are not shared).
  it.each(sitemapPaths())('%s announces a raster picture that exists in the build', (path) => {
    const og = ogOf(path);
    expect(og.src, 'og:image').toBeDefined();
    const file = builtPath(decodeURI(new URL(og.src as string).pathname));
    expect(og.src).toMatch(/\.(png|jpe?g)$/);
    expect(existsSync(file), `${og.src} is in the build`).toBe(true);
    const size = rasterSize(readFileSync(file));
    expect(size, 'a PNG or JPEG file').toBeDefined();
    expect(og.type).toBe(size?.type);
    expect([og.width, og.height]).toEqual([size?.width, size?.height]);
    expect(og.alt?.trim().length).toBeGreaterThan(10);
  });

  it('is the 1200×630 site emblem on pages without their own picture', () => {
    for (const path of ['/', '/en/', '/directory/bases/isfahan-hesseh/']) {
      const og = ogOf(path);
      expect([og.width, og.height]).toEqual([1200, 630]);
      expect(og.alt).toBe(
        path.startsWith('/en/')
          ? 'Behzisti Services mark: a white roof over a person, on a blue background'
          : 'نشان سامانه‌ی خدمات بهزیستی: بامی سفید بالای سر یک نفر، روی زمینه‌ی آبی',
      );
    }
  });

  it('is the article’s own 1200×630 card (its title), while the page shows its picture as raster', () => {
    const og = ogOf('/news/hesseh-service-base/');
    expect(og.type).toBe('image/png');
    expect([og.width, og.height]).toEqual([1200, 630]);
    // Named by the article and its title's hash, drawn on first request (social-card.ts).
    expect(og.src).toMatch(/\/media\/news\/card-fa-[A-Za-z0-9_-]+-[0-9a-f]{16}\.png$/);
    const title = /<h1[^>]*>([^<]+)<\/h1>/.exec(og.html)?.[1];
    expect(og.alt).toBe(title);
    expect(meta(og.html.replaceAll('name="twitter:', 'property="twitter:'), 'twitter:image')).toBe(
      og.src,
    );
    // The SVG upload is never served: the page shows AVIF/WebP/PNG made of it (news-pictures.ts).
    const img = /<figure class="article-figure">\s*<picture>[\s\S]*?<img src="([^"]+)"/.exec(
      og.html,
    );
    expect(img?.[1]).toMatch(/\/media\/news\/[0-9a-f]{20}-\d+\.png$/);
    const ld = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(og.html)?.[1];
    expect(JSON.parse(ld ?? '{}').image).toEqual([new URL(img?.[1] ?? '', og.src).href]);
  });
});
