import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { contrastRatio } from '../src/lib/embed-snippet.ts';
import { launchChromium } from './browser.ts';

// The palette meets WCAG 2.2 AA in light and in dark (prefers-color-scheme), measured on the
// built pages as the browser computes them — tokens and the elements that use them — and the
// widgets' own defaults are the portal's light tokens, so a widget looks the same embedded
// elsewhere (issue 16 item 3, issue 21 item 8).

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

type Scheme = 'light' | 'dark';

/** Each test ends with `await done(page)`: its context goes with it, awaited before the next. */
const done = (page: Page) => page.context().close();

async function open(path: string, scheme: Scheme): Promise<Page> {
  // A context per page: axe needs one it can open its helper pages in.
  const context = await browser.newContext({
    colorScheme: scheme,
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const response = await page.goto(baseUrl + path, { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  return page;
}

/**
 * Colours as `#rrggbb`, resolved by the browser: each is painted on a 1×1 canvas and read back,
 * so `var()`, `color-mix()` and named colours all end as the pixel a reader sees. `colours` are
 * CSS colour values (e.g. `var(--bz-color-text)`), or `{ selector, property }` for a property
 * of the first matching element (transparent backgrounds take the nearest painted ancestor's).
 */
type Probe = string | { selector: string; property: 'color' | 'background-color' };
async function resolve(page: Page, probes: Probe[]): Promise<string[]> {
  return page.evaluate((list) => {
    const canvas = document.createElement('canvas');
    canvas.width = 1;
    canvas.height = 1;
    const context = canvas.getContext('2d', {
      willReadFrequently: true,
    }) as CanvasRenderingContext2D;
    const hex = (css: string) => {
      context.clearRect(0, 0, 1, 1);
      context.fillStyle = '#000';
      context.fillStyle = css;
      context.fillRect(0, 0, 1, 1);
      const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
      return `#${[r, g, b].map((n) => (n ?? 0).toString(16).padStart(2, '0')).join('')}`;
    };
    const probe = document.createElement('span');
    document.body.append(probe);
    const out = list.map((item) => {
      if (typeof item === 'string') {
        probe.style.color = item;
        return hex(getComputedStyle(probe).color);
      }
      let element = document.querySelector(item.selector);
      if (!element) throw new Error(`no ${item.selector} on ${location.pathname}`);
      if (item.property === 'color') return hex(getComputedStyle(element).color);
      while (element) {
        const background = getComputedStyle(element).backgroundColor;
        if (!/^rgba\(.*, 0\)$|^transparent$/.test(background)) return hex(background);
        element = element.parentElement;
      }
      return hex(getComputedStyle(document.documentElement).backgroundColor);
    });
    probe.remove();
    return out;
  }, probes);
}

const token = (name: string) => `var(--bz-color-${name})`;

/** Pairs of tokens and the least ratio between them (WCAG 1.4.3 text, 1.4.11 non-text). */
const tokenPairs: [string, string, number][] = [
  ['text', 'surface', 4.5],
  ['text', 'canvas', 4.5],
  ['text-muted', 'surface', 4.5],
  ['text-muted', 'canvas', 4.5],
  ['accent', 'surface', 4.5],
  ['accent', 'canvas', 4.5],
  ['on-accent', 'accent', 4.5],
  ['danger', 'surface', 4.5],
  ['on-danger', 'danger', 4.5],
  ['success', 'surface', 4.5],
  ['border', 'surface', 3],
  ['border', 'canvas', 3],
];

describe.each(['light', 'dark'] as const)('the %s palette', (scheme) => {
  it('meets AA for every pair of tokens', async () => {
    const page = await open('/', scheme);
    const names = [...new Set(tokenPairs.flatMap((pair) => pair.slice(0, 2) as string[])), 'focus'];
    const colours = Object.fromEntries(
      (await resolve(page, names.map(token))).map((hex, i) => [names[i] as string, hex]),
    );
    const report = tokenPairs.map(([a, b, least]) => {
      const ratio = contrastRatio(colours[a] as string, colours[b] as string);
      return { pair: `${a} on ${b}`, ratio: Math.round(ratio * 100) / 100, ok: ratio >= least };
    });
    console.info(scheme, JSON.stringify(report.map(({ pair, ratio }) => `${pair} ${ratio}`)));
    expect(report.filter((row) => !row.ok)).toEqual([]);
    // The focus ring stands out from the page, or from the halo in the text colour drawn with it.
    const ring = colours.focus as string;
    expect(
      Math.max(
        contrastRatio(ring, colours.canvas as string),
        contrastRatio(ring, colours.text as string),
      ),
    ).toBeGreaterThanOrEqual(3);
    // The dark palette is really applied in dark mode (and the light one otherwise).
    const canvasIsDark = contrastRatio(colours.canvas as string, '#000000') < 4.5;
    expect(canvasIsDark).toBe(scheme === 'dark');
    await done(page);
  });

  // Elements as drawn: text, links, buttons, the header search and the notices.
  const drawn: [string, string, string][] = [
    ['/', 'body', 'page text'],
    ['/', '.site-header .site-name', 'site name'],
    ['/', '.site-nav a', 'navigation link'],
    ['/', '.site-search-label', 'header search label'],
    ['/', '.site-search button', 'header search button'],
    ['/', '.bz-button', 'main action'],
    ['/', '.task a:not(.bz-button)', 'link in a task box'],
    ['/', '.badge', 'sample badge'],
    ['/directory/', '.sample-notice', 'sample notice'],
    ['/en/programmes/', '.lede', 'lede'],
    ['/embed/', '.embed-code', 'embed code box'],
    ['/staff/', '.staff-form input', 'staff sign-in field'],
  ];
  it.each(drawn)('%s %s (%s) is readable', async (path, selector) => {
    const page = await open(path, scheme);
    const [fg, bg] = await resolve(page, [
      { selector, property: 'color' },
      { selector, property: 'background-color' },
    ]);
    expect(contrastRatio(fg as string, bg as string)).toBeGreaterThanOrEqual(4.5);
    await done(page);
  });
});

// axe's own contrast check over whole pages (widgets' shadow roots included), in both schemes:
// e2e/pages.test.ts runs every rule on every page, in the default (light) scheme only.
describe.each(['light', 'dark'] as const)('axe colour contrast, %s', (scheme) => {
  it.each([
    '/',
    '/en/',
    '/directory/isfahan/',
    '/programmes/',
    '/news/hesseh-service-base/',
    '/en/feedback/',
    '/embed/',
    '/en/staff/',
    '/directory/open-data/',
  ])('%s', async (path) => {
    const page = await open(path, scheme);
    const axe = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
    expect(
      axe.violations.flatMap((v) =>
        v.nodes.map((node) => `${node.target}: ${node.failureSummary}`),
      ),
    ).toEqual([]);
    await done(page);
  });
});

describe("the widgets' defaults", () => {
  it('are the portal’s light tokens', () => {
    const theme = readFileSync(
      new URL('../../packages/elements/src/shared/theme.styles.ts', import.meta.url),
      'utf8',
    );
    const tokens = readFileSync(new URL('../src/styles/tokens.css', import.meta.url), 'utf8');
    const light = tokens.slice(0, tokens.indexOf('@media'));
    const defaults = [...theme.matchAll(/var\((--bz-[a-z-]+),([^;)]+)\)/g)];
    expect(defaults.length).toBeGreaterThan(10);
    for (const [, name, fallback] of defaults) {
      const value = new RegExp(`${name}:\\s*([^;]+);`).exec(light)?.[1];
      if (name === '--bz-font-family' || value === undefined) continue;
      // Sizes: the widgets' em are the portal's rem at the root (both 16 px by default).
      const normal = (css: string) => css.trim().replace(/rem$/, 'em').replace(/^0\./, '.');
      expect(normal(value), name).toBe(normal(fallback as string));
    }
  });
});
