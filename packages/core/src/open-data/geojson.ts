import type { ServiceBase } from '../schemas/service-base.ts';
import { serviceBaseCsvCells } from './csv.ts';

/**
 * Service bases → GeoJSON (RFC 7946) for map tools (QGIS, uMap, Leaflet): one Point feature per
 * base at its entrance, `[longitude, latitude]` in WGS84 as RFC 7946 orders them. The feature's
 * properties are the CSV download's columns with the same names and values (minus latitude and
 * longitude, which are the geometry), so one field reference serves both files, and flat
 * scalar properties are what GIS tools show as an attribute table.
 */

/** One base's properties: CSV column names, values as plain JSON (no spreadsheet escaping). */
export type ServiceBaseProperties = Record<string, string | number | boolean>;

export interface ServiceBaseFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: ServiceBaseProperties;
}

export interface ServiceBaseFeatureCollection {
  type: 'FeatureCollection';
  features: ServiceBaseFeature[];
}

/** One base as a Point feature. Empty cells are left out rather than written as "". */
export function serviceBaseFeature(base: ServiceBase): ServiceBaseFeature {
  const { latitude: _latitude, longitude: _longitude, ...cells } = serviceBaseCsvCells(base);
  const properties: ServiceBaseProperties = {};
  for (const [name, value] of Object.entries(cells)) {
    if (value !== undefined && value !== '') properties[name] = value;
  }
  return {
    type: 'Feature',
    id: base.id,
    geometry: { type: 'Point', coordinates: [base.location.longitude, base.location.latitude] },
    properties,
  };
}

/** Every base as a FeatureCollection. */
export function toGeoJson(bases: readonly ServiceBase[]): ServiceBaseFeatureCollection {
  return { type: 'FeatureCollection', features: bases.map(serviceBaseFeature) };
}
