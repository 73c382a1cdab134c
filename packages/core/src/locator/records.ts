// Records inside chunks: written without the schema's defaults (empty lists, country IR,
// languages [fa]) and read back with them, so chunks stay small and the element still gets a
// complete ServiceBase. Reading checks the shape by hand rather than with zod: the widget must
// stay small, and the build already validated every record against ServiceBaseSchema.

import { isValidLatLng } from '../geo.ts';
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

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const hasPersian = (value: unknown): boolean => isObject(value) && typeof value.fa === 'string';

/**
 * Restores a published record to a ServiceBase, or returns undefined when it lacks what the
 * locator needs to show it (id, Persian name, province, county, a valid position, an address)
 * or a list field is not a list. Such a record is skipped and counted, never fatal.
 */
export function expandRecord(value: unknown): ServiceBase | undefined {
  if (!isObject(value)) return undefined;
  const { location, county, address } = value;
  if (typeof value.id !== 'string' || value.id === '') return undefined;
  if (!hasPersian(value.name) || typeof value.province !== 'string') return undefined;
  if (!isObject(county) || typeof county.id !== 'string' || !hasPersian(county.name))
    return undefined;
  if (!isObject(address) || !hasPersian(address.address_1) || !hasPersian(address.city))
    return undefined;
  if (!isObject(location)) return undefined;
  const lat = location.latitude;
  const lng = location.longitude;
  if (typeof lat !== 'number' || typeof lng !== 'number' || !isValidLatLng({ lat, lng }))
    return undefined;
  for (const field of [...LIST_FIELDS, 'languages'] as const) {
    if (value[field] !== undefined && !Array.isArray(value[field])) return undefined;
  }
  return {
    ...value,
    sample: value.sample === true,
    address: { ...address, country: 'IR' },
    phones: value.phones ?? [],
    schedules: value.schedules ?? [],
    closures: value.closures ?? [],
    services: value.services ?? [],
    accessibility: value.accessibility ?? [],
    languages: value.languages ?? ['fa'],
  } as ServiceBase;
}
