// `pnpm bench scale`: the portal built with a generated news archive (bench/generate-news.mjs,
// the same items `pnpm bench portal` builds with), step by step: wall and CPU time and the peak
// memory of each step of the portal's `build` script, the files it writes, the bytes to a first
// search result, a rebuild after editing one item (commit-to-live for a static site), and
// whether the sitemap, feeds, tag and province pages hold exactly the generated items.
// 10,000 items by default; BENCH_SCALE_ITEMS=50000 (or 10000,50000,100000,200000) for more:
// each 50,000 items take many minutes and several GB on two cores. BENCH_SCALE_KEEP=1 keeps the
// builds (portal/dist-scale-<n>) and the generated news (printed) for a look afterwards.
// The news are on demand by default (the server build): the lists are checked through the running
// server and commit-to-live is a publish (`publishNews`), not a rebuild; PORTAL_NEWS=static
// measures the static build and its rebuild after one edit.
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeNews } from './generate-news.mjs';
import { measureFirstQueryBytes } from './search.mjs';

const portalDir = new URL('../portal/', import.meta.url).pathname;
const node = process.execPath;
const astro = join(portalDir, 'node_modules/astro/bin/astro.mjs');
/** GNU time reports a process tree's peak resident memory (its largest process). */
const GNU_TIME = '/usr/bin/time';
const SEARCH_QUERY = 'پایگاه خدمات';

/** The steps of the portal's `build` script (portal/package.json), run one by one to measure each. */
const STEPS = [
  ['data', [node, '--run', 'data']],
  ['astro build', [node, astro, 'build']],
  ['preload modules', [node, 'scripts/preload-modules.ts']],
  ['news pages for the index', [node, 'scripts/render-news.ts']],
  ['search index', [node, 'scripts/index-search.ts']],
  ['compress', [node, 'scripts/compress-static.ts']],
];

/**
 * @typedef {{ wallMs: number, cpuMs: number, peakBytes: number }} StepTime
 * @typedef {import('./lib.mjs').Row} Row
 */

/**
 * Runs one command in portal/ under GNU time. Output is kept only to explain a failure.
 * @param {string[]} command @param {Record<string, string>} env @returns {Promise<StepTime>}
 */
function measured(command, env) {
  const timing = join(mkdtempSync(join(tmpdir(), 'bz-scale-time-')), 'time');
  const withTime = existsSync(GNU_TIME) ? [GNU_TIME, '-f', '%U %S %M', '-o', timing] : [];
  const [program, ...args] = [...withTime, ...command];
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(/** @type {string} */ (program), args, {
      cwd: portalDir,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    /** @type {string[]} */
    const output = [];
    const keep = (/** @type {Buffer} */ chunk) => {
      output.push(chunk.toString());
      if (output.length > 200) output.shift();
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - start;
      if (code !== 0) {
        reject(
          new Error(`${command.join(' ')} failed (exit ${code}):\n${output.join('').slice(-3000)}`),
        );
        return;
      }
      const figures = existsSync(timing) ? readFileSync(timing, 'utf8').trim().split(/\s+/) : [];
      rmSync(join(timing, '..'), { recursive: true, force: true });
      const [user, system, peakKiB] = figures.slice(-3).map(Number);
      resolve({
        wallMs,
        cpuMs: ((user ?? Number.NaN) + (system ?? Number.NaN)) * 1000,
        peakBytes: (peakKiB ?? Number.NaN) * 1024,
      });
    });
  });
}

/** @param {string} dir @returns {{ files: number, bytes: number, largest: number }} */
function folderSize(dir) {
  let files = 0;
  let bytes = 0;
  let largest = 0;
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const stat = statSync(join(dir, name));
    if (!stat.isFile()) continue;
    files++;
    bytes += stat.size;
    largest = Math.max(largest, stat.size);
  }
  return { files, bytes, largest };
}

const seconds = (/** @type {number} */ ms) => `${(ms / 1000).toFixed(1)} s`;
const MB = (/** @type {number} */ bytes) =>
  Number.isNaN(bytes)
    ? 'not measured (no /usr/bin/time)'
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const load = () =>
  `load ${os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ')} on ${os.availableParallelism()} cores`;

/**
 * The whole build (every step), into portal/<dist>, reading news from `newsDir`.
 * @param {string} dist @param {string} newsDir @param {Row[]} rows @param {string} label
 */
async function buildSteps(dist, newsDir, rows, label) {
  const env = { PORTAL_DIST: dist, PORTAL_NEWS_DIR: newsDir };
  let wallMs = 0;
  let cpuMs = 0;
  let peakBytes = 0;
  for (const [name, command] of STEPS) {
    const loadBefore = load();
    const step = await measured(/** @type {string[]} */ (command), env);
    wallMs += step.wallMs;
    cpuMs += step.cpuMs;
    peakBytes = Math.max(peakBytes, step.peakBytes);
    // Printed as soon as measured too: a long run stopped half-way still leaves its figures.
    process.stderr.write(
      `bench scale: ${label}: ${name}: ${seconds(step.wallMs)} (CPU ${seconds(step.cpuMs)}), peak ${MB(step.peakBytes)}, ${loadBefore} before\n`,
    );
    rows.push({
      figure: `${label}: ${name}`,
      value: `${seconds(step.wallMs)} (CPU ${seconds(step.cpuMs)})`,
      note: `peak memory ${MB(step.peakBytes)}; ${loadBefore} before`,
    });
  }
  return { wallMs, cpuMs, peakBytes };
}

/** News rendered on demand by the server (the default build), or prerendered (PORTAL_NEWS=static). */
const served = process.env.PORTAL_NEWS !== 'static';

/** @param {string} label @param {{ problems: string[], lists: number }} report @returns {Row} */
const countsRow = (label, report) => ({
  figure: `${label}: lists match the content`,
  value: report.problems.length === 0 ? 'yes' : `NO (${report.problems.length})`,
  note: `sitemap, feeds and ${report.lists} index, tag and province lists${report.problems.length > 0 ? `; first: ${report.problems.slice(0, 3).join('; ')}` : ''}`,
});

/** @param {string} newsDir @returns {string} the marker now in bench-000001's title */
function editOneItem(newsDir) {
  const edited = join(newsDir, 'fa', 'bench-000001.md');
  const marker = `ویرایش ${Date.now()}`;
  writeFileSync(edited, readFileSync(edited, 'utf8').replace(/^title: "/m, `title: "${marker} `));
  return marker;
}

/**
 * A static site: one item edited (a title corrected), then the same build again with its cache:
 * commit to live (deploying the folder not counted).
 * @param {string} dist @param {string} newsDir @param {Row[]} rows @param {string} label
 */
async function rebuildAfterEdit(dist, newsDir, rows, label) {
  const marker = editOneItem(newsDir);
  const again = await buildSteps(dist, newsDir, rows, `${label} rebuild`);
  const page = readFileSync(join(portalDir, dist, 'client/news/bench-000001/index.html'), 'utf8');
  rows.push({
    figure: `${label}: rebuild after editing one item`,
    value: `${seconds(again.wallMs)} (CPU ${seconds(again.cpuMs)})`,
    note: `content cache kept; the edit is ${page.includes(marker) ? '' : 'NOT '}on the article page; peak memory ${MB(again.peakBytes)}; ${load()}`,
  });
}

/**
 * The server build: the lists checked through the running server, then one item edited and
 * published (`publishNews`: the store rewritten for what changed, the purge sent), and the time
 * until the server's article page and news index show the edit. Without PostgreSQL the purge
 * cannot reach the server process, so the index is read once before (cached) only when a purge
 * channel is configured; e2e/news-live.test.ts measures the two-instance purge.
 * @param {string} dist @param {string} newsDir @param {string} label @param {Function} checkNewsCounts
 * @returns {Promise<Row[]>}
 */
async function publishAfterEdit(dist, newsDir, label, checkNewsCounts) {
  const { startPortalServer } = await import(
    new URL('../portal/e2e/server.setup.ts', import.meta.url).href
  );
  const { NewsStore } = await import(
    new URL('../portal/src/lib/news-store.ts', import.meta.url).href
  );
  const { publishNews } = await import(
    new URL('../portal/src/lib/news-publish.ts', import.meta.url).href
  );
  /** @type {Row[]} */
  const rows = [];
  const storePath = join(portalDir, dist, 'news.sqlite');
  const server = await startPortalServer(join(portalDir, dist), { PORTAL_NEWS_DB: storePath });
  try {
    rows.push(countsRow(label, await checkNewsCounts(server.baseUrl, newsDir)));
    const marker = editOneItem(newsDir);
    const store = new NewsStore(storePath);
    const started = performance.now();
    let syncMs = 0;
    try {
      const change = await publishNews({ contentDir: newsDir, store });
      syncMs = performance.now() - started;
      let live = false;
      while (!live && performance.now() - started < 120_000) {
        const page = await fetch(`${server.baseUrl}/news/bench-000001/`);
        live = (await page.text()).includes(marker);
      }
      rows.push({
        figure: `${label}: publish one edited item, to live`,
        value: live ? seconds(performance.now() - started) : 'NOT live after 120 s',
        note: `syncNews ${seconds(syncMs)} (${change.updated.length} item rewritten, ${change.cacheTags.length} cache tags purged${change.broadcast ? ' over PostgreSQL' : ', no purge channel'}), then the article page from the server; no rebuild; ${load()}`,
      });
    } finally {
      store.close();
    }
  } finally {
    server.stop();
  }
  return rows;
}

/** @param {number} count @returns {Promise<Row[]>} */
async function scaleRows(count) {
  /** @type {Row[]} */
  const rows = [];
  const label = `scale ${count.toLocaleString('en')}`;
  const newsDir = mkdtempSync(join(tmpdir(), `bz-scale-news-${count}-`));
  const dist = `dist-scale-${count}`;
  const keep = process.env.BENCH_SCALE_KEEP === '1';
  try {
    const written = writeNews(newsDir, count, 1);
    // A cold build, as after a fresh checkout: no output or content cache from an earlier run.
    for (const folder of [dist, `${dist}-cache`]) {
      rmSync(join(portalDir, folder), { recursive: true, force: true });
    }
    const cold = await buildSteps(dist, newsDir, rows, label);
    rows.push({
      figure: `${label}: whole build`,
      value: `${seconds(cold.wallMs)} (CPU ${seconds(cold.cpuMs)})`,
      note: `${written.fa} fa + ${written.en} en items; CPU ${seconds((cold.cpuMs / count) * 1000)} per 1,000 items; peak memory ${MB(cold.peakBytes)}`,
    });

    const client = folderSize(join(portalDir, dist, 'client'));
    const server = folderSize(join(portalDir, dist, 'server'));
    rows.push({
      figure: `${label}: output`,
      value: `${client.files.toLocaleString('en')} files`,
      note: `client ${MB(client.bytes)}; server bundle ${MB(server.bytes)} (largest file ${MB(server.largest)})${existsSync(join(portalDir, dist, 'news.sqlite')) ? `; news store ${MB(statSync(join(portalDir, dist, 'news.sqlite')).size)}` : ''}`,
    });

    const first = await measureFirstQueryBytes(join(portalDir, dist, 'client'), SEARCH_QUERY);
    rows.push({
      figure: `${label}: first search result`,
      value: `${(first.bytes / 1024).toFixed(1)} kB`,
      note: `«${SEARCH_QUERY}»: ${first.requests} files, ${first.results} results shown; target ≤ 200 kB`,
    });

    const { checkNewsCounts } = await import(
      new URL('../portal/e2e/news-counts.ts', import.meta.url).href
    );
    if (!served) {
      /** @type {{ problems: string[], lists: number }} */
      const report = await checkNewsCounts(join(portalDir, dist, 'client'), newsDir);
      rows.push(countsRow(label, report));
      await rebuildAfterEdit(dist, newsDir, rows, label);
    } else {
      rows.push(...(await publishAfterEdit(dist, newsDir, label, checkNewsCounts)));
    }
  } finally {
    if (keep) {
      process.stderr.write(`bench scale: kept portal/${dist} and ${newsDir}\n`);
    } else {
      rmSync(newsDir, { recursive: true, force: true });
      for (const folder of [dist, `${dist}-cache`]) {
        rmSync(join(portalDir, folder), { recursive: true, force: true });
      }
    }
  }
  return rows;
}

/** @returns {Promise<Row[]>} */
export default async function scale() {
  const counts = (process.env.BENCH_SCALE_ITEMS ?? '10000')
    .split(',')
    .map((text) => Number(text.trim().replace(/_/g, '')));
  if (counts.some((count) => !Number.isInteger(count) || count < 1)) {
    throw new Error(
      'BENCH_SCALE_ITEMS: whole numbers of items, comma-separated (e.g. 10000,50000)',
    );
  }
  /** @type {Row[]} */
  const rows = await (await import('./scale-functions.mjs')).default();
  for (const count of counts) {
    process.stderr.write(`bench scale: ${count} items…\n`);
    rows.push(...(await scaleRows(count)));
  }
  return rows;
}
