import { describe, expect, it } from 'vitest';
import {
  createGeoIndex,
  distanceKm,
  EARTH_RADIUS_KM,
  isValidLatLng,
  type LatLng,
  nearest,
} from './geo.ts';
import { seededRandom } from './random.ts';

const tehran: LatLng = { lat: 35.6892, lng: 51.389 };
const isfahan: LatLng = { lat: 32.6546, lng: 51.668 };
const mashhad: LatLng = { lat: 36.2605, lng: 59.6168 };
const tabriz: LatLng = { lat: 38.08, lng: 46.2919 };
const shiraz: LatLng = { lat: 29.5918, lng: 52.5837 };

/** Random points in Iran's extent: lat 25–40, lng 44–64. */
function randomPoints(rand: () => number, n: number): LatLng[] {
  return Array.from({ length: n }, () => ({ lat: 25 + rand() * 15, lng: 44 + rand() * 20 }));
}

/** The reference answer: every point, sorted by distance then index. */
function bruteForce(points: readonly LatLng[], origin: LatLng, k: number, maxKm = Infinity) {
  return points
    .map((p, index) => ({ index, distanceKm: distanceKm(origin, p) }))
    .filter((r) => r.distanceKm <= maxKm)
    .sort((a, b) => a.distanceKm - b.distanceKm || a.index - b.index)
    .slice(0, k);
}

describe('distanceKm', () => {
  // Reference great-circle distances on the 6371.0088 km sphere (road distances are longer).
  it.each([
    ['Tehran–Isfahan', tehran, isfahan, 338],
    ['Tehran–Mashhad', tehran, mashhad, 744],
    ['Tehran–Tabriz', tehran, tabriz, 530],
    ['Tehran–Shiraz', tehran, shiraz, 686],
  ])('%s is about %d km', (_, a, b, km) => {
    expect(distanceKm(a, b)).toBeGreaterThan(km * 0.99);
    expect(distanceKm(a, b)).toBeLessThan(km * 1.01);
  });

  it('is zero for the same point and symmetric', () => {
    expect(distanceKm(tehran, tehran)).toBe(0);
    expect(distanceKm(tehran, isfahan)).toBeCloseTo(distanceKm(isfahan, tehran), 9);
  });

  it('measures one degree of latitude as 2πR/360', () => {
    expect(distanceKm({ lat: 30, lng: 50 }, { lat: 31, lng: 50 })).toBeCloseTo(
      (2 * Math.PI * EARTH_RADIUS_KM) / 360,
      6,
    );
  });

  it('measures half the circumference between antipodes without NaN', () => {
    expect(distanceKm({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(
      Math.PI * EARTH_RADIUS_KM,
      6,
    );
    expect(distanceKm({ lat: 90, lng: 0 }, { lat: -90, lng: 0 })).toBeCloseTo(
      Math.PI * EARTH_RADIUS_KM,
      6,
    );
  });

  it('crosses the antimeridian the short way', () => {
    expect(distanceKm({ lat: 0, lng: 179.5 }, { lat: 0, lng: -179.5 })).toBeCloseTo(
      (2 * Math.PI * EARTH_RADIUS_KM) / 360,
      6,
    );
  });
});

describe('isValidLatLng', () => {
  it('accepts the globe and rejects the rest', () => {
    expect(isValidLatLng(tehran)).toBe(true);
    expect(isValidLatLng({ lat: 90, lng: -180 })).toBe(true);
    expect(isValidLatLng({ lat: 91, lng: 0 })).toBe(false);
    expect(isValidLatLng({ lat: 0, lng: 181 })).toBe(false);
    expect(isValidLatLng({ lat: Number.NaN, lng: 0 })).toBe(false);
    expect(isValidLatLng({ lat: 0, lng: Number.POSITIVE_INFINITY })).toBe(false);
  });
});

describe('nearest', () => {
  const cities = [tehran, isfahan, mashhad, tabriz, shiraz];
  const index = createGeoIndex(cities);

  it('returns the k nearest in order with exact distances', () => {
    const qom = { lat: 34.6399, lng: 50.8759 };
    const result = nearest(index, qom, 3);
    expect(result.map((r) => r.index)).toEqual([0, 1, 3]); // Tehran 126 km, Isfahan 233 km, Tabriz 561 km (Shiraz 584 km)
    expect(result[0]?.distanceKm).toBe(distanceKm(qom, tehran));
  });

  it('returns every point when k exceeds the set', () => {
    expect(nearest(index, tehran, 50).map((r) => r.index)).toEqual([0, 1, 3, 4, 2]);
    expect(nearest(index, tehran, Number.POSITIVE_INFINITY)).toHaveLength(5);
  });

  it('filters by maximum distance, inclusive', () => {
    expect(nearest(index, tehran, 10, 400).map((r) => r.index)).toEqual([0, 1]);
    const exact = distanceKm(tehran, isfahan);
    expect(nearest(index, tehran, 10, exact).map((r) => r.index)).toEqual([0, 1]);
    expect(nearest(index, tehran, 10, exact - 1e-6).map((r) => r.index)).toEqual([0]);
    expect(nearest(index, { lat: 26, lng: 62 }, 10, 100)).toEqual([]);
    expect(nearest(index, tehran, 10, 0).map((r) => r.index)).toEqual([0]);
  });

  it('returns nothing for an empty set, k below 1 or a bad query', () => {
    expect(nearest(createGeoIndex([]), tehran, 5)).toEqual([]);
    expect(nearest(index, tehran, 0)).toEqual([]);
    expect(nearest(index, tehran, -3)).toEqual([]);
    expect(nearest(index, tehran, Number.NaN)).toEqual([]);
    expect(nearest(index, { lat: Number.NaN, lng: 51 }, 5)).toEqual([]);
    expect(nearest(index, tehran, 5, -1)).toEqual([]);
    expect(nearest(index, tehran, 5, Number.NaN)).toEqual([]);
  });

  it('rounds a fractional k down', () => {
    expect(nearest(index, tehran, 2.9)).toHaveLength(2);
  });

  it('skips invalid points but reports original indices', () => {
    const withBad = [{ lat: Number.NaN, lng: 51 }, isfahan, { lat: 200, lng: 0 }, tehran];
    const result = nearest(createGeoIndex(withBad), tehran, 10);
    expect(result.map((r) => r.index)).toEqual([3, 1]);
  });

  it('orders ties by original index, also across the k cut', () => {
    // Eight bases in one building plus one farther away; k cuts through the tie.
    const same = { lat: 35.7, lng: 51.4 };
    const points = [{ lat: 36, lng: 52 }, ...Array.from({ length: 8 }, () => ({ ...same }))];
    const tied = createGeoIndex(points);
    expect(nearest(tied, same, 3).map((r) => r.index)).toEqual([1, 2, 3]);
    expect(nearest(tied, same, 8).map((r) => r.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(nearest(tied, same, 9).map((r) => r.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 0]);
  });

  it('always agrees with a plain sort (200 random queries over 2,000 random points)', () => {
    const rand = seededRandom(20240802);
    const points = randomPoints(rand, 2000);
    const geo = createGeoIndex(points);
    for (let q = 0; q < 200; q++) {
      const origin = { lat: 25 + rand() * 15, lng: 44 + rand() * 20 };
      const k = 1 + Math.floor(rand() * 25);
      // Every fourth query also has a distance limit, some tighter than the k-th neighbour.
      const maxKm = q % 4 === 0 ? rand() * 150 : undefined;
      const expected = bruteForce(points, origin, k, maxKm);
      const actual = nearest(geo, origin, k, maxKm);
      expect(
        actual.map((r) => r.index),
        `query ${q}`,
      ).toEqual(expected.map((r) => r.index));
      actual.forEach((r, i) => {
        expect(r.distanceKm).toBe(expected[i]?.distanceKm);
      });
    }
  });

  it('agrees with a plain sort on points with many exact ties (a coarse grid)', () => {
    const rand = seededRandom(7);
    // Points snapped to a 0.5° grid: many share a location, so ties are common.
    const points = Array.from({ length: 2000 }, () => ({
      lat: 25 + Math.round(rand() * 30) / 2,
      lng: 44 + Math.round(rand() * 40) / 2,
    }));
    const geo = createGeoIndex(points);
    for (let q = 0; q < 200; q++) {
      const origin = {
        lat: 25 + Math.round(rand() * 30) / 2,
        lng: 44 + Math.round(rand() * 40) / 2,
      };
      const k = 1 + Math.floor(rand() * 30);
      expect(
        nearest(geo, origin, k).map((r) => r.index),
        `query ${q}`,
      ).toEqual(bruteForce(points, origin, k).map((r) => r.index));
    }
  });
});
