import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LatLng } from '../geo.ts';
import { buildLocatorData } from './build.ts';
import type { LocatorIndex, LocatorRecord } from './format.ts';
import { locateNearest, nearestFromChunks, type PlanOptions, planChunkFetch } from './plan.ts';
import { cellBox } from './quadtree.ts';
import { parseChunk, parseIndex } from './read.ts';
import {
  anywhere,
  base,
  clusteredBases,
  plainNearest,
  positionIn,
  provincialBases,
} from './test-helpers.ts';

/** Builds and reads back published data, as the element would see it. */
function publish(
  bases: Parameters<typeof buildLocatorData>[0],
  maxRecordsPerChunk = 24,
  lang = 'en',
) {
  const build = buildLocatorData(bases, { generated: '2026-01-01', maxRecordsPerChunk });
  const index = parseIndex(JSON.parse(build.files.get('index.json') ?? ''));
  const chunks = new Map<string, LocatorRecord[]>();
  for (const chunk of index.chunks) {
    const text = build.files.get(`provinces/${chunk.key}.${lang}.json`) ?? '';
    chunks.set(chunk.key, parseChunk(JSON.parse(text)).records);
  }
  const all = [...chunks.values()].flat();
  return { index, chunks, all };
}

const dataset = publish(clusteredBases(1500, 42));

async function viaChunks(
  data: { index: LocatorIndex; chunks: Map<string, LocatorRecord[]> },
  p: LatLng,
  k: number,
  batch?: number,
  options: PlanOptions = {},
) {
  const result = await locateNearest(
    data.index,
    p,
    k,
    async (chunk) => data.chunks.get(chunk.key) ?? [],
    new Map(),
    batch === undefined ? options : { ...options, batch },
  );
  return {
    ...result,
    answer: result.results.map((r) => ({ id: r.record.id, distanceKm: r.distanceKm })),
  };
}

describe('planChunkFetch + nearestFromChunks', () => {
  it('splits the dataset into many chunks (so the tests exercise the ring)', () => {
    expect(dataset.index.chunks.length).toBeGreaterThan(40);
    expect(dataset.all).toHaveLength(1500);
  });

  it('gives the same k nearest as a plain sort, anywhere (property)', async () => {
    const position = fc.oneof(
      // Anywhere around Iran, including the sea and neighbouring countries.
      positionIn([20, 45], [40, 68]),
      // Far outside: other continents, the poles, the antimeridian.
      anywhere,
      // Exactly on chunk cell borders and corners.
      fc
        .tuple(
          fc.nat(dataset.index.chunks.length - 1),
          fc.nat(3),
          fc.double({ min: 0, max: 1, noNaN: true }),
        )
        .map(([i, side, t]) => {
          const key = dataset.index.chunks[i]?.key ?? 'q';
          const box = cellBox(key.slice(key.indexOf('/') + 1));
          const lat = box.south + t * (box.north - box.south);
          const lng = box.west + t * (box.east - box.west);
          return [
            { lat: box.south, lng },
            { lat: box.north, lng },
            { lat, lng: box.west },
            { lat, lng: box.east },
          ][side] as LatLng;
        }),
    );
    await fc.assert(
      fc.asyncProperty(
        position,
        fc.constantFrom(1, 3, 10, 40),
        fc.constantFrom(undefined, 1, Number.POSITIVE_INFINITY),
        async (p, k, batch) => {
          const { answer } = await viaChunks(dataset, p, k, batch);
          expect(answer).toEqual(plainNearest(dataset.all, p, k));
        },
      ),
      { numRuns: 400, seed: 7 },
    );
  });

  it('keeps ties exact when several bases share one building at the k-th place', async () => {
    const same = Array.from({ length: 6 }, (_, i) => base(`tie-${i}`, 32.5, 51.5));
    const data = publish([...same, ...clusteredBases(300, 3)], 2);
    for (const k of [1, 2, 3, 4, 5, 6, 7]) {
      const { answer } = await viaChunks(data, { lat: 32.5001, lng: 51.5001 }, k);
      expect(answer).toEqual(plainNearest(data.all, { lat: 32.5001, lng: 51.5001 }, k));
    }
  });

  it('returns every base when k exceeds the dataset, nearest first', async () => {
    const data = publish(clusteredBases(60, 5), 8);
    const p = { lat: 30, lng: 55 };
    const { answer } = await viaChunks(data, p, 500);
    expect(answer).toEqual(plainNearest(data.all, p, 500));
    expect(answer).toHaveLength(60);
  });

  it('fetches only the chunk under a point in a dense town when it suffices', async () => {
    const town = Array.from({ length: 40 }, (_, i) => base(`t-${i}`, 32.6 + i * 1e-4, 51.6));
    const far = Array.from({ length: 40 }, (_, i) => base(`f-${i}`, 27 + i * 0.05, 60));
    const data = publish([...town, ...far], 40);
    const result = await viaChunks(data, { lat: 32.601, lng: 51.6 }, 10);
    expect(result.fetched).toHaveLength(1);
    expect(result.answer.map((r) => r.id)[0]).toBe('t-10');
  });

  it('downloads a small share of the chunks for a typical user', async () => {
    const result = await viaChunks(dataset, { lat: 32.65, lng: 51.67 }, 10);
    expect(result.fetched.length).toBeLessThan(dataset.index.chunks.length / 5);
  });

  it('reuses chunks already loaded for the next question', async () => {
    const loaded = new Map<string, readonly LocatorRecord[]>();
    const load = async (chunk: { key: string }) => dataset.chunks.get(chunk.key) ?? [];
    const p = { lat: 35.7, lng: 51.4 };
    const first = await locateNearest(dataset.index, p, 10, load, loaded);
    const again = await locateNearest(dataset.index, p, 10, load, loaded);
    expect(first.fetched.length).toBeGreaterThan(0);
    expect(again.fetched).toEqual([]);
    expect(again.results).toEqual(first.results);
  });

  it('stays exact with a county filter (a place chosen from the lists)', async () => {
    const inCounty = (record: LocatorRecord) => record.id.endsWith('7');
    const matching = dataset.all.filter(inCounty);
    for (const p of [
      { lat: 32.65, lng: 51.67 },
      { lat: 27.5, lng: 57.9 },
      { lat: 39, lng: 47 },
    ]) {
      const k = Math.min(10, matching.length);
      const result = await locateNearest(
        dataset.index,
        p,
        k,
        async (chunk) => dataset.chunks.get(chunk.key) ?? [],
        new Map(),
        { filter: inCounty },
      );
      expect(result.results.map((r) => ({ id: r.record.id, distanceKm: r.distanceKm }))).toEqual(
        plainNearest(matching, p, k),
      );
    }
  });

  it('asks for nothing for k < 1, NaN or an invalid position', () => {
    const empty = new Map();
    for (const [p, k] of [
      [{ lat: 32, lng: 51 }, 0],
      [{ lat: 32, lng: 51 }, -3],
      [{ lat: 32, lng: 51 }, Number.NaN],
      [{ lat: 91, lng: 51 }, 10],
      [{ lat: Number.NaN, lng: 51 }, 10],
    ] as const) {
      expect(planChunkFetch(dataset.index, p, k, empty)).toEqual({ fetch: [], complete: true });
      expect(nearestFromChunks(dataset.chunks, p, k)).toEqual([]);
    }
  });

  it('is complete at once for an empty index', () => {
    const data = publish([]);
    expect(planChunkFetch(data.index, { lat: 32, lng: 51 }, 10, new Map())).toEqual({
      fetch: [],
      complete: true,
    });
  });
});

describe('per-province chunks (format 2): "use my location" and a chosen province', () => {
  // Bases of several provinces, whose borders (bands of longitude and latitude here) cut
  // through towns: the nearest bases of a point are often in the neighbouring province.
  const national = publish(provincialBases(900, 11), 24, 'fa');
  const provinces = [...new Set(national.all.map((record) => record.province))];
  const position = fc.oneof(positionIn([22, 42], [42, 66]), anywhere);

  it('splits each province on its own: a chunk holds one province', () => {
    expect(provinces.length).toBeGreaterThan(4);
    for (const chunk of national.index.chunks) {
      const records = national.chunks.get(chunk.key) ?? [];
      expect(records.length).toBe(chunk.count);
      expect(new Set(records.map((record) => record.province))).toEqual(new Set([chunk.province]));
    }
  });

  it('gives the brute-force nearest over every base, fetching in one round or several (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        position,
        fc.constantFrom(1, 5, 10, 40),
        fc.constantFrom(0, 24, 256, Number.POSITIVE_INFINITY),
        async (p, k, eagerRecords) => {
          const { answer, rounds } = await viaChunks(national, p, k, undefined, { eagerRecords });
          expect(answer).toEqual(plainNearest(national.all, p, k));
          if (eagerRecords === Number.POSITIVE_INFINITY) expect(rounds).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 300, seed: 22 },
    );
  });

  it('within a chosen province, reads only that province’s chunks and stays exact (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        position,
        fc.constantFrom(...provinces),
        fc.constantFrom(1, 10, 40),
        async (p, province, k) => {
          const inProvince = national.all.filter((record) => record.province === province);
          const limit = Math.min(k, inProvince.length);
          const result = await viaChunks(national, p, limit, undefined, {
            filter: (record) => record.province === province,
            chunks: (chunk) => chunk.province === province,
          });
          expect(result.answer).toEqual(plainNearest(inProvince, p, limit));
          for (const key of result.fetched) expect(key.startsWith(`${province}/`)).toBe(true);
        },
      ),
      { numRuns: 200, seed: 23 },
    );
  });

  it('answers a point near a border in one round when the candidates are few', async () => {
    const small = publish(provincialBases(60, 3), 24, 'fa');
    const p = { lat: 30, lng: 52 };
    const result = await viaChunks(small, p, 10);
    expect(result.rounds).toBe(1);
    expect(result.answer).toEqual(plainNearest(small.all, p, 10));
    // Round by round (the national-scale behaviour), the same answer takes more round trips.
    const stepwise = await viaChunks(small, p, 10, undefined, { eagerRecords: 0 });
    expect(stepwise.rounds).toBeGreaterThan(1);
    expect(stepwise.answer).toEqual(result.answer);
  });
});
