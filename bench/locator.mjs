// Locator rows for `pnpm bench`: nearest-10 time after load, data bytes to the first answer
// and published file sizes, on synthetic national datasets (bench/generate-bases.mjs).
// Exported as one async function so bench/run.mjs can add the rows to its table.
import { gzipSync } from 'node:zlib';
import { createGeoIndex, nearest } from '../packages/core/src/geo.ts';
import {
  buildLocatorData,
  compactRecord,
  LOCATOR_PATHS,
  locateNearest,
  locatorPath,
  nearestFromChunks,
  parseChunk,
  parseIndex,
  validateServiceBases,
} from '../packages/core/src/locator/index.ts';
import { generateBases, populationPoint } from './generate-bases.mjs';
import { percentile, plainSortMicros, random, time } from './lib.mjs';

/** @param {string} text */
const gzipBytes = (text) => gzipSync(Buffer.from(text), { level: 9 }).length;
/** @param {number} bytes */
const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

/**
 * Users: where people live (the population model), and uniformly over Iran's bounding box,
 * which adds the empty deserts and border areas where the nearest bases are far apart.
 * @param {number} count @param {number} seed
 */
function userPositions(count, seed) {
  const next = random(seed);
  return Array.from({ length: count }, (_, i) =>
    i % 2 === 0 ? populationPoint(next) : { lat: 25 + next() * 14.8, lng: 44 + next() * 19.3 },
  );
}

/**
 * Builds the published files for `count` synthetic bases and measures them.
 * @param {number} count
 * @param {{ maxRecordsPerChunk?: number, users?: number, queries?: number, batch?: number }} [options]
 */
export async function measureLocator(count, options = {}) {
  const { bases } = validateServiceBases(generateBases(count, 1));
  const build = buildLocatorData(bases, {
    generated: '2026-01-01',
    ...(options.maxRecordsPerChunk ? { maxRecordsPerChunk: options.maxRecordsPerChunk } : {}),
  });
  const indexText = build.files.get(LOCATOR_PATHS.index) ?? '';
  const index = parseIndex(JSON.parse(indexText));
  /** @type {Map<string, import('../packages/core/src/locator/index.ts').LocatorRecord[]>} */
  const chunks = new Map();
  /** @type {Map<string, number>} */
  const chunkGzip = new Map();
  for (const chunk of index.chunks) {
    // Persian, what most pages read.
    const text =
      build.files.get(locatorPath(LOCATOR_PATHS.chunks, { key: chunk.key, lang: 'fa' })) ?? '';
    chunks.set(chunk.key, parseChunk(JSON.parse(text)).records);
    chunkGzip.set(chunk.key, gzipBytes(text));
  }
  const indexGzip = gzipBytes(indexText);
  const baseline = gzipBytes(JSON.stringify(bases.map(compactRecord)));
  const placesGzip = gzipBytes(build.files.get(LOCATOR_PATHS.search) ?? '');
  const namesGzip = index.provinces.map((p) =>
    gzipBytes(build.files.get(locatorPath(LOCATOR_PATHS.names, { province: p.id })) ?? ''),
  );

  const users = userPositions(options.users ?? 1000, 7);
  const bytes = [];
  const rounds = [];
  const fetchedChunks = [];
  /** @type {number[]} */
  const chunkMicros = [];
  /** @type {Map<string, readonly import('../packages/core/src/locator/index.ts').LocatorRecord[]>[]} */
  const perUser = [];
  for (const user of users) {
    /** @type {Map<string, readonly import('../packages/core/src/locator/index.ts').LocatorRecord[]>} */
    const loaded = new Map();
    const result = await locateNearest(
      index,
      user,
      10,
      async (chunk) => chunks.get(chunk.key) ?? [],
      loaded,
      options.batch === undefined ? {} : { batch: options.batch },
    );
    bytes.push(indexGzip + result.fetched.reduce((sum, key) => sum + (chunkGzip.get(key) ?? 0), 0));
    rounds.push(result.rounds);
    fetchedChunks.push(result.fetched.length);
    perUser.push(loaded);
  }
  // Time the answer over what each user loaded (the element's per-question work after load),
  // in a second pass so the first users do not pay for the JIT warming up.
  users.forEach((user, u) => {
    const loaded = perUser[u] ?? new Map();
    // Best of three batches: a shared machine's GC pauses and neighbours are not the code's cost.
    const repeat = 20;
    let best = Number.POSITIVE_INFINITY;
    for (let batch = 0; batch < 3; batch++) {
      const { ms } = time(() => {
        for (let r = 0; r < repeat; r++) nearestFromChunks(loaded, user, 10);
      });
      best = Math.min(best, ms);
    }
    chunkMicros.push((best * 1000) / repeat);
  });

  // Beside it: a plain sort over every base, and core's k-d tree over every base.
  const points = bases.map((b) => ({ lat: b.location.latitude, lng: b.location.longitude }));
  const queries = users.slice(0, options.queries ?? 200);
  const sortMicros = plainSortMicros(points, queries);
  const geoIndex = createGeoIndex(points);
  const treeMicros = queries.map((q) => time(() => nearest(geoIndex, q, 10)).ms * 1000);

  return {
    count,
    chunks: index.chunks.length,
    indexGzip,
    baseline,
    placesGzip,
    namesGzip,
    bytes,
    rounds,
    fetchedChunks,
    chunkMicros,
    sortMicros,
    treeMicros,
  };
}

/** @param {number[]} values */
const medianMax = (values) => `${percentile(values, 50)} median, ${Math.max(...values)} max`;

/**
 * The locator rows for the bench table.
 * @returns {Promise<{ figure: string, value: string, note?: string }[]>}
 */
export async function locatorRows() {
  /** @type {{ figure: string, value: string, note?: string }[]} */
  const rows = [];
  for (const count of [50_000, 10_000]) {
    const m = await measureLocator(count);
    const n = count.toLocaleString('en');
    const us = (/** @type {number[]} */ v) =>
      `${percentile(v, 50).toFixed(1)} µs median, ${percentile(v, 99).toFixed(1)} µs p99`;
    rows.push({
      figure: `locator nearest 10 after load, ${n} bases`,
      value: us(m.chunkMicros),
      note: `over the chunks loaded; plain sort of all: ${us(m.sortMicros)}; k-d tree of all: ${us(m.treeMicros)}; target ≤ 1 ms`,
    });
    const sorted = [...m.bytes].sort((a, b) => a - b);
    rows.push({
      figure: `locator bytes to first answer, ${n} bases`,
      value: `${kB(percentile(sorted, 50))} median, ${kB(sorted[sorted.length - 1] ?? 0)} max (gzip)`,
      note: `${m.bytes.length} users; one-file baseline ${kB(m.baseline)}; chunks fetched ${medianMax(m.fetchedChunks)}; rounds ${medianMax(m.rounds)}; target ≤ 60 kB`,
    });
    rows.push({
      figure: `locator index, ${n} bases`,
      value: `${kB(m.indexGzip)} gzip`,
      note: `${m.chunks} chunks; places.json ${kB(m.placesGzip)}; names per province ${kB(percentile(m.namesGzip, 50))} median, ${kB(Math.max(...m.namesGzip))} max`,
    });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await locatorRows())
    console.log(`${row.figure}  ${row.value}  ${row.note ?? ''}`);
}
