// Lower bounds on great-circle distance from a point to a latitude/longitude box: the test
// that tells the locator a chunk cannot hold anything nearer than what it already has.

import { distanceKm, type LatLng } from '../geo.ts';
import type { Box } from './format.ts';

const RAD = Math.PI / 180;

/** |a − b| in degrees of longitude, wrapped to 0–180. */
function lngGap(a: number, b: number): number {
  const d = Math.abs(a - b) % 360;
  return d > 180 ? 360 - d : d;
}

/**
 * The smallest great-circle distance in km from `p` to any point of `box` (0 inside).
 *
 * Why it is exact: within the box's longitude span the nearest point is straight north or south.
 * Outside it, along any parallel the distance grows with the longitude gap, so the nearest point
 * lies on the nearer meridian edge; along that meridian the distance has one minimum, at
 * latitude atan(tan φ / cos Δλ), else at the nearer corner. (geokdbush prunes its tree the same
 * way.) Callers still compare with a small tolerance for floating-point rounding.
 */
export function minDistanceToBoxKm(p: LatLng, box: Box): number {
  const inside = lngGap(p.lng, (box.west + box.east) / 2) <= (box.east - box.west) / 2;
  if (inside) {
    if (p.lat < box.south) return distanceKm(p, { lat: box.south, lng: p.lng });
    if (p.lat > box.north) return distanceKm(p, { lat: box.north, lng: p.lng });
    return 0;
  }
  const gapWest = lngGap(p.lng, box.west);
  const gapEast = lngGap(p.lng, box.east);
  const edge = gapWest <= gapEast ? box.west : box.east;
  const gap = Math.min(gapWest, gapEast);
  if (gap < 90) {
    const lat = Math.atan(Math.tan(p.lat * RAD) / Math.cos(gap * RAD)) / RAD;
    if (lat > box.south && lat < box.north) return distanceKm(p, { lat, lng: edge });
  }
  return Math.min(
    distanceKm(p, { lat: box.south, lng: edge }),
    distanceKm(p, { lat: box.north, lng: edge }),
  );
}

/**
 * An upper bound in km on the great-circle distance from `p` to any point of `box`: its farthest
 * corner. Along a parallel the distance grows with the longitude gap and along a meridian it has
 * one minimum, so the farthest point is a corner, unless the box reaches the meridian opposite
 * `p` (then half the Earth's circumference is the bound). Used to fetch in one round; a wrong
 * bound would cost a round trip, never a wrong answer (the plan checks again).
 */
export function maxDistanceToBoxKm(p: LatLng, box: Box): number {
  const opposite = p.lng + 180;
  const crosses = lngGap(opposite, (box.west + box.east) / 2) <= (box.east - box.west) / 2;
  if (crosses) return distanceKm(p, { lat: -p.lat, lng: opposite });
  return Math.max(
    ...[box.south, box.north].flatMap((lat) =>
      [box.west, box.east].map((lng) => distanceKm(p, { lat, lng })),
    ),
  );
}
