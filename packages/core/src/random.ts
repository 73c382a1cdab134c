/** A source of random numbers in [0, 1). */
export type Random = () => number;

/**
 * Deterministic PRNG (mulberry32) for tests, fuzzing, generators and benchmarks: the same seed
 * gives the same sequence, so a failing case can be replayed. Not for anything secret (tracking
 * codes use crypto.getRandomValues).
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
