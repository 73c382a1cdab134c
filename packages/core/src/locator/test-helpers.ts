// Shared by the locator tests only (not exported): small valid bases, a seeded PRNG and
// generated positions.
import fc from 'fast-check';
import { distanceKm, type LatLng } from '../geo.ts';
import { seededRandom } from '../random.ts';
import {
  type ServiceBase,
  type ServiceBaseInput,
  ServiceBaseSchema,
} from '../schemas/service-base.ts';
import type { LocatorRecord } from './format.ts';

/** Deterministic, so a failing case reproduces. */
export const seeded = seededRandom;

/** A minimal valid base input at a position. */
export function baseInput(
  id: string,
  lat: number,
  lng: number,
  extra: Partial<ServiceBaseInput> = {},
): ServiceBaseInput {
  return {
    id,
    sample: true,
    name: { fa: `پایگاه ${id}`, en: `Base ${id}` },
    organization: { name: { fa: 'بهزیستی', en: 'Welfare Organisation' } },
    province: 'isfahan',
    county: { id: 'isfahan', name: { fa: 'اصفهان', en: 'Isfahan' } },
    location: { latitude: lat, longitude: lng },
    address: { address_1: { fa: 'نشانی نمونه' }, city: { fa: 'اصفهان' } },
    ...extra,
  };
}

/** A validated base. */
export function base(
  id: string,
  lat: number,
  lng: number,
  extra: Partial<ServiceBaseInput> = {},
): ServiceBase {
  return ServiceBaseSchema.parse(baseInput(id, lat, lng, extra));
}

/**
 * Clustered bases like a real country: dense towns, sparse countryside, a few bases sharing one
 * building (equal coordinates, to exercise ties). Coordinates have 5 decimals as published.
 */
export function clusteredBases(count: number, seed: number): ServiceBase[] {
  const next = seeded(seed);
  const towns = Array.from({ length: 12 }, () => ({
    lat: 25 + next() * 15,
    lng: 44.5 + next() * 18.5,
  }));
  const round = (value: number) => Math.round(value * 1e5) / 1e5;
  const out: ServiceBase[] = [];
  for (let i = 0; i < count; i++) {
    const town = towns[Math.floor(next() * towns.length)] as LatLng;
    const sparse = next() < 0.2;
    const spread = sparse ? 2 : 0.05;
    const lat = Math.min(40.4, Math.max(24.1, town.lat + (next() - 0.5) * spread));
    const lng = Math.min(63.4, Math.max(44.1, town.lng + (next() - 0.5) * spread));
    out.push(base(`b-${i}`, round(lat), round(lng)));
    if (i % 97 === 0 && i + 2 < count) {
      // Three bases in one building.
      out.push(base(`b-${i}-x`, round(lat), round(lng)), base(`b-${i}-y`, round(lat), round(lng)));
      i += 2;
    }
  }
  return out;
}

const BAND_PROVINCES = [
  ['khuzestan', 'isfahan', 'yazd', 'kerman', 'sistan-baluchestan'],
  ['kermanshah', 'markazi', 'tehran', 'semnan', 'khorasan-razavi'],
  ['azarbaijan-gharbi', 'zanjan', 'gilan', 'mazandaran', 'golestan'],
] as const;

/**
 * Clustered bases, each in a province given by a band of latitude (3) and longitude (5), so
 * borders cut through towns and a point's nearest bases are often across a border.
 */
export function provincialBases(count: number, seed: number): ServiceBase[] {
  return clusteredBases(count, seed).map((b) => {
    const row = Math.min(2, Math.max(0, Math.floor((b.location.latitude - 24) / 5.5)));
    const column = Math.min(4, Math.max(0, Math.floor((b.location.longitude - 44) / 3.9)));
    const province = BAND_PROVINCES[row]?.[column] ?? 'isfahan';
    return { ...b, province, county: { id: province, name: { fa: province } } };
  });
}

/** The reference answer: every base sorted by distance, then id. */
export function plainNearest(records: readonly LocatorRecord[], p: LatLng, k: number) {
  return records
    .map((record) => ({
      id: record.id,
      distanceKm: distanceKm(p, { lat: record.location.latitude, lng: record.location.longitude }),
    }))
    .sort((a, b) => a.distanceKm - b.distanceKm || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, k);
}

/** Generated positions in a box of latitudes and longitudes (degrees). */
export const positionIn = (lat: [number, number], lng: [number, number]) =>
  fc.record({
    lat: fc.double({ min: lat[0], max: lat[1], noNaN: true }),
    lng: fc.double({ min: lng[0], max: lng[1], noNaN: true }),
  });

/** Generated positions anywhere on Earth, poles and antimeridian included. */
export const anywhere = positionIn([-90, 90], [-180, 180]);
