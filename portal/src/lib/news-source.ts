import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { type NewsItem as NewsFrontMatter, NewsItemSchema } from '@behzisti/core/schemas';
import type { NewsEntryLike } from './news.ts';
import type { PublishedPicture } from './news-pictures.ts';
import type { SocialCard } from './social-card.ts';
import { writtenDate } from './written-date.ts';

/**
 * The news files read and checked without Astro's content layer: `<contentDir>/<fa|en>/<slug>.md`
 * with core's NewsItemSchema front matter (the one schema of the data tools, the docs and the
 * editor). Astro's collection held every item in its one-string store and the server bundle
 * (48 MB per 10,000 items, issue 23); the news store (news-store.ts) holds them instead, filled
 * by `syncNews` (news-sync.ts), whether the site is served or built static.
 *
 * What the collection checked is checked here the same way: the schema, the date as written
 * (written-date.ts), the picture beside the file (its `src` must name a file that exists, as
 * Astro's `image()` required); `indexNews` then checks what spans files (folder, codes).
 */

/**
 * Part of every item's hash: change it when what the store keeps per item changes (its fields,
 * the Markdown rendering), so that the next sync rewrites every item instead of keeping entries
 * of the old form (the build keeps its store between builds).
 */
const STORED_FORMAT = 'stored-news-3\n';

/** A news file as read: its place, its hash, its front matter checked, its body unrendered. */
export interface NewsSource {
  /** `fa/<slug>`, as the collection named its entries. */
  id: string;
  /** Path relative to the content folder's parent, for messages (`news/fa/x.md`). */
  filePath: string;
  /** SHA-256 of the file and its picture: an item whose hash is stored is not rewritten. */
  hash: string;
  data: NewsFrontMatter;
  body: string;
  /** The picture's file (absolute), when the item has one. */
  imageFile?: string;
}

/** Every `.md` file under `dir`, as paths relative to it with `/`, sorted. */
function markdownFiles(dir: string, under = ''): string[] {
  return readdirSync(join(dir, under), { withFileTypes: true })
    .flatMap((entry) => {
      const path = under ? `${under}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return markdownFiles(dir, path);
      return entry.name.endsWith('.md') ? [path] : [];
    })
    .sort();
}

const issueText = (issue: { path: PropertyKey[]; message: string }) =>
  `${issue.path.length > 0 ? `field '${issue.path.map(String).join('.')}': ` : ''}${issue.message}`;

/** Reads one file; throws a message naming the file, the field and the reason. */
export function readNewsSource(
  contentDir: string,
  path: string,
  pictureHashes = new Map<string, string>(),
): NewsSource {
  const file = join(contentDir, path);
  // As the office knows it (the editor's folder), wherever the checkout puts the news folder:
  // messages and the publish status name `news/fa/<file>.md`.
  const shown = `news/${path.split(sep).join('/')}`;
  const source = readFileSync(file, 'utf8');
  let frontmatter: Record<string, unknown>;
  let body: string;
  try {
    const parsed = parseFrontmatter(source, { frontmatter: 'empty-with-spaces' });
    frontmatter = parsed.frontmatter;
    body = parsed.content;
  } catch (error) {
    throw new Error(`${shown}: the front matter is not valid YAML (${(error as Error).message})`);
  }
  // YAML turns an unquoted date into a Gregorian Date and rolls impossible days over: the schema
  // judges the text as written instead (written-date.ts).
  if (frontmatter.date instanceof Date) {
    const date = writtenDate(source);
    if (date) frontmatter = { ...frontmatter, date };
  }
  const result = NewsItemSchema.safeParse(frontmatter);
  if (!result.success) {
    throw new Error(`${shown}: ${result.error.issues.map(issueText).join('; ')}`);
  }
  const data = result.data;
  const hash = createHash('sha256').update(STORED_FORMAT).update(source);
  let imageFile: string | undefined;
  if (data.image) {
    imageFile = resolve(dirname(file), data.image.src);
    let exists = false;
    try {
      exists = statSync(imageFile).isFile();
    } catch {
      // reported below
    }
    if (!exists || /^[a-z]+:/i.test(data.image.src)) {
      throw new Error(
        `${shown}: field 'image.src': the picture ${data.image.src} is not a file beside the news (write a path such as ../images/picture.svg)`,
      );
    }
    // Many items share a picture: each file is read and hashed once per sync.
    let pictureHash = pictureHashes.get(imageFile);
    if (pictureHash === undefined) {
      pictureHash = createHash('sha256').update(readFileSync(imageFile)).digest('hex');
      pictureHashes.set(imageFile, pictureHash);
    }
    hash.update(pictureHash);
  }
  const id = path.replace(/\.md$/, '');
  return { id, filePath: shown, hash: hash.digest('hex'), data, body, imageFile };
}

/** What was read of each file (by its full path), with a stamp of its size and time (and its picture's). */
export interface ReadFiles {
  get(path: string): { stamp: string; source: string } | undefined;
}

/**
 * A file's (and its picture's) size and modification time: a changed file changes its stamp.
 * The stored format is part of it: a new format reads every file again, so every item gets its
 * new hash and is rewritten (a remembered source keeps the hash of the format it was read in).
 */
function stampOf(file: string, picture?: string): string | undefined {
  try {
    const stats = [file, ...(picture ? [picture] : [])].map((path) => statSync(path));
    return [STORED_FORMAT.trim(), ...stats.map((stat) => `${stat.size}:${stat.mtimeMs}`)].join(' ');
  } catch {
    return undefined;
  }
}

/** A source as remembered: everything but the body (read again when the item is rendered). */
function remember(source: NewsSource): string {
  const { body: _body, ...rest } = source;
  return JSON.stringify(rest);
}

function recall(json: string): NewsSource {
  const source = JSON.parse(json) as NewsSource & { data: { date: string | Date } };
  source.data.date = new Date(source.data.date);
  return { ...source, body: '' };
}

/**
 * Every news file under `contentDir`, each checked alone. Throws one error naming every bad
 * file, as the build did.
 *
 * `known`: what an earlier sync read (the news store keeps it): a file whose stamp is unchanged
 * is not read, parsed or checked again; its body is empty (`readNewsSource` reads it when the
 * item must be rendered). `read` receives what to remember for the next sync.
 */
export function readNewsSources(
  contentDir: string,
  known?: ReadFiles,
  read?: Map<string, { stamp: string; source: string }>,
): NewsSource[] {
  const problems: string[] = [];
  const sources: NewsSource[] = [];
  const pictureHashes = new Map<string, string>();
  for (const path of markdownFiles(contentDir)) {
    const file = join(contentDir, path);
    const before = known?.get(file);
    if (before) {
      const source = recall(before.source);
      if (stampOf(file, source.imageFile) === before.stamp) {
        sources.push(source);
        read?.set(file, before);
        continue;
      }
    }
    try {
      const source = readNewsSource(contentDir, path, pictureHashes);
      sources.push(source);
      const stamp = stampOf(file, source.imageFile);
      if (stamp) read?.set(file, { stamp, source: remember(source) });
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (problems.length > 0) {
    throw new Error(`Bad news files:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  return sources;
}

/** Media type of a picture by its file name (the schema's pictures: SVG and the raster kinds). */
export const pictureTypes: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.avif': 'image/avif',
};

export const pictureType = (file: string) => pictureTypes[extname(file).toLowerCase()];

/**
 * A picture as pages show it: AVIF, WebP and a fallback at a few widths, made by the pictures'
 * pipeline (news-pictures.ts) and served from the store.
 */
export interface NewsPicture extends Omit<PublishedPicture, 'media'> {
  alt: string;
  caption?: string | undefined;
}

/** One item as the store keeps it and the pages read it. */
export interface StoredEntry extends NewsEntryLike {
  id: string;
  filePath: string;
  hash: string;
  data: Omit<NewsFrontMatter, 'image'> & { image?: NewsPicture | undefined };
  /** The body as HTML, rendered once when the item is stored. */
  html: string;
  /** The article's 1200 × 630 card for link previews (social-card.ts). */
  card: SocialCard;
  /** Every stored picture the entry uses (news-store.ts keeps these, drops the rest). */
  media: string[];
}
