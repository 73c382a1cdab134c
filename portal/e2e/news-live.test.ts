import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  preparePostgres,
  type TestPostgres,
} from '../../packages/feedback-service/test/postgres.ts';
import { publishNews } from '../src/lib/news-publish.ts';
import { NewsStore } from '../src/lib/news-store.ts';
import { type PortalServer, startPortalServers } from './server.setup.ts';

// The test item is dated 1410-01-01 (2031), so that it is the newest on every list; the
// publishing rule (news-visibility.ts) would hold it until then, so publishing happens "after" it.
const AFTER_THE_ITEM = new Date('2031-06-01T00:00:00Z');

// Publishing without a rebuild, on two built portal servers (two processes, as behind a load
// balancer) that share one news store and one PostgreSQL purge channel: an item published with
// the publishing command's function (`publishNews`: store write + NOTIFY of the changed pages'
// cache tags) is on its page, the news index, its tag and province pages, the feed and the news
// sitemap of both servers, whose cached copies of those pages are purged, not waited out (they
// are fresh for 60 s); withdrawn, it is gone from both the same way.

const contentSource = new URL('../src/content/news/', import.meta.url).pathname;
const slug = 'live-published-item';
const tag = 'سکونتگاه غیررسمی';
const tagPath = `/news/tags/${encodeURIComponent('سکونتگاه-غیررسمی')}/`;
const title = 'خبری که بی بازسازی منتشر شد';

let pg: TestPostgres;
let dir: string;
let contentDir: string;
let store: NewsStore;
let servers: PortalServer[] = [];

beforeAll(async () => {
  pg = await preparePostgres();
  if (!pg.url) return;
  dir = mkdtempSync(join(tmpdir(), 'bz-news-live-'));
  contentDir = join(dir, 'news');
  cpSync(contentSource, contentDir, { recursive: true });
  const storePath = join(dir, 'news.sqlite');
  store = new NewsStore(storePath);
  await publishNews({ contentDir, store, databaseUrl: pg.url, now: AFTER_THE_ITEM });
  const env = { PORTAL_NEWS_DB: storePath, PORTAL_CACHE_DATABASE_URL: pg.url };
  servers = await startPortalServers(2, env);
}, 120_000);

afterAll(async () => {
  for (const server of servers) server.stop();
  store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  await pg?.teardown();
});

/** The pages a new item must reach, and what on each shows it. */
const pages = [
  { path: `/news/${slug}/`, shows: title },
  { path: '/news/', shows: `/news/${slug}/` },
  { path: tagPath, shows: `/news/${slug}/` },
  { path: '/news/provinces/isfahan/', shows: `/news/${slug}/` },
  { path: '/rss.xml', shows: `/news/${slug}/` },
  { path: '/sitemap-news.xml', shows: `/news/${slug}/` },
];

const get = (server: PortalServer, path: string) => fetch(server.baseUrl + path);

/** Waits (at most 10 s) until every page on every server shows the item (or no longer does). */
async function everywhere(present: boolean): Promise<string[]> {
  let missing: string[] = [];
  for (let attempt = 0; attempt < 100; attempt++) {
    missing = [];
    for (const [n, server] of servers.entries()) {
      for (const page of pages) {
        const response = await get(server, page.path);
        const body = response.ok ? await response.text() : '';
        if (body.includes(page.shows) !== present) missing.push(`server ${n + 1} ${page.path}`);
      }
    }
    if (missing.length === 0) return [];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return missing;
}

function writeItem() {
  writeFileSync(
    join(contentDir, 'fa', `${slug}.md`),
    [
      '---',
      `title: ${title}`,
      'summary: خبری برای آزمون انتشار بدون بازسازی روی دو سرور.',
      'date: 1410-01-01',
      'province: isfahan',
      `tags: [${tag}]`,
      'code: 990001',
      'office: روابط عمومی بهزیستی استان اصفهان',
      '---',
      '',
      'متن خبر.',
      '',
    ].join('\n'),
  );
}

describe('a news item published on two servers without a rebuild', () => {
  it('reaches every page on both once published, and leaves them once withdrawn', async (context) => {
    if (!pg.url) context.skip();
    // Both servers have every page cached before the publish (the second answer is a hit).
    for (const server of servers) {
      for (const page of pages) {
        expect((await get(server, page.path)).status).toBe(page.path.includes(slug) ? 404 : 200);
        if (page.path.includes(slug)) continue;
        const again = await get(server, page.path);
        expect(again.headers.get('x-astro-cache'), `${page.path} cached`).toBe('HIT');
        expect(again.headers.get('cache-control')).toBe(
          'public, s-maxage=60, stale-while-revalidate=600',
        );
      }
    }

    writeItem();
    const started = performance.now();
    const change = await publishNews({
      contentDir,
      store,
      databaseUrl: pg.url,
      now: AFTER_THE_ITEM,
    });
    expect(change.added).toEqual([{ locale: 'fa', slug }]);
    expect(change.broadcast).toBe(true);
    expect(change.cacheTags).toEqual(
      expect.arrayContaining([
        `news:${slug}`,
        'news-list:fa',
        'province:fa:isfahan',
        `tag:fa:${encodeURIComponent('سکونتگاه-غیررسمی')}`,
      ]),
    );
    expect(await everywhere(true)).toEqual([]);
    // The figure docs/performance.md reports (printed, not asserted).
    console.log(`publish to live on both servers: ${Math.round(performance.now() - started)} ms`);

    unlinkSync(join(contentDir, 'fa', `${slug}.md`));
    const withdrawn = await publishNews({
      contentDir,
      store,
      databaseUrl: pg.url,
      now: AFTER_THE_ITEM,
    });
    expect(withdrawn.removed).toEqual([{ locale: 'fa', slug }]);
    expect(await everywhere(false)).toEqual([]);
    for (const server of servers) expect((await get(server, `/news/${slug}/`)).status).toBe(404);
  });

  it('purges only the pages of what changed', async (context) => {
    if (!pg.url) context.skip();
    // A page of another province, cached on both, is not purged by a publish in Isfahan.
    const other = '/news/provinces/kerman/';
    for (const server of servers) {
      await get(server, other);
      expect((await get(server, other)).headers.get('x-astro-cache')).toBe('HIT');
    }
    writeItem();
    await publishNews({ contentDir, store, databaseUrl: pg.url, now: AFTER_THE_ITEM });
    expect(await everywhere(true)).toEqual([]);
    for (const server of servers) {
      expect((await get(server, other)).headers.get('x-astro-cache')).toBe('HIT');
    }
  });
});
