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

/** Article addresses on a list page and all its following pages (`<base>`, `<base>2/`, …). */
function listedArticles(clientDir: string, base: string): string[] {
  const found: string[] = [];
  for (let page = 1; ; page++) {
    const file = join(clientDir, decodeURI(base), page === 1 ? '' : `${page}/`, 'index.html');
    if (!existsSync(file)) break;
    const html = readFileSync(file, 'utf8');
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

export function checkNewsCounts(clientDir: string, newsDir: string): NewsCountReport {
  const content = readNewsContent(newsDir);
  const problems: string[] = [];
  let lists = 0;
  const articlePath = (item: ContentItem) => `${prefix(item.locale)}/news/${item.slug}/`;

  // The sitemap's articles: every /news/<slug>/ that is not a list page.
  const sitemapArticles = readdirSync(clientDir)
    .filter((name) => /^sitemap-\d+\.xml$/.test(name))
    .flatMap((name) => [
      ...readFileSync(join(clientDir, name), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g),
    ])
    .map((match) => decodeURI(new URL(match[1] as string).pathname))
    .filter((path) => /^(?:\/en)?\/news\/[^/]+\/$/.test(path) && !/\/news\/\d+\/$/.test(path));
  problems.push(...compare('sitemap', sitemapArticles, content.map(articlePath)));

  for (const locale of ['fa', 'en'] as const) {
    const items = content.filter((item) => item.locale === locale);
    const paths = (list: ContentItem[]) => list.map(articlePath);

    // The feed: the 50 newest (which ones is news.ts's order; here: how many, and real ones).
    const feed = readFileSync(join(clientDir, prefix(locale), 'rss.xml'), 'utf8');
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
        listedArticles(clientDir, `${prefix(locale)}/news/`),
        paths(items),
      ),
    );
    lists++;

    const tags = new Set(items.flatMap((item) => item.tags));
    const tagDir = join(clientDir, prefix(locale), 'news', 'tags');
    const built = existsSync(tagDir) ? readdirSync(tagDir) : [];
    problems.push(...compare(`${locale} tag pages`, built, [...tags]));
    for (const tag of tags) {
      problems.push(
        ...compare(
          `${locale} tag ${tag}`,
          listedArticles(clientDir, `${prefix(locale)}/news/tags/${tag}/`),
          paths(items.filter((item) => item.tags.includes(tag))),
        ),
      );
      lists++;
    }

    const provinces = new Set(items.flatMap((item) => (item.province ? [item.province] : [])));
    const provinceDir = join(clientDir, prefix(locale), 'news', 'provinces');
    const builtProvinces = existsSync(provinceDir) ? readdirSync(provinceDir) : [];
    problems.push(...compare(`${locale} province pages`, builtProvinces, [...provinces]));
    for (const province of provinces) {
      problems.push(
        ...compare(
          `${locale} province ${province}`,
          listedArticles(clientDir, `${prefix(locale)}/news/provinces/${province}/`),
          paths(items.filter((item) => item.province === province)),
        ),
      );
      lists++;
    }
  }
  return { problems, lists, articles: content.length };
}
