import { isValidLatLng, type LatLng } from '@behzisti/core/geo';
import type {
  LocatorIndex,
  LocatorPlaces,
  LocatorRecord,
  PlaceMatch,
} from '@behzisti/core/locator';
import { provinceCenter } from './data.ts';
import type { Names, Scope } from './types.ts';

// Where to search from, and within what: from the host's attributes, the lists or a match.

/** A place to search from: its position, scope and name. */
export interface Place {
  center: LatLng;
  scope: Scope;
  label: Names | undefined;
}

/**
 * The scope the host's `province` and `county` attributes give, with its centre and name;
 * unknown ids are named in a warning and ignored. `places` is asked for only when needed: a
 * province's centre is in the index (format 2), so a province page reads no places file; a
 * county needs its province's places (or every province's, without a province).
 */
export async function hostScope(
  index: LocatorIndex,
  attributes: { province: string | undefined; county: string | undefined },
  places: (province: string | undefined) => Promise<LocatorPlaces>,
  warn: (text: string) => void,
): Promise<{ scope: Scope; label: Names | undefined; center: LatLng | undefined }> {
  let scope: Scope = {};
  let label: Names | undefined;
  let center: LatLng | undefined;
  const province = attributes.province?.trim();
  if (province) {
    const known = index.provinces.find((entry) => entry.id === province);
    if (known) {
      scope = { province, count: known.count };
      label = known.name;
    } else warn(`province="${province}" has no bases in this data; showing every province`);
  }
  const county = attributes.county?.trim();
  if (scope.province) center = provinceCenter(index, undefined, scope.province);
  if (county || (scope.province && !center)) {
    const all = await places(scope.province);
    if (scope.province) center ??= provinceCenter(index, all, scope.province);
    if (county) {
      const found = all.provinces
        .filter((entry) => !scope.province || entry.id === scope.province)
        .flatMap((entry) => entry.counties.map((c) => ({ province: entry.id, county: c })))
        .find((entry) => entry.county.id === county);
      if (found) {
        scope = { province: found.province, county, count: found.county.count };
        label = found.county.name;
        center = found.county.center;
      } else warn(`county="${county}" has no bases in this data; ignoring it`);
    }
  }
  return { scope, label, center };
}

/** The host's `lat` and `lng` as a position, or undefined (with a warning when they are junk). */
export function hostPosition(
  lat: number | undefined,
  lng: number | undefined,
  warn: (text: string) => void,
): LatLng | undefined {
  if (lat === undefined && lng === undefined) return undefined;
  const position = { lat, lng } as LatLng;
  if (isValidLatLng(position)) return position;
  warn(
    `lat="${lat}" lng="${lng}" is not a position (both in decimal degrees, WGS 84); ignoring it`,
  );
  return undefined;
}

/** The province (and county, if one is chosen) picked from the lists. */
export function chosenPlace(
  index: LocatorIndex | undefined,
  places: LocatorPlaces | undefined,
  province: string,
  countyId: string,
): Place | undefined {
  const counties = places?.provinces.find((entry) => entry.id === province)?.counties ?? [];
  const county = counties.find((entry) => entry.id === countyId);
  if (county) {
    const scope = { province, county: county.id, count: county.count };
    return { center: county.center, scope, label: county.name };
  }
  const center = provinceCenter(index, places, province);
  const known = index?.provinces.find((entry) => entry.id === province);
  return center
    ? { center, scope: { province, count: known?.count }, label: known?.name }
    : undefined;
}

/** The scope of a search match: its county or province; none for a neighbourhood. */
export function scopeOfMatch(match: PlaceMatch): Scope {
  if (match.kind === 'county')
    return { province: match.province, county: match.county, count: match.count };
  if (match.kind === 'province') return { province: match.province, count: match.count };
  return {};
}

/** The records a scope allows (its county, else its province), or undefined for all. */
export function filterOf(scope: Scope): ((record: LocatorRecord) => boolean) | undefined {
  if (scope.county)
    return (record) => record.county.id === scope.county && record.province === scope.province;
  if (scope.province) return (record) => record.province === scope.province;
  return undefined;
}

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 100;

/** How many bases to show for a `limit` attribute: a whole number from 1 to 100, else 10. */
export function countOf(limit: number): number {
  if (Number.isInteger(limit) && limit >= 1) return Math.min(limit, MAX_LIMIT);
  return DEFAULT_LIMIT;
}
