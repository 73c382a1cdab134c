// `pnpm bench slow-link`: the citizen's tasks timed on emulated slow mobile links, as the review
// of 2026-12-05 asks (docs/performance.md). The built portal (portal/dist, or PORTAL_DIST) is
// served by its own production server; system Chromium driven by playwright-core emulates the
// link through the DevTools protocol (latency and throughput) and slows its CPU 4×, the way a
// low-end phone runs. Every run starts from a fresh browser context (empty cache, no service
// worker), each task runs three times and the median is printed with the bytes that crossed
// the wire (compressed, headers included) and the number of requests until the answer was
// there. One request waterfall per task and profile goes to stderr, so the table stays short.
//
// A task's time runs from navigation start (the page's own performance.now() origin) to the
// moment its answer is in the DOM and one frame has been painted after it. Interactions happen
// as soon as the control is usable, as an impatient citizen would act.
//
// This is a benchmark (figures to read), not a test: wall-clock figures depend on the machine.
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumHelp, findChromium } from '../scripts/browsers.mjs';

/** @typedef {import('./lib.mjs').Row} Row */
/** @typedef {import('playwright-core').Page} Page */

/** Link profiles (the issue's figures; bytes per second for the protocol). */
export const PROFILES = {
  'Regular 2G': { latency: 800, downloadThroughput: 250_000 / 8, uploadThroughput: 50_000 / 8 },
  'Slow 3G': { latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 },
};
const CPU_SLOWDOWN = 4;
const RUNS = 3;
/** Targets on Regular 2G (issue "Fast on a 2G phone"), in milliseconds. */
const TARGETS_2G = {
  article: 2500,
  feedback: 6000,
  checker: 6000,
  'locate-me': 6000,
  'locate-place': 6000,
  search: 8000,
};

/**
 * Waits in the page until `selector` matches an element that is rendered and enabled — inside the
 * shadow root of the first `host` element when one is named — then for one painted frame;
 * returns performance.now() at that frame.
 * @param {Page} page @param {string} selector @param {string} [host]
 */
async function whenReady(page, selector, host) {
  const handle = await page.waitForFunction(
    // Runs in the page (the bench is type-checked without the DOM library, hence `any`).
    ([sel, hostSel]) => {
      /** @type {any} */
      const win = globalThis;
      const root = hostSel ? win.document.querySelector(hostSel)?.shadowRoot : win.document;
      const el = root?.querySelector(sel);
      if (!el) return false;
      const box = el.getBoundingClientRect();
      if ((box.width === 0 && box.height === 0) || el.disabled) return false;
      return new Promise((resolve) => win.requestAnimationFrame(() => resolve(performance.now())));
    },
    [selector, host],
    { polling: 50, timeout: 120_000 },
  );
  return /** @type {number} */ (await handle.jsonValue());
}

/**
 * The tasks. Each navigates, acts as soon as it can, and returns the page's time of the answer.
 * @type {Record<string, { label: string, path: string, run: (page: Page) => Promise<number> }>}
 */
export const TASKS = {
  article: {
    label: 'article text visible',
    path: '/news/hesseh-service-base/',
    run: (page) => whenReady(page, 'main p'),
  },
  feedback: {
    label: 'feedback form usable',
    path: '/feedback/',
    run: (page) => whenReady(page, 'textarea#message', 'bz-feedback-form'),
  },
  checker: {
    label: "checker's first question answerable",
    path: '/programmes/social-emergency/',
    run: (page) => whenReady(page, 'form[part~="question"] input', 'bz-eligibility-checker'),
  },
  'locate-me': {
    label: 'nearest base after "use my location"',
    path: '/directory/',
    run: async (page) => {
      await whenReady(page, '[part~="geolocate-button"]', 'bz-service-locator');
      await page.locator('bz-service-locator [part~="geolocate-button"]').click();
      return whenReady(page, '[part~="result-name"]', 'bz-service-locator');
    },
  },
  'locate-place': {
    label: 'nearest base after choosing province and county',
    path: '/directory/',
    run: async (page) => {
      const locator = page.locator('bz-service-locator');
      await whenReady(page, 'select#province', 'bz-service-locator');
      const province = locator.locator('select#province');
      await province.selectOption({ index: 1 });
      await whenReady(page, 'select#county', 'bz-service-locator');
      await locator.locator('select#county').selectOption({ index: 1 });
      await locator.locator('[part~="places-form"] button[type="submit"]').click();
      return whenReady(page, '[part~="result-name"]', 'bz-service-locator');
    },
  },
  search: {
    label: 'first search result for «پایگاه»',
    path: '/search/',
    run: async (page) => {
      await whenReady(page, '#search-q');
      await page.locator('#search-q').fill('پایگاه');
      await page.locator('#search-q').press('Enter');
      return whenReady(page, '.search-results h2 a');
    },
  },
};

/**
 * One run of a task in a fresh context: time, wire bytes, requests and the waterfall.
 * @param {import('playwright-core').Browser} browser
 * @param {string} baseUrl
 * @param {{ latency: number, downloadThroughput: number, uploadThroughput: number }} profile
 * @param {(typeof TASKS)[string]} task
 */
async function runOnce(browser, baseUrl, profile, task) {
  const context = await browser.newContext({
    viewport: { width: 360, height: 780 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'fa-IR',
    geolocation: { latitude: 38.262, longitude: 48.301 },
    permissions: ['geolocation'],
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });

  /** @type {Map<string, { url: string, start: number, end?: number, bytes: number }>} */
  const requests = new Map();
  let firstTimestamp = Number.NaN;
  cdp.on('Network.requestWillBeSent', (event) => {
    if (Number.isNaN(firstTimestamp)) firstTimestamp = event.timestamp;
    requests.set(event.requestId, { url: event.request.url, start: event.timestamp, bytes: 0 });
  });
  cdp.on('Network.loadingFinished', (event) => {
    const request = requests.get(event.requestId);
    if (!request) return;
    request.end = event.timestamp;
    request.bytes = event.encodedDataLength;
  });

  await page.goto(baseUrl + encodeURI(task.path), { waitUntil: 'commit' });
  const ms = await task.run(page);
  // Requests that had started by the answer, in page time (the first request ≈ navigation start).
  const answeredAt = firstTimestamp + ms / 1000;
  const before = [...requests.values()].filter((r) => r.start <= answeredAt);
  const bytes = before.reduce((sum, r) => sum + r.bytes, 0);
  const waterfall = before.map((r) => ({
    path: new URL(r.url).pathname,
    startMs: Math.round((r.start - firstTimestamp) * 1000),
    endMs: r.end === undefined ? undefined : Math.round((r.end - firstTimestamp) * 1000),
    bytes: r.bytes,
  }));
  await context.close();
  return { ms, bytes, requests: before.length, waterfall };
}

/** @param {number[]} values */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** A comma-separated environment variable as a list, or undefined when unset. */
const listFromEnv = (/** @type {string} */ name) =>
  process.env[name]?.split(',').map((s) => s.trim());

/**
 * All tasks on both profiles; SLOW_LINK_TASKS (e.g. `article,search`) and SLOW_LINK_PROFILES
 * (`Regular 2G`) narrow the run while working on one task.
 * @param {{ tasks?: string[], profiles?: string[] }} [options]
 * @returns {Promise<Row[]>}
 */
export default async function slowLinkRows(
  options = { tasks: listFromEnv('SLOW_LINK_TASKS'), profiles: listFromEnv('SLOW_LINK_PROFILES') },
) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(chromiumHelp);
  // The e2e helper starts the built portal's production server (PORTAL_DIST read on import); a
  // dynamic import, as in portal.mjs, keeps the portal's files out of this project's types.
  /** @type {{ startPortalServer: () => Promise<{ baseUrl: string, stop: () => void }> }} */
  const server = await import(new URL('../portal/e2e/server.setup.ts', import.meta.url).href);
  const { baseUrl, stop } = await server.startPortalServer();
  const browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs });
  /** @type {Row[]} */
  const rows = [];
  try {
    for (const [profileName, profile] of Object.entries(PROFILES)) {
      if (options.profiles && !options.profiles.includes(profileName)) continue;
      for (const [id, task] of Object.entries(TASKS)) {
        if (options.tasks && !options.tasks.includes(id)) continue;
        const runs = [];
        for (let run = 0; run < RUNS; run++)
          runs.push(await runOnce(browser, baseUrl, profile, task));
        runs.sort((a, b) => a.ms - b.ms);
        const middle = /** @type {(typeof runs)[number]} */ (runs[Math.floor(runs.length / 2)]);
        const target =
          profileName === 'Regular 2G'
            ? TARGETS_2G[/** @type {keyof typeof TARGETS_2G} */ (id)]
            : undefined;
        rows.push({
          figure: `${profileName}: ${task.label}`,
          value: `${(middle.ms / 1000).toFixed(1)} s`,
          note: `${(median(runs.map((r) => r.bytes)) / 1024).toFixed(1)} kB over the wire, ${middle.requests} requests; median of ${RUNS}, CPU ${CPU_SLOWDOWN}× slower${target ? `; target ≤ ${(target / 1000).toFixed(1)} s` : ''}`,
        });
        process.stderr.write(
          `\nwaterfall — ${profileName}: ${task.label} (${middle.ms.toFixed(0)} ms)\n`,
        );
        for (const r of middle.waterfall) {
          process.stderr.write(
            `  ${String(r.startMs).padStart(6)} → ${String(r.endMs ?? '…').padStart(6)} ms  ${(r.bytes / 1024).toFixed(1).padStart(6)} kB  ${r.path}\n`,
          );
        }
      }
    }
  } finally {
    await browser.close();
    stop();
  }
  return rows;
}
