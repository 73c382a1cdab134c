import { DatabaseSync } from 'node:sqlite';
import type { Locale } from '../i18n/ui.ts';
import type { NewsEntryLike, NewsItem } from './news.ts';
import { RELATED_WINDOW } from './news.ts';
import { NEWS_PER_PAGE } from './pagination.ts';
import { tagSlug } from './paths.ts';

/**
 * The news as a database (node:sqlite), for the routes that render news on demand (docs/scale.md,
 * "News that does not wait for a rebuild"): a page of the index, of a tag or of a province,
 * newest first, and an item's related news, each answered from an index in time independent of
 * the archive's size, and an item added or replaced without rebuilding anything else.
 *
 * It answers what `indexNews`, `groupByTag`, `groupByProvince`, `paginate` and
 * `relatedNewsFinder` answer for a built site (news-store.test.ts proves it on generated news).
 * Items come in checked (`indexNews`); the store keeps what the lists need and the entry's id,
 * with which a route loads the entry itself.
 */

/** One item as a list shows it: enough to find the entry and order it. */
export interface StoredNews {
  locale: Locale;
  slug: string;
  id: string;
  code: number;
  date: number;
  province: string | null;
}

/** Which list: the locale's whole news, one tag (its URL slug) or one province. */
export type NewsList = { locale: Locale } & (
  | { tag?: undefined; province?: undefined }
  | { tag: string; province?: undefined }
  | { province: string; tag?: undefined }
);

export interface NewsPage {
  items: StoredNews[];
  /** 1-based page number and the number of pages (an empty list still has one). */
  page: number;
  total: number;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS news (
    locale TEXT NOT NULL, slug TEXT NOT NULL, id TEXT NOT NULL,
    code INTEGER NOT NULL, date INTEGER NOT NULL, province TEXT,
    -- The whole entry as JSON (front matter, rendered body, picture) and the hash of its
    -- sources, so a sync rewrites only what changed (scripts/sync-news.ts).
    entry TEXT NOT NULL DEFAULT '{}', hash TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (locale, slug)
  ) STRICT;
  -- Newest first as byNewest orders them: date, then the higher news code (unique per locale).
  CREATE INDEX IF NOT EXISTS news_order ON news (locale, date DESC, code DESC, slug);
  CREATE INDEX IF NOT EXISTS news_province ON news (locale, province, date DESC, code DESC, slug);
  CREATE TABLE IF NOT EXISTS news_tags (
    locale TEXT NOT NULL, tag TEXT NOT NULL, slug TEXT NOT NULL,
    code INTEGER NOT NULL, date INTEGER NOT NULL,
    -- By item first: replacing an item's tags and scoring related news look its tags up.
    PRIMARY KEY (locale, slug, tag)
  ) STRICT;
  CREATE INDEX IF NOT EXISTS news_tags_order ON news_tags (locale, tag, date DESC, code DESC, slug);
  -- Each news file as last read and checked, by its size and modification time (and its
  -- picture's), so a sync re-reads only the files that changed (news-source.ts).
  CREATE TABLE IF NOT EXISTS news_files (
    path TEXT PRIMARY KEY, stamp TEXT NOT NULL, source TEXT NOT NULL
  ) STRICT;
  -- Pictures of the news (each format and width; social cards are drawn on request, not stored), by a name made of
  -- their source's hash (news-pictures.ts, social-card.ts).
  CREATE TABLE IF NOT EXISTS news_media (
    name TEXT PRIMARY KEY, type TEXT NOT NULL, bytes BLOB NOT NULL
  ) STRICT;
`;

const tagsOf = (entry: NewsEntryLike) => [
  ...new Set(entry.data.tags.map(tagSlug).filter((slug) => slug !== '')),
];

/**
 * One list's rows, newest first: `l` is the list's own index (news, or news_tags for a tag), which
 * covers the order and the slug, so skipping to a deep page reads index entries only; the item's
 * row in news is joined for the page's rows alone.
 */
function listSql(list: NewsList): { table: string; where: string; params: string[] } {
  if (list.tag !== undefined) {
    return { table: 'news_tags', where: 'locale = ? AND tag = ?', params: [list.locale, list.tag] };
  }
  if (list.province !== undefined) {
    return {
      table: 'news',
      where: 'locale = ? AND province = ?',
      params: [list.locale, list.province],
    };
  }
  return { table: 'news', where: 'locale = ?', params: [list.locale] };
}

const listKey = (list: NewsList) =>
  JSON.stringify([list.locale, list.tag ?? null, list.province ?? null]);

/** A deep page skips at most this many index entries (see NewsStore's anchors). */
const ANCHOR_EVERY = 1000;

const ITEM_COLUMNS = 'n.locale, n.slug, n.id, n.code, n.date, n.province';
const JOIN_ITEM = 'JOIN news AS n ON n.locale = l.locale AND n.slug = l.slug';

/** JSON turns the entry's Date back into text: the front matter's `date` becomes a Date again. */
function reviveEntry<E>(json: string): E {
  const entry = JSON.parse(json) as { data?: { date?: unknown } };
  if (entry.data && typeof entry.data.date === 'string')
    entry.data.date = new Date(entry.data.date);
  return entry as E;
}

export class NewsStore {
  readonly #db: DatabaseSync;
  /** Answers that read a whole list (counts, page anchors), until the data change. */
  readonly #remembered = new Map<string, unknown>();
  #version = -1;

  readonly #anchorEvery: number;

  /**
   * `path`: a database file, or `:memory:` (the default) for one built per process.
   * `anchorEvery`: how far apart the deep-page anchors are (tests make it small).
   */
  constructor(path = ':memory:', { anchorEvery = ANCHOR_EVERY }: { anchorEvery?: number } = {}) {
    this.#anchorEvery = anchorEvery;
    this.#db = new DatabaseSync(path);
    // Several processes share the file (the server instances read, the sync writes): WAL lets
    // them read while it writes, and a writer waits for another instead of failing.
    this.#db.exec('PRAGMA busy_timeout = 5000');
    if (path !== ':memory:') this.#db.exec('PRAGMA journal_mode = WAL');
    this.#db.exec(SCHEMA);
  }

  /**
   * Answers that read a whole list are remembered until the data change, also when another
   * process changed them: `data_version` moves when another connection commits.
   */
  #fresh(): void {
    const version = Number(
      (this.#db.prepare('PRAGMA data_version').get() as { data_version: number }).data_version,
    );
    if (version !== this.#version) {
      this.#version = version;
      this.#remembered.clear();
    }
  }

  /**
   * `compute`'s answer, remembered under `key` until the data change: every page of a list asks
   * for its count and the index pages for the provinces, and at 200,000 items each of those reads
   * the whole list (a crawler walking 20,000 index pages would read the archive 20,000 times).
   */
  #remember<T>(key: string, compute: () => T): T {
    this.#fresh();
    if (this.#remembered.has(key)) return this.#remembered.get(key) as T;
    const value = compute();
    this.#remembered.set(key, value);
    return value;
  }

  close(): void {
    this.#db.close();
  }

  /** Adds the items, or replaces those already stored (same locale and slug), in one transaction. */
  put(items: readonly NewsItem[]): void {
    const removeTags = this.#db.prepare('DELETE FROM news_tags WHERE locale = ? AND slug = ?');
    const putItem = this.#db.prepare(
      'INSERT OR REPLACE INTO news (locale, slug, id, code, date, province, entry, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const putTag = this.#db.prepare(
      'INSERT INTO news_tags (locale, tag, slug, code, date) VALUES (?, ?, ?, ?, ?)',
    );
    this.#remembered.clear();
    this.#db.exec('BEGIN');
    try {
      for (const { entry, locale, slug } of items) {
        const code = Number(entry.data.code);
        const date = entry.data.date.getTime();
        removeTags.run(locale, slug);
        putItem.run(
          locale,
          slug,
          entry.id,
          code,
          date,
          entry.data.province ?? null,
          JSON.stringify(entry),
          (entry as { hash?: string }).hash ?? '',
        );
        for (const tag of tagsOf(entry)) putTag.run(locale, tag, slug, code, date);
      }
      this.#db.exec('COMMIT');
    } catch (error) {
      this.#db.exec('ROLLBACK');
      throw error;
    }
  }

  /** Removes an item (unpublished or turned back into a draft). */
  remove(locale: Locale, slug: string): void {
    this.#remembered.clear();
    this.#db.exec('BEGIN');
    try {
      this.#db.prepare('DELETE FROM news WHERE locale = ? AND slug = ?').run(locale, slug);
      this.#db.prepare('DELETE FROM news_tags WHERE locale = ? AND slug = ?').run(locale, slug);
      this.#db.exec('COMMIT');
    } catch (error) {
      this.#db.exec('ROLLBACK');
      throw error;
    }
  }

  /** Every stored item's place and source hash (what a sync compares the files with). */
  hashes(): Map<string, { locale: Locale; slug: string; hash: string }> {
    const rows = this.#db.prepare('SELECT locale, slug, hash FROM news').all() as unknown as {
      locale: Locale;
      slug: string;
      hash: string;
    }[];
    return new Map(rows.map((row) => [`${row.locale}/${row.slug}`, row]));
  }

  /** The stored entry (as `put` was given it, dates as Date), or undefined. */
  entry<E>(locale: Locale, slug: string): E | undefined {
    const row = this.#db
      .prepare('SELECT entry FROM news WHERE locale = ? AND slug = ?')
      .get(locale, slug) as { entry: string } | undefined;
    return row ? reviveEntry<E>(row.entry) : undefined;
  }

  /** Entries of a page's items, in the page's order. */
  entries<E>(items: readonly StoredNews[]): E[] {
    return items.flatMap((item) => {
      const entry = this.entry<E>(item.locale, item.slug);
      return entry === undefined ? [] : [entry];
    });
  }

  /** Every item of a locale, newest first (for a static build and the feeds' first items). */
  newest(locale: Locale, limit = -1): StoredNews[] {
    return this.#db
      .prepare(
        `SELECT ${ITEM_COLUMNS.replaceAll('n.', '')} FROM news WHERE locale = ? ORDER BY date DESC, code DESC, slug LIMIT ?`,
      )
      .all(locale, limit) as unknown as StoredNews[];
  }

  /** The tag slugs of a locale with their item counts. */
  tagCounts(locale: Locale): ReadonlyMap<string, number> {
    return this.#remember(`tags:${locale}`, () => {
      const rows = this.#db
        .prepare('SELECT tag, count(*) AS n FROM news_tags WHERE locale = ? GROUP BY tag')
        .all(locale) as unknown as { tag: string; n: number }[];
      return new Map(rows.map((row) => [row.tag, Number(row.n)]));
    });
  }

  /** The provinces of a locale that have news, with their item counts. */
  provinceCounts(locale: Locale): ReadonlyMap<string, number> {
    return this.#remember(`provinces:${locale}`, () => {
      const rows = this.#db
        .prepare(
          'SELECT province, count(*) AS n FROM news WHERE locale = ? AND province IS NOT NULL GROUP BY province',
        )
        .all(locale) as unknown as { province: string; n: number }[];
      return new Map(rows.map((row) => [row.province, Number(row.n)]));
    });
  }

  /** The files as last read: path → their stamp and what was read (news-source.ts). */
  readFiles(): Map<string, { stamp: string; source: string }> {
    const rows = this.#db
      .prepare('SELECT path, stamp, source FROM news_files')
      .all() as unknown as {
      path: string;
      stamp: string;
      source: string;
    }[];
    return new Map(rows.map((row) => [row.path, row]));
  }

  /** Replaces the record of the files read (one transaction). */
  putReadFiles(files: ReadonlyMap<string, { stamp: string; source: string }>): void {
    const put = this.#db.prepare(
      'INSERT OR REPLACE INTO news_files (path, stamp, source) VALUES (?, ?, ?)',
    );
    this.#db.exec('BEGIN');
    try {
      this.#db.exec('DELETE FROM news_files');
      for (const [path, { stamp, source }] of files) put.run(path, stamp, source);
      this.#db.exec('COMMIT');
    } catch (error) {
      this.#db.exec('ROLLBACK');
      throw error;
    }
  }

  /** Stores a picture under its name (made from its hash, so an existing one is kept). */
  putMedia(name: string, type: string, bytes: Uint8Array): void {
    this.#db
      .prepare('INSERT OR IGNORE INTO news_media (name, type, bytes) VALUES (?, ?, ?)')
      .run(name, type, bytes);
  }

  media(name: string): { type: string; bytes: Uint8Array } | undefined {
    return this.#db.prepare('SELECT type, bytes FROM news_media WHERE name = ?').get(name) as
      | { type: string; bytes: Uint8Array }
      | undefined;
  }

  mediaNames(): string[] {
    return this.#db
      .prepare('SELECT name FROM news_media')
      .all()
      .map((row) => (row as { name: string }).name);
  }

  /**
   * Drops the pictures no stored entry names any more (an entry lists every stored picture it
   * uses in `media`: its picture's formats and widths, its social card; news-sync.ts), in one
   * statement however large the archive.
   */
  removeUnusedMedia(): void {
    this.#db.exec(`
      DELETE FROM news_media WHERE name NOT IN (
        SELECT used.value FROM news, json_each(news.entry, '$.media') AS used
      )`);
  }

  item(locale: Locale, slug: string): StoredNews | undefined {
    const row = this.#db
      .prepare(
        'SELECT locale, slug, id, code, date, province FROM news WHERE locale = ? AND slug = ?',
      )
      .get(locale, slug);
    return row as StoredNews | undefined;
  }

  /** How many items a list holds (counted once per list until the next change). */
  count(list: NewsList): number {
    return this.#remember(`count:${listKey(list)}`, () => {
      const { table, where, params } = listSql(list);
      const row = this.#db
        .prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`)
        .get(...params);
      return Number((row as { n: number }).n);
    });
  }

  /**
   * The order key (date, code) of every `anchorEvery`-th item of a list, newest first, read in
   * one pass and remembered: a deep page starts from the anchor before it, so it skips fewer than
   * `anchorEvery` index entries instead of all the entries before it (OFFSET walks them one by
   * one: page 20,000 of the index at 200,000 items walked 200,000, and reading every page of
   * every list grew with the square of the archive). (date, code) is unique in a list, because
   * the news code is unique per locale (news.ts, indexNews).
   */
  #anchors(list: NewsList): { date: number; code: number }[] {
    return this.#remember(`anchors:${listKey(list)}`, () => {
      const { table, where, params } = listSql(list);
      return this.#db
        .prepare(
          `SELECT date, code FROM (SELECT date, code, row_number() OVER (ORDER BY date DESC, code DESC) - 1 AS i FROM ${table} WHERE ${where}) WHERE i % ? = 0 ORDER BY i`,
        )
        .all(...params, this.#anchorEvery) as unknown as { date: number; code: number }[];
    });
  }

  /** Page `page` (1-based) of a list, newest first; undefined past the last page. */
  page(list: NewsList, page: number, perPage = NEWS_PER_PAGE): NewsPage | undefined {
    if (!Number.isInteger(page) || page < 1) return undefined;
    const total = Math.max(1, Math.ceil(this.count(list) / perPage));
    if (page > total) return undefined;
    const { table, where, params } = listSql(list);
    const skip = (page - 1) * perPage;
    const anchor =
      skip >= this.#anchorEvery
        ? this.#anchors(list)[Math.floor(skip / this.#anchorEvery)]
        : undefined;
    const from = anchor ? ' AND (date, code) <= (?, ?)' : '';
    const rows = this.#db
      .prepare(
        `SELECT ${ITEM_COLUMNS} FROM (SELECT locale, slug, date, code FROM ${table} WHERE ${where}${from} ORDER BY date DESC, code DESC LIMIT ? OFFSET ?) AS l ${JOIN_ITEM} ORDER BY l.date DESC, l.code DESC`,
      )
      .all(
        ...params,
        ...(anchor ? [anchor.date, anchor.code] : []),
        perPage,
        anchor ? skip % this.#anchorEvery : skip,
      );
    return { items: rows as unknown as StoredNews[], page, total };
  }

  /**
   * `relatedNews` (news.ts) from the store: the `window` neighbours either side of the item in
   * each of its lists, ranked by shared tags, province, nearness in date, then newest.
   */
  related(locale: Locale, slug: string, limit = 3, window = RELATED_WINDOW): StoredNews[] {
    const self = this.item(locale, slug);
    if (!self) return [];
    const tags = this.#tags(locale, slug);
    const lists: NewsList[] = tags.map((tag) => ({ locale, tag }));
    if (self.province !== null) lists.push({ locale, province: self.province });
    const candidates = new Map<string, StoredNews>();
    for (const list of lists) {
      for (const other of this.#neighbours(list, self, window)) candidates.set(other.slug, other);
    }
    const mine = new Set(tags);
    const scored = [...candidates.values()].map((other) => {
      let score = self.province !== null && other.province === self.province ? 1 : 0;
      for (const tag of this.#tags(locale, other.slug)) if (mine.has(tag)) score += 2;
      return { other, score, distance: Math.abs(other.date - self.date) };
    });
    scored.sort(
      (a, b) =>
        b.score - a.score ||
        a.distance - b.distance ||
        b.other.date - a.other.date ||
        b.other.code - a.other.code,
    );
    return scored.slice(0, limit).map(({ other }) => other);
  }

  #tags(locale: Locale, slug: string): string[] {
    return this.#db
      .prepare('SELECT tag FROM news_tags WHERE locale = ? AND slug = ?')
      .all(locale, slug)
      .map((row) => (row as { tag: string }).tag);
  }

  /** Up to `window` items just newer and just older than `self` in a list. */
  #neighbours(list: NewsList, self: StoredNews, window: number): StoredNews[] {
    const { table, where, params } = listSql(list);
    const around = (compare: '>' | '<', order: 'ASC' | 'DESC') =>
      this.#db
        .prepare(
          `SELECT ${ITEM_COLUMNS} FROM (SELECT locale, slug, date, code FROM ${table} WHERE ${where} AND (date, code) ${compare} (?, ?) ORDER BY date ${order}, code ${order} LIMIT ?) AS l ${JOIN_ITEM}`,
        )
        .all(...params, self.date, self.code, window);
    const newer = around('>', 'ASC');
    const older = around('<', 'DESC');
    return [...newer, ...older] as unknown as StoredNews[];
  }
}
