import { cpSync } from 'node:fs';
import { join } from 'node:path';
import {
  preparePostgres,
  type TestPostgres,
} from '../../packages/feedback-service/test/postgres.ts';
import { publishNews } from '../src/lib/news-publish.ts';
import { NewsStore } from '../src/lib/news-store.ts';
import { type PortalServer, startPortalServers } from './server.setup.ts';
import { tempFolder } from './temp.ts';

// The test items are dated 1410-01-01 (2031), so that they are the newest on every list; the
// publishing rule (news-visibility.ts) would hold them until then, so publishing happens "after".
export const AFTER_THE_ITEM = new Date('2031-06-01T00:00:00Z');

const contentSource = new URL('../src/content/news/', import.meta.url).pathname;

/**
 * Publishing without a rebuild (news-live.test.ts, home-news-live.test.ts): a copy of the news
 * content, a news store filled from it, and two built portal servers (two processes, as behind a
 * load balancer) sharing that store and one PostgreSQL purge channel.
 */
export interface LiveNews {
  /** Without a url there is no PostgreSQL here: the tests skip. */
  pg: TestPostgres;
  /** Where the tests write and delete items. */
  contentDir: string;
  servers: PortalServer[];
  /** The publishing command's function (`publishNews`): store write + NOTIFY of cache tags. */
  publish: () => ReturnType<typeof publishNews>;
  stop: () => Promise<void>;
}

export async function startLiveNews(name: string): Promise<LiveNews> {
  const pg = await preparePostgres();
  const folder = pg.url ? tempFolder(name) : undefined;
  const dir = folder?.path;
  const contentDir = dir ? join(dir, 'news') : '';
  const storePath = dir ? join(dir, 'news.sqlite') : '';
  let store: NewsStore | undefined;
  const live: LiveNews = {
    pg,
    contentDir,
    servers: [],
    publish: () => {
      if (!store) throw new Error('no news store: PostgreSQL is missing');
      return publishNews({ contentDir, store, databaseUrl: pg.url, now: AFTER_THE_ITEM });
    },
    stop: async () => {
      for (const server of live.servers) server.stop();
      live.servers = [];
      store?.close();
      folder?.remove();
      await pg.teardown();
    },
  };
  if (!pg.url) return live;
  cpSync(contentSource, contentDir, { recursive: true });
  store = new NewsStore(storePath);
  await live.publish();
  const env = { PORTAL_NEWS_DB: storePath, PORTAL_CACHE_DATABASE_URL: pg.url };
  live.servers = await startPortalServers(2, env);
  return live;
}
