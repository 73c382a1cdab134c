import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRecords } from '@behzisti/core/data-files';
import { NEWS_PER_PAGE } from '../src/lib/pagination.ts';
import { tagSlug } from '../src/lib/paths.ts';

/**
 * Do the built news pages hold exactly the items the content says they should? Reads the news
 * files (front matter only) and the built site, and lists every difference: the sitemap's
 * articles, each feed, and every page of the news index, each tag and each province. Used by
 * e2e/news-counts.test.ts on the portal's own content and by `pnpm bench scale` on generated
 * archives, so the same check holds at 10 and at 100,000 items.
 */

interface ContentItem {
  locale: 'fa' | 'en';
  slug: string;
  tags: string[];
  province: string | undefined;
}

/** The news files under `newsDir` (`fa/*.md`, `en/*.md`), drafts left out. */
export function readNewsContent(newsDir: string): ContentItem[] {
  return (['fa', 'en'] as const).flatMap((locale) => {
    const dir = join(newsDir, locale);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((name) => name.endsWith('.md'))
      .flatMap((name) => {
        const record = readRecords(readFileSync(join(dir, name), 'utf8'), 'markdown').records[0];
        const data = (record?.value ?? {}) as {
          draft?: boolean;
          tags?: string[];
          province?: string;
        };
        if (data.draft === true) return [];
        return [
          {
            locale,
            slug: name.slice(0, -'.md'.length),
            tags: [...new Set((data.tags ?? []).map(tagSlug).filter((slug) => slug !== ''))],
            province: data.province,
          },
        ];
      });
  });
}

const prefix = (locale: 'fa' | 'en') => (locale === 'fa' ? '' : '/en');

/**
 * Where the built news is read: the files of a static build (`dist/client`), or a running
 * server (`http://…`), where the news pages are rendered on demand.
 */
export interface NewsSite {
  /** A page (`/news/…/`) or file (`/rss.xml`) by its path; undefined when it does not exist. */
  read(path: string): Promise<string | undefined>;
}

/**
 * `where`: a folder, or the address of a server, or the addresses of several servers of one
 * build (each asked in turn: one Node server renders on one core, so two keep two busy).
 */
export function newsSite(where: string | readonly string[]): NewsSite {
  const servers = typeof where === 'string' ? [where] : where;
  if (servers.length > 0 && servers.every((base) => /^https?:\/\//.test(base))) {
    let next = 0;
    return {
      read: async (path) => {
        const base = servers[next++ % servers.length] as string;
        const url = new URL(encodeURI(path), base);
        // A GET is asked once more when the socket was closed under it: a keep-alive connection
        // the server closed while this process was busy reading the content files (48 s at
        // 200,000 items, its timers not running) is still in the pool and fails at once.
        const get = async () => {
          const response = await fetch(url);
          return response.ok ? await response.text() : undefined;
        };
        try {
          return await get().catch((error) =>
            error?.cause?.code === 'UND_ERR_SOCKET' ? get() : Promise.reject(error),
          );
        } catch (error) {
          // fetch says only "fetch failed": name the address and the cause (a reset, a timeout).
          const cause = (error as { cause?: { code?: string; message?: string } }).cause;
          throw new Error(
            `news counts: ${url.href}: ${(error as Error).message}${cause ? ` (${cause.code ?? ''} ${cause.message ?? ''})` : ''}`,
            { cause: error },
          );
        }
      },
    };
  }
  if (typeof where !== 'string') throw new Error('news counts: one folder, or server addresses');
  return {
    read: async (path) => {
      const decoded = decodeURI(path);
      const file = join(where, decoded, decoded.endsWith('/') ? 'index.html' : '');
      return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    },
  };
}

/**
 * Runs `work` on every item with at most `limit` at a time, in order of the list. A server renders
 * one page while the checker parses the one before; a handful in flight keeps both busy without
 * queueing thousands of requests at once.
 */
async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** The `<loc>` addresses of a sitemap or sitemap index, decoded paths or as written. */
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] as string);

/** Every page path the sitemaps list (the index's sitemaps, in order), decoded. */
async function sitemapPaths(site: NewsSite, limit: number, progress: Progress): Promise<string[]> {
  const parts = locs((await site.read('/sitemap-index.xml')) ?? '');
  // Each part read and reduced to its paths as it comes: the XML itself is not kept.
  const paths: string[][] = [];
  await eachLimited(parts, limit, async (part, i) => {
    const xml = (await site.read(new URL(part).pathname)) ?? '';
    paths[i] = locs(xml).map((loc) => decodeURI(new URL(loc).pathname));
  });
  const all = paths.flat();
  progress('sitemap', `${parts.length} parts, ${all.length.toLocaleString('en')} addresses`);
  return all;
}

/** The article addresses on one list page, in order. */
const cardLinks = (html: string) =>
  [
    ...html.matchAll(/<article class="news-card"[^>]*>\s*<h[23][^>]*>\s*<a[^>]*\shref="([^"]+)"/g),
  ].map((match) => decodeURI(match[1] as string));

/**
 * Article addresses on each list (`<base>`, `<base>2/`, …, until a page is missing), read with
 * at most `limit` pages in flight. The pages the content calls for are read at once; past them,
 * one by one until the first missing page, so a list that has more pages than it should is read
 * to its end and its extra items show.
 */
async function listedArticles(
  site: NewsSite,
  lists: readonly { base: string; expected: number }[],
  limit: number,
  progress: Progress,
): Promise<string[][]> {
  const pageOf = (base: string, page: number) => `${base}${page === 1 ? '' : `${page}/`}`;
  const jobs = lists.flatMap((list, i) =>
    Array.from({ length: Math.max(1, Math.ceil(list.expected / NEWS_PER_PAGE)) }, (_, p) => ({
      list: i,
      page: p + 1,
    })),
  );
  const pages = lists.map(() => [] as (string[] | undefined)[]);
  const every = Math.max(1000, Math.ceil(jobs.length / 20));
  let read = 0;
  await eachLimited(jobs, limit, async ({ list, page }) => {
    const html = await site.read(pageOf((lists[list] as { base: string }).base, page));
    (pages[list] as (string[] | undefined)[])[page - 1] =
      html === undefined ? undefined : cardLinks(html);
    if (++read % every === 0) {
      progress(
        'lists',
        `${read.toLocaleString('en')} of ${jobs.length.toLocaleString('en')} pages`,
        false,
      );
    }
  });
  return Promise.all(
    lists.map(async ({ base }, i) => {
      const found: string[] = [];
      const read = pages[i] as (string[] | undefined)[];
      let page = 1;
      for (; page <= read.length; page++) {
        const links = read[page - 1];
        if (links === undefined) return found;
        found.push(...links);
      }
      for (; ; page++) {
        const html = await site.read(pageOf(base, page));
        if (html === undefined) return found;
        found.push(...cardLinks(html));
      }
    }),
  );
}

const push = (map: Map<string, string[]>, key: string, value: string) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** Differences between two lists of addresses, as sentences (duplicates count). */
function compare(where: string, actual: string[], expected: string[]): string[] {
  const problems: string[] = [];
  const want = new Set(expected);
  const seen = new Set<string>();
  for (const path of actual) {
    if (seen.has(path)) problems.push(`${where}: ${path} listed twice`);
    else if (!want.has(path)) problems.push(`${where}: ${path} should not be there`);
    seen.add(path);
  }
  for (const path of want) if (!seen.has(path)) problems.push(`${where}: ${path} is missing`);
  return problems;
}

export interface NewsCountReport {
  problems: string[];
  /** How many lists were compared (index, tags, provinces, per locale) and articles. */
  lists: number;
  articles: number;
}

/**
 * Told when a phase of the check ends (`done`), and now and then while the lists are read: a
 * long run shows where it is (`pnpm bench scale` prints it with the CPU time of each phase).
 */
export type Progress = (phase: string, detail: string, done?: boolean) => void;

export interface NewsCountOptions {
  progress?: Progress;
  /** Pages in flight at once (8). */
  concurrency?: number;
}

/**
 * `where`: the built client folder of a static build, or the address of a running server (or
 * of several serving the same build: see `newsSite`).
 */
export async function checkNewsCounts(
  where: string | readonly string[],
  newsDir: string,
  { progress = () => undefined, concurrency = 8 }: NewsCountOptions = {},
): Promise<NewsCountReport> {
  const site = newsSite(where);
  const content = readNewsContent(newsDir);
  progress('content', `${content.length.toLocaleString('en')} news files read`);
  const problems: string[] = [];
  const articlePath = (item: ContentItem) => `${prefix(item.locale)}/news/${item.slug}/`;

  // The sitemap's articles: every /news/<slug>/ that is not a list page.
  const listed = await sitemapPaths(site, concurrency, progress);
  const sitemapArticles = listed.filter(
    (path) => /^(?:\/en)?\/news\/[^/]+\/$/.test(path) && !/\/news\/\d+\/$/.test(path),
  );
  // The tag and province pages that exist: those the sitemap lists (page 1 of each).
  const listPages = (locale: 'fa' | 'en', kind: 'tags' | 'provinces') =>
    listed.flatMap((path) => {
      const match = new RegExp(`^${prefix(locale)}/news/${kind}/([^/]+)/$`).exec(path);
      return match ? [match[1] as string] : [];
    });
  problems.push(...compare('sitemap', sitemapArticles, content.map(articlePath)));

  /** Every list the content calls for, with the articles it should hold, newest first or not. */
  const lists: { name: string; base: string; expected: string[] }[] = [];
  for (const locale of ['fa', 'en'] as const) {
    const items = content.filter((item) => item.locale === locale);

    // The feed: the 50 newest (which ones is news.ts's order; here: how many, and real ones).
    const feed = (await site.read(`${prefix(locale)}/rss.xml`)) ?? '';
    const links = [...feed.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((match) =>
      decodeURI(new URL(match[1] as string).pathname),
    );
    if (links.length !== Math.min(50, items.length)) {
      problems.push(
        `${locale} feed: ${links.length} items, expected ${Math.min(50, items.length)}`,
      );
    }
    const known = new Set(items.map(articlePath));
    for (const link of new Set(links)) {
      if (!known.has(link)) problems.push(`${locale} feed: ${link} is not a ${locale} article`);
    }
    if (new Set(links).size !== links.length) problems.push(`${locale} feed: an item twice`);

    lists.push({
      name: `${locale} news index`,
      base: `${prefix(locale)}/news/`,
      expected: items.map(articlePath),
    });
    // Each tag's and province's items, grouped in one pass over the content.
    const byTag = new Map<string, string[]>();
    const byProvince = new Map<string, string[]>();
    for (const item of items) {
      const path = articlePath(item);
      for (const tag of item.tags) push(byTag, tag, path);
      if (item.province) push(byProvince, item.province, path);
    }
    problems.push(...compare(`${locale} tag pages`, listPages(locale, 'tags'), [...byTag.keys()]));
    for (const [tag, expected] of byTag) {
      lists.push({
        name: `${locale} tag ${tag}`,
        base: `${prefix(locale)}/news/tags/${tag}/`,
        expected,
      });
    }
    problems.push(
      ...compare(`${locale} province pages`, listPages(locale, 'provinces'), [
        ...byProvince.keys(),
      ]),
    );
    for (const [province, expected] of byProvince) {
      lists.push({
        name: `${locale} province ${province}`,
        base: `${prefix(locale)}/news/provinces/${province}/`,
        expected,
      });
    }
  }
  progress('feeds', 'both feeds read');

  const found = await listedArticles(
    site,
    lists.map(({ base, expected }) => ({ base, expected: expected.length })),
    concurrency,
    progress,
  );
  lists.forEach(({ name, expected }, i) => {
    problems.push(...compare(name, found[i] ?? [], expected));
  });
  progress(
    'lists',
    `${lists.length} lists, ${found.reduce((n, list) => n + Math.max(1, Math.ceil(list.length / NEWS_PER_PAGE)), 0).toLocaleString('en')} pages`,
  );
  return { problems, lists: lists.length, articles: content.length };
}
