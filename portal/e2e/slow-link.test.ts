import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { init, parse } from 'es-module-lexer';
import type { Page, Request } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { searchPreloads } from '../scripts/preload-search.ts';
import { sharedBrowser } from './browser.ts';
import { clientDir, htmlFiles, readBuilt } from './site.ts';

// What keeps a widget's first answer within a few round trips on a 2G link (docs/performance.md):
// each page declares its whole static module graph and its first data in the HTML, a programme
// page loads only its own rules, and Persian pages never fetch the Latin font.
const baseUrl = inject('baseUrl');

/** The static imports of a built module, as URL paths (read here independently of the build). */
function staticImports(path: string): string[] {
  const [records] = parse(readBuilt(path));
  return records
    .filter((record) => record.d === -1 && record.n)
    .map((record) => new URL(record.n as string, `http://x${path}`).pathname);
}

describe('built pages declare their modules (no import chains)', () => {
  it.each(htmlFiles())('%s preloads every module its scripts import statically', async (file) => {
    await init;
    const html = readBuilt(file);
    const scripts = [...html.matchAll(/<script type="module" src="(\/_astro\/[^"]+)"/g)].map(
      (match) => match[1] as string,
    );
    const declared = new Set(
      [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]),
    );
    const missing: string[] = [];
    const queue = [...scripts];
    const seen = new Set(queue);
    while (queue.length > 0) {
      for (const dependency of staticImports(queue.pop() as string)) {
        if (seen.has(dependency)) continue;
        seen.add(dependency);
        queue.push(dependency);
        if (!declared.has(dependency)) missing.push(dependency);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('in Chromium: first requests come from the HTML, once each', () => {
  const browser = sharedBrowser();

  /**
   * Opens `path`, waits for `ready` in the page, does what `act` does (a citizen's first step),
   * and returns every request the page made.
   */
  async function requestsOf(
    path: string,
    ready: string,
    act: (page: Page) => Promise<void> = async () => undefined,
    before: (page: Page) => Promise<void> = async () => undefined,
  ): Promise<Request[]> {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    await before(page);
    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));
    await page.goto(baseUrl + path);
    await page.waitForFunction(ready, undefined, { timeout: 20_000 });
    await act(page);
    // Whatever the widget asks for next (a preload it does not use would show up here twice).
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => document.fonts.ready);
    await context.close();
    return requests;
  }

  /** Path and query of each request whose path matches `pattern`. */
  const paths = (requests: Request[], pattern: RegExp) =>
    requests
      .map((r) => new URL(r.url()))
      .filter((url) => pattern.test(url.pathname))
      .map((url) => url.pathname + url.search);

  it('the locator page preloads its modules and first data, and fetches each once', async () => {
    let choseAt = Number.POSITIVE_INFINITY;
    const requests = await requestsOf(
      '/directory/',
      `document.querySelector('bz-service-locator')?.shadowRoot?.querySelector('select#province option:nth-child(2)')`,
      // Choosing a province makes the locator read that province's places file (its counties).
      async (page) => {
        choseAt = Date.now();
        await page.locator('bz-service-locator select#province').selectOption({ index: 1 });
      },
    );
    // Each module and data file is asked for once: the preloaded response is the one used.
    const fetched = paths(requests, /^\/(?:_astro\/.*\.js|data\/locator\/.*\.json)$/);
    expect(fetched.length).toBe(new Set(fetched).size);
    expect(fetched).toContain('/data/locator/index.json');
    // One province's places, never the national file (that one is for text search only).
    const places = fetched.filter((path) => /\/places\.[a-z]+\.json/.test(path));
    expect(places).toHaveLength(1);
    expect(places[0]).toMatch(/^\/data\/locator\/provinces\/[a-z-]+\/places\.fa\.json\?v=/);
    expect(fetched.filter((path) => path.startsWith('/data/locator/places.json'))).toEqual([]);
    // Modules come from the HTML (script tags and modulepreload), never discovered one import
    // at a time (Playwright tells a request started by the parser from one started by a script
    // only through the frame's navigation; so compare with what the HTML names).
    // The one exception is the locator's answer add-on (src/lib/chunk-groups.ts), with what it
    // imports: not part of the first load, it is asked for as the index arrives, while the
    // citizen chooses, so it never costs a round trip after they asked.
    const html = await (await fetch(`${baseUrl}/directory/`)).text();
    const modules = requests.filter((r) => /^\/_astro\/.*\.js$/.test(new URL(r.url()).pathname));
    const later = modules.filter((r) => !html.includes(new URL(r.url()).pathname));
    expect(later.map((r) => new URL(r.url()).pathname).some((p) => /\/answer\./.test(p))).toBe(
      true,
    );
    for (const request of later) {
      expect(
        request.timing().startTime,
        `${request.url()} is asked for before the citizen chose`,
      ).toBeLessThan(choseAt);
    }
  });

  const searchPagefind = async (page: Page) => {
    await page.locator('#search-q').fill('پایگاه');
    await page.locator('#search-q').press('Enter');
    await page.locator('.search-results h2 a').first().waitFor();
  };

  it('the search page asks the server once, and fetches none of Pagefind’s files', async () => {
    // The default build (PORTAL_SEARCH=server): one request per search (issue 23 item 3).
    const html = await (await fetch(`${baseUrl}/search/`)).text();
    expect(html).toContain('<meta name="bz-search-api" content="/api/search">');
    const requests = await requestsOf(
      '/search/',
      `document.querySelector('#search-q')?.checkVisibility()`,
      searchPagefind,
    );
    expect(paths(requests, /^\/api\/search$/)).toHaveLength(1);
    expect(paths(requests, /^\/pagefind\//)).toEqual([]);
  });

  it('on a static host the search page fetches Pagefind’s first files as its head declares them, once each, on its own thread', async () => {
    // What a static build's head declares (scripts/preload-search.ts, PORTAL_SEARCH=pagefind);
    // the page here finds no /api/search (404) and runs Pagefind.
    const entry = readFileSync(join(clientDir, 'pagefind', 'pagefind-entry.json'), 'utf8');
    const declared = [
      ...(searchPreloads(entry, 'fa') ?? '').matchAll(
        /<link rel="(?:module)?preload"[^>]* href="(\/pagefind\/[^"]+)"/g,
      ),
    ].map((match) => (match[1] as string).replaceAll('&amp;', '&'));
    expect(declared.length).toBe(4);
    const requests = await requestsOf(
      '/search/',
      `document.querySelector('#search-q')?.checkVisibility()`,
      searchPagefind,
      async (page) => {
        await page.route(
          (url) => url.pathname === '/api/search',
          (route) => route.fulfill({ status: 404, body: 'Not found' }),
        );
      },
    );
    const fetched = paths(requests, /^\/pagefind\//);
    // What the head declares is what Pagefind uses (the same address, asked for once)…
    for (const file of declared) {
      expect(
        fetched.filter((path) => path === file),
        file,
      ).toHaveLength(1);
    }
    // …and it never starts a worker, which would fetch them all again one after the other.
    expect(fetched.filter((path) => path.includes('worker'))).toEqual([]);
    expect(fetched.filter((path) => path.startsWith('/pagefind/pagefind-entry.json'))).toHaveLength(
      1,
    );
  });

  it('a programme page loads only its own programme’s rules', async () => {
    const requests = await requestsOf(
      '/programmes/social-emergency/',
      `document.querySelector('bz-eligibility-checker')?.shadowRoot?.querySelector('form input')`,
    );
    expect(paths(requests, /^\/data\//)).toEqual(['/data/programmes/social-emergency.json']);
    const data = (await (
      await fetch(`${baseUrl}/data/programmes/social-emergency.json`)
    ).json()) as { programmes: { id: string }[] };
    expect(data.programmes.map((programme) => programme.id)).toEqual(['social-emergency']);
  });

  it('Persian pages draw in the Persian subset and never fetch the Latin font', async () => {
    for (const path of ['/', '/directory/', '/news/hesseh-service-base/']) {
      const requests = await requestsOf(path, `document.fonts.status === 'loaded'`);
      const fonts = paths(requests, /\.woff2$/);
      expect(fonts.some((font) => font.includes('vazirmatn-fa'))).toBe(true);
      expect(fonts.filter((font) => font.includes('latin'))).toEqual([]);
    }
  });

  it('English pages fetch the Latin font', async () => {
    const requests = await requestsOf('/en/', `document.fonts.status === 'loaded'`);
    expect(paths(requests, /latin.*\.woff2$/)).toHaveLength(1);
  });
});
