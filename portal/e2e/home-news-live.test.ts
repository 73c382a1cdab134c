import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articlePath, latestNewsPath } from '../src/lib/paths.ts';
import { expectQuiet, launchChromium, recordCspViolations, watch } from './browser.ts';
import { type LiveNews, startLiveNews } from './live-news.ts';
import type { PortalServer } from './server.setup.ts';

// The home page and the directory province pages are built files; their "latest news" block
// is rendered again by the server from the news store when it comes near the screen
// (components/LatestNews.astro, scripts/live-news.ts). Here, on two built portal servers that
// share one news store and one PostgreSQL purge channel (as behind a load balancer), an item
// published with the publishing command's function (`publishNews`: store write + NOTIFY of the
// changed lists' cache tags) shows in that block in a real browser, in fa and en, on the home
// page and on its province's page, while the built page files stay as they were (no rebuild);
// withdrawn (fa) or put back to draft (en), it leaves the block the same way.

const slug = 'home-live-item';

const items = {
  fa: {
    file: join('fa', `${slug}.md`),
    title: 'خبر تازه‌ی صفحه‌ی اصلی بی بازسازی',
    front: ['date: 1410-01-01', 'office: روابط عمومی بهزیستی استان اصفهان'],
    summary: 'خبری برای آزمون بخش تازه‌ترین خبرهای صفحه‌ی اصلی و صفحه‌ی استان.',
  },
  en: {
    file: join('en', `${slug}.md`),
    title: 'A home page item published without a rebuild',
    front: ['date: 2031-03-21', 'lang: en', 'office: Public relations, Isfahan Welfare'],
    summary: 'An item for the test of the latest news block of the home and province pages.',
  },
} as const;

/** The built pages whose block must show the item, per language. */
const pages = {
  fa: ['/', '/directory/isfahan/'],
  en: ['/en/', '/en/directory/isfahan/'],
} as const;
const articleOf = (locale: 'fa' | 'en') => articlePath(locale, slug);

let live: LiveNews;
let browser: Browser;

function writeItem(locale: 'fa' | 'en', status = 'published') {
  const item = items[locale];
  writeFileSync(
    join(live.contentDir, item.file),
    [
      '---',
      `title: ${item.title}`,
      `summary: ${item.summary}`,
      ...item.front,
      'province: isfahan',
      'code: 990002',
      `status: ${status}`,
      '---',
      '',
      item.title,
      '',
    ].join('\n'),
  );
}

beforeAll(async () => {
  live = await startLiveNews('home-news-live');
  if (!live.pg.url) return;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await live?.stop();
});

/** The block's links once the page has it on screen (the script asks the server then). */
async function blockLinks(page: Page, url: string): Promise<string[]> {
  await page.goto(url);
  const block = page.locator('[data-live-news]');
  // Counts what the script changes in the block (read by `blockChanges`).
  await block.evaluate((element) => {
    const counter = window as unknown as { blockChanges: number };
    counter.blockChanges = 0;
    new MutationObserver((records) => {
      counter.blockChanges += records.length;
    }).observe(element, { childList: true, subtree: true, characterData: true, attributes: true });
  });
  const answered = page.waitForResponse((response) =>
    new URL(response.url()).pathname.includes('/news/latest/'),
  );
  await block.scrollIntoViewIfNeeded();
  // The block's request is made once it is near the screen; its answer is then put in place.
  await (await answered).finished();
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
  return block.evaluate((element) =>
    [...element.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? ''),
  );
}

/** How many changes the script made to the block since `blockLinks` loaded the page. */
const blockChanges = (page: Page) =>
  page.evaluate(() => (window as unknown as { blockChanges: number }).blockChanges);

/** The block's own route on a server (what the script fetches). */
const fragment = (server: PortalServer, page: string) =>
  fetch(
    server.baseUrl +
      latestNewsPath(
        page.startsWith('/en/') ? 'en' : 'fa',
        page.includes('/directory/') ? 'isfahan' : undefined,
      ),
  );

describe('the latest news block of built pages, without a rebuild', () => {
  it('shows an item once published and drops it once withdrawn or back to draft, in fa and en', async (context) => {
    if (!live.pg.url) context.skip();
    const [first, second] = live.servers as [PortalServer, PortalServer];
    const page = await browser.newPage();
    const seen = watch(page, first.baseUrl);
    const violations = await recordCspViolations(page);
    const built = new Map<string, string>();
    try {
      for (const path of [...pages.fa, ...pages.en]) {
        // Before: not in the block; the block's route answers from the cache on both servers.
        expect(await blockLinks(page, first.baseUrl + path), path).not.toContain(
          articleOf(path.startsWith('/en/') ? 'en' : 'fa'),
        );
        // The news have not changed since the build: the block is left as built, nothing moves.
        expect(await blockChanges(page), `${path} block changed`).toBe(0);
        built.set(path, await (await fetch(first.baseUrl + path)).text());
        for (const server of live.servers) {
          await fragment(server, path);
          const again = await fragment(server, path);
          expect(again.headers.get('x-astro-cache'), `${path} block cached`).toBe('HIT');
          expect(again.headers.get('cache-control')).toBe(
            'public, s-maxage=60, stale-while-revalidate=600',
          );
          expect(again.headers.get('x-robots-tag')).toBe('noindex');
        }
      }

      writeItem('fa');
      writeItem('en');
      const change = await live.publish();
      expect(change.added).toEqual(
        expect.arrayContaining([
          { locale: 'fa', slug },
          { locale: 'en', slug },
        ]),
      );
      expect(change.broadcast).toBe(true);
      for (const locale of ['fa', 'en'] as const) {
        for (const path of pages[locale]) {
          await expect
            .poll(() => blockLinks(page, first.baseUrl + path), { timeout: 20_000 })
            .toContain(articleOf(locale));
          expect(await blockChanges(page)).toBeGreaterThan(0);
          // The other instance's cached block was purged over NOTIFY, not waited out.
          await expect
            .poll(async () => (await fragment(second, path)).text(), { timeout: 20_000 })
            .toContain(articleOf(locale));
          // No rebuild: the built page is the file it was; only its block is current.
          const file = await (await fetch(first.baseUrl + path)).text();
          expect(file).toBe(built.get(path));
          expect(file).not.toContain(articleOf(locale));
        }
      }
      // The block the server renders is the block the build renders: its title is shown.
      await page.goto(`${first.baseUrl}/`);
      await page.locator('[data-live-news]').scrollIntoViewIfNeeded();
      await expect
        .poll(() => page.locator('[data-live-news]').textContent(), { timeout: 20_000 })
        .toContain(items.fa.title);

      // Withdrawn (fa) and back to draft (en): gone from every block on both servers.
      writeItem('fa', 'withdrawn');
      writeItem('en', 'draft');
      const withdrawn = await live.publish();
      expect(withdrawn.removed).toEqual(
        expect.arrayContaining([
          { locale: 'fa', slug },
          { locale: 'en', slug },
        ]),
      );
      for (const locale of ['fa', 'en'] as const) {
        for (const path of pages[locale]) {
          await expect
            .poll(() => blockLinks(page, first.baseUrl + path), { timeout: 20_000 })
            .not.toContain(articleOf(locale));
          await expect
            .poll(async () => (await fragment(second, path)).text(), { timeout: 20_000 })
            .not.toContain(articleOf(locale));
        }
      }
      expectQuiet(seen);
      expect(await violations()).toEqual([]);
    } finally {
      await page.close();
    }
  }, 180_000);

  it('answers only for the home page and the 31 provinces', async (context) => {
    if (!live.pg.url) context.skip();
    const [server] = live.servers as [PortalServer];
    for (const path of ['/news/latest/home/', '/news/latest/kerman/', '/en/news/latest/ilam/']) {
      const response = await fetch(server.baseUrl + path);
      expect(response.status, path).toBe(200);
      const html = await response.text();
      // Only the block: no page around it.
      expect(html.trimStart().startsWith('<section'), path).toBe(true);
      expect(html).not.toContain('<html');
    }
    for (const path of ['/news/latest/nowhere/', '/news/latest/Isfahan/', '/en/news/latest/%00/']) {
      expect((await fetch(server.baseUrl + path)).status, path).toBe(404);
    }
  });
});
