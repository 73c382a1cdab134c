import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { explainBuildFailure } from '../../server/publish/status.ts';
import {
  MAX_PICTURE_BYTES,
  MEDIA_NAME,
  PICTURE_WIDTHS,
  PictureError,
  publishPicture,
  widthsFor,
} from './news-pictures.ts';
import { NewsStore } from './news-store.ts';
import { syncNews } from './news-sync.ts';

// The pictures' pipeline on real files made by sharp here: what it publishes decodes as the
// format and size it claims, an unchanged picture is not encoded again, and every hostile file
// is refused with its reason.

/** The news store's media table as a map, counting writes. */
function memoryStore() {
  const files = new Map<string, { type: string; bytes: Uint8Array }>();
  let writes = 0;
  return {
    files,
    writes: () => writes,
    putMedia(name: string, type: string, bytes: Uint8Array) {
      writes++;
      files.set(name, { type, bytes });
    },
    media: (name: string) => files.get(name),
  };
}

/** A photo-like picture: smooth shapes and grain, so encoders behave as on a real photo. */
function photo(width: number, height: number, channels: 3 | 4 = 3) {
  const raw = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * channels;
      const wave = Math.sin(x / 37) * Math.cos(y / 23) * 60;
      raw[i] = 120 + wave + ((x * 7 + y * 13) % 23);
      raw[i + 1] = 90 + ((x >> 4) % 60) + wave / 2;
      raw[i + 2] = 60 + ((y >> 3) % 90);
      if (channels === 4) raw[i + 3] = x < width / 2 ? 255 : 128;
    }
  }
  return sharp(raw, { raw: { width, height, channels } }).blur(1.2);
}

const nameOf = (src: string) => src.slice(src.lastIndexOf('/') + 1);
const srcsetFiles = (srcset: string) =>
  srcset.split(', ').map((part) => {
    const [src, width] = part.split(' ');
    return { name: nameOf(src as string), width: Number.parseInt(width as string, 10) };
  });

async function refusal(bytes: Uint8Array): Promise<PictureError> {
  const error = await publishPicture(bytes, memoryStore()).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PictureError);
  return error as PictureError;
}

const dir = mkdtempSync(join(tmpdir(), 'bz-pictures-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('publishPicture', { timeout: 120_000 }, () => {
  it('publishes a JPEG as AVIF, WebP and JPEG at each width, each file what it claims', async () => {
    const jpeg = await photo(1600, 1000, 3).jpeg({ quality: 92 }).toBuffer();
    const store = memoryStore();
    const picture = await publishPicture(jpeg, store);
    expect([picture.width, picture.height]).toEqual([1280, 800]);
    expect(picture.sources.map((source) => source.type)).toEqual(['image/avif', 'image/webp']);
    expect(picture.fallback.type).toBe('image/jpeg');
    expect(nameOf(picture.src)).toMatch(/-1280\.jpg$/);
    const formats = { 'image/avif': 'heif', 'image/webp': 'webp', 'image/jpeg': 'jpeg' } as const;
    for (const files of [...picture.sources, picture.fallback]) {
      const listed = srcsetFiles(files.srcset);
      expect(listed.map((file) => file.width)).toEqual([...PICTURE_WIDTHS]);
      for (const { name, width } of listed) {
        expect(name).toMatch(MEDIA_NAME);
        const stored = store.media(name);
        expect(stored?.type).toBe(files.type);
        const meta = await sharp(stored?.bytes).metadata();
        expect(meta.format).toBe(formats[files.type as keyof typeof formats]);
        expect([meta.width, meta.height]).toEqual([width, (width * 1000) / 1600]);
      }
    }
    expect(store.files.size).toBe(12);
    expect([...picture.media].sort()).toEqual([...store.files.keys()].sort());
    // Bytes budget at the width most phones take (640) and at the largest: AVIF and WebP each
    // smaller than the JPEG, and the 640 AVIF well under the original upload.
    const size = (ext: string, width: number) =>
      [...store.files].find(([name]) => name.endsWith(`-${width}.${ext}`))?.[1].bytes.length ?? 0;
    for (const width of [640, 1280]) {
      expect(size('avif', width)).toBeLessThan(size('jpg', width));
      expect(size('webp', width)).toBeLessThan(size('jpg', width));
    }
    expect(size('avif', 640) * 10).toBeLessThan(jpeg.length);

    // The same bytes again (another item, the next sync): found by name, nothing encoded.
    const again = await publishPicture(jpeg, store);
    expect(again).toEqual(picture);
    expect(store.writes()).toBe(12);
  });

  it('never makes a picture wider than it is, and keeps transparency in PNG', async () => {
    const png = await photo(500, 300, 4).png().toBuffer();
    const store = memoryStore();
    const picture = await publishPicture(png, store);
    expect(picture.fallback.type).toBe('image/png');
    expect(srcsetFiles(picture.fallback.srcset).map((file) => file.width)).toEqual([320, 500]);
    for (const { bytes } of store.files.values()) {
      const meta = await sharp(bytes).metadata();
      expect(meta.width).toBeLessThanOrEqual(500);
      expect(meta.hasAlpha).toBe(true);
    }
  });

  it('turns a photo upright by its EXIF orientation and drops the EXIF (camera, place)', async () => {
    const turned = await photo(400, 300, 3)
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExifMerge({ IFD0: { Make: 'Camera', Model: 'X' } })
      .toBuffer();
    expect((await sharp(turned).metadata()).orientation).toBe(6);
    const store = memoryStore();
    const picture = await publishPicture(turned, store);
    expect([picture.width, picture.height]).toEqual([300, 400]);
    for (const { bytes } of store.files.values()) {
      const meta = await sharp(bytes).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.height).toBeGreaterThan(meta.width ?? 0);
    }
  });

  it('refuses a small file that declares a huge picture, before decoding it', async () => {
    // A PNG header claiming 30,000 × 30,000 pixels (900 megapixels) and next to no data.
    const chunk = (type: string, data: Buffer) => {
      const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
      const length = Buffer.alloc(4);
      length.writeUInt32BE(data.length);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(body));
      return Buffer.concat([length, body, crc]);
    };
    const header = Buffer.alloc(13);
    header.writeUInt32BE(30_000, 0);
    header.writeUInt32BE(30_000, 4);
    header.set([8, 2, 0, 0, 0], 8);
    const bomb = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
      chunk('IEND', Buffer.alloc(0)),
    ]);
    expect(bomb.length).toBeLessThan(100);
    const error = await refusal(bomb);
    expect(error.code).toBe('PICTURE_TOO_LARGE');
    expect(error.message).toContain('30000 × 30000');
    // An SVG that asks to be drawn 100,000 px wide is the same bomb.
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="100000" height="100000"><rect width="10" height="10"/></svg>',
    );
    expect((await refusal(svg)).code).toBe('PICTURE_TOO_LARGE');
  });

  it('refuses a file that is no picture whatever its name, and a damaged one', async () => {
    expect((await refusal(Buffer.from('<html><script>alert(1)</script></html>'))).code).toBe(
      'PICTURE_NOT_IMAGE',
    );
    expect((await refusal(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).code).toBe('PICTURE_NOT_IMAGE');
    const jpeg = await photo(800, 600, 3).jpeg().toBuffer();
    const cut = jpeg.subarray(0, Math.floor(jpeg.length / 2));
    const store = memoryStore();
    const error = await publishPicture(cut, store).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PictureError);
    expect((error as PictureError).code).toBe('PICTURE_NOT_IMAGE');
  });

  it('refuses a file over the upload limit with its size in words', async () => {
    const error = await refusal(Buffer.alloc(MAX_PICTURE_BYTES + 1));
    expect(error.code).toBe('PICTURE_TOO_BIG');
    expect(error.message).toMatch(/5\.1 MB; the limit is 5\.0 MB/);
  });

  it('draws an SVG to raster without running its script or loading what it references', async () => {
    const red = join(dir, 'red.png');
    writeFileSync(
      red,
      await sharp({
        create: { width: 50, height: 50, channels: 3, background: '#ff0000' },
      })
        .png()
        .toBuffer(),
    );
    const svg = Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="400" height="200">
        <script>alert(document.cookie)</script>
        <rect width="400" height="200" fill="#ffffff" onload="alert(1)"/>
        <image x="0" y="0" width="200" height="200" href="file://${red}"/>
        <image x="200" y="0" width="200" height="200" xlink:href="${red}"/>
      </svg>`,
    );
    const store = memoryStore();
    const picture = await publishPicture(svg, store);
    const types = new Set([...store.files.values()].map((file) => file.type));
    expect(types).toEqual(new Set(['image/avif', 'image/webp', 'image/png']));
    const png = store.media(nameOf(picture.src));
    const { data, info } = await sharp(png?.bytes).raw().toBuffer({ resolveWithObject: true });
    // Both referenced pictures would paint red; the page stays white.
    for (const x of [100, 300]) {
      const at = (100 * info.width + x) * info.channels;
      expect([data[at], data[at + 1], data[at + 2]]).toEqual([255, 255, 255]);
    }
  });
});

describe('widthsFor', () => {
  it('lists increasing widths, none wider than the picture, ending at it or at the largest', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000 }), (width) => {
        const widths = widthsFor(width);
        expect(widths.every((w, i) => i === 0 || w > (widths[i - 1] as number))).toBe(true);
        expect(Math.max(...widths)).toBe(Math.min(width, 1280));
        expect(widths.every((w) => w <= width)).toBe(true);
      }),
    );
  });
});

describe('syncNews with a picture the site refuses', { timeout: 120_000 }, () => {
  const news = (alt: string | undefined, src: string) =>
    [
      '---',
      'title: خبر آزمایشی با تصویر',
      'summary: خلاصه‌ی خبر آزمایشی.',
      'date: 1404-03-01',
      'tags: [آزمون]',
      'code: 7001',
      'office: روابط عمومی',
      'image:',
      `  src: ${src}`,
      ...(alt === undefined ? [] : [`  alt: ${alt}`]),
      '---',
      '',
      'متن خبر.',
      '',
    ].join('\n');

  async function syncWith(file: string, bytes: Uint8Array, alt: string | undefined) {
    const root = mkdtempSync(join(dir, 'news-'));
    const contentDir = join(root, 'news');
    mkdirSync(join(contentDir, 'fa'), { recursive: true });
    mkdirSync(join(contentDir, 'images'));
    writeFileSync(join(contentDir, 'images', file), bytes);
    writeFileSync(join(contentDir, 'fa', 'picture.md'), news(alt, `../images/${file}`));
    const store = new NewsStore(join(root, 'news.sqlite'));
    try {
      const error = await syncNews({ contentDir, store, approved: () => false }).then(
        () => undefined,
        (caught: unknown) => caught as Error,
      );
      return { error, items: store.newest('fa').length, media: store.mediaNames() };
    } finally {
      store.close();
    }
  }

  it('names the file and the field, tells the office in Persian, and publishes nothing', async () => {
    const cases = [
      { file: 'not-a-photo.jpg', bytes: Buffer.from('MZ\x90\x00 this is a program'), alt: 'x y z' },
      { file: 'damaged.jpg', bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), alt: 'x y z' },
      {
        file: 'photo.jpg',
        bytes: await photo(400, 300).jpeg().toBuffer(),
        alt: undefined,
        field: 'image.alt',
      },
    ];
    for (const { file, bytes, alt, field = 'image.src' } of cases) {
      const { error, items, media } = await syncWith(file, bytes, alt);
      expect(error?.message, file).toContain(`news/fa/picture.md: field '${field}'`);
      expect([items, media], file).toEqual([0, []]);
      const told = explainBuildFailure(error?.message ?? '', new Date());
      expect(told).toMatchObject({ code: 'CONTENT_INVALID', file: 'news/fa/picture.md', field });
      expect(told.fa).toContain(field === 'image.alt' ? 'متن جایگزین تصویر' : 'فایل تصویر اصلی');
    }
  });
});
