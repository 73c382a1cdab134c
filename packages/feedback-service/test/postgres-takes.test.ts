import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../src/store/postgres.ts';
import type { FeedbackStore } from '../src/store/types.ts';
import { preparePostgres, type TestPostgres } from './postgres.ts';

// Grouped rate-limit takes (store/postgres-takes.ts) from two stores on one database, as two
// instances: many keys at once, each key from both, in opposite orders. Each bucket must allow
// exactly its capacity in all, none may deadlock, and each take gets its own key's answer.

let pg: TestPostgres;
let stores: FeedbackStore[] = [];

beforeAll(async () => {
  pg = await preparePostgres();
  if (!pg.url) return;
  stores = [await openPostgresStore({ url: pg.url }), await openPostgresStore({ url: pg.url })];
}, 60_000);

afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()));
  await pg?.teardown();
});

describe('grouped rate-limit takes on PostgreSQL', () => {
  it('hold every bucket to its capacity across two instances, without deadlock', async (context) => {
    if (!pg.url) context.skip();
    const limit = { capacity: 3, refillPerSecond: 0.0001 };
    const at = 1_700_000_000_000;
    const keys = Array.from({ length: 120 }, (_, i) => `client-${i}`);
    const takes: Promise<{ key: string; allowed: boolean }>[] = [];
    // Five takes per key from each instance, the second instance walking the keys backwards.
    for (let round = 0; round < 5; round++) {
      for (const [index, store] of stores.entries()) {
        const order = index === 0 ? keys : [...keys].reverse();
        for (const key of order) {
          takes.push(store.takeToken(key, limit, at).then((d) => ({ key, allowed: d.allowed })));
        }
      }
    }
    const results = await Promise.all(takes);
    const allowed = new Map<string, number>();
    for (const r of results) if (r.allowed) allowed.set(r.key, (allowed.get(r.key) ?? 0) + 1);
    for (const key of keys) expect(allowed.get(key), key).toBe(limit.capacity);
    // A different limit in the same turn is its own bucket family and statement.
    const other = { capacity: 1, refillPerSecond: 0.0001 };
    const [first, second] = await Promise.all([
      stores[0]?.takeToken('client-0:other', other, at),
      stores[1]?.takeToken('client-0:other', other, at),
    ]);
    expect([first?.allowed, second?.allowed].sort()).toEqual([false, true]);
  }, 60_000);
});
