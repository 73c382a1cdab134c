// Locator data for the <bz-service-locator> tests, built when the test runner starts from the
// real sample dataset (portal/src/content/service-bases) with core's own build, and served from
// memory: nothing generated is written to disk or committed, and the tests always read the
// format the publish script writes today.
//   /__test__/locator/sample/<file>     the sample dataset, 4 bases per chunk (several chunks,
//                                       so the plan → fetch loop really runs more than once)
//   /__test__/locator/broken/<file>     the same, with unusable records added to every chunk
//   /__test__/locator/chunk-500/<file>  a good index whose chunks answer 500
//   /__test__/locator/newer/index.json  an index of a format version this code cannot read
//   /__test__/locator/v1/<file>         the sample in format 1 (one places file, bilingual
//                                       files), as a site publishing its own data with an older
//                                       script has it: the widget must keep reading it
//   /__test__/tile/<z>/<x>/<y>.png      a plain map tile (no third-party tiles in tests)
// Every locator route sends `Access-Control-Allow-Origin: *`, so a test can load the data from
// another origin (127.0.0.1 instead of localhost) the way an embedding site does.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRecords } from '../../core/src/cli/read-records.ts';
import { buildLocatorData } from '../../core/src/locator/build.ts';
import { loadGazetteer } from '../../core/src/locator/gazetteer.ts';
import { validateServiceBases } from '../../core/src/locator/validate.ts';

const source = new URL('../../../portal/src/content/service-bases/', import.meta.url).pathname;

/** The sample bases, validated as the publish script validates them. */
function sampleBases() {
  const values = readdirSync(source)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .flatMap((name) =>
      readRecords(readFileSync(join(source, name), 'utf8'), 'yaml').records.map(
        (record) => record.value,
      ),
    );
  return validateServiceBases(values).bases;
}

/** A chunk's file in format 2: `provinces/<province>/<cell>.<lang>.json`. */
const isChunk = (/** @type {string} */ path) =>
  /^provinces\/[^/]+\/q[0-3]*\.[a-z]+\.json$/.test(path);

/**
 * Format 1 from format 2's bilingual (English) files: chunks/<key>.json, places.json,
 * names/<province>.json, the index without languages, centres or province folders.
 * @param {Map<string, string>} files
 */
function formatOne(files) {
  const json = (/** @type {string} */ path) => JSON.parse(files.get(path) ?? '{}');
  const key = (/** @type {string} */ k) => k.replace('/', '-');
  const index = json('index.json');
  // Format 2 groups chunks by province: `[province, [cell, count, box…], …]`.
  /** @type {unknown[][]} */
  const flat = index.chunks.flatMap(
    (/** @type {[string, ...unknown[][]]} */ [province, ...cells]) =>
      cells.map(([cell, ...rest]) => [`${province}/${cell}`, ...rest]),
  );
  /** @type {Map<string, string>} */
  const out = new Map();
  for (const [cell] of flat) {
    const k = String(cell);
    const chunk = json(`provinces/${k}.en.json`);
    out.set(`chunks/${key(k)}.json`, JSON.stringify({ ...chunk, formatVersion: 1, key: key(k) }));
  }
  for (const [id, count] of index.provinces) {
    if (count === 0) continue;
    const names = json(`provinces/${id}/names.json`);
    names.bases = names.bases.map((/** @type {unknown[]} */ entry) =>
      entry.map((cell, i) => (i === 4 ? key(String(cell)) : cell)),
    );
    out.set(`names/${id}.json`, JSON.stringify({ ...names, formatVersion: 1 }));
  }
  out.set('places.json', JSON.stringify({ ...json('places.json'), formatVersion: 1 }));
  const { languages: _languages, ...rest } = index;
  out.set(
    'index.json',
    JSON.stringify({
      ...rest,
      formatVersion: 1,
      files: { chunks: 'chunks/{key}.json', places: 'places.json', names: 'names/{province}.json' },
      provinces: index.provinces.map((/** @type {unknown[]} */ entry) => entry.slice(0, 4)),
      chunks: flat.map((entry) => [key(String(entry[0])), ...entry.slice(1)]),
    }),
  );
  return out;
}

/** @returns {Map<string, Map<string, string>>} variant → relative path → JSON text */
function buildVariants() {
  const bases = sampleBases();
  // With the gazetteer, as the portal publishes it: every province and county is listed.
  const sample = buildLocatorData(bases, {
    generated: '2026-11-23',
    maxRecordsPerChunk: 4,
    gazetteer: loadGazetteer(),
  }).files;
  const broken = new Map(
    [...sample].map(([path, text]) => {
      if (!isChunk(path)) return [path, text];
      const chunk = JSON.parse(text);
      // A record without an id and one without a position: skipped and counted, never fatal.
      chunk.records.push(
        { name: { fa: 'بی‌شناسه' } },
        { ...chunk.records[0], id: 'no-position', location: { latitude: 'x' } },
      );
      return [path, JSON.stringify(chunk)];
    }),
  );
  const newer = new Map([
    [
      'index.json',
      JSON.stringify({ ...JSON.parse(sample.get('index.json') ?? '{}'), formatVersion: 99 }),
    ],
  ]);
  const chunk500 = new Map([...sample].filter(([path]) => !isChunk(path)));
  return new Map([
    ['sample', sample],
    ['v1', formatOne(sample)],
    ['broken', broken],
    ['newer', newer],
    ['chunk-500', chunk500],
  ]);
}

// Built as the runner starts (about 0.6 s), not on the first request: the first locator test
// in a cold browser on a busy machine has enough to wait for within its 5 s.
let variants = buildVariants();

// A 1×1 light grey PNG (#e4e6e9).
const tile = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGN48uwlAAVlArRjiwsXAAAAAElFTkSuQmCC',
  'base64',
);

/**
 * The few parts of web-test-runner's (Koa) context this route uses; typed here because Koa's
 * types are not installed.
 * @typedef {{ path: string, set(name: string, value: string): void, type: string, body: unknown, status: number }} RouteContext
 */

/** @param {RouteContext} context @param {() => Promise<void>} next */
export async function locatorRoutes(context, next) {
  const [, prefix, kind, variant, ...rest] = context.path.split('/');
  if (prefix !== '__test__' || (kind !== 'locator' && kind !== 'tile')) return next();
  context.set('Access-Control-Allow-Origin', '*');
  context.set('Cache-Control', 'no-store');
  if (kind === 'tile') {
    context.type = 'image/png';
    context.body = tile;
    return;
  }
  variants ??= buildVariants();
  const files = variants.get(variant ?? '');
  const path = rest.join('/');
  const text = files?.get(path);
  if (text !== undefined) {
    context.type = 'application/json';
    context.body = text;
  } else if (variant === 'chunk-500' && isChunk(path)) {
    context.status = 500;
    context.body = { error: 'test' };
  } else {
    context.status = 404;
    context.body = { error: 'not found' };
  }
}

/** For tests and stories that want the built files directly (Node side). */
export const locatorFiles = () => {
  variants ??= buildVariants();
  return variants;
};
