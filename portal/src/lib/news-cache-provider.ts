import type { CacheOptions, CacheProvider, CacheProviderFactory } from 'astro';
import memoryProvider, { type MemoryCacheProviderOptions } from 'astro/cache/memory';
import { notifyPurge, PURGE_CHANNEL, parsePurge, purgeDatabaseUrl } from './news-broadcast.ts';

/**
 * The route cache of the portal's server (astro.config.mjs `cache.provider`): Astro's in-memory
 * cache, with two things added.
 *
 * 1. Headers a CDN honours: `Cache-Control: public, s-maxage=…, stale-while-revalidate=…` (the
 *    memory cache itself reads `CDN-Cache-Control`, which is sent too). Browsers get no max-age,
 *    so a reader always asks the server or the CDN, which are purged or at most a minute old.
 * 2. A purge reaches every instance: with a PostgreSQL URL (news-broadcast.ts), `invalidate`
 *    sends NOTIFY and each instance LISTENs and purges its own memory, this one included.
 */
export function cacheHeaders(options: CacheOptions): Headers {
  const headers = new Headers();
  if (options.maxAge !== undefined) {
    const swr = options.swr === undefined ? '' : `, stale-while-revalidate=${options.swr}`;
    headers.set('Cache-Control', `public, s-maxage=${options.maxAge}${swr}`);
    headers.set('CDN-Cache-Control', `max-age=${options.maxAge}${swr}`);
  }
  if (options.tags && options.tags.length > 0) headers.set('Cache-Tag', options.tags.join(', '));
  if (options.lastModified) headers.set('Last-Modified', options.lastModified.toUTCString());
  if (options.etag) headers.set('ETag', options.etag);
  return headers;
}

/** The provider, with the purge channel's URL given (undefined: this instance alone). */
export function createNewsCacheProvider(
  config: MemoryCacheProviderOptions | undefined,
  url: string | undefined,
): CacheProvider & { close(): Promise<void> } {
  const memory = memoryProvider(config);
  let sql: import('postgres').Sql | undefined;
  let listening: Promise<unknown> | undefined;
  if (url) {
    listening = import('postgres').then(({ default: postgres }) => {
      sql = postgres(url, { max: 2, onnotice: () => undefined });
      // postgres.js reconnects and listens again after a lost connection by itself.
      return sql.listen(PURGE_CHANNEL, (payload) => {
        const options = parsePurge(payload);
        if (options) void memory.invalidate(options);
      });
    });
    listening.catch((error: unknown) => {
      console.error(`news cache: cannot listen for purges (${(error as Error).message})`);
    });
  }
  return {
    name: 'behzisti-news',
    setHeaders: (options) => cacheHeaders(options),
    onRequest: (context, next) =>
      (memory.onRequest as NonNullable<CacheProvider['onRequest']>)(context, next),
    async invalidate(options) {
      await memory.invalidate(options);
      if (listening) {
        await listening;
        if (sql) await notifyPurge(sql, options);
      }
    },
    async close() {
      await listening?.catch(() => undefined);
      await sql?.end({ timeout: 5 });
    },
  };
}

const newsCacheProvider: CacheProviderFactory<MemoryCacheProviderOptions> = (config) =>
  createNewsCacheProvider(config, purgeDatabaseUrl());

export default newsCacheProvider;
