// `pnpm bench scale`: the portal built with a generated news archive (bench/generate-news.mjs,
// the same items `pnpm bench portal` builds with), step by step: wall and CPU time and the peak
// memory of each step of the portal's `build` script, the files it writes, the bytes to a first
// search result, a rebuild after editing one item (commit-to-live for a static site), and
// whether the sitemap, feeds, tag and province pages hold exactly the generated items.
// `pnpm bench scale` builds 10,000, 50,000 and 100,000 items; `pnpm bench scale 200000` (or any
// sizes, or BENCH_SCALE_ITEMS=10000,50000) builds those instead: each 50,000 items take many
// minutes and several GB on two cores. `--keep` (or BENCH_SCALE_KEEP=1) keeps each build
// (portal/dist-scale-<n>) and its generated news (portal/dist-scale-<n>-news) for a look
// afterwards; `--reuse` measures a kept build of that size again without generating or building
// (the search, the lists against the content and the publish; it builds and keeps when there is
// none), so a long build need not be repeated: `pnpm bench scale 200000 --reuse`.
// BENCH_SCALE_FUNCTIONS=none skips the in-memory function rows (bench/scale-functions.mjs).
// Every step after the build prints a line when it starts and when it ends, and the lists check
// one per phase with its CPU time (this process and the server's), so a long run shows where it is.
// The news are on demand by default (the server build): the lists are checked through the running
// server and commit-to-live is the publishing pipeline's news-only path (no build), with the purge
// over the machine's PostgreSQL when there is one; PORTAL_NEWS=static measures the static build
// and its rebuild after one edit.
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
import { runCommand } from './command.mjs';
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
async function measured(command, env) {
  const timing = join(mkdtempSync(join(tmpdir(), 'bz-scale-time-')), 'time');
  const withTime = existsSync(GNU_TIME) ? [GNU_TIME, '-f', '%U %S %M', '-o', timing] : [];
  const [program, ...args] = [...withTime, ...command];
  const { wallMs } = await runCommand(command.join(' '), /** @type {string} */ (program), args, {
    cwd: portalDir,
    env,
  });
  const figures = existsSync(timing) ? readFileSync(timing, 'utf8').trim().split(/\s+/) : [];
  rmSync(join(timing, '..'), { recursive: true, force: true });
  const [user, system, peakKiB] = figures.slice(-3).map(Number);
  return {
    wallMs,
    cpuMs: ((user ?? Number.NaN) + (system ?? Number.NaN)) * 1000,
    peakBytes: (peakKiB ?? Number.NaN) * 1024,
  };
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
 * CPU time (user + system, ms) a process has used so far, from /proc; this process's own
 * without a pid. NaN where /proc is not there.
 * @param {number} [pid]
 */
function cpuMsOf(pid) {
  if (pid === undefined) {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command's name: state is the 3rd field, utime and stime the 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}
/** Linux's USER_HZ: /proc counts CPU time in hundredths of a second. */
const CLOCK_TICKS = 100;

/**
 * CPU time of this process and of `pids` (the server the checks read) since the last call, as
 * words for a progress line.
 * @param {() => (number | undefined)[]} pids
 */
function cpuMeter(pids = () => []) {
  const read = () => [cpuMsOf(), ...pids().map((pid) => cpuMsOf(pid))];
  let last = read();
  return () => {
    const now = read();
    const [here = 0, ...others] = now.map((ms, i) => ms - (last[i] ?? 0));
    last = now;
    const server = others.reduce((sum, ms) => sum + ms, 0);
    return {
      ms: here + (Number.isNaN(server) ? 0 : server),
      words: `CPU ${seconds(here)} here${others.length > 0 ? ` + ${seconds(server)} server${others.length > 1 ? 's' : ''}` : ''}`,
    };
  };
}

/**
 * The check's progress lines (`checkNewsCounts`'s `progress` option), each with the CPU time
 * used since the line before: a long run shows where it is, and each phase what it costs.
 * @param {string} label @param {() => (number | undefined)[]} [pids] @param {Row[]} [rows]
 */
function progress(label, pids, rows) {
  const meter = cpuMeter(pids);
  let since = performance.now();
  return (/** @type {string} */ phase, /** @type {string} */ detail, done = true) => {
    if (!done) {
      process.stderr.write(`bench scale: ${label}: ${phase}: ${detail}…\n`);
      return;
    }
    const cpu = meter();
    const wall = performance.now() - since;
    since = performance.now();
    process.stderr.write(
      `bench scale: ${label}: ${phase}: ${detail} (${seconds(wall)}, ${cpu.words}; ${load()})\n`,
    );
    rows?.push({
      figure: `${label}: check ${phase}`,
      value: `CPU ${seconds(cpu.ms)}`,
      note: `${detail}; ${cpu.words}, ${seconds(wall)} wall`,
    });
  };
}

/**
 * One step after the build, with a line when it starts and one with its wall and CPU time.
 * @template T @param {string} label @param {string} name @param {() => Promise<T>} run
 * @returns {Promise<T>}
 */
async function step(label, name, run) {
  process.stderr.write(`bench scale: ${label}: ${name}…\n`);
  const cpu = cpuMeter();
  const start = performance.now();
  const result = await run();
  process.stderr.write(
    `bench scale: ${label}: ${name}: done in ${seconds(performance.now() - start)} (${cpu().words}; ${load()})\n`,
  );
  return result;
}

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
    // One Node server renders on one core: with two cores, a second server of the same build
    // (the same store file) halves the time the lists take.
    const helpers = [];
    for (let i = 1; i < Math.min(2, os.availableParallelism()); i++) {
      helpers.push(await startPortalServer(liveDir, purgeEnv));
    }
    const servers = [server, ...helpers];
    process.stderr.write(
      `bench scale: ${label}: lists against the content, through ${servers.length} servers…\n`,
    );
    try {
      const report = await checkNewsCounts(
        servers.map((each) => each.baseUrl),
        newsDir,
        { progress: progress(label, () => servers.map((each) => each.child.pid), rows) },
      );
      rows.push(countsRow(label, report));
    } finally {
      for (const helper of helpers) helper.stop();
    }
    process.stderr.write(`bench scale: ${label}: publish one edited item, to live…\n`);
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

/** Written into a finished build's folder: `--reuse` measures that build again. */
const BUILT_MARK = 'bench-scale-built.json';

/**
 * The generated archive and its build for `count` items, generated and built unless `reuse` and
 * a finished build of that size is there (portal/dist-scale-<n> with its news beside it).
 * @param {number} count @param {Row[]} rows @param {string} label @param {boolean} reuse
 * @returns {Promise<{ dist: string, newsDir: string, build: { cpuMs: number, wallMs: number } }>}
 */
async function builtArchive(count, rows, label, reuse) {
  const dist = `dist-scale-${count}`;
  const newsDir = join(portalDir, `${dist}-news`);
  const mark = join(portalDir, dist, BUILT_MARK);
  if (reuse && existsSync(mark) && existsSync(newsDir)) {
    /** @type {{ builtAt: string, fa: number, en: number }} */
    const built = JSON.parse(readFileSync(mark, 'utf8'));
    process.stderr.write(
      `bench scale: ${label}: reusing portal/${dist} (built ${built.builtAt})\n`,
    );
    rows.push({
      figure: `${label}: whole build`,
      value: 'reused',
      note: `portal/${dist}, built ${built.builtAt} (${built.fa} fa + ${built.en} en items); run without --reuse to measure the build`,
    });
    return { dist, newsDir, build: { cpuMs: Number.NaN, wallMs: Number.NaN } };
  }
  // A cold build, as after a fresh checkout: no output or content cache from an earlier run.
  for (const folder of [dist, `${dist}-cache`, `${dist}-news`]) {
    rmSync(join(portalDir, folder), { recursive: true, force: true });
  }
  const written = writeNews(newsDir, count, 1);
  const cold = await buildSteps(dist, newsDir, rows, label);
  rows.push({
    figure: `${label}: whole build`,
    value: `${seconds(cold.wallMs)} (CPU ${seconds(cold.cpuMs)})`,
    note: `${written.fa} fa + ${written.en} en items; CPU ${seconds((cold.cpuMs / count) * 1000)} per 1,000 items; peak memory ${MB(cold.peakBytes)}`,
  });
  writeFileSync(mark, JSON.stringify({ builtAt: new Date().toISOString(), ...written }));
  return { dist, newsDir, build: cold };
}

/**
 * @param {number} count @param {{ keep: boolean, reuse: boolean }} options
 * @returns {Promise<{ rows: Row[], build: { cpuMs: number, wallMs: number } }>}
 */
async function scaleRows(count, { keep, reuse }) {
  /** @type {Row[]} */
  const rows = [];
  const label = `scale ${count.toLocaleString('en')}`;
  const dist = `dist-scale-${count}`;
  let build = { cpuMs: Number.NaN, wallMs: Number.NaN };
  try {
    const archive = await builtArchive(count, rows, label, reuse);
    const { newsDir } = archive;
    build = archive.build;

    const client = folderSize(join(portalDir, dist, 'client'));
    const server = folderSize(join(portalDir, dist, 'server'));
    rows.push({
      figure: `${label}: output`,
      value: `${client.files.toLocaleString('en')} files`,
      note: `client ${MB(client.bytes)}; server bundle ${MB(server.bytes)} (largest file ${MB(server.largest)})${existsSync(join(portalDir, dist, 'news.sqlite')) ? `; news store ${MB(statSync(join(portalDir, dist, 'news.sqlite')).size)}` : ''}`,
    });

    if (served) {
      const first = await step(label, 'first search result (server search)', () =>
        measureServerFirstQuery(join(portalDir, dist), SEARCH_QUERY),
      );
      rows.push({
        figure: `${label}: first search result (server search)`,
        value: `${(first.totalBytes / 1024).toFixed(1)} kB`,
        note: `«${SEARCH_QUERY}»: every byte the search page fetched (${first.requests} requests, the answer ${(first.searchBytes / 1024).toFixed(1)} kB, ${first.pagefindRequests} Pagefind files), ${first.results} results shown; target ≤ 200 kB`,
      });
    }
    const first = await step(label, 'first search result (Pagefind)', () =>
      measureFirstQueryBytes(join(portalDir, dist, 'client'), SEARCH_QUERY),
    );
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
        const report = await step(label, 'lists against the content', () =>
          checkNewsCounts(join(portalDir, dist, 'client'), newsDir, {
            progress: progress(label, undefined, rows),
          }),
        );
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
      process.stderr.write(
        `bench scale: kept portal/${dist} and portal/${dist}-news (\`--reuse\` measures them again)\n`,
      );
    } else {
      for (const folder of [dist, `${dist}-cache`, `${dist}-news`]) {
        rmSync(join(portalDir, folder), { recursive: true, force: true });
      }
    }
  }
  return { rows, build };
}

/** `--keep`: leave the build and its news; `--reuse`: measure a kept build again (keeps it). */
const FLAGS = ['--keep', '--reuse'];

/**
 * `pnpm bench scale [items…]`: the sizes from the command line (e.g. `pnpm bench scale 200000`),
 * else BENCH_SCALE_ITEMS, else 10,000, 50,000 and 100,000 (200,000 only when asked for).
 * @param {string[]} [sizes]
 * @returns {Promise<Row[]>}
 */
export default async function scale(sizes = [], flags = process.argv.slice(2)) {
  const unknown = flags.filter((flag) => flag.startsWith('--') && !FLAGS.includes(flag));
  if (unknown.length > 0) {
    throw new Error(`bench scale: unknown option ${unknown.join(' ')} (known: ${FLAGS.join(' ')})`);
  }
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
  const reuse = flags.includes('--reuse');
  const keep = reuse || flags.includes('--keep') || process.env.BENCH_SCALE_KEEP === '1';
  for (const count of counts) {
    process.stderr.write(`bench scale: ${count} items…\n`);
    const measured = await scaleRows(count, { keep, reuse });
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
