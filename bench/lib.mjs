// Small helpers shared by the benchmarks.
import { performance } from 'node:perf_hooks';

/** @typedef {{ figure: string, value: string, note?: string }} Row One line of the bench table. */

/** Deterministic PRNG, so every run measures the same data. */
import { distanceKm } from '../packages/core/src/geo.ts';
import { seededRandom as random } from '../packages/core/src/random.ts';

export { random };

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

/**
 * The baseline the k-d tree is measured against: microseconds per query to find the nearest 10
 * of `points` by measuring and sorting them all.
 * @param {{ lat: number, lng: number }[]} points @param {{ lat: number, lng: number }[]} queries
 */
export function plainSortMicros(points, queries) {
  return queries.map(
    (query) =>
      time(() =>
        points
          .map((point, i) => ({ i, d: distanceKm(query, point) }))
          .sort((a, b) => a.d - b.d)
          .slice(0, 10),
      ).ms * 1000,
  );
}
