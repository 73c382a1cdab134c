import AxeBuilder from '@axe-core/playwright';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { chromiumArgs, chromiumHelp, findChromium } from '../../scripts/browsers.mjs';

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(chromiumHelp);
  return chromium.launch({ executablePath, headless: true, args: chromiumArgs });
}

/** What a test opens pages in: the shared browser (a fresh context per page) or one context. */
export interface PageSource {
  newPage(): Promise<Page>;
}

/** The browser of a test file, as the tests use it: pages and contexts of their own. */
export type SharedBrowser = Pick<Browser, 'newPage' | 'newContext'>;

/**
 * One Chromium for the tests of the file (or `describe` block) that calls this: launched before
 * them and closed after them, so each file starts one browser, not one per test. The handle can
 * be taken at the top of the file, before the browser exists.
 */
export function sharedBrowser(): SharedBrowser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const started = () => {
    if (!browser) throw new Error('sharedBrowser: the browser starts in beforeAll');
    return browser;
  };
  return {
    newPage: (options) => started().newPage(options),
    newContext: (options) => started().newContext(options),
  };
}

/**
 * One browser context of `browser` for the pages of a file that can share it (one HTTP cache,
 * one set of permissions): made before the file's tests, closed after them and before the
 * browser. `permissions` are granted for the portal under test.
 */
export function sharedContext(
  browser: SharedBrowser,
  options: BrowserContextOptions & { permissions?: string[] } = {},
): PageSource {
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    const { permissions, ...contextOptions } = options;
    context = await browser.newContext(contextOptions);
    if (permissions) await context.grantPermissions(permissions, { origin: inject('baseUrl') });
  });
  afterAll(async () => {
    await context?.close();
  });
  return {
    newPage: () => {
      if (!context) throw new Error('sharedContext: the context is made in beforeAll');
      return context.newPage();
    },
  };
}

/**
 * Opens `path` of the portal under test in a new page of `source`, watched from before it loads
 * (see `watch`): the start of nearly every browser test.
 */
export async function openPage(
  source: PageSource,
  path: string,
  options: Parameters<Page['goto']>[1] = {},
) {
  const baseUrl = inject('baseUrl');
  const page = await source.newPage();
  const seen = watch(page, baseUrl);
  const response = await page.goto(baseUrl + encodeURI(path), options);
  return { page, seen, response };
}

/**
 * Records every request a page makes that leaves `origin`, and every console error:
 * the portal must make no third-party request and log no error.
 */
export function watch(page: Page, origin: string) {
  const foreign: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin && url.protocol !== 'data:') foreign.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { foreign, errors };
}

/** What `watch` saw of a page. */
export type Watched = ReturnType<typeof watch>;

/** What `watch` looks for did not happen: no request left the portal, no error was logged. */
export function expectQuiet(seen: Watched): void {
  expect(seen.foreign).toEqual([]);
  expect(seen.errors).toEqual([]);
}

/** The page passes axe (see `axeViolations`) and was quiet (see `expectQuiet`). */
export async function expectSoundPage(page: Page, seen: Watched): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  expectQuiet(seen);
}

/**
 * Records every Content-Security-Policy violation the page reports (the
 * `securitypolicyviolation` event, in the document and its frames), from before its first
 * script runs. Call before `page.goto`; the returned function lists them afterwards.
 */
export async function recordCspViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  return () =>
    page.evaluate(
      () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
    );
}

/**
 * axe's WCAG 2.2 AA checks on the page as it is now: one line per rule broken, with the
 * elements that break it; none when the page passes.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(' ')})`,
  );
}
