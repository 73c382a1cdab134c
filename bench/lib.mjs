// Small helpers shared by the benchmarks.
import { performance } from 'node:perf_hooks';

/** @typedef {{ figure: string, value: string, note?: string }} Row One line of the bench table. */

/**
 * Deterministic PRNG (mulberry32) so every run measures the same data.
 * @param {number} seed
 */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Points spread uniformly over Iran's bounding box (lat 25–39.8, lng 44–63.3).
 * @param {number} count
 * @param {number} seed
 */
export function iranPoints(count, seed) {
  const next = random(seed);
  return Array.from({ length: count }, () => ({
    lat: 25 + next() * 14.8,
    lng: 44 + next() * 19.3,
  }));
}

/** @template T @param {() => T} fn */
export function time(fn) {
  const start = performance.now();
  const result = fn();
  return { ms: performance.now() - start, result };
}

/** @param {number[]} values @param {number} p */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
