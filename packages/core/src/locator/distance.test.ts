import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distanceKm } from '../geo.ts';
import { maxDistanceToBoxKm, minDistanceToBoxKm } from './distance.ts';
import { positionIn } from './test-helpers.ts';

const box = { south: 30, west: 50, north: 32, east: 53 };
/** A point short of the poles, and where inside a box (a fraction of its height or width). */
const point = positionIn([-89, 89], [-180, 180]);
const fraction = fc.double({ min: 0, max: 1, noNaN: true });

describe('minDistanceToBoxKm', () => {
  it('is 0 inside and on the edge', () => {
    expect(minDistanceToBoxKm({ lat: 31, lng: 51 }, box)).toBe(0);
    expect(minDistanceToBoxKm({ lat: 30, lng: 53 }, box)).toBe(0);
  });

  it('is the meridian distance straight north or south', () => {
    expect(minDistanceToBoxKm({ lat: 33, lng: 51 }, box)).toBeCloseTo(
      distanceKm({ lat: 33, lng: 51 }, { lat: 32, lng: 51 }),
      9,
    );
  });

  it('never exceeds the distance to any point of the box, and is reached by one (property)', () => {
    fc.assert(
      fc.property(point, fraction, fraction, (p, u, v) => {
        const inBox = { lat: box.south + u * 2, lng: box.west + v * 3 };
        const bound = minDistanceToBoxKm(p, box);
        expect(bound).toBeLessThanOrEqual(distanceKm(p, inBox) + 1e-6);
        // The bound is tight: some point on the boundary is that far (checked on a fine grid).
        let best = Number.POSITIVE_INFINITY;
        for (let i = 0; i <= 60; i++) {
          const t = i / 60;
          for (const q of [
            { lat: box.south + 2 * t, lng: box.west },
            { lat: box.south + 2 * t, lng: box.east },
            { lat: box.south, lng: box.west + 3 * t },
            { lat: box.north, lng: box.west + 3 * t },
          ])
            best = Math.min(best, distanceKm(p, q));
        }
        if (bound > 0) expect(bound).toBeGreaterThan(best - 5);
      }),
      { numRuns: 2000, seed: 11 },
    );
  });
});

describe('maxDistanceToBoxKm', () => {
  it('is at least the distance to any point of any box (property)', () => {
    fc.assert(
      fc.property(
        point,
        positionIn([20, 42], [40, 66]),
        fc.double({ min: 0, max: 8, noNaN: true }),
        fc.double({ min: 0, max: 8, noNaN: true }),
        fraction,
        fraction,
        (p, { lat: south, lng: west }, height, width, u, v) => {
          const b = { south, west, north: south + height, east: west + width };
          const inBox = { lat: south + u * height, lng: west + v * width };
          expect(maxDistanceToBoxKm(p, b)).toBeGreaterThanOrEqual(distanceKm(p, inBox) - 1e-6);
        },
      ),
      { numRuns: 3000, seed: 12 },
    );
  });

  it('is the farthest corner for a point beside the box', () => {
    expect(maxDistanceToBoxKm({ lat: 31, lng: 49 }, box)).toBeCloseTo(
      distanceKm({ lat: 31, lng: 49 }, { lat: 30, lng: 53 }),
      9,
    );
  });
});
