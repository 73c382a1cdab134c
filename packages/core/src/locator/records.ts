// Records inside chunks: written without the schema's defaults (empty lists, country IR,
// languages [fa]) and read back with them, so chunks stay small and the element still gets a
// complete ServiceBase. Reading checks the shape by hand rather than with zod: the widget must
// stay small, and the build already validated every record against ServiceBaseSchema.

import { isValidLatLng, type LatLng } from '../geo.ts';
import type { ServiceBase } from '../schemas/service-base.ts';

/** Coordinates are published with 5 decimals (about 1 m), plenty for "which base is nearer". */
export function roundCoordinate(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

const LIST_FIELDS = ['phones', 'schedules', 'closures', 'services', 'accessibility'] as const;

/** The record as published: defaults left out, coordinates rounded. */
export function compactRecord(base: ServiceBase): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  if (!base.sample) delete out.sample;
  for (const field of LIST_FIELDS) if (base[field].length === 0) delete out[field];
  if (base.languages.length === 1 && base.languages[0] === 'fa') delete out.languages;
  const { country: _country, ...address } = base.address;
  out.address = address;
  out.location = {
    latitude: roundCoordinate(base.location.latitude),
    longitude: roundCoordinate(base.location.longitude),
  };
  return out;
}

/** A plain object (not null, not an array). */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const hasPersian = (value: unknown): boolean => isObject(value) && typeof value.fa === 'string';

/**
 * Restores a published record to a ServiceBase, or returns undefined when it lacks what the
 * locator needs to show it (id, Persian name, province, county, a valid position, an address)
 * or a list field is not a list. Such a record is skipped and counted, never fatal.
 */
export function expandRecord(value: unknown): ServiceBase | undefined {
  if (!isObject(value)) return undefined;
  const { id, name, province, county, address, location } = value;
  const usable =
    typeof id === 'string' &&
    id !== '' &&
    hasPersian(name) &&
    typeof province === 'string' &&
    isObject(county) &&
    typeof county.id === 'string' &&
    hasPersian(county.name) &&
    isObject(address) &&
    hasPersian(address.address_1) &&
    hasPersian(address.city) &&
    isObject(location) &&
    // isValidLatLng is false for anything that is not a finite number.
    isValidLatLng({ lat: location.latitude, lng: location.longitude } as LatLng) &&
    [...LIST_FIELDS, 'languages'].every(
      (field) => value[field] === undefined || Array.isArray(value[field]),
    );
  if (!usable) return undefined;
  const record: Record<string, unknown> = {
    ...value,
    sample: value.sample === true,
    address: { ...address, country: 'IR' },
    languages: value.languages ?? ['fa'],
  };
  for (const field of LIST_FIELDS) record[field] ??= [];
  return record as ServiceBase;
}

/**
 * A published value with its texts for one language: in Persian files every `{ fa, en }` keeps
 * only `fa`; other languages keep both, because Persian is the source of every text and stands
 * in wherever a translation is missing (LocalizedTextSchema), and a Persian name typed on an
 * English page should still match.
 */
export function forLanguage<T>(value: T, lang: string): T {
  if (lang !== 'fa') return value;
  const strip = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(strip);
    if (!isObject(item)) return item;
    const keys = Object.keys(item);
    if (typeof item.fa === 'string' && keys.every((key) => key === 'fa' || key === 'en'))
      return { fa: item.fa };
    return Object.fromEntries(keys.map((key) => [key, strip(item[key])]));
  };
  return strip(value) as T;
}
