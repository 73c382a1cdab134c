// Geo: great-circle distance and nearest-k search over a static set of points (service bases).
//
// kdbush builds a compact static k-d tree; geokdbush walks it in order of great-circle distance,
// so "the 10 nearest bases" costs a few dozen distance evaluations instead of one per base.

import { around } from 'geokdbush';
import KDBush from 'kdbush';

/** A WGS 84 position in decimal degrees. */
export interface LatLng {
  lat: number;
  lng: number;
}

/** Mean Earth radius (IUGG R1) in km, the usual choice for haversine distances. */
export const EARTH_RADIUS_KM = 6371.0088;

/** The radius geokdbush uses internally; its distance limit is scaled by ours/its. */
const GEOKDBUSH_RADIUS_KM = 6371;

const RAD = Math.PI / 180;

/** True for a finite latitude in [-90, 90] and a finite longitude in [-180, 180]. */
export function isValidLatLng(p: LatLng): boolean {
  return (
    Number.isFinite(p.lat) &&
    Number.isFinite(p.lng) &&
    Math.abs(p.lat) <= 90 &&
    Math.abs(p.lng) <= 180
  );
}

/**
 * Great-circle distance in kilometres between two points (haversine on a sphere of radius
 * 6371.0088 km). Within 0.5 % of the ellipsoidal distance, plenty for "how far is the base".
 */
export function distanceKm(a: LatLng, b: LatLng): number {
  const sinDLat = Math.sin(((b.lat - a.lat) * RAD) / 2);
  const sinDLng = Math.sin(((b.lng - a.lng) * RAD) / 2);
  const h = sinDLat * sinDLat + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * sinDLng * sinDLng;
  // min() guards asin against h creeping just above 1 by rounding for antipodal points.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A static spatial index over points; build once with {@link createGeoIndex}, query with {@link nearest}. */
export interface GeoIndex {
  /** The points as given, so results can report exact distances. */
  readonly points: readonly LatLng[];
  /** The k-d tree over the valid points. */
  readonly tree: KDBush;
  /** Tree item id → index into `points` (invalid points are left out of the tree). */
  readonly ids: readonly number[];
}

/** One search result: the position in the original array and the distance from the query. */
export interface NearestResult {
  index: number;
  distanceKm: number;
}

/**
 * Builds a static spatial index over points. Points with missing or out-of-range coordinates
 * are skipped (they can never be "near"), and results still refer to the original positions.
 */
export function createGeoIndex(points: readonly LatLng[]): GeoIndex {
  const ids: number[] = [];
  points.forEach((p, i) => {
    if (isValidLatLng(p)) ids.push(i);
  });
  const tree = new KDBush(ids.length);
  for (const i of ids) {
    const p = points[i] as LatLng;
    tree.add(p.lng, p.lat);
  }
  tree.finish();
  return { points, tree, ids };
}

/**
 * The `k` points nearest to `origin`, closest first, optionally only those within
 * `maxDistanceKm`. Ties in distance are ordered by original index so results are stable.
 * Returns [] for k < 1 or an invalid origin; fewer than k results when the set is smaller.
 */
export function nearest(
  index: GeoIndex,
  origin: LatLng,
  k: number,
  maxDistanceKm?: number,
): NearestResult[] {
  const limit = Math.floor(k);
  if (!(limit >= 1) || !isValidLatLng(origin) || index.ids.length === 0) return [];
  if (maxDistanceKm !== undefined && !(maxDistanceKm >= 0)) return [];
  // geokdbush measures on a 6371 km sphere; widen its limit a hair and filter exactly below.
  const treeLimit =
    maxDistanceKm === undefined
      ? undefined
      : (maxDistanceKm * GEOKDBUSH_RADIUS_KM) / EARTH_RADIUS_KM + 1e-9;
  // Ask for one more than needed: if it ties with the k-th (two bases in one building), widen
  // until the tie is complete, so the tie-break by index matches a plain sort's.
  let count = limit + 1;
  for (;;) {
    const results = query(index, origin, count, treeLimit).filter(
      (r) => maxDistanceKm === undefined || r.distanceKm <= maxDistanceKm,
    );
    const cut = results[limit - 1]?.distanceKm;
    const last = results[results.length - 1]?.distanceKm;
    if (results.length < count || cut === undefined || last === undefined || last > cut) {
      return results.slice(0, limit);
    }
    count *= 2;
  }
}

/** Runs geokdbush and attaches exact distances, sorted by distance then original index. */
function query(
  index: GeoIndex,
  origin: LatLng,
  count: number,
  treeLimit: number | undefined,
): NearestResult[] {
  return around(index.tree, origin.lng, origin.lat, count, treeLimit)
    .map((id) => {
      const i = index.ids[id] as number;
      return { index: i, distanceKm: distanceKm(origin, index.points[i] as LatLng) };
    })
    .sort((a, b) => a.distanceKm - b.distanceKm || a.index - b.index);
}
