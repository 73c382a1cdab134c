/**
 * The purge message every portal instance listens for (PostgreSQL LISTEN/NOTIFY): after a publish,
 * one NOTIFY on this channel reaches every instance's route cache at once
 * (news-cache-provider.ts), whether it comes from an instance (`Astro.cache.invalidate`) or from
 * the publishing command (`node scripts/sync-news.ts`).
 *
 * The database: PORTAL_CACHE_DATABASE_URL, else the feedback service's DATABASE_URL. Unset:
 * one instance, purged in its own memory only.
 */
import type { InvalidateOptions } from 'astro';

export const PURGE_CHANNEL = 'behzisti_news_purge';

/** A NOTIFY payload is at most 8,000 bytes: a large purge is sent in parts. */
const PAYLOAD_LIMIT = 7000;

export function purgeDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.PORTAL_CACHE_DATABASE_URL?.trim() || env.DATABASE_URL?.trim() || undefined;
}

/** The payloads of one purge: tags in groups that fit a NOTIFY, the path alone. */
export function purgePayloads(options: InvalidateOptions): string[] {
  const payloads: string[] = [];
  if (options.path !== undefined) payloads.push(JSON.stringify({ path: options.path }));
  const tags = options.tags === undefined ? [] : [options.tags].flat();
  let group: string[] = [];
  for (const tag of tags) {
    if (group.length > 0 && JSON.stringify({ tags: [...group, tag] }).length > PAYLOAD_LIMIT) {
      payloads.push(JSON.stringify({ tags: group }));
      group = [];
    }
    group.push(tag);
  }
  if (group.length > 0) payloads.push(JSON.stringify({ tags: group }));
  return payloads;
}

/** A payload read back; anything else on the channel is ignored (undefined). */
export function parsePurge(payload: string): InvalidateOptions | undefined {
  try {
    const value = JSON.parse(payload) as { path?: unknown; tags?: unknown };
    if (typeof value.path === 'string') return { path: value.path };
    if (Array.isArray(value.tags) && value.tags.every((tag) => typeof tag === 'string')) {
      return { tags: value.tags as string[] };
    }
  } catch {
    // not ours
  }
  return undefined;
}

type Sql = import('postgres').Sql;

/** Sends a purge to every listening instance. */
export async function notifyPurge(sql: Sql, options: InvalidateOptions): Promise<void> {
  for (const payload of purgePayloads(options)) await sql.notify(PURGE_CHANNEL, payload);
}

/** Sends a purge from outside a server (the publishing command): connects, notifies, closes. */
export async function broadcastPurge(url: string, options: InvalidateOptions): Promise<void> {
  const { default: postgres } = await import('postgres');
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    await notifyPurge(sql, options);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
