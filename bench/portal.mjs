// Portal rows for `pnpm bench`: page weight, Lighthouse scores, build time with 1,000 and
// 10,000 synthetic news items, and Pagefind bytes for a first query at 10,000 items.
// Builds the portal three times into its own folders (portal/dist-bench, dist-bench-1000,
// dist-bench-10000; never portal/dist, which the tests use), so it takes a few minutes.
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCpuTimed } from './command.mjs';
import { writeNews } from './generate-news.mjs';
import { lighthouseScores } from './lighthouse.mjs';
import { measureFirstQueryBytes } from './search.mjs';

const portalDir = new URL('../portal/', import.meta.url).pathname;
const kB = (/** @type {number} */ bytes) => `${(bytes / 1024).toFixed(1)} kB`;

/**
 * Targets from issue #16 (each page ≤ 30 kB gzip without fonts and pictures, Lighthouse mobile
 * 100/100), the build and search ones from issue #15 ("Size and time").
 */
const TARGETS = {
  pageBytes: 30 * 1024,
  performance: 100,
  accessibility: 100,
  buildMs: 90 * 1000,
  searchBytes: 200 * 1024,
};

/** Pages measured: home, a news article, a service-base page and a province page, in each language. */
const PAGES = [
  ['home', 'fa', '/'],
  ['news article', 'fa', '/news/hesseh-service-base/'],
  ['service base', 'fa', '/directory/bases/isfahan-hesseh/'],
  ['province', 'fa', '/directory/isfahan/'],
  ['home', 'en', '/en/'],
  ['news article', 'en', '/en/news/hesseh-service-base/'],
  ['service base', 'en', '/en/directory/bases/isfahan-hesseh/'],
  ['province', 'en', '/en/directory/isfahan/'],
];

/** Words of many generated news items (a large result set), as a visitor would type them. */
const SEARCH_QUERY = 'پایگاه خدمات';

/**
 * Runs the portal's `build` script (data, astro build and whatever else it runs) into
 * portal/<dist>. Returns the wall-clock time and the CPU time of the whole process tree (bash's
 * `time`): on a shared, busy machine the wall clock grows with the load, the CPU time much less,
 * so both are printed. Output is kept only to explain a failure.
 * @param {string} dist @param {Record<string, string>} [env]
 * @returns {Promise<{ wallMs: number, cpuMs: number }>}
 */
function buildPortal(dist, env = {}) {
  // A cold build, as after a fresh checkout: no output or content cache from an earlier run.
  for (const folder of [dist, `${dist}-cache`]) {
    rmSync(join(portalDir, folder), { recursive: true, force: true });
  }
  return runCpuTimed(`portal build into ${dist}`, '--run build', {
    cwd: portalDir,
    env: { ...env, PORTAL_DIST: dist },
  });
}

/** @param {{ wallMs: number, cpuMs: number }} time */
const buildTime = (time) =>
  `${(time.wallMs / 1000).toFixed(1)} s (CPU ${(time.cpuMs / 1000).toFixed(1)} s)`;

/** Load average while measuring: a busy machine explains slow wall-clock figures. */
const load = () => `load ${os.loadavg()[0]?.toFixed(1)} on ${os.availableParallelism()} cores`;

/**
 * The e2e helpers read PORTAL_DIST when first imported; the paths are computed from the URL
 * so TypeScript's bench project (which does not include portal/) does not follow them.
 * @param {string} dist
 */
async function e2eHelpers(dist) {
  process.env.PORTAL_DIST = dist;
  /** @type {{ pageWeight: (file: string) => { html: number, css: number, js: number, total: number } }} */
  const site = await import(new URL('../portal/e2e/site.ts', import.meta.url).href);
  /** @type {{ startPortalServer: (dist: string) => Promise<{ baseUrl: string, stop: () => void }>, saveOnDemandPages: (baseUrl: string) => Promise<void> }} */
  const server = await import(new URL('../portal/e2e/server.setup.ts', import.meta.url).href);
  return {
    pageWeight: site.pageWeight,
    startPortalServer: server.startPortalServer,
    saveOnDemandPages: server.saveOnDemandPages,
  };
}

/** @param {string} path site path → built file relative to dist/client */
const htmlFile = (path) => `${path.slice(1)}index.html`;

/** @returns {Promise<import('./lib.mjs').Row[]>} */
export default async function portalRows() {
  /** @type {import('./lib.mjs').Row[]} */
  const rows = [];
  const { pageWeight, startPortalServer, saveOnDemandPages } = await e2eHelpers('dist-bench');

  // 1. The site as published (its own content), built once for weight and Lighthouse.
  const time = await buildPortal('dist-bench');
  rows.push({
    figure: 'portal build, own content',
    value: buildTime(time),
    note: `node --run build into portal/dist-bench; ${load()}`,
  });
  const server = await startPortalServer(join(portalDir, 'dist-bench'));
  try {
    // The news pages are rendered on demand: save them as the e2e set-up does, then weigh.
    await saveOnDemandPages(server.baseUrl);
    for (const [name, locale, path] of PAGES) {
      const weight = pageWeight(htmlFile(/** @type {string} */ (path)));
      rows.push({
        figure: `portal ${name} (${locale}) page weight`,
        value: kB(weight.total),
        note: `gzip HTML ${kB(weight.html)} + CSS ${kB(weight.css)} + JS ${kB(weight.js)}, no fonts; target ≤ ${kB(TARGETS.pageBytes)}`,
      });
    }
    const faPages = PAGES.filter(([, locale]) => locale === 'fa');
    const scores = await lighthouseScores(faPages.map(([, , path]) => `${server.baseUrl}${path}`));
    scores.forEach((score, i) => {
      const [name] = /** @type {string[]} */ (faPages[i]);
      const failing = score.failing.map((audit) => `${audit.id} ${audit.display ?? audit.score}`);
      rows.push({
        figure: `portal ${name} (fa) Lighthouse mobile`,
        value: `perf ${score.performance}, a11y ${score.accessibility}`,
        note: `targets ≥ ${TARGETS.performance} / ${TARGETS.accessibility}; LCP ${score.metrics.LCP}, TBT ${score.metrics.TBT}, CLS ${score.metrics.CLS}${failing.length > 0 ? `; below 0.9: ${failing.join(', ')}` : ''}`,
      });
    });
  } finally {
    server.stop();
  }

  // 2. Build time with generated news, then the search index of the 10,000-item build.
  for (const count of [1000, 10000]) {
    const newsDir = mkdtempSync(join(tmpdir(), `bz-news-${count}-`));
    const dist = `dist-bench-${count}`;
    try {
      const written = writeNews(newsDir, count, 1);
      const time = await buildPortal(dist, { PORTAL_NEWS_DIR: newsDir });
      rows.push({
        figure: `portal build, ${count.toLocaleString('en')} news items`,
        value: buildTime(time),
        note: `${written.fa} fa + ${written.en} en generated items, search index included${count === 10000 ? `; target ≤ ${TARGETS.buildMs / 1000} s` : ''}; ${load()}`,
      });
    } finally {
      rmSync(newsDir, { recursive: true, force: true });
    }
  }
  rows.push(await indexRow('dist-bench-10000'));
  rows.push(await searchRow(join(portalDir, 'dist-bench-10000')));
  return rows;
}

/**
 * The search index alone on the 10,000-item build (scripts/index-search.ts: extraction, the
 * matcher, Pagefind's binary), run again on the built output.
 * @param {string} dist
 * @returns {Promise<import('./lib.mjs').Row>}
 */
async function indexRow(dist) {
  const time = await runCpuTimed(`index-search on ${dist}`, 'scripts/index-search.ts', {
    cwd: portalDir,
    env: { PORTAL_DIST: dist },
  });
  return {
    figure: 'portal search index alone, 10,000 news',
    value: buildTime(time),
    note: `scripts/index-search.ts on the built output (HTML extraction, core's matcher, Pagefind's binary); ${load()}`,
  };
}

/**
 * Pagefind bytes for a first query at 10,000 news items, on the index the build writes
 * (scripts/index-search.ts), measured by the search benchmark's own function (bench/search.mjs).
 * @param {string} dist
 * @returns {Promise<import('./lib.mjs').Row>}
 */
async function searchRow(dist) {
  const first = await measureFirstQueryBytes(join(dist, 'client'), SEARCH_QUERY);
  return {
    figure: 'portal Pagefind first query, 10,000 news',
    value: kB(first.bytes),
    note: `query «${SEARCH_QUERY}» on the search page: ${first.requests} files, ${first.results} results shown; target ≤ ${kB(TARGETS.searchBytes)}`,
  };
}
