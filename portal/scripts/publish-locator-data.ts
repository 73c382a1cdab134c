// Publishes the service-base dataset for <bz-service-locator>: reads every data file under the
// dataset folder (YAML, JSON or CSV, as validate-data reads them), validates each record with
// ServiceBaseSchema (a bad record is skipped with a warning, never fatal), and writes the index,
// chunks, places and names files (format: docs/data.md).
//
//   node portal/scripts/publish-locator-data.ts [--source <folder>] [--out <folder>]
//                                               [--max-per-chunk <n>]
//
// Defaults: portal/src/content/service-bases → portal/public/data/locator (generated; not in git).
// The output folder is replaced as a whole so chunks of an older layout never linger.
// SOURCE_DATE_EPOCH (seconds) fixes the "generated" day for reproducible builds.

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { formatFromPath, readRecords } from '@behzisti/core/data-files';
import { formatIsoDay, toWallTime } from '../../packages/core/src/dates.ts';
import { buildLocatorData } from '../../packages/core/src/locator/build.ts';
import { loadGazetteer } from '../../packages/core/src/locator/gazetteer.ts';
import { validateServiceBases } from '../../packages/core/src/locator/validate.ts';

const portal = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// Node's parseArgs: unknown options are refused, `--out x` and `--out=x` both work.
const { values: options } = parseArgs({
  options: {
    source: { type: 'string' },
    out: { type: 'string' },
    'max-per-chunk': { type: 'string' },
  },
});
const source = resolve(options.source ?? join(portal, 'src/content/service-bases'));
const out = resolve(options.out ?? join(portal, 'public/data/locator'));
const maxPerChunk = Number(options['max-per-chunk'] ?? '0') || undefined;

/** Data files under a folder, recursively, in a stable order. */
function dataFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      if (entry.name.startsWith('.')) return [];
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return dataFiles(path);
      return entry.isFile() && formatFromPath(entry.name) ? [path] : [];
    });
}

const values: unknown[] = [];
const origins: string[] = [];
let warnings = 0;
for (const file of dataFiles(source)) {
  const format = formatFromPath(file);
  if (!format) continue;
  const read = readRecords(readFileSync(file, 'utf8'), format);
  for (const problem of read.problems) {
    warnings++;
    console.warn(
      `warning: ${relative(process.cwd(), file)}: ${problem.field} — ${problem.message}`,
    );
  }
  for (const record of read.records) {
    values.push(record.value);
    origins.push(`${relative(process.cwd(), file)}:${record.row ?? record.index}`);
  }
}

const { bases, skipped } = validateServiceBases(values);
for (const record of skipped) {
  warnings++;
  const where = origins[record.position - 1] ?? `record ${record.position}`;
  console.warn(`warning: skipped ${where}${record.id ? ` (${record.id})` : ''}:`);
  for (const problem of record.problems) console.warn(`  ${problem}`);
}

const epoch = Number(process.env.SOURCE_DATE_EPOCH);
const now = Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date();
const today = toWallTime(now);
const build = buildLocatorData(bases, {
  generated: today ? formatIsoDay(today) : now.toISOString().slice(0, 10),
  skipped: skipped.length,
  // Every province and county, so the locator lists places without bases too (docs/data.md).
  gazetteer: loadGazetteer(),
  ...(maxPerChunk ? { maxRecordsPerChunk: maxPerChunk } : {}),
});

rmSync(out, { recursive: true, force: true });
let raw = 0;
let gzip = 0;
for (const [path, text] of build.files) {
  const target = join(out, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  raw += Buffer.byteLength(text);
  gzip += gzipSync(text, { level: 9 }).length;
}
const indexText = build.files.get('index.json') ?? '';
console.log(
  `locator data: ${build.count} bases in ${build.chunks} chunks, ${skipped.length} skipped → ${relative(process.cwd(), out)}`,
);
console.log(
  `  ${build.files.size} files, ${(raw / 1024).toFixed(1)} kB (${(gzip / 1024).toFixed(1)} kB gzip); index ${(gzipSync(indexText, { level: 9 }).length / 1024).toFixed(1)} kB gzip; version ${build.version}`,
);
if (warnings > 0) console.warn(`${warnings} warning(s): the records named above were left out.`);
