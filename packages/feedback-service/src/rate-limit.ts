// Per-client token buckets. Each client (IP address) has a bucket of `capacity` tokens that
// refills at `refillPerSecond`; a request takes one token or is refused with the seconds until
// one is back (for Retry-After). The store keeps the buckets (FeedbackStore.takeToken): in
// PostgreSQL, so every instance shares them; this in-memory limiter is the SQLite store's, the
// single-instance engine, where writing a row (and an fsync) per request would buy nothing.

/** A limit: a burst of `capacity` requests, then `refillPerSecond` sustained. */
export interface RateLimit {
  capacity: number;
  refillPerSecond: number;
}

/** The outcome of one attempt. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/** Past this many tracked clients, full buckets are forgotten (they equal a fresh bucket). */
const PRUNE_AT = 50_000;

/** A token-bucket limiter keyed by client; `now` is injectable for tests. */
export class RateLimiter {
  readonly #limit: RateLimit;
  readonly #now: () => number;
  readonly #buckets = new Map<string, Bucket>();

  constructor(limit: RateLimit, now: () => number = Date.now) {
    this.#limit = limit;
    this.#now = now;
  }

  /** Takes a token for `key` if there is one. */
  take(key: string, now: number = this.#now()): RateDecision {
    const { capacity, refillPerSecond } = this.#limit;
    const bucket = this.#buckets.get(key) ?? { tokens: capacity, updatedMs: now };
    bucket.tokens = Math.min(
      capacity,
      bucket.tokens + ((now - bucket.updatedMs) / 1000) * refillPerSecond,
    );
    bucket.updatedMs = now;
    if (!this.#buckets.has(key)) {
      if (this.#buckets.size >= PRUNE_AT) this.#prune(now);
      this.#buckets.set(key, bucket);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    const retryAfterSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerSecond));
    return { allowed: false, retryAfterSeconds };
  }

  #prune(now: number): void {
    const { capacity, refillPerSecond } = this.#limit;
    for (const [key, bucket] of this.#buckets) {
      const tokens = bucket.tokens + ((now - bucket.updatedMs) / 1000) * refillPerSecond;
      if (tokens >= capacity) this.#buckets.delete(key);
    }
    // Under a flood of distinct addresses nothing is full yet: drop the oldest half rather
    // than grow without bound (Map iterates in insertion order).
    if (this.#buckets.size >= PRUNE_AT) {
      let drop = this.#buckets.size / 2;
      for (const key of this.#buckets.keys()) {
        if (drop-- <= 0) break;
        this.#buckets.delete(key);
      }
    }
  }
}

/**
 * Reads a limit written as `count/seconds` (e.g. `20/60`: a burst of 20, refilling 20 per
 * minute); `off`, `0` or an empty string disable the limit (undefined).
 */
export function parseRateLimit(
  text: string | undefined,
  fallback: RateLimit,
): RateLimit | undefined {
  if (text === undefined) return fallback;
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '' || trimmed === 'off' || trimmed === '0') return undefined;
  const match = /^(\d+)\s*\/\s*(\d+(?:\.\d+)?)$/.exec(trimmed);
  if (!match) throw new Error(`rate limit '${text}' is not count/seconds (e.g. 20/60) or 'off'`);
  const count = Number(match[1]);
  const seconds = Number(match[2]);
  if (count <= 0 || seconds <= 0) return undefined;
  return { capacity: count, refillPerSecond: count / seconds };
}
