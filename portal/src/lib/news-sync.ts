import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import type { Locale } from '../i18n/ui.ts';
import { indexNews, type NewsItem } from './news.ts';
import { approvalCheck, readApprovals } from './news-approvals.ts';
import { PictureError, type PublishedPicture, publishPicture } from './news-pictures.ts';
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
import { tagSlug } from './paths.ts';
import { socialCard } from './social-card.ts';

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

type Pictures = Map<string, Promise<PublishedPicture>>;

/**
 * Publishes the item's picture through the pipeline (news-pictures.ts); a refused picture is
 * reported as the news checks report a field, naming the file.
 */
async function storePicture(
  source: NewsSource,
  store: NewsStore,
  seen: Pictures,
): Promise<PublishedPicture & { alt: string; caption?: string | undefined }> {
  const image = source.data.image;
  const file = source.imageFile;
  if (!image || !file) throw new Error(`${source.filePath}: no picture`);
  if (!pictureType(file)) {
    throw new NewsFileError(
      source.filePath,
      'image.src',
      `${image.src} is not an SVG, PNG, JPEG, WebP, GIF or AVIF picture`,
    );
  }
  // Many items share a picture: each file is published once per sync.
  let published = seen.get(file);
  if (!published) {
    published = publishPicture(readFileSync(file), store);
    seen.set(file, published);
  }
  try {
    return { ...(await published), alt: image.alt, caption: image.caption };
  } catch (error) {
    if (error instanceof PictureError) {
      throw new NewsFileError(source.filePath, 'image.src', `${image.src}: ${error.message}`);
    }
    throw error;
  }
}

/** A news file the sync refuses, reported as the news checks report it (news-source.ts). */
class NewsFileError extends Error {
  constructor(file: string, field: string, reason: string) {
    super(`Bad news files:\n  - ${file}: field '${field}': ${reason}`);
  }
}

async function toStored(
  source: NewsSource,
  locale: Locale,
  slug: string,
  store: NewsStore,
  pictures: Pictures,
): Promise<StoredEntry> {
  const { image: _image, ...data } = source.data;
  const picture = source.data.image ? await storePicture(source, store, pictures) : undefined;
  // Named only: the media route draws it when a link preview first asks (social-card-cache.ts).
  const card = socialCard(source.data.title, locale, slug);
  const { media = [], ...shown } = picture ?? {};
  return {
    id: source.id,
    filePath: source.filePath,
    hash: source.hash,
    data: { ...data, ...(picture ? { image: shown as NewsPicture } : {}) },
    html: await renderBody(source),
    card,
    media,
  };
}

/** Tag slugs and province of an entry, for the change report. */
function listsOf(entry: { data: { tags: string[]; province?: string | undefined } }) {
  return { tags: entry.data.tags, province: entry.data.province };
}

/** Items written at once by a large sync round (see syncNews). */
const PUT_BATCH = 1000;

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
    try {
      puts.push({
        ...item,
        entry: await toStored(source, item.locale, item.slug, store, pictures),
      });
      // A cold sync (a first build) renders every item: held until the end, the rendered
      // entries were most of `astro build`'s peak memory (about 6.6 kB an item, 1.3 GB at
      // 200,000). So a round that changes more than PUT_BATCH items is written as it goes; a
      // publish of fewer stays all or nothing. A large round stopped part-way keeps the items
      // written, each checked and rendered, and the next sync (the files are the source) does
      // the rest.
      if (puts.length >= PUT_BATCH) store.put(puts.splice(0));
    } catch (error) {
      // Nothing of a refused round is published: pictures made for it so far go too.
      store.removeUnusedMedia();
      throw error;
    }
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
