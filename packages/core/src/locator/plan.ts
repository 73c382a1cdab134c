// Which chunks to fetch for "the k nearest bases to this point", and the answer from what is
// loaded. The element calls planChunkFetch, fetches what it says (in parallel), and repeats
// until the plan is complete; the result is then exactly what a sort over every base would give.
//
// Round 1 (nothing useful loaded): the chunks nearest the point, in order of their boxes'
// distance, until they hold at least k bases — usually just the chunk under the point.
// Round 2+: every unloaded chunk whose box is nearer than the current k-th distance (the ring
// of cells that could still hold something nearer). A chunk whose box is farther cannot.

import { distanceKm, isValidLatLng, type LatLng } from '../geo.ts';
import { maxDistanceToBoxKm, minDistanceToBoxKm } from './distance.ts';
import type { ChunkInfo, LocatorIndex, LocatorRecord } from './format.ts';
import { locatorPath } from './paths.ts';

/** Chunks loaded so far: key → records (from parseChunk). */
export type LoadedChunks = ReadonlyMap<string, readonly LocatorRecord[]>;

/** What to fetch next. */
export interface FetchPlan {
  /** Chunks to fetch now, nearest first. Empty when complete. */
  fetch: ChunkInfo[];
  /** True when the loaded chunks already give the exact k nearest. */
  complete: boolean;
}

/** Options of {@link planChunkFetch}. */
export interface PlanOptions {
  /**
   * Most chunks per round after the first; by default as many as are loaded (so rounds double
   * and stay few), `Infinity` for the whole ring at once (fewest rounds, more bytes).
   */
  batch?: number;
  /**
   * Only records passing this count (e.g. one county chosen from the lists). Still exact; pass
   * a k no larger than the matching records (places.json has the counts), or every chunk is
   * needed to prove there are no more.
   */
  filter?: (record: LocatorRecord) => boolean;
  /**
   * Only chunks passing this are fetched (e.g. a province's, when `filter` keeps that province
   * only): exact as long as no record passing `filter` lives in a chunk this leaves out.
   */
  chunks?: (chunk: ChunkInfo) => boolean;
  /**
   * With no `filter`, the first round fetches every chunk that could hold one of the k nearest
   * (bounded from the boxes alone) when together they hold at most this many bases: one round
   * trip instead of two or three, for a few kB more. A round trip on a 2G link (800 ms) costs
   * more than 25 kB of transfer. Default 256 (two full chunks); 0 turns it off.
   */
  eagerRecords?: number;
}

/** A result: the base and its great-circle distance. */
export interface NearestBase {
  record: LocatorRecord;
  distanceKm: number;
}

/** Slack for floating-point rounding in the box bound (1 mm), so a tie is never lost. */
const TOLERANCE_KM = 1e-6;

const positionOf = (record: LocatorRecord): LatLng => ({
  lat: record.location.latitude,
  lng: record.location.longitude,
});

/** Orders results by distance, then id, so every path (chunks or plain sort) agrees on ties. */
export function compareNearest(a: NearestBase, b: NearestBase): number {
  return (
    a.distanceKm - b.distanceKm ||
    (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0)
  );
}

/**
 * The k nearest among the loaded records, nearest first (ties by id). Keeps a small sorted
 * window instead of sorting everything: O(n log k) for the few hundred records loaded.
 * A record present in two chunks (never in published data) is counted once.
 */
export function nearestFromChunks(
  loaded: LoadedChunks,
  position: LatLng,
  k: number,
  filter?: (record: LocatorRecord) => boolean,
): NearestBase[] {
  const limit = Math.floor(k);
  if (!(limit >= 1) || !isValidLatLng(position)) return [];
  const best: NearestBase[] = [];
  const seen = new Set<string>();
  for (const records of loaded.values()) {
    for (const record of records) {
      if (filter && !filter(record)) continue;
      const candidate = { record, distanceKm: distanceKm(position, positionOf(record)) };
      const last = best[best.length - 1];
      if (best.length === limit && last && compareNearest(candidate, last) >= 0) continue;
      if (seen.has(record.id)) continue;
      seen.add(record.id);
      let i = best.length;
      while (i > 0 && compareNearest(candidate, best[i - 1] as NearestBase) < 0) i--;
      best.splice(i, 0, candidate);
      if (best.length > limit) best.pop();
    }
  }
  return best;
}

/**
 * Every unloaded chunk that could hold one of the k nearest, judged from the index alone: the
 * k-th nearest is no farther than the farthest corner of the nearest boxes holding k bases, so a
 * chunk whose box is farther than that cannot matter. Empty when that ring holds more than
 * `eagerRecords` bases (then the plan goes round by round, fetching fewer bytes).
 */
function boundedRing(
  index: LocatorIndex,
  position: LatLng,
  k: number,
  unloaded: readonly { chunk: ChunkInfo; min: number }[],
  options: PlanOptions,
): ChunkInfo[] {
  const budget = options.eagerRecords ?? 256;
  if (!(budget > 0)) return [];
  const wanted = options.chunks ?? (() => true);
  const byFarthest = index.chunks
    .filter(wanted)
    .map((chunk) => ({ count: chunk.count, max: maxDistanceToBoxKm(position, chunk.bbox) }))
    .sort((a, b) => a.max - b.max);
  let have = 0;
  let bound = Number.POSITIVE_INFINITY;
  for (const entry of byFarthest) {
    have += entry.count;
    if (have >= k) {
      bound = entry.max + TOLERANCE_KM;
      break;
    }
  }
  const ring = unloaded.filter((entry) => entry.min <= bound);
  const records = ring.reduce((sum, entry) => sum + entry.chunk.count, 0);
  return records <= budget ? ring.map((entry) => entry.chunk) : [];
}

/**
 * The next chunks to fetch for the k nearest bases to `position`, given what is loaded.
 * Returns `complete: true` (nothing to fetch) when the loaded chunks provably contain the k
 * nearest, also for k < 1 or an invalid position (there is nothing to find).
 */
export function planChunkFetch(
  index: LocatorIndex,
  position: LatLng,
  k: number,
  loaded: LoadedChunks,
  options: PlanOptions = {},
): FetchPlan {
  const limit = Math.floor(k);
  if (!(limit >= 1) || !isValidLatLng(position)) return { fetch: [], complete: true };
  const wanted = options.chunks ?? (() => true);
  const unloaded = index.chunks
    .filter((chunk) => !loaded.has(chunk.key) && wanted(chunk))
    .map((chunk) => ({ chunk, min: minDistanceToBoxKm(position, chunk.bbox) }))
    .sort((a, b) => a.min - b.min || (a.chunk.key < b.chunk.key ? -1 : 1));
  if (unloaded.length === 0) return { fetch: [], complete: true };
  const current = nearestFromChunks(loaded, position, limit, options.filter);
  if (current.length < limit) {
    const eager = options.filter ? [] : boundedRing(index, position, limit, unloaded, options);
    if (eager.length > 0) return { fetch: eager, complete: false };
    // Fewer than k known: take the nearest chunks until they could supply the rest.
    const fetch: ChunkInfo[] = [];
    let have = current.length;
    for (const { chunk } of unloaded) {
      fetch.push(chunk);
      have += chunk.count;
      if (have >= limit) break;
    }
    return { fetch, complete: false };
  }
  const kth = (current[limit - 1] as NearestBase).distanceKm + TOLERANCE_KM;
  const ring = unloaded.filter((entry) => entry.min <= kth).map((entry) => entry.chunk);
  // Nearest first, and at most as many as are loaded already: the batch doubles each round.
  // Fetching the whole ring at once would use the k-th distance of the first guess, which for
  // a point in a sparse cell next to a city is far too large and pulls in the city's chunks.
  const batch = options.batch ?? Math.max(1, loaded.size);
  const fetch = ring.slice(0, Math.max(1, Math.floor(batch)));
  return { fetch: ring.length === 0 ? [] : fetch, complete: ring.length === 0 };
}

/**
 * The URL of a published file relative to the index URL, with the data version as a query so
 * a new publication is never mixed with cached files of an old one.
 */
export function locatorFileUrl(index: LocatorIndex, indexUrl: string | URL, path: string): string {
  const url = new URL(path, indexUrl);
  if (index.version) url.searchParams.set('v', index.version);
  return url.href;
}

/**
 * The language whose files a page in `locale` reads: its own when published, else the first
 * (Persian, the source). Format 1 files hold every language: then it does not matter.
 */
export function fileLanguage(index: LocatorIndex, locale: string): string {
  return index.languages.includes(locale) ? locale : (index.languages[0] ?? 'fa');
}

/** The URL of one chunk, in one language. */
export function chunkUrl(
  index: LocatorIndex,
  indexUrl: string | URL,
  key: string,
  lang = 'fa',
): string {
  return locatorFileUrl(index, indexUrl, locatorPath(index.files.chunks, { key, lang }));
}

/** The URL of one province's file of a kind: its names, or its places. */
const provinceFileUrl =
  (kind: 'names' | 'places') =>
  (index: LocatorIndex, indexUrl: string | URL, province: string, lang = 'fa'): string =>
    locatorFileUrl(index, indexUrl, locatorPath(index.files[kind], { province, lang }));

/** The URL of one province's names file. */
export const namesUrl = /* @__PURE__ */ provinceFileUrl('names');

/** The URL of one province's places file (format 1: the one places file of every province). */
export const placesUrl = /* @__PURE__ */ provinceFileUrl('places');

/** The URL of the places of every province, for text search and suggestions. */
export function searchPlacesUrl(index: LocatorIndex, indexUrl: string | URL, lang = 'fa'): string {
  return locatorFileUrl(index, indexUrl, locatorPath(index.files.search, { lang }));
}

/** What {@link locateNearest} did, for tests, benchmarks and logs. */
export interface LocateResult {
  results: NearestBase[];
  /** Fetch rounds (each a set of parallel requests). */
  rounds: number;
  /** Chunks fetched by this call (not those already loaded). */
  fetched: string[];
}

/**
 * Runs the plan → fetch loop with a caller-supplied loader (the element passes one that
 * fetches and parses; tests pass one that reads a map). `loaded` is updated in place, so it
 * doubles as the cache for the next question.
 */
export async function locateNearest(
  index: LocatorIndex,
  position: LatLng,
  k: number,
  load: (chunk: ChunkInfo) => Promise<readonly LocatorRecord[]>,
  loaded: Map<string, readonly LocatorRecord[]> = new Map(),
  options: PlanOptions = {},
): Promise<LocateResult> {
  const fetched: string[] = [];
  let rounds = 0;
  for (;;) {
    const plan = planChunkFetch(index, position, k, loaded, options);
    if (plan.complete)
      return { results: nearestFromChunks(loaded, position, k, options.filter), rounds, fetched };
    rounds++;
    const records = await Promise.all(plan.fetch.map(load));
    plan.fetch.forEach((chunk, i) => {
      loaded.set(chunk.key, records[i] ?? []);
      fetched.push(chunk.key);
    });
  }
}
