// The parts of the build that used to grow with the square of the archive, timed alone on
// in-memory news at 10,000 to 200,000 items (about a minute of CPU in all): related news for every item
// (portal/src/lib/news.ts), the sitemap's language pairs (portal/src/lib/sitemap-links.ts), and
// the news store's answers (portal/src/lib/news-store.ts) for on-demand pages. Linear work shows
// as a constant CPU time per 1,000 items. Part of `pnpm bench scale`; BENCH_SCALE_FUNCTIONS
// picks the sizes (e.g. 10000,50000).
import { random } from './lib.mjs';

const COUNTS = (process.env.BENCH_SCALE_FUNCTIONS ?? '10000,50000,100000,200000')
  .split(',')
  .map(Number);
const TAGS = Array.from({ length: 20 }, (_, i) => `tag-${i}`);
const PROVINCES = Array.from({ length: 31 }, (_, i) => `province-${i}`);

/**
 * News items shaped as indexNews returns them, spread as bench/generate-news.mjs spreads them:
 * 1–3 of 20 tags, a province for 85 %, dates over six years; newest first.
 * @param {number} count
 */
function items(count) {
  const next = random(7);
  const start = Date.UTC(2020, 0, 1);
  const list = Array.from({ length: count }, (_, i) => {
    const tags = new Set(
      Array.from({ length: 1 + Math.floor(next() * 3) }, () => TAGS[Math.floor(next() * 20)]),
    );
    return {
      locale: /** @type {const} */ ('fa'),
      slug: `n${i}`,
      entry: {
        id: `fa/n${i}`,
        data: {
          lang: /** @type {const} */ ('fa'),
          date: new Date(start + Math.floor(next() * 6 * 365) * 86_400_000),
          code: String(500_000 + i),
          tags: /** @type {string[]} */ ([...tags]),
          draft: false,
          province: next() < 0.85 ? PROVINCES[Math.floor(next() * 31)] : undefined,
        },
      },
    };
  });
  return list.sort(
    (a, b) =>
      b.entry.data.date.getTime() - a.entry.data.date.getTime() ||
      Number(b.entry.data.code) - Number(a.entry.data.code),
  );
}

/**
 * CPU time of `fn` in milliseconds (this process, user + system): on a shared machine the wall
 * clock measures the neighbours, the CPU time the work.
 * @param {() => unknown} fn
 */
function ms(fn) {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** @returns {Promise<import('./lib.mjs').Row[]>} */
export default async function scaleFunctions() {
  /** @type {{ relatedNewsFinder: (items: unknown[]) => (item: unknown) => unknown[] }} */
  const news = await import(new URL('../portal/src/lib/news.ts', import.meta.url).href);
  /** @type {{ hreflangLinks: (urls: string[], options: object) => (url: string) => unknown }} */
  const sitemap = await import(new URL('../portal/src/lib/sitemap-links.ts', import.meta.url).href);
  /** @type {{ NewsStore: new () => { put(items: unknown[]): void, page(list: object, page: number): unknown, related(locale: string, slug: string): unknown[], close(): void } }} */
  const storeModule = await import(
    new URL('../portal/src/lib/news-store.ts', import.meta.url).href
  );
  /** @type {import('./lib.mjs').Row[]} */
  const rows = [];
  const perThousand = (/** @type {number} */ time, /** @type {number} */ count) =>
    `${((time / count) * 1000).toFixed(1)} ms per 1,000`;
  for (const count of COUNTS) {
    const list = items(count);
    const related = ms(() => {
      const finder = news.relatedNewsFinder(list);
      for (const item of list) finder(item);
    });
    // Every item in fa, one in eight also in en, plus three list pages per ten items.
    const site = 'https://example.org/';
    const urls = list.flatMap((item, i) => [
      `${site}news/${item.slug}/`,
      ...(i % 8 === 0 ? [`${site}en/news/${item.slug}/`] : []),
      ...(i % 10 === 0 ? [`${site}news/${i / 10 + 1}/`, `${site}news/tags/t/${i / 10 + 1}/`] : []),
    ]);
    const pairs = ms(() => {
      const links = sitemap.hreflangLinks(urls, {
        site,
        defaultLocale: 'fa',
        locales: { fa: 'fa', en: 'en' },
      });
      for (const url of urls) links(url);
    });
    const store = new storeModule.NewsStore();
    const fill = ms(() => store.put(list));
    const pages = 1000;
    const lastPage = Math.floor(count / 10);
    const paging = ms(() => {
      for (let i = 0; i < pages; i++) {
        store.page(
          { locale: 'fa', tag: TAGS[i % 20] },
          1 + ((i * 7919) % Math.floor(lastPage / 20)),
        );
        store.page({ locale: 'fa' }, 1 + ((i * 104729) % lastPage));
      }
    });
    const relatedStore = ms(() => {
      for (let i = 0; i < pages; i++) store.related('fa', list[(i * 7919) % count]?.slug ?? '');
    });
    store.close();
    const n = count.toLocaleString('en');
    rows.push(
      {
        figure: `scale functions ${n}: related news, every item`,
        value: `${(related / 1000).toFixed(2)} s`,
        note: perThousand(related, count),
      },
      {
        figure: `scale functions ${n}: sitemap language pairs`,
        value: `${(pairs / 1000).toFixed(2)} s`,
        note: `${urls.length.toLocaleString('en')} addresses; ${perThousand(pairs, urls.length)}`,
      },
      {
        figure: `scale functions ${n}: news store`,
        value: `${((paging / pages / 2) * 1000).toFixed(0)} µs per list page`,
        note: `filled in ${(fill / 1000).toFixed(1)} s; related news ${((relatedStore / pages) * 1000).toFixed(0)} µs per item (CPU time of on-demand answers: 1,000 random pages of the index and of tags, deep pages included)`,
      },
    );
  }
  return rows;
}
