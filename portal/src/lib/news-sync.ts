import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import type { Locale } from '../i18n/ui.ts';
import { indexNews, type NewsItem } from './news.ts';
import { approvalCheck, readApprovals } from './news-approvals.ts';
import {
  type NewsPicture,
  type NewsSource,
  pictureType,
  readNewsSource,
  readNewsSources,
  type StoredEntry,
} from './news-source.ts';
import type { NewsStore } from './news-store.ts';
import { newsCacheTags } from './news-tags.ts';
import { isPublic } from './news-visibility.ts';
import { newsMediaPath, tagSlug } from './paths.ts';

/**
 * `syncNews`: makes the news store hold exactly the published news of a content folder. The one
 * way news reaches the site, for every kind of deployment (docs/scale.md, "News that does not
 * wait for a rebuild"):
 *
 * - the build runs it (astro.config.mjs), so a fresh build has a filled store, and a static build
 *   renders every news page from that store;
 * - the publishing pipeline runs it after a content change (`node scripts/sync-news.ts`, or this
 *   function), then purges the returned cache tags on every server instance
 *   (`publishNewsChange` in news-publish.ts does both).
 *
 * Only what changed is rewritten: an item whose file and picture hash as stored is skipped, so a
 * sync after one edit renders one Markdown body at any archive size.
 */

export interface SyncOptions {
  /** The news folder: `<contentDir>/<fa|en>/<slug>.md` (pictures anywhere beside it). */
  contentDir: string;
  store: NewsStore;
  /** The moment that decides what is published (scheduled items; see `isVisible`). */
  now?: Date;
  /**
   * Whether a publisher approved item `id` (`fa/<slug>`) in review with exactly this file text;
   * by default the approvals file PORTAL_APPROVALS names (the publish pipeline's).
   */
  approved?: (id: string, text: string) => boolean;
}

/** One item's place. */
export interface NewsKey {
  locale: Locale;
  slug: string;
}

/** What a sync changed: enough for the caller to purge exactly the pages that show it. */
export interface NewsChange {
  added: NewsKey[];
  updated: NewsKey[];
  removed: NewsKey[];
  /** Tag slugs per locale whose lists changed (from the old and the new version of each item). */
  tags: Record<Locale, string[]>;
  /** Provinces per locale whose lists changed. */
  provinces: Record<Locale, string[]>;
  /** Locales whose news index, feed and sitemap changed. */
  locales: Locale[];
  /** The route-cache tags to invalidate (news-tags.ts), from all of the above. */
  cacheTags: string[];
}

/**
 * Whether an item is on the site at `now`: the publishing rule (news-visibility.ts) — drafts,
 * items in review without a publisher's approval of this very text, scheduled items before their
 * moment and withdrawn items are not. The one place the store decides what is public; the
 * publish pipeline's plan (server/publish/plan.ts) applies the same rule.
 */
export function isVisible(
  item: NewsItem<NewsSource>,
  now: Date,
  approved: (id: string, text: string) => boolean,
  contentDir: string,
): boolean {
  const { data, id } = item.entry;
  const inReview = data.status === 'review';
  return isPublic(
    {
      ...data,
      // The approval pins the file's bytes: read them only for the (few) items in review.
      approved: inReview && approved(id, readFileSync(join(contentDir, `${id}.md`), 'utf8')),
    },
    now,
  );
}

/** The moment a build publishes for: PORTAL_PUBLISH_NOW (the publish pipeline's round), or now. */
export function publishNow(env: NodeJS.ProcessEnv = process.env): Date {
  const given = env.PORTAL_PUBLISH_NOW;
  const now = given ? new Date(given) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error(`PORTAL_PUBLISH_NOW is not a date: ${given}`);
  return now;
}

let renderer: ReturnType<typeof createSatteriMarkdownProcessor> | undefined;

/** The body as Astro rendered it in the collection (its own Markdown processor, defaults). */
async function renderBody(source: NewsSource): Promise<string> {
  renderer ??= createSatteriMarkdownProcessor();
  const { code, metadata } = await (await renderer).render(source.body, {
    frontmatter: source.data,
  });
  if (metadata.localImagePaths.length > 0) {
    throw new Error(
      `${source.filePath}: a picture inside the text (${metadata.localImagePaths[0]}) is not supported; use the item's image field`,
    );
  }
  return code;
}

const mediaName = (bytes: Uint8Array, extension: string) =>
  `${createHash('sha256').update(bytes).digest('hex').slice(0, 20)}${extension}`;

/** SVG and raster pictures' size (sharp reads both). */
async function sizeOf(bytes: Uint8Array): Promise<{ width: number; height: number }> {
  const { default: sharp } = await import('sharp');
  const { width, height } = await sharp(bytes).metadata();
  return { width: width ?? 0, height: height ?? 0 };
}

/**
 * Stores the picture and, for an SVG, a PNG of it for link previews (messengers ignore SVG in
 * og:image); both under names made of their hash.
 */
async function storePicture(
  source: NewsSource,
  store: NewsStore,
  seen: Pictures,
): Promise<NewsPicture> {
  const image = source.data.image;
  const file = source.imageFile;
  if (!image || !file) throw new Error(`${source.filePath}: no picture`);
  const type = pictureType(file);
  if (!type) {
    throw new Error(
      `${source.filePath}: field 'image.src': ${image.src} is not an SVG, PNG, JPEG, WebP, GIF or AVIF picture`,
    );
  }
  const bytes = readFileSync(file);
  const extension = file.slice(file.lastIndexOf('.')).toLowerCase();
  const name = mediaName(bytes, extension);
  // Many items share a picture: each is measured and rasterised once per sync.
  let stored = seen.get(name);
  if (!stored) {
    stored = storeMedia(store, name, type, bytes);
    seen.set(name, stored);
  }
  return { ...(await stored), alt: image.alt, caption: image.caption };
}

async function storeMedia(
  store: NewsStore,
  name: string,
  type: string,
  bytes: Uint8Array,
): Promise<Omit<NewsPicture, 'alt' | 'caption'>> {
  store.putMedia(name, type, bytes);
  const size = await sizeOf(bytes);
  let og = { src: newsMediaPath(name), ...size, type };
  if (!/^image\/(png|jpeg|webp|gif)$/.test(type)) {
    const { default: sharp } = await import('sharp');
    const png = await sharp(bytes).png().toBuffer({ resolveWithObject: true });
    const pngName = mediaName(png.data, '.png');
    store.putMedia(pngName, 'image/png', png.data);
    og = {
      src: newsMediaPath(pngName),
      width: png.info.width,
      height: png.info.height,
      type: 'image/png',
    };
  }
  return { src: newsMediaPath(name), ...size, og };
}

type Pictures = Map<string, Promise<Omit<NewsPicture, 'alt' | 'caption'>>>;

async function toStored(
  source: NewsSource,
  store: NewsStore,
  pictures: Pictures,
): Promise<StoredEntry> {
  const { image: _image, ...data } = source.data;
  return {
    id: source.id,
    filePath: source.filePath,
    hash: source.hash,
    data: {
      ...data,
      ...(source.data.image ? { image: await storePicture(source, store, pictures) } : {}),
    },
    html: await renderBody(source),
  };
}

/** Tag slugs and province of an entry, for the change report. */
function listsOf(entry: { data: { tags: string[]; province?: string | undefined } }) {
  return { tags: entry.data.tags, province: entry.data.province };
}

export async function syncNews({
  contentDir,
  store,
  now = publishNow(),
  approved = approvalCheck(readApprovals(process.env.PORTAL_APPROVALS)),
}: SyncOptions): Promise<NewsChange> {
  // Checked as the collection was: each file alone, then across files (throws naming them all).
  // Files unchanged since the last sync (same size and time) are not read again.
  const read = new Map<string, { stamp: string; source: string }>();
  const index = indexNews(readNewsSources(contentDir, store.readFiles(), read));
  const wanted = [...index.items.fa, ...index.items.en].filter((item) =>
    isVisible(item, now, approved, contentDir),
  );
  const stored = store.hashes();
  const change: NewsChange = {
    added: [],
    updated: [],
    removed: [],
    tags: { fa: [], en: [] },
    provinces: { fa: [], en: [] },
    locales: [],
    cacheTags: [],
  };
  const tags = { fa: new Set<string>(), en: new Set<string>() };
  const provinces = { fa: new Set<string>(), en: new Set<string>() };
  const note = (locale: Locale, lists: ReturnType<typeof listsOf>) => {
    for (const tag of lists.tags) {
      const slug = tagSlug(tag);
      if (slug !== '') tags[locale].add(slug);
    }
    if (lists.province) provinces[locale].add(lists.province);
  };

  const puts: NewsItem<StoredEntry>[] = [];
  const pictures: Pictures = new Map();
  for (const item of wanted) {
    const key = `${item.locale}/${item.slug}`;
    const before = stored.get(key);
    stored.delete(key);
    if (before?.hash === item.entry.hash) continue;
    if (before) {
      const old = store.entry<StoredEntry>(item.locale, item.slug);
      if (old) note(item.locale, listsOf(old));
      change.updated.push({ locale: item.locale, slug: item.slug });
    } else {
      change.added.push({ locale: item.locale, slug: item.slug });
    }
    note(item.locale, listsOf(item.entry));
    // A remembered source has no body: read the file for it.
    const source = item.entry.body ? item.entry : readNewsSource(contentDir, `${item.entry.id}.md`);
    puts.push({ ...item, entry: await toStored(source, store, pictures) });
  }
  if (puts.length > 0) store.put(puts);
  // What is stored but no longer published: deleted files, drafts, withdrawn items.
  for (const { locale, slug } of stored.values()) {
    const old = store.entry<StoredEntry>(locale, slug);
    if (old) note(locale, listsOf(old));
    store.remove(locale, slug);
    change.removed.push({ locale, slug });
  }
  if (puts.length > 0 || change.removed.length > 0) store.removeUnusedMedia();
  store.putReadFiles(read);

  const changed = [...change.added, ...change.updated, ...change.removed];
  change.locales = (['fa', 'en'] as const).filter((locale) =>
    changed.some((key) => key.locale === locale),
  );
  change.tags = { fa: [...tags.fa], en: [...tags.en] };
  change.provinces = { fa: [...provinces.fa], en: [...provinces.en] };
  change.cacheTags = newsCacheTags(change);
  return change;
}
