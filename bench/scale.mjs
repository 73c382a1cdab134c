// `pnpm bench scale`: the portal built with a generated news archive (bench/generate-news.mjs,
// the same items `pnpm bench portal` builds with), step by step: wall and CPU time and the peak
// memory of each step of the portal's `build` script, the files it writes, the bytes to a first
// search result, a rebuild after editing one item (commit-to-live for a static site), and
// whether the sitemap, feeds, tag and province pages hold exactly the generated items.
// `pnpm bench scale` builds 10,000, 50,000 and 100,000 items; `pnpm bench scale 200000` (or any
// sizes, or BENCH_SCALE_ITEMS=10000,50000) builds those instead: each 50,000 items take many
// minutes and several GB on two cores. BENCH_SCALE_KEEP=1 keeps the builds
// (portal/dist-scale-<n>) and the generated news (printed) for a look afterwards;
// BENCH_SCALE_FUNCTIONS=none skips the in-memory function rows (bench/scale-functions.mjs).
// The news are on demand by default (the server build): the lists are checked through the running
// server and commit-to-live is the publishing pipeline's news-only path (no build), with the purge
// over the machine's PostgreSQL when there is one; PORTAL_NEWS=static measures the static build
// and its rebuild after one edit.
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
import { measureFirstQueryBytes, measureServerFirstQuery } from './search.mjs';

const portalDir = new URL('../portal/', import.meta.url).pathname;
const node = process.execPath;
const astro = join(portalDir, 'node_modules/astro/bin/astro.mjs');
/** GNU time reports a process tree's peak resident memory (its largest process). */
const GNU_TIME = '/usr/bin/time';
const SEARCH_QUERY = 'پایگاه خدمات';

/**
 * The steps of the portal's `build` script, read from portal/package.json and run one by one to
 * measure each: the bench measures exactly what the build runs, also after the script changes.
 * @returns {[string, string[]][]}
 */
function buildSteps_() {
  const script = JSON.parse(readFileSync(join(portalDir, 'package.json'), 'utf8')).scripts.build;
  return script.split('&&').map((/** @type {string} */ part) => {
    const words = part.trim().split(/\s+/);
    if (words[0] === 'astro') return [part.trim(), [node, astro, ...words.slice(1)]];
    if (words[0] === 'node') {
      const name = words[1] === '--run' ? `node --run ${words[2]}` : String(words[1]);
      return [name.replace(/^scripts\//, ''), [node, ...words.slice(1)]];
    }
    throw new Error(`bench scale: unknown step in the portal's build script: ${part}`);
  });
}
const STEPS = buildSteps_();

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
 * published through the publishing pipeline's news-only path (portal/server/publish/news-only.ts:
 * syncNews into the live store, the purge over PostgreSQL NOTIFY, the changed article rendered by
 * the release's server into its search index), and the time until the running server's article
 * page (read, so cached, before the edit) and its /api/search both show the edit. With no
 * PostgreSQL on the machine the purge cannot reach the server: the article is then not read before.
 * @param {string} dist @param {string} newsDir @param {string} label @param {Function} checkNewsCounts
 * @returns {Promise<Row[]>}
 */
export async function publishAfterEdit(dist, newsDir, label, checkNewsCounts) {
  const { startPortalServer } = await import(
    new URL('../portal/e2e/server.setup.ts', import.meta.url).href
  );
  const { publishNewsOnly } = await import(
    new URL('../portal/server/publish/news-only.ts', import.meta.url).href
  );
  const { preparePostgres } = await import(
    new URL('../packages/feedback-service/test/postgres.ts', import.meta.url).href
  );
  /** @type {Row[]} */
  const rows = [];
  const liveDir = join(portalDir, dist);
  /** @type {{ url: string | undefined, teardown: () => Promise<void> }} */
  const postgres = await preparePostgres();
  const purgeEnv = postgres.url ? { PORTAL_CACHE_DATABASE_URL: postgres.url } : {};
  const server = await startPortalServer(liveDir, purgeEnv);
  const before = process.env.PORTAL_CACHE_DATABASE_URL;
  /** A fetch's text; a failure names the server's last words (a loaded machine drops some). */
  const text = async (/** @type {string} */ url) => {
    try {
      return await (await fetch(url)).text();
    } catch (error) {
      process.stderr.write(
        `bench scale: ${url}: ${/** @type {Error} */ (error).message}; server exit ${server.child.exitCode}; its log: ${server.output().slice(-1500)}\n`,
      );
      throw error;
    }
  };
  try {
    rows.push(countsRow(label, await checkNewsCounts(server.baseUrl, newsDir)));
    const article = `${server.baseUrl}/news/bench-000001/`;
    if (postgres.url) await text(article);
    const marker = editOneItem(newsDir);
    const word = marker.split(' ')[1] ?? marker;
    if (postgres.url) process.env.PORTAL_CACHE_DATABASE_URL = postgres.url;
    const started = performance.now();
    const loadBefore = load();
    const result = await publishNewsOnly({
      newsDir,
      liveDir,
      now: new Date(),
      approved: () => false,
    });
    const publishMs = performance.now() - started;
    if (!result.ok) throw new Error(`news-only publish failed: ${result.output}`);
    let pageLive = false;
    let searchLive = false;
    while (!(pageLive && searchLive) && performance.now() - started < 120_000) {
      pageLive ||= (await text(article)).includes(marker);
      const answer = await text(`${server.baseUrl}/api/search?q=${encodeURIComponent(word)}`);
      searchLive ||= answer.includes('/news/bench-000001/');
      if (!(pageLive && searchLive)) await new Promise((done) => setTimeout(done, 100));
    }
    rows.push({
      figure: `${label}: publish one edited item, to live`,
      value:
        pageLive && searchLive
          ? seconds(performance.now() - started)
          : `NOT live after 120 s (page ${pageLive}, search ${searchLive})`,
      note: `news-only publish ${seconds(publishMs)} (sync, purge ${postgres.url ? 'over PostgreSQL NOTIFY' : 'not sent: no PostgreSQL'}, the article rendered into the search index: "${result.output}"), then the cached article page and /api/search show it; no build; ${loadBefore} before`,
    });
  } finally {
    if (before === undefined) delete process.env.PORTAL_CACHE_DATABASE_URL;
    else process.env.PORTAL_CACHE_DATABASE_URL = before;
    server.stop();
    await postgres.teardown();
  }
  return rows;
}

/**
 * @param {number} count
 * @returns {Promise<{ rows: Row[], build: { cpuMs: number, wallMs: number } }>}
 */
async function scaleRows(count) {
  /** @type {Row[]} */
  const rows = [];
  const label = `scale ${count.toLocaleString('en')}`;
  const newsDir = mkdtempSync(join(tmpdir(), `bz-scale-news-${count}-`));
  const dist = `dist-scale-${count}`;
  const keep = process.env.BENCH_SCALE_KEEP === '1';
  let build = { cpuMs: Number.NaN, wallMs: Number.NaN };
  try {
    const written = writeNews(newsDir, count, 1);
    // A cold build, as after a fresh checkout: no output or content cache from an earlier run.
    for (const folder of [dist, `${dist}-cache`]) {
      rmSync(join(portalDir, folder), { recursive: true, force: true });
    }
    const cold = await buildSteps(dist, newsDir, rows, label);
    build = cold;
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

    if (served) {
      const first = await measureServerFirstQuery(join(portalDir, dist), SEARCH_QUERY);
      rows.push({
        figure: `${label}: first search result (server search)`,
        value: `${(first.totalBytes / 1024).toFixed(1)} kB`,
        note: `«${SEARCH_QUERY}»: every byte the search page fetched (${first.requests} requests, the answer ${(first.searchBytes / 1024).toFixed(1)} kB, ${first.pagefindRequests} Pagefind files), ${first.results} results shown; target ≤ 200 kB`,
      });
    }
    const first = await measureFirstQueryBytes(join(portalDir, dist, 'client'), SEARCH_QUERY);
    rows.push({
      figure: `${label}: first search result (Pagefind, static host)`,
      value: `${(first.bytes / 1024).toFixed(1)} kB`,
      note: `«${SEARCH_QUERY}»: ${first.requests} Pagefind files, ${first.results} results shown`,
    });

    const { checkNewsCounts } = await import(
      new URL('../portal/e2e/news-counts.ts', import.meta.url).href
    );
    try {
      if (!served) {
        /** @type {{ problems: string[], lists: number }} */
        const report = await checkNewsCounts(join(portalDir, dist, 'client'), newsDir);
        rows.push(countsRow(label, report));
        await rebuildAfterEdit(dist, newsDir, rows, label);
      } else {
        rows.push(...(await publishAfterEdit(dist, newsDir, label, checkNewsCounts)));
      }
    } catch (error) {
      // The build's figures stand; say what failed after it.
      rows.push({
        figure: `${label}: lists and commit-to-live`,
        value: 'FAILED',
        note: /** @type {Error} */ (error).message.slice(0, 300),
      });
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
  return { rows, build };
}

/**
 * `pnpm bench scale [items…]`: the sizes from the command line (e.g. `pnpm bench scale 200000`),
 * else BENCH_SCALE_ITEMS, else 10,000, 50,000 and 100,000 (200,000 only when asked for).
 * @param {string[]} [sizes]
 * @returns {Promise<Row[]>}
 */
export default async function scale(sizes = []) {
  const given = sizes.length > 0 ? sizes.join(',') : process.env.BENCH_SCALE_ITEMS;
  const counts = (given ?? '10000,50000,100000')
    .split(',')
    .map((text) => Number(text.trim().replace(/[_,]/g, '')));
  if (counts.some((count) => !Number.isInteger(count) || count < 1)) {
    throw new Error(
      'bench scale: sizes are whole numbers of items (e.g. `pnpm bench scale 10000 50000`)',
    );
  }
  /** @type {Row[]} */
  const rows =
    process.env.BENCH_SCALE_FUNCTIONS === 'none'
      ? []
      : await (await import('./scale-functions.mjs')).default();
  /** @type {{ count: number, cpuMs: number, wallMs: number }[]} */
  const builds = [];
  for (const count of counts) {
    process.stderr.write(`bench scale: ${count} items…\n`);
    const measured = await scaleRows(count);
    builds.push({ count, ...measured.build });
    // Printed as soon as measured: a long run stopped half-way still leaves its figures.
    for (const row of measured.rows) {
      process.stderr.write(`bench scale: ${row.figure}: ${row.value} (${row.note ?? ''})\n`);
    }
    rows.push(...measured.rows);
  }
  const [smallest, ...larger] = [...builds].sort((a, b) => a.count - b.count);
  for (const build of larger) {
    if (!smallest) break;
    const perThousand = (/** @type {{ count: number, cpuMs: number }} */ b) =>
      (b.cpuMs / b.count) * 1000;
    rows.push({
      figure: `scale: CPU per 1,000 items at ${build.count.toLocaleString('en')} ÷ at ${smallest.count.toLocaleString('en')}`,
      value: `${(perThousand(build) / perThousand(smallest)).toFixed(2)}×`,
      note: `${seconds(perThousand(build))} vs ${seconds(perThousand(smallest))} of CPU per 1,000 items, whole build; target ≤ 1.3× (issue 23)`,
    });
  }
  return rows;
}
