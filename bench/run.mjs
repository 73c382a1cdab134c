// `pnpm bench`: prints a table of performance and size figures. These are measurements for
// people to read and compare between versions, not pass/fail tests (tests check behaviour and
// deterministic byte budgets; wall-clock time depends on the machine). Later issues add rows.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { createGeoIndex, nearest } from '../packages/core/src/geo.ts';
import { normalizeForSearch } from '../packages/core/src/text.ts';
import { iranPoints, percentile, time } from './lib.mjs';

/** @type {{ figure: string, value: string, note?: string }[]} */
const rows = [];

// Nearest search over a national-scale synthetic dataset.
{
  const points = iranPoints(50_000, 1);
  const queries = iranPoints(2_000, 2);
  const { ms: buildMs, result: index } = time(() => createGeoIndex(points));
  const samples = queries.map((query) => time(() => nearest(index, query, 10)).ms * 1000);
  rows.push({ figure: 'geo index build, 50,000 bases', value: `${buildMs.toFixed(1)} ms` });
  rows.push({
    figure: 'nearest 10 of 50,000 bases',
    value: `${percentile(samples, 50).toFixed(1)} µs median, ${percentile(samples, 99).toFixed(1)} µs p99`,
    note: `${queries.length} queries`,
  });
}

// Persian search normalization throughput.
{
  const words = ['پایگاه‌های خدمات اجتماعی', 'كرمان — منوجان', 'بهزيستی ۱۴۰۳', 'حصه و ارزنان'];
  const inputs = Array.from({ length: 100_000 }, (_, i) => `${words[i % words.length]} ${i}`);
  const { ms } = time(() => {
    for (const input of inputs) normalizeForSearch(input);
  });
  rows.push({
    figure: 'normalizeForSearch',
    value: `${Math.round(inputs.length / (ms / 1000)).toLocaleString('en')} strings/s`,
  });
}

// Size of each widget as one self-contained, minified script (what an embedding page loads).
for (const [name, entry] of /** @type {const} */ ([
  ['bz-hotlines', 'packages/elements/src/hotlines/hotlines.ts'],
])) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    legalComments: 'none',
  });
  const code = result.outputFiles?.[0]?.contents ?? new Uint8Array();
  rows.push({
    figure: `${name} script, min+gzip (incl. Lit)`,
    value: `${(gzipSync(code, { level: 9 }).length / 1024).toFixed(1)} kB`,
    note: `${(code.length / 1024).toFixed(1)} kB minified; budget 25 kB`,
  });
}

const width = Math.max(...rows.map((row) => row.figure.length));
const valueWidth = Math.max(...rows.map((row) => row.value.length));
console.log(`${'figure'.padEnd(width)}  ${'value'.padEnd(valueWidth)}  note`);
console.log(`${'-'.repeat(width)}  ${'-'.repeat(valueWidth)}  ----`);
for (const row of rows)
  console.log(`${row.figure.padEnd(width)}  ${row.value.padEnd(valueWidth)}  ${row.note ?? ''}`);
