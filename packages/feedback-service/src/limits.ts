import { HttpError } from './errors.ts';
import type { RateLimit } from './rate-limit.ts';
import type { FeedbackStore } from './store/types.ts';

// The request-facing side of the store's limits: a refused take or reservation becomes a 429
// with Retry-After, and the store forgets spent buckets and attempts about once a minute (the
// request that comes due pays for that one delete, so nothing runs behind a request's back).

/** How often the store is asked to forget buckets and attempts that no longer count. */
const PRUNE_EVERY_MS = 60_000;

function refuse(retryAfterSeconds: number): never {
  throw new HttpError('RATE_LIMITED', { headers: { 'retry-after': String(retryAfterSeconds) } });
}

/** Limits kept in `store`, on the clock `now`. */
export interface Limits {
  /** Takes a token from bucket `key` under `limit`, or throws 429 RATE_LIMITED. */
  take(key: string, limit: RateLimit): Promise<void>;
  /** Reserves one of `max` attempts of `key` in `windowMs`, or throws 429; returns the id to release. */
  reserve(key: string, max: number, windowMs: number): Promise<string>;
  /** Gives back a reserved attempt (it did not count: the sign-in succeeded). */
  release(key: string, id: string): Promise<void>;
}

export function createLimits(store: FeedbackStore, now: () => Date): Limits {
  let nextPrune = 0;
  const clock = async (): Promise<number> => {
    const at = now().getTime();
    if (at >= nextPrune) {
      nextPrune = at + PRUNE_EVERY_MS;
      await store.pruneLimits(at);
    }
    return at;
  };
  return {
    async take(key, limit) {
      const decision = await store.takeToken(key, limit, await clock());
      if (!decision.allowed) refuse(decision.retryAfterSeconds);
    },
    async reserve(key, max, windowMs) {
      const decision = await store.reserveAttempt(key, max, windowMs, await clock());
      if (!decision.allowed) refuse(decision.retryAfterSeconds);
      return decision.id;
    },
    release: (key, id) => store.releaseAttempt(key, id),
  };
}
