// Readers for the published files, for the browser: each takes parsed JSON (`response.json()`)
// and returns typed data, or throws LocatorDataError with a code when the file is not a locator
// file of a version this code understands. Bad entries are dropped and bad records inside a
// chunk are skipped and counted. Every byte here is shipped in the widget, so the checks are
// written by hand and kept to what the element relies on (the build validated everything).

import { isValidLatLng, type LatLng } from '../geo.ts';
import type { LocalizedText } from '../schemas/localized-text.ts';
import type { ProvinceId } from '../schemas/provinces.ts';
import {
  LOCATOR_FORMAT_VERSION,
  LOCATOR_FORMATS,
  LocatorDataError,
  type LocatorIndex,
  type LocatorPlaces,
  type LocatorRecord,
  type NameEntry,
} from './format.ts';
import { expandRecord, isObject } from './records.ts';

// biome-ignore lint/suspicious/noExplicitAny: untrusted JSON, every field is checked before use
type Json = Record<string, any>;

/** Number.isFinite is false for anything that is not a number. */
const isNumber = Number.isFinite as (value: unknown) => value is number;

const isString = (value: unknown): value is string => typeof value === 'string';

/** The objects of a list (anything else gives none). */
const objects = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);

const isLocalized = (value: unknown): value is LocalizedText =>
  isObject(value) && isString(value.fa);

/** `{ fa, en }` from two array cells; en only when it is text. */
const localized = (fa: string, en: unknown): LocalizedText => (isString(en) ? { fa, en } : { fa });

/** A count, 0 when missing. */
const count = (value: unknown): number => Number(value) || 0;

/** `[lat, lng]` as a valid position, or undefined. */
function readCenter(value: unknown): LatLng | undefined {
  const [lat, lng] = Array.isArray(value) ? value : [];
  const point = { lat, lng };
  return isValidLatLng(point) ? point : undefined;
}

/** `[key, count, south, west, north, east]`, the box in hundredths of a degree. */
const isChunkEntry = (entry: unknown): entry is [string, ...number[]] =>
  Array.isArray(entry) && isString(entry[0]) && entry.slice(1, 6).every(isNumber);

function chunkInfo(entry: unknown[], province?: string) {
  const [cell, n, south, west, north, east] = entry as [string, ...number[]];
  return {
    key: province ? `${province}/${cell}` : cell,
    count: n as number,
    ...(province ? { province } : {}),
    bbox: {
      south: (south as number) / 100,
      west: (west as number) / 100,
      north: (north as number) / 100,
      east: (east as number) / 100,
    },
  };
}

/** Checks the `format` marker and version shared by every file, and that `ok` holds. */
function checkHeader(data: unknown, format: string, ok: (json: Json) => boolean): Json {
  if (!isObject(data) || data.format !== format) {
    throw new LocatorDataError('wrong-format', `not a ${format} file`);
  }
  if (!isNumber(data.formatVersion) || data.formatVersion > LOCATOR_FORMAT_VERSION) {
    throw new LocatorDataError(
      'unsupported-version',
      `${format} version ${data.formatVersion} is newer than this code reads`,
    );
  }
  if (!ok(data)) throw new LocatorDataError('malformed', `${format} file is incomplete`);
  return data;
}

/**
 * Reads index.json, format 1 or 2. Province names may be missing (older files): the id stands
 * in. Format 1 has one places file for every province and no language files: its paths have no
 * placeholder for them, so the same helpers read it.
 */
export function parseIndex(data: unknown): LocatorIndex {
  const json = checkHeader(
    data,
    LOCATOR_FORMATS.index,
    ({ root, files: f, chunks, provinces }) =>
      Array.isArray(chunks) &&
      Array.isArray(provinces) &&
      Array.isArray(root) &&
      root.length === 3 &&
      root.every(isNumber) &&
      isObject(f) &&
      [f.chunks, f.places, f.names, f.search ?? f.places].every(isString) &&
      chunks.every(
        (entry) =>
          Array.isArray(entry) &&
          isString(entry[0]) &&
          (entry.slice(1, 6).every(isNumber) || entry.slice(1).every(isChunkEntry)),
      ),
  );
  const { root, files, chunks, provinces } = json;
  return {
    formatVersion: json.formatVersion,
    version: String(json.version ?? ''),
    generated: String(json.generated ?? ''),
    count: count(json.count),
    skipped: count(json.skipped),
    sample: json.sample === true,
    root: { south: root[0], west: root[1], size: root[2] },
    // Format 2 groups chunks by province, `[province, [cell, count, box…], …]`, and names each
    // `<province>/<cell>`: every base of the chunk is in that province. Format 1 lists
    // `[key, count, box…]`.
    chunks: chunks.flatMap((entry: unknown[]) =>
      isChunkEntry(entry)
        ? [chunkInfo(entry)]
        : (entry.slice(1) as unknown[][]).map((cell) => chunkInfo(cell, entry[0] as string)),
    ),
    provinces: provinces
      .filter((entry: unknown) => Array.isArray(entry) && isString(entry[0]))
      .map(([id, n, fa, en, lat, lng]: unknown[]) => {
        const center = readCenter([lat, lng]);
        return {
          id: id as ProvinceId,
          name: localized(isString(fa) ? fa : (id as string), en),
          count: count(n),
          ...(center ? { center } : {}),
        };
      }),
    files: {
      chunks: files.chunks,
      places: files.places,
      names: files.names,
      search: files.search ?? files.places,
    },
    languages: Array.isArray(json.languages) ? json.languages.filter(isString) : [],
  };
}

/** The records of one chunk, and how many were skipped because they were unusable. */
export interface ParsedChunk {
  key: string;
  records: LocatorRecord[];
  skipped: number;
}

/** Reads one chunk; unusable records are skipped and counted (the element logs the count). */
export function parseChunk(data: unknown): ParsedChunk {
  const json = checkHeader(
    data,
    LOCATOR_FORMATS.chunk,
    (chunk) => isString(chunk.key) && Array.isArray(chunk.records),
  );
  const records = (json.records as unknown[]).map(expandRecord);
  const kept = records.filter((record): record is LocatorRecord => !!record);
  return { key: json.key, records: kept, skipped: records.length - kept.length };
}

/** Reads places.json; entries without a name or centre are dropped. */
export function parsePlaces(data: unknown): LocatorPlaces {
  const json = checkHeader(data, LOCATOR_FORMATS.places, (places) =>
    Array.isArray(places.provinces),
  );
  return {
    provinces: objects(json.provinces).map((province) => ({
      id: String(province.id) as ProvinceId,
      name: isLocalized(province.name) ? province.name : { fa: String(province.id) },
      count: count(province.count),
      counties: objects(province.counties).flatMap((county) => {
        const center = readCenter(county.center);
        return isString(county.id) && isLocalized(county.name) && center
          ? [
              {
                id: county.id,
                name: county.name,
                count: count(county.count),
                center,
                neighbourhoods: objects(county.neighbourhoods).flatMap((place) => {
                  const at = readCenter(place.center);
                  return isLocalized(place.name) && at
                    ? [{ name: place.name, count: count(place.count), center: at }]
                    : [];
                }),
              },
            ]
          : [];
      }),
    })),
  };
}

/** Reads one names/<province>.json; entries that cannot be shown or located are dropped. */
export function parseNames(data: unknown): NameEntry[] {
  const json = checkHeader(
    data,
    LOCATOR_FORMATS.names,
    (names) => isString(names.province) && Array.isArray(names.bases),
  );
  const province: ProvinceId = json.province;
  return (json.bases as unknown[]).flatMap((entry): NameEntry[] => {
    const [id, fa, en, county, chunk, lat, lng] = Array.isArray(entry) ? entry : [];
    const position = readCenter([lat, lng]);
    return isString(id) && isString(fa) && isString(chunk) && position
      ? [
          {
            id,
            name: localized(fa, en),
            province,
            county: isString(county) ? county : '',
            chunk,
            position,
          },
        ]
      : [];
  });
}
