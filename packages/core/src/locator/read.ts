// Readers for the published files, for the browser: each takes parsed JSON (`response.json()`)
// and returns typed data, or throws LocatorDataError with a code when the file is not a locator
// file of a version this code understands. Bad records inside a chunk are skipped and counted.

import { isValidLatLng } from '../geo.ts';
import type { LocalizedText } from '../schemas/localized-text.ts';
import type { ProvinceId } from '../schemas/provinces.ts';
import {
  type ChunkInfo,
  type CountyPlace,
  LOCATOR_FORMAT_VERSION,
  LOCATOR_FORMATS,
  LocatorDataError,
  type LocatorIndex,
  type LocatorPlaces,
  type LocatorRecord,
  type NameEntry,
  type NeighbourhoodPlace,
} from './format.ts';
import { expandRecord } from './records.ts';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const malformed = (what: string) => new LocatorDataError('malformed', `locator data: ${what}`);

/** Checks the `format` marker and version shared by every file. */
function checkHeader(data: unknown, format: string): Json {
  if (!isObject(data) || data.format !== format) {
    throw new LocatorDataError('wrong-format', `not a ${format} file`);
  }
  if (typeof data.formatVersion !== 'number' || data.formatVersion > LOCATOR_FORMAT_VERSION) {
    throw new LocatorDataError(
      'unsupported-version',
      `${format} version ${String(data.formatVersion)} is newer than this code reads (${LOCATOR_FORMAT_VERSION})`,
    );
  }
  return data;
}

const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

const isLocalized = (value: unknown): value is LocalizedText =>
  isObject(value) && typeof value.fa === 'string';

/** Reads index.json. */
export function parseIndex(data: unknown): LocatorIndex {
  const json = checkHeader(data, LOCATOR_FORMATS.index);
  const { root, files, chunks, provinces } = json;
  if (!Array.isArray(chunks) || !Array.isArray(provinces)) throw malformed('index without lists');
  if (!Array.isArray(root) || root.length !== 3 || !root.every(isFiniteNumber))
    throw malformed('index without a root cell');
  if (
    !isObject(files) ||
    typeof files.chunks !== 'string' ||
    typeof files.places !== 'string' ||
    typeof files.names !== 'string'
  )
    throw malformed('index without file paths');
  const chunkList: ChunkInfo[] = chunks.map((entry) => {
    if (
      !Array.isArray(entry) ||
      typeof entry[0] !== 'string' ||
      !entry.slice(1, 6).every(isFiniteNumber)
    )
      throw malformed('a chunk entry is not [key, count, south, west, north, east]');
    const [key, count, south, west, north, east] = entry as [string, ...number[]];
    return {
      key,
      count: count as number,
      bbox: {
        south: (south as number) / 100,
        west: (west as number) / 100,
        north: (north as number) / 100,
        east: (east as number) / 100,
      },
    };
  });
  return {
    formatVersion: json.formatVersion as number,
    version: String(json.version ?? ''),
    generated: String(json.generated ?? ''),
    count: isFiniteNumber(json.count) ? json.count : 0,
    skipped: isFiniteNumber(json.skipped) ? json.skipped : 0,
    sample: json.sample === true,
    root: { south: root[0] as number, west: root[1] as number, size: root[2] as number },
    chunks: chunkList,
    provinces: provinces
      .filter(
        (entry): entry is [string, number] => Array.isArray(entry) && typeof entry[0] === 'string',
      )
      .map(([id, count]) => ({ id: id as ProvinceId, count: Number(count) || 0 })),
    files: { chunks: files.chunks, places: files.places, names: files.names },
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
  const json = checkHeader(data, LOCATOR_FORMATS.chunk);
  if (typeof json.key !== 'string' || !Array.isArray(json.records))
    throw malformed('chunk without key or records');
  const records: LocatorRecord[] = [];
  let skipped = 0;
  for (const value of json.records) {
    const record = expandRecord(value);
    if (record) records.push(record);
    else skipped++;
  }
  return { key: json.key, records, skipped };
}

function readCenter(value: unknown): { lat: number; lng: number } | undefined {
  if (!Array.isArray(value) || !isFiniteNumber(value[0]) || !isFiniteNumber(value[1]))
    return undefined;
  const point = { lat: value[0], lng: value[1] };
  return isValidLatLng(point) ? point : undefined;
}

/** Reads places.json; entries without a name or centre are dropped. */
export function parsePlaces(data: unknown): LocatorPlaces {
  const json = checkHeader(data, LOCATOR_FORMATS.places);
  if (!Array.isArray(json.provinces)) throw malformed('places without provinces');
  return {
    provinces: json.provinces.filter(isObject).map((province) => ({
      id: String(province.id) as ProvinceId,
      count: Number(province.count) || 0,
      counties: (Array.isArray(province.counties) ? province.counties : [])
        .filter(isObject)
        .flatMap((county): CountyPlace[] => {
          const center = readCenter(county.center);
          if (typeof county.id !== 'string' || !isLocalized(county.name) || !center) return [];
          const neighbourhoods = (Array.isArray(county.neighbourhoods) ? county.neighbourhoods : [])
            .filter(isObject)
            .flatMap((place): NeighbourhoodPlace[] => {
              const at = readCenter(place.center);
              if (!isLocalized(place.name) || !at) return [];
              return [
                {
                  name: place.name,
                  count: Number(place.count) || 0,
                  center: at,
                },
              ];
            });
          return [
            {
              id: county.id,
              name: county.name,
              count: Number(county.count) || 0,
              center,
              neighbourhoods,
            },
          ];
        }),
    })),
  };
}

/** Reads one names/<province>.json; entries that cannot be shown or located are dropped. */
export function parseNames(data: unknown): NameEntry[] {
  const json = checkHeader(data, LOCATOR_FORMATS.names);
  if (typeof json.province !== 'string' || !Array.isArray(json.bases))
    throw malformed('names without province or bases');
  const province = json.province as ProvinceId;
  return json.bases.flatMap((entry): NameEntry[] => {
    if (!Array.isArray(entry)) return [];
    const [id, fa, en, county, chunk, lat, lng] = entry as unknown[];
    if (typeof id !== 'string' || typeof fa !== 'string' || typeof chunk !== 'string') return [];
    const position = readCenter([lat, lng]);
    if (!position) return [];
    return [
      {
        id,
        name: typeof en === 'string' ? { fa, en } : { fa },
        province,
        county: typeof county === 'string' ? county : '',
        chunk,
        position,
      },
    ];
  });
}
