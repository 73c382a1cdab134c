// The published locator format: what the build writes and what a browser reads.
//
// A citizen on a slow connection should download only what the question needs, so the data is
// split in small static JSON files, one per province and language below the index (see
// docs/data.md for the layout and the measured sizes):
//   index.json                                  provinces (names, counts, centres) and chunks
//   provinces/<province>/<cell>.<lang>.json     full records of one quadtree cell of a province
//   provinces/<province>/places.<lang>.json     that province's counties and neighbourhoods
//   provinces/<province>/names.<lang>.json      base names of one province, for text search
//   places.<lang>.json                          every place, for text search and suggestions
// "Nearest 10 to me" reads the index and one to a few chunks; a province page the index and
// that province's chunk; the lists a province's places file once the province is chosen.
// Format version 1 (one places.json, chunks/<key>.json, names/<province>.json, both languages
// in every file) is still read, so a site that publishes its own data keeps working.

import type { LatLng } from '../geo.ts';
import type { LocalizedText } from '../schemas/localized-text.ts';
import type { ProvinceId } from '../schemas/provinces.ts';
import type { ServiceBase } from '../schemas/service-base.ts';

/** The `format` field of each published file, so a wrong URL is recognised, not misread. */
export const LOCATOR_FORMATS = {
  index: 'bz-locator-index',
  chunk: 'bz-locator-chunk',
  places: 'bz-locator-places',
  names: 'bz-locator-names',
} as const;

/** The format version this code writes; it reads this and 1, and refuses a newer one. */
export const LOCATOR_FORMAT_VERSION = 2;

/** A latitude/longitude box in decimal degrees (never crosses the antimeridian: Iran does not). */
export interface Box {
  south: number;
  west: number;
  north: number;
  east: number;
}

/** One chunk as listed in the index. */
export interface ChunkInfo {
  /** Quadtree cell key, `q` then one digit 0–3 per level; also the file name. */
  key: string;
  /** Number of bases in the chunk. */
  count: number;
  /** The province all its bases are in (format 2: the key's part before `/`). */
  province?: string;
  /** A box that contains every base of the chunk (rounded outward to 0.01°). */
  bbox: Box;
}

/** The decoded index (manifest). */
export interface LocatorIndex {
  formatVersion: number;
  /** Content hash of everything published; appended to chunk URLs so caches stay correct. */
  version: string;
  /** Day the data was published, YYYY-MM-DD. */
  generated: string;
  /** Bases published. */
  count: number;
  /** Records in the source that failed validation and were left out. */
  skipped: number;
  /** True when any published record is sample data (the element says so). */
  sample: boolean;
  /** The quadtree's root square: south-west corner and side in degrees. */
  root: { south: number; west: number; size: number };
  chunks: ChunkInfo[];
  /**
   * Every province with its names and count (those with bases have a names file) and, from
   * format 2, the centre its search starts from (the counties' centres weighted by bases).
   */
  provinces: { id: ProvinceId; name: LocalizedText; count: number; center?: LatLng }[];
  /**
   * Relative path patterns with `{key}`, `{province}` and `{lang}` (see {@link locatorPath}):
   * chunks, a province's places (format 1: one file for all), a province's names, and the
   * places of every province for text search (format 1: the same places file).
   */
  files: { places: string; names: string; chunks: string; search: string };
  /** Languages with their own files (format 2; the first is the fallback); none in format 1. */
  languages: string[];
}

/** A published base: the validated record with its defaults restored. */
export type LocatorRecord = ServiceBase;

/** A neighbourhood or settlement (e.g. Hesseh) within a county. */
export interface NeighbourhoodPlace {
  name: LocalizedText;
  count: number;
  center: { lat: number; lng: number };
}

/**
 * A county with its bases' centre and its neighbourhoods. Places carry no chunk lists: a
 * chosen place becomes a position (its centre) for planChunkFetch, optionally with a county
 * filter, which costs nothing extra and keeps places.json a third smaller (docs/data.md).
 */
export interface CountyPlace {
  id: string;
  name: LocalizedText;
  count: number;
  center: { lat: number; lng: number };
  neighbourhoods: NeighbourhoodPlace[];
}

/** A province with its counties. */
export interface ProvincePlace {
  id: ProvinceId;
  name: LocalizedText;
  count: number;
  counties: CountyPlace[];
}

/** The decoded places file. */
export interface LocatorPlaces {
  provinces: ProvincePlace[];
}

/** One base in a names file: enough to show a suggestion and to fetch its chunk. */
export interface NameEntry {
  id: string;
  name: LocalizedText;
  province: ProvinceId;
  county: string;
  chunk: string;
  position: { lat: number; lng: number };
}

/** Why published data could not be read; the element maps each code to a localized sentence. */
export type LocatorDataErrorCode = 'wrong-format' | 'unsupported-version' | 'malformed';

/** Thrown by the readers when a file is not what the locator expects. */
export class LocatorDataError extends Error {
  override name = 'LocatorDataError';
  readonly code: LocatorDataErrorCode;

  constructor(code: LocatorDataErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
