import { createHash } from 'node:crypto';
import sharp, { type Sharp } from 'sharp';
import { MAX_UPLOAD_BYTES } from '../cms/messages.ts';
import { newsMediaPath } from './paths.ts';

/**
 * The news pictures' pipeline: each picture is published as AVIF and WebP, and in a fallback
 * format near its own (JPEG for photos, PNG for drawings and transparency), at a few widths,
 * never wider than the picture itself. Made once, when the item is synced (news-sync.ts), and
 * kept in the news store under names made of the source's hash: a picture already published is
 * not encoded again (a sync only checks that its names are stored). No page serves the upload.
 *
 * sharp directly, not Astro's `getImage`: `astro:assets` is a virtual module of Astro's Vite
 * runtime (plain Node, where the publish pipeline syncs, refuses it with
 * ERR_UNSUPPORTED_ESM_URL_SCHEME), and in server output `getImage` answers `/_image?href=…`
 * addresses transformed on each request from files in the server bundle, while news pictures
 * live in the news store and must be made once. Astro's image service is sharp too; what differs
 * is only where the bytes are kept.
 *
 * Attacks: a picture is measured from its header before anything is decoded, so a small file
 * declaring huge dimensions (a "pixel bomb") is refused without being expanded; the decoder has
 * the same limit again and refuses truncated or corrupt files (`failOn: 'error'`); a file that
 * is no picture (whatever its name) is refused by its content; an SVG is drawn to raster by
 * librsvg, which runs no script and loads no file it references (the SVG comes as bytes, without
 * a folder), and only the raster copies are served.
 */

/** Widths made of each picture (CSS px × density); a smaller picture is made at its own width. */
export const PICTURE_WIDTHS = [320, 640, 960, 1280] as const;

/** Largest picture accepted: the editor's upload limit (src/cms/messages.ts). */
export const MAX_PICTURE_BYTES = MAX_UPLOAD_BYTES;

/** 40 megapixels: a 7,700 × 5,200 camera photo passes; a decompression bomb does not. */
export const MAX_PICTURE_PIXELS = 40_000_000;

/**
 * Part of every output's name: change it when the encoding changes, so that every picture is
 * made again (names of the old encoding are then unused and dropped by the next sync).
 */
const PIPELINE_VERSION = 'news-pictures-1\n';

export type PictureErrorCode = 'PICTURE_TOO_BIG' | 'PICTURE_TOO_LARGE' | 'PICTURE_NOT_IMAGE';

/** A picture the pipeline refuses; `message` says why in words the office can act on. */
export class PictureError extends Error {
  readonly code: PictureErrorCode;

  constructor(code: PictureErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** One format's files of a picture, smallest first. */
export interface PictureFiles {
  type: 'image/avif' | 'image/webp' | 'image/jpeg' | 'image/png';
  /** `<img srcset>` / `<source srcset>`: `<path> <width>w, …`. */
  srcset: string;
}

/** A published picture as the pages show it. */
export interface PublishedPicture {
  /** The fallback's largest file, for `<img src>` (and link previews without a card). */
  src: string;
  /** Of the largest file: the picture's shape, so the page reserves its room. */
  width: number;
  height: number;
  /** AVIF first, then WebP: a browser takes the first `<source>` it can show. */
  sources: PictureFiles[];
  fallback: PictureFiles;
  /** Every stored name the picture uses (what keeps them in the store). */
  media: string[];
}

/** Where the pipeline keeps and finds its files (the news store's media table). */
export interface MediaStore {
  putMedia(name: string, type: string, bytes: Uint8Array): void;
  media(name: string): { type: string } | undefined;
}

const FORMATS = {
  avif: { type: 'image/avif', extension: 'avif' },
  webp: { type: 'image/webp', extension: 'webp' },
  jpeg: { type: 'image/jpeg', extension: 'jpg' },
  png: { type: 'image/png', extension: 'png' },
} as const;
type Format = keyof typeof FORMATS;

/** What the decoder accepts (sharp's names): the schema's picture kinds. */
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'gif', 'heif', 'svg']);

/** Encoder settings: AVIF and WebP at the quality photos keep their look at; JPEG by mozjpeg. */
function encode(image: Sharp, format: Format): Sharp {
  switch (format) {
    case 'avif':
      return image.avif({ quality: 50, effort: 3 });
    case 'webp':
      return image.webp({ quality: 75, effort: 4 });
    case 'jpeg':
      return image.jpeg({ quality: 78, mozjpeg: true });
    case 'png':
      return image.png({ compressionLevel: 9, effort: 7 });
  }
}

/** The widths to make of a picture `width` wide: the listed ones it reaches, and its own. */
export function widthsFor(width: number): number[] {
  const largest = Math.min(width, PICTURE_WIDTHS[PICTURE_WIDTHS.length - 1]);
  return [...PICTURE_WIDTHS.filter((w) => w < largest), largest];
}

const megabytes = (bytes: number) => (Math.ceil((bytes / 1024 / 1024) * 10) / 10).toFixed(1);

/**
 * Checks a picture and tells its kind and size without decoding its pixels. Throws a
 * PictureError for a file too big, too large in pixels, or not a picture.
 */
export async function inspectPicture(
  bytes: Uint8Array,
): Promise<{ format: string; width: number; height: number; opaque: boolean }> {
  if (bytes.length > MAX_PICTURE_BYTES) {
    throw new PictureError(
      'PICTURE_TOO_BIG',
      `the picture is ${megabytes(bytes.length)} MB; the limit is ${megabytes(MAX_PICTURE_BYTES)} MB (save it smaller, e.g. 2000 px wide as JPEG)`,
    );
  }
  let meta: Awaited<ReturnType<Sharp['metadata']>>;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    meta = { format: undefined } as unknown as typeof meta;
  }
  const { format, width, height } = meta;
  if (!format || !ACCEPTED.has(format) || !width || !height) {
    throw new PictureError(
      'PICTURE_NOT_IMAGE',
      'the file is not a picture the site can show (use a JPEG, PNG, WebP, GIF, AVIF or SVG file)',
    );
  }
  // Orientation 5–8: the camera stored it turned a quarter; the published picture is upright.
  const turned = (meta.orientation ?? 1) >= 5;
  if (width * height > MAX_PICTURE_PIXELS) {
    throw new PictureError(
      'PICTURE_TOO_LARGE',
      `the picture is ${width} × ${height} pixels; the limit is ${MAX_PICTURE_PIXELS / 1_000_000} megapixels (make it smaller, e.g. 2000 px wide)`,
    );
  }
  return {
    format,
    width: turned ? height : width,
    height: turned ? width : height,
    opaque: !meta.hasAlpha,
  };
}

/** The format of the fallback `<img>`: JPEG for opaque photos, PNG for drawings and transparency. */
function fallbackFormat(format: string, opaque: boolean): Format {
  if (format === 'jpeg') return 'jpeg';
  if (format === 'png' || format === 'svg' || format === 'gif' || !opaque) return 'png';
  return 'jpeg';
}

const hashOf = (bytes: Uint8Array) =>
  createHash('sha256').update(PIPELINE_VERSION).update(bytes).digest('hex').slice(0, 20);

/**
 * Publishes a picture into `store`: checks it, then makes each format at each width it lacks.
 * A picture published before (same bytes, same pipeline) is only looked up, not decoded.
 */
export async function publishPicture(
  bytes: Uint8Array,
  store: MediaStore,
): Promise<PublishedPicture> {
  const info = await inspectPicture(bytes);
  const hash = hashOf(bytes);
  const widths = widthsFor(info.width);
  const fallback = fallbackFormat(info.format, info.opaque);
  const formats: Format[] = ['avif', 'webp', fallback];
  const nameOf = (format: Format, width: number) => `${hash}-${width}.${FORMATS[format].extension}`;
  const heightOf = (width: number) => Math.max(1, Math.round((info.height * width) / info.width));

  const missing = formats.flatMap((format) =>
    widths
      .filter((width) => store.media(nameOf(format, width)) === undefined)
      .map((width) => ({ format, width })),
  );
  if (missing.length > 0) {
    // Decoded once; each output resizes the decoded picture. `failOn: 'error'` refuses a
    // truncated or corrupt file instead of publishing half a picture.
    const decoded = sharp(bytes, { limitInputPixels: MAX_PICTURE_PIXELS, failOn: 'error' })
      .rotate()
      .toColourspace('srgb');
    try {
      for (const { format, width } of missing) {
        const resized = decoded
          .clone()
          .resize({ width, height: heightOf(width), fit: 'fill', withoutEnlargement: false });
        const data = await encode(resized, format).toBuffer();
        store.putMedia(nameOf(format, width), FORMATS[format].type, data);
      }
    } catch {
      throw new PictureError(
        'PICTURE_NOT_IMAGE',
        'the picture could not be read to the end (the file is damaged or not a picture; save it again as JPEG or PNG)',
      );
    }
  }
  const files = (format: Format): PictureFiles => ({
    type: FORMATS[format].type,
    srcset: widths.map((width) => `${newsMediaPath(nameOf(format, width))} ${width}w`).join(', '),
  });
  const largest = widths[widths.length - 1] as number;
  return {
    src: newsMediaPath(nameOf(fallback, largest)),
    width: largest,
    height: heightOf(largest),
    sources: [files('avif'), files('webp')],
    fallback: files(fallback),
    media: formats.flatMap((format) => widths.map((width) => nameOf(format, width))),
  };
}

/** A stored name the pipeline can have made; anything else is not served from the store. */
export const MEDIA_NAME = /^[0-9a-f]{20}-\d{1,4}\.(?:avif|webp|jpg|png)$/;
