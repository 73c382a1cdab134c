import { unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LiveNews, startLiveNews } from './live-news.ts';
import type { PortalServer } from './server.setup.ts';

// Publishing without a rebuild, on two built portal servers (two processes, as behind a load
// balancer) that share one news store and one PostgreSQL purge channel: an item published with
// the publishing command's function (`publishNews`: store write + NOTIFY of the changed pages'
// cache tags) is on its page, the news index, its tag and province pages, the feed and the news
// sitemap of both servers, whose cached copies of those pages are purged, not waited out (they
// are fresh for 60 s); withdrawn, it is gone from both the same way.

const slug = 'live-published-item';
const tag = 'سکونتگاه غیررسمی';
const tagPath = `/news/tags/${encodeURIComponent('سکونتگاه-غیررسمی')}/`;
const title = 'خبری که بی بازسازی منتشر شد';

let live: LiveNews;

beforeAll(async () => {
  live = await startLiveNews('news-live');
}, 120_000);

afterAll(async () => {
  await live?.stop();
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
    for (const [n, server] of live.servers.entries()) {
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
    join(live.contentDir, 'fa', `${slug}.md`),
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
    if (!live.pg.url) context.skip();
    // Both servers have every page cached before the publish (the second answer is a hit).
    for (const server of live.servers) {
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
    const change = await live.publish();
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

    unlinkSync(join(live.contentDir, 'fa', `${slug}.md`));
    const withdrawn = await live.publish();
    expect(withdrawn.removed).toEqual([{ locale: 'fa', slug }]);
    expect(await everywhere(false)).toEqual([]);
    for (const server of live.servers)
      expect((await get(server, `/news/${slug}/`)).status).toBe(404);
  });

  it('purges only the pages of what changed', async (context) => {
    if (!live.pg.url) context.skip();
    // A page of another province, cached on both, is not purged by a publish in Isfahan.
    const other = '/news/provinces/kerman/';
    for (const server of live.servers) {
      await get(server, other);
      expect((await get(server, other)).headers.get('x-astro-cache')).toBe('HIT');
    }
    writeItem();
    await live.publish();
    expect(await everywhere(true)).toEqual([]);
    for (const server of live.servers) {
      expect((await get(server, other)).headers.get('x-astro-cache')).toBe('HIT');
    }
  });
});
