import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  preparePostgres,
  type TestPostgres,
} from '../../../packages/feedback-service/test/postgres.ts';
import { cacheHeaders, createNewsCacheProvider } from './news-cache-provider.ts';

// Two instances' route caches (two providers, each with its own memory) on one real PostgreSQL:
// `invalidate` on one purges the tagged pages of both, and only those.

let pg: TestPostgres;
let instances: ReturnType<typeof createNewsCacheProvider>[] = [];

beforeAll(async () => {
  pg = await preparePostgres();
  if (pg.url) instances = [0, 1].map(() => createNewsCacheProvider(undefined, pg.url));
}, 60_000);
afterAll(async () => {
  for (const instance of instances) await instance.close();
  await pg?.teardown();
});

const logger = { info() {}, warn() {}, error() {}, debug() {} } as never;

/** A GET through an instance's cache; the page, when rendered, says which render it was. */
let renders = 0;
async function get(instance: (typeof instances)[number], path: string, tags: string[]) {
  const url = new URL(path, 'http://portal.test');
  const response = await instance.onRequest?.(
    { request: new Request(url), url, logger },
    async () =>
      new Response(`render ${++renders}`, {
        headers: cacheHeaders({ maxAge: 60, swr: 600, tags }),
      }),
  );
  return { body: await response?.text(), cache: response?.headers.get('x-astro-cache') };
}

describe('the news route cache on two instances', () => {
  it('purges a tag on every instance, and leaves other pages cached', async (context) => {
    if (!pg.url) context.skip();
    const pages = [
      { path: '/news/', tags: ['news-list:fa'] },
      { path: '/news/provinces/kerman/', tags: ['province:fa:kerman'] },
    ];
    const first = new Map<string, string | undefined>();
    for (const [n, instance] of instances.entries()) {
      for (const page of pages) {
        first.set(`${n}${page.path}`, (await get(instance, page.path, page.tags)).body);
        expect((await get(instance, page.path, page.tags)).cache).toBe('HIT');
      }
    }
    await instances[0]?.invalidate({ tags: ['news-list:fa'] });
    // The other instance hears the NOTIFY asynchronously: wait for it (bounded).
    for (const [n, instance] of instances.entries()) {
      let answer = await get(instance, '/news/', pages[0]?.tags ?? []);
      for (let tries = 0; answer.cache === 'HIT' && tries < 200; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        answer = await get(instance, '/news/', pages[0]?.tags ?? []);
      }
      expect(answer.cache, `instance ${n + 1} /news/`).toBe('MISS');
      expect(answer.body).not.toBe(first.get(`${n}/news/`));
      const kerman = await get(instance, '/news/provinces/kerman/', pages[1]?.tags ?? []);
      expect(kerman).toEqual({ body: first.get(`${n}/news/provinces/kerman/`), cache: 'HIT' });
    }
    // A loaded 2-core machine can take seconds to deliver the NOTIFY; the wait above is bounded.
  }, 30_000);
});
