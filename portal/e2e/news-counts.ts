import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRecords } from '@behzisti/core/data-files';
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

export function newsSite(where: string): NewsSite {
  if (/^https?:\/\//.test(where)) {
    return {
      read: async (path) => {
        const response = await fetch(new URL(encodeURI(path), where));
        return response.ok ? response.text() : undefined;
      },
    };
  }
  return {
    read: async (path) => {
      const decoded = decodeURI(path);
      const file = join(where, decoded, decoded.endsWith('/') ? 'index.html' : '');
      return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    },
  };
}

/** Every page path the sitemaps list (the index's sitemaps, in order), decoded. */
async function sitemapPaths(site: NewsSite): Promise<string[]> {
  const index = (await site.read('/sitemap-index.xml')) ?? '';
  const paths: string[] = [];
  for (const sitemap of index.matchAll(/<loc>([^<]+)<\/loc>/g)) {
    const xml = (await site.read(new URL(sitemap[1] as string).pathname)) ?? '';
    for (const match of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) {
      paths.push(decodeURI(new URL(match[1] as string).pathname));
    }
  }
  return paths;
}

/** Article addresses on a list page and all its following pages (`<base>`, `<base>2/`, …). */
async function listedArticles(site: NewsSite, base: string): Promise<string[]> {
  const found: string[] = [];
  for (let page = 1; ; page++) {
    const html = await site.read(`${base}${page === 1 ? '' : `${page}/`}`);
    if (html === undefined) break;
    for (const match of html.matchAll(
      /<article class="news-card"[^>]*>\s*<h[23][^>]*>\s*<a[^>]*\shref="([^"]+)"/g,
    )) {
      found.push(decodeURI(match[1] as string));
    }
  }
  return found;
}

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
 * `where`: the built client folder of a static build, or the address of a running server.
 */
export async function checkNewsCounts(where: string, newsDir: string): Promise<NewsCountReport> {
  const site = newsSite(where);
  const content = readNewsContent(newsDir);
  const problems: string[] = [];
  let lists = 0;
  const articlePath = (item: ContentItem) => `${prefix(item.locale)}/news/${item.slug}/`;

  // The sitemap's articles: every /news/<slug>/ that is not a list page.
  const listed = await sitemapPaths(site);
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

  for (const locale of ['fa', 'en'] as const) {
    const items = content.filter((item) => item.locale === locale);
    const paths = (list: ContentItem[]) => list.map(articlePath);

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
    const known = new Set(paths(items));
    for (const link of new Set(links)) {
      if (!known.has(link)) problems.push(`${locale} feed: ${link} is not a ${locale} article`);
    }
    if (new Set(links).size !== links.length) problems.push(`${locale} feed: an item twice`);

    problems.push(
      ...compare(
        `${locale} news index`,
        await listedArticles(site, `${prefix(locale)}/news/`),
        paths(items),
      ),
    );
    lists++;

    const tags = new Set(items.flatMap((item) => item.tags));
    problems.push(...compare(`${locale} tag pages`, listPages(locale, 'tags'), [...tags]));
    for (const tag of tags) {
      problems.push(
        ...compare(
          `${locale} tag ${tag}`,
          await listedArticles(site, `${prefix(locale)}/news/tags/${tag}/`),
          paths(items.filter((item) => item.tags.includes(tag))),
        ),
      );
      lists++;
    }

    const provinces = new Set(items.flatMap((item) => (item.province ? [item.province] : [])));
    problems.push(
      ...compare(`${locale} province pages`, listPages(locale, 'provinces'), [...provinces]),
    );
    for (const province of provinces) {
      problems.push(
        ...compare(
          `${locale} province ${province}`,
          await listedArticles(site, `${prefix(locale)}/news/provinces/${province}/`),
          paths(items.filter((item) => item.province === province)),
        ),
      );
      lists++;
    }
  }
  return { problems, lists, articles: content.length };
}
