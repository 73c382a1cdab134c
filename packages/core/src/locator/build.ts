// Building the published locator files from validated service bases. Pure: the caller reads
// the dataset and writes the returned files (see portal/scripts/publish-locator-data.ts).

import { provinceName } from '../provinces.ts';
import type { ProvinceId } from '../schemas/provinces.ts';
import type { ServiceBase } from '../schemas/service-base.ts';
import { searchKey } from '../text.ts';
import { countiesCenter } from './center.ts';
import { type Box, type CountyPlace, LOCATOR_FORMAT_VERSION, LOCATOR_FORMATS } from './format.ts';
import type { Gazetteer } from './gazetteer.ts';
import { contentHash } from './hash.ts';
import { locatorPath } from './paths.ts';
import { DEFAULT_ROOT, partition } from './quadtree.ts';
import { compactRecord, forLanguage, roundCoordinate } from './records.ts';

/** Options of {@link buildLocatorData}. */
export interface BuildOptions {
  /** Publication day, YYYY-MM-DD (passed in so the build stays pure and reproducible). */
  generated: string;
  /** Bases per chunk before a cell is split; 128 measured best (docs/data.md). */
  maxRecordsPerChunk?: number;
  /** Deepest quadtree level. */
  maxDepth?: number;
  /** Records skipped by validation, reported in the index. */
  skipped?: number;
  /**
   * Every province and county (gazetteer.ts): with it, places.json and the index list places
   * without bases too (count 0, the gazetteer's centre), so a citizen can choose where they live
   * and be shown the nearest bases elsewhere.
   */
  gazetteer?: Gazetteer;
}

/** The default chunk capacity; see docs/data.md for the bytes measured at 64, 128 and 256. */
export const DEFAULT_MAX_RECORDS_PER_CHUNK = 128;

/**
 * Relative path patterns inside the published folder (see {@link locatorPath}). A chunk's key is
 * `<province>/<cell>`, so each province's files sit in one folder. What the answers show (chunks,
 * a province's lists) is written per language; what text search reads (every place, a province's
 * base names) has both languages in one file, because a citizen may type a name in Persian or in
 * Latin letters whatever the page's language («hesseh» on a Persian page).
 */
export const LOCATOR_PATHS = {
  index: 'index.json',
  chunks: 'provinces/{key}.{lang}.json',
  places: 'provinces/{province}/places.{lang}.json',
  names: 'provinces/{province}/names.json',
  search: 'places.json',
} as const;

/** The languages files are written in; the first is the fallback (the source language). */
export const LOCATOR_LANGUAGES = ['fa', 'en'] as const;

/** What the build produced: files by relative path, plus figures for the build log. */
export interface LocatorBuild {
  /** Relative path → file text (compact JSON). */
  files: Map<string, string>;
  count: number;
  chunks: number;
  version: string;
}

const positionOf = (base: ServiceBase) => ({
  lat: base.location.latitude,
  lng: base.location.longitude,
});

/** Bounding box rounded outward to 0.01° and written in hundredths, so it is short and safe. */
function bboxHundredths(bases: readonly ServiceBase[]): [number, number, number, number] {
  const box: Box = { south: 90, west: 180, north: -90, east: -180 };
  for (const base of bases) {
    const lat = roundCoordinate(base.location.latitude);
    const lng = roundCoordinate(base.location.longitude);
    box.south = Math.min(box.south, lat);
    box.north = Math.max(box.north, lat);
    box.west = Math.min(box.west, lng);
    box.east = Math.max(box.east, lng);
  }
  // The small epsilon keeps 32.65 (which is 3264.9999… in floating point) from widening.
  return [
    Math.floor(box.south * 100 + 1e-6),
    Math.floor(box.west * 100 + 1e-6),
    Math.ceil(box.north * 100 - 1e-6),
    Math.ceil(box.east * 100 - 1e-6),
  ];
}

const byId = (a: ServiceBase, b: ServiceBase) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function center(bases: readonly ServiceBase[]): [number, number] {
  let lat = 0;
  let lng = 0;
  for (const base of bases) {
    lat += base.location.latitude;
    lng += base.location.longitude;
  }
  const round = (value: number) => Math.round((value / bases.length) * 1e4) / 1e4;
  return [round(lat), round(lng)];
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The places file: province → county → neighbourhood, each with a count and a centre. */
function placesFile(bases: readonly ServiceBase[], gazetteer: Gazetteer | undefined) {
  const byProvince = groupBy(bases, (base) => base.province);
  const ids = new Set([...byProvince.keys(), ...(gazetteer?.provinces.map((p) => p.id) ?? [])]);
  return [...ids]
    .sort((a, b) => a.localeCompare(b))
    .map((id) => {
      const members = byProvince.get(id) ?? [];
      const listed = gazetteer?.provinces.find((province) => province.id === id)?.counties ?? [];
      const byCounty = groupBy(members, (base) => base.county.id);
      const countyIds = new Set([...byCounty.keys(), ...listed.map((county) => county.id)]);
      return {
        id,
        name: provinceName(id),
        count: members.length,
        counties: [...countyIds]
          .sort((a, b) => a.localeCompare(b))
          .map((countyId) => {
            const county = byCounty.get(countyId);
            if (!county) {
              // A county without bases: its name and the centre of its boundary, nothing else (the
              // reader takes a missing count as 0 and missing neighbourhoods as none).
              const entry = listed.find(
                (c) => c.id === countyId,
              ) as Gazetteer['provinces'][number]['counties'][number];
              return { id: countyId, name: entry.name, center: entry.center };
            }
            return {
              id: countyId,
              name: (county[0] as ServiceBase).county.name,
              count: county.length,
              center: center(county),
              neighbourhoods: [
                ...groupBy(
                  county.filter((base) => base.neighbourhood),
                  (base) => searchKey(base.neighbourhood?.fa ?? ''),
                ),
              ]
                .sort(([a], [b]) => a.localeCompare(b))
                .map(([, place]) => ({
                  name: (place[0] as ServiceBase).neighbourhood,
                  count: place.length,
                  center: center(place),
                })),
            };
          }),
      };
    });
}

/**
 * Builds every published file from validated bases (ids must be unique, as
 * `validateServiceBases` guarantees). Output is deterministic: same bases, same bytes.
 */
export function buildLocatorData(
  bases: readonly ServiceBase[],
  options: BuildOptions,
): LocatorBuild {
  const byProvince = [...groupBy(bases, (base) => base.province)].sort(([a], [b]) =>
    a.localeCompare(b),
  );
  // Each province is split on its own, so its bases never share a file with a neighbour's: a
  // province page or a province chosen from the list reads that province's chunks only.
  const leaves = byProvince.flatMap(([province, members]) =>
    partition([...members].sort(byId), positionOf, {
      maxRecords: options.maxRecordsPerChunk ?? DEFAULT_MAX_RECORDS_PER_CHUNK,
      maxDepth: options.maxDepth ?? 16,
      root: DEFAULT_ROOT,
    }).map((leaf) => ({ key: `${province}/${leaf.key}`, items: leaf.items })),
  );
  const files = new Map<string, string>();
  const write = (path: string, lang: string, content: Record<string, unknown>) =>
    files.set(
      path,
      JSON.stringify(
        forLanguage({ format: '', formatVersion: LOCATOR_FORMAT_VERSION, ...content }, lang),
      ),
    );
  const chunkOf = new Map<string, string>();
  for (const leaf of leaves) for (const base of leaf.items) chunkOf.set(base.id, leaf.key);
  const places = placesFile(bases, options.gazetteer);
  for (const lang of LOCATOR_LANGUAGES) {
    for (const leaf of leaves) {
      write(locatorPath(LOCATOR_PATHS.chunks, { key: leaf.key, lang }), lang, {
        format: LOCATOR_FORMATS.chunk,
        key: leaf.key,
        records: leaf.items.map(compactRecord),
      });
    }
    for (const province of places) {
      write(locatorPath(LOCATOR_PATHS.places, { province: province.id, lang }), lang, {
        format: LOCATOR_FORMATS.places,
        provinces: [province],
      });
    }
  }
  for (const [province, members] of byProvince) {
    write(locatorPath(LOCATOR_PATHS.names, { province }), 'en', {
      format: LOCATOR_FORMATS.names,
      province,
      bases: [...members]
        .sort(byId)
        .map((base) => [
          base.id,
          base.name.fa,
          base.name.en ?? null,
          base.county.id,
          chunkOf.get(base.id),
          roundCoordinate(base.location.latitude),
          roundCoordinate(base.location.longitude),
        ]),
    });
  }
  write(LOCATOR_PATHS.search, 'en', { format: LOCATOR_FORMATS.places, provinces: places });
  // The version covers the data files only, so republishing unchanged data keeps caches warm.
  const version = contentHash([...files.entries()].flat().join('\n'));
  files.set(
    LOCATOR_PATHS.index,
    JSON.stringify({
      format: LOCATOR_FORMATS.index,
      formatVersion: LOCATOR_FORMAT_VERSION,
      version,
      generated: options.generated,
      count: bases.length,
      skipped: options.skipped ?? 0,
      sample: bases.some((base) => base.sample),
      root: [DEFAULT_ROOT.south, DEFAULT_ROOT.west, DEFAULT_ROOT.size],
      languages: LOCATOR_LANGUAGES,
      files: {
        chunks: LOCATOR_PATHS.chunks,
        places: LOCATOR_PATHS.places,
        names: LOCATOR_PATHS.names,
        search: LOCATOR_PATHS.search,
      },
      // Names and centres travel with the index, so the widget fills its province list and
      // searches a province from its centre before any other file; with a gazetteer every
      // province is listed, those without bases with count 0.
      provinces: places.map((province) => {
        const { fa, en } = provinceName(province.id);
        // The same centre the reader computes from a places file (countiesCenter).
        const center = countiesCenter(
          province.counties.map((county) => ({
            count: 'count' in county ? county.count : 0,
            center: { lat: county.center[0], lng: county.center[1] },
          })) as CountyPlace[],
        );
        const round = (value: number) => Math.round(value * 1e4) / 1e4;
        return [
          province.id as ProvinceId,
          province.count,
          fa,
          en,
          ...(center ? [round(center.lat), round(center.lng)] : []),
        ];
      }),
      // Grouped by province, so the province is written once, not in every chunk's key (at
      // 50,000 bases that keeps the index about 2 kB smaller after gzip).
      chunks: byProvince.map(([province]) => [
        province,
        ...leaves
          .filter((leaf) => leaf.key.startsWith(`${province}/`))
          .map((leaf) => [
            leaf.key.slice(province.length + 1),
            leaf.items.length,
            ...bboxHundredths(leaf.items),
          ]),
      ]),
    }),
  );
  return { files, count: bases.length, chunks: leaves.length, version };
}
