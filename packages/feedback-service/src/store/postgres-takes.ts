import type { RateDecision, RateLimit } from '../rate-limit.ts';

// Rate-limit takes on PostgreSQL, grouped as the inserts are: the takes that arrive in one turn
// of the event loop under one limit go to the database as one upsert over an array of keys, so
// a burst costs one round trip and one statement rather than one each. The semantics are the
// single take's (postgres.ts, TAKE_TOKEN): the row lock of ON CONFLICT DO UPDATE serialises the
// takes of one key across every instance, and each take sees the latest committed level.
// - One key appears once per statement (PostgreSQL refuses to update a row twice in one): a
//   second take of a key in the same turn waits for the next statement.
// - The keys are sorted, so two instances' statements lock shared rows in the same order and
//   cannot deadlock.
// - If a grouped statement fails, each of its takes is tried alone and reports its own outcome.

/**
 * $1 keys (sorted, distinct), $2 capacity, $3 refill per ms, $4 now (ms). `LEVEL` is the bucket
 * refilled up to now (the SET expressions see the locked row's latest values); a take succeeds
 * when it holds a whole token.
 */
const LEVEL = 'LEAST($2::float8, b.tokens + GREATEST(0, $4::bigint - b.updated_ms) * $3::float8)';
const TAKE_TOKENS = `
  INSERT INTO rate_buckets AS b (key, tokens, updated_ms, full_ms, taken)
  SELECT k, $2::float8 - 1, $4::bigint, $4::bigint + ceil(1 / $3::float8)::bigint, true
  FROM unnest($1::text[]) AS k
  ON CONFLICT (key) DO UPDATE SET
    taken = ${LEVEL} >= 1,
    tokens = ${LEVEL} - CASE WHEN ${LEVEL} >= 1 THEN 1 ELSE 0 END,
    updated_ms = GREATEST(b.updated_ms, $4::bigint),
    full_ms = GREATEST(b.updated_ms, $4::bigint)
      + ceil(($2::float8 - ${LEVEL} + CASE WHEN ${LEVEL} >= 1 THEN 1 ELSE 0 END) / $3::float8)::bigint
  RETURNING key, taken, tokens`;

/** The most keys one statement carries. */
const MAX_KEYS = 500;

type Query = <T>(text: string, params: (string | number | string[])[]) => Promise<T[]>;

interface Take {
  key: string;
  nowMs: number;
  resolve: (decision: RateDecision) => void;
  reject: (error: unknown) => void;
}

/** A grouped take function for `query` (a prepared-statement runner of the store's pool). */
export function groupedTakes(
  query: Query,
): (key: string, limit: RateLimit, nowMs: number) => Promise<RateDecision> {
  /** Waiting takes per limit (capacity/refill), in arrival order. */
  const waiting = new Map<string, { limit: RateLimit; takes: Take[] }>();
  const inFlight = new Set<Promise<void>>();
  let scheduled = false;

  const decide = (limit: RateLimit, row: { taken: boolean; tokens: number } | undefined) => {
    if (row?.taken) return { allowed: true } as const;
    const tokens = Number(row?.tokens ?? 0);
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / limit.refillPerSecond)),
    } as const;
  };

  const run = async (limit: RateLimit, takes: Take[]): Promise<void> => {
    const nowMs = Math.max(...takes.map((t) => t.nowMs));
    const keys = takes.map((t) => t.key).sort();
    const rows = await query<{ key: string; taken: boolean; tokens: number }>(TAKE_TOKENS, [
      keys,
      limit.capacity,
      limit.refillPerSecond / 1000,
      nowMs,
    ]);
    const byKey = new Map(rows.map((row) => [row.key, row]));
    for (const take of takes) take.resolve(decide(limit, byKey.get(take.key)));
  };

  const flush = (): void => {
    scheduled = false;
    for (const [id, group] of waiting) {
      // This statement's takes: the first of each key, up to MAX_KEYS; the rest wait their turn.
      const now: Take[] = [];
      const later: Take[] = [];
      const seen = new Set<string>();
      for (const take of group.takes) {
        if (seen.has(take.key) || now.length >= MAX_KEYS) later.push(take);
        else {
          seen.add(take.key);
          now.push(take);
        }
      }
      if (later.length > 0) group.takes = later;
      else waiting.delete(id);
      const done = run(group.limit, now)
        .catch(async () => {
          for (const take of now) await run(group.limit, [take]).catch(take.reject);
        })
        .finally(() => {
          inFlight.delete(done);
          // What waited for this statement goes next.
          if (later.length > 0) schedule();
        });
      inFlight.add(done);
    }
  };

  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  };

  return (key, limit, nowMs) =>
    new Promise((resolve, reject) => {
      const id = `${limit.capacity}/${limit.refillPerSecond}`;
      let group = waiting.get(id);
      if (!group) {
        group = { limit, takes: [] };
        waiting.set(id, group);
      }
      group.takes.push({ key, nowMs, resolve, reject });
      schedule();
    });
}
