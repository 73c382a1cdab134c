// Lighthouse through its Node API, in the system Chromium (nothing downloads a browser here),
// with Lighthouse's defaults: mobile form factor and simulated slow-4G throttling.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import lighthouse from 'lighthouse';
import { chromiumArgs, chromiumHelp, findChromium } from '../scripts/browsers.mjs';

/**
 * chrome-launcher comes with lighthouse (its own dependency), so it is resolved from there
 * rather than added to the workspace a second time.
 * @returns {Promise<{ launch: (options: Record<string, unknown>) => Promise<{ port: number, kill: () => void }> }>}
 */
async function chromeLauncher() {
  const fromLighthouse = createRequire(createRequire(import.meta.url).resolve('lighthouse'));
  return import(pathToFileURL(fromLighthouse.resolve('chrome-launcher')).href);
}

/**
 * @typedef {{ url: string, performance: number, accessibility: number,
 *   failing: { category: string, id: string, title: string, score: number | null, display?: string }[],
 *   metrics: Record<string, string | undefined> }} LighthouseResult
 */

/**
 * Runs Lighthouse (performance and accessibility) on each URL `runs` times, one fresh Chromium
 * for all, and keeps each URL's median run by performance score: a single run swings by ten
 * points or more when the machine is busy (Lighthouse's own advice is the median of several).
 * @param {string[]} urls
 * @param {{ runs?: number }} [options]
 * @returns {Promise<LighthouseResult[]>}
 */
export async function lighthouseScores(urls, { runs = 3 } = {}) {
  const chromePath = findChromium();
  if (!chromePath) throw new Error(chromiumHelp);
  const { launch } = await chromeLauncher();
  const userDataDir = mkdtempSync(join(tmpdir(), 'bz-lighthouse-'));
  const chrome = await launch({
    chromePath,
    chromeFlags: ['--headless=new', ...chromiumArgs],
    userDataDir,
    logLevel: 'error',
  });
  try {
    /** @type {LighthouseResult[]} */
    const results = [];
    for (const url of urls) {
      /** @type {LighthouseResult[]} */
      const attempts = [];
      for (let run = 0; run < runs; run++) attempts.push(await lighthouseRun(chrome.port, url));
      attempts.sort((a, b) => a.performance - b.performance);
      results.push(/** @type {LighthouseResult} */ (attempts[Math.floor(attempts.length / 2)]));
    }
    return results;
  } finally {
    chrome.kill();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

/**
 * One Lighthouse run of one URL in the Chromium listening on `port`.
 * @param {number} port @param {string} url
 * @returns {Promise<LighthouseResult>}
 */
async function lighthouseRun(port, url) {
  const runner = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility'],
  });
  const lhr = runner?.lhr;
  if (!lhr) throw new Error(`Lighthouse gave no report for ${url}`);
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message} (${url})`);
  const score = (/** @type {string} */ id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  /** @type {LighthouseResult['failing']} */
  const failing = [];
  for (const category of ['performance', 'accessibility']) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 0.9) continue;
      failing.push({
        category,
        id: ref.id,
        title: audit.title,
        score: audit.score,
        ...(audit.displayValue ? { display: audit.displayValue } : {}),
      });
    }
  }
  const metric = (/** @type {string} */ id) => lhr.audits[id]?.displayValue;
  return {
    url,
    performance: score('performance'),
    accessibility: score('accessibility'),
    failing,
    metrics: {
      FCP: metric('first-contentful-paint'),
      LCP: metric('largest-contentful-paint'),
      TBT: metric('total-blocking-time'),
      CLS: metric('cumulative-layout-shift'),
      SI: metric('speed-index'),
    },
  };
}
