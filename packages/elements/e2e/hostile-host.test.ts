import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumHelp, findChromium } from '../../../scripts/browsers.mjs';
import { embeddingCsp, type HostServer, startHostServer } from './host-server.ts';

// The design's second user: a provincial webmaster who pastes one <script> and one tag into an old
// CMS page with aggressive global CSS, in the other direction, under a strict CSP. The built
// widget scripts (dist/) must render in their own language and direction, ignore the page's CSS,
// work with the keyboard, pass axe, and log no error and no CSP violation, on every page here.

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

let server: HostServer;
let browser: Browser;

beforeAll(async () => {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(chromiumHelp);
  server = await startHostServer();
  browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Opened {
  page: Page;
  /** Console errors, uncaught exceptions and any console line about the CSP. */
  problems: string[];
}

/** Opens `path` in a new page; `prepare` runs before it loads (e.g. to cut a file off). */
async function open(path: string, prepare?: (page: Page) => Promise<unknown>): Promise<Opened> {
  server.notFound.length = 0;
  const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
  await prepare?.(page);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content.Security.Policy/i.test(message.text())) {
      problems.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  // Installed by the browser before any page script (not an inline script, so the CSP allows it).
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`),
    );
  });
  const response = await page.goto(server.url + path);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  return { page, problems };
}

/** Waits until the locator has read its index: the province list is filled. */
async function locatorReady(page: Page, selector: string): Promise<void> {
  await page.waitForFunction(
    (sel) =>
      (document.querySelector(sel)?.shadowRoot?.querySelectorAll('select#province option').length ??
        0) > 1,
    selector,
  );
}

/** Waits until the element is defined and has rendered its `base` part. */
async function upgraded(page: Page, selector: string): Promise<void> {
  await page.waitForFunction(
    (sel) => Boolean(document.querySelector(sel)?.shadowRoot?.querySelector('[part~="base"]')),
    selector,
  );
}

/** Computed styles inside a widget's shadow root that the host page's CSS tries to change. */
function insideStyles(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel)?.shadowRoot;
    const base = root?.querySelector('[part~="base"]');
    const control = root?.querySelector('button, a[href]');
    if (!base || !control) throw new Error(`${sel} has not rendered`);
    const b = getComputedStyle(base);
    const c = getComputedStyle(control);
    return {
      lang: base.getAttribute('lang'),
      direction: b.direction,
      controlDirection: c.direction,
      fontFamily: b.fontFamily,
      fontStyle: b.fontStyle,
      textTransform: c.textTransform,
      letterSpacing: c.letterSpacing,
      textIndent: b.textIndent,
      whiteSpace: b.whiteSpace,
      controlBackground: c.backgroundColor,
      controlFontSizeVsBase: Number.parseFloat(c.fontSize) / Number.parseFloat(b.fontSize),
    };
  }, selector);
}

/** The focused element, looking through shadow roots: `host#id > tag[part]` or `tag#id`. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active = document.activeElement;
    let path = '';
    while (active?.shadowRoot?.activeElement) {
      path += `${active.localName}#${active.id} > `;
      active = active.shadowRoot.activeElement;
    }
    if (!active) return '';
    const part = active.getAttribute('part');
    return `${path}${active.localName}${active.id ? `#${active.id}` : ''}${part ? `[${part}]` : ''}`;
  });
}

/** The first control of a widget in DOM order, described the way focused() describes it. */
function firstControl(page: Page, selector: string): Promise<string> {
  return page.evaluate((sel) => {
    const host = document.querySelector(sel);
    const focusable = 'a[href], button:not([disabled]), input:not([type=hidden]), select, textarea';
    const first = [...(host?.shadowRoot?.querySelectorAll<HTMLElement>(focusable) ?? [])].find(
      (element) => element.checkVisibility() && element.tabIndex >= 0,
    );
    if (!host || !first) return '';
    const part = first.getAttribute('part');
    return `${host.localName}#${host.id} > ${first.localName}${first.id ? `#${first.id}` : ''}${part ? `[${part}]` : ''}`;
  }, selector);
}

/** axe-core over one widget (its shadow tree included); the host page's own markup is not ours. */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (sel) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: unknown,
            options: unknown,
          ) => Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run({ include: [[sel]] }, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  }, selector);
}

async function cleanRun(opened: Opened): Promise<void> {
  const violations = await opened.page.evaluate(
    () => (window as unknown as { cspViolations: string[] }).cspViolations,
  );
  expect(violations).toEqual([]);
  expect(opened.problems).toEqual([]);
  expect(server.notFound).toEqual([]);
}

/** Types `place` into #locator's search box and presses Enter; returns the first match. */
async function searchPlace(page: Page, place: string): Promise<Locator> {
  await page.locator('#locator input[type=search]').focus();
  await page.keyboard.type(place);
  await page.keyboard.press('Enter');
  return page.locator('#locator [part~="matches"] button').first();
}

/** Tab from the host's link just before the widget lands on the widget's first control. */
async function tabIntoWidget(page: Page, before: string, widget: string): Promise<void> {
  await page.focus(before);
  await page.keyboard.press('Tab');
  const expected = await firstControl(page, widget);
  expect(expected).not.toBe('');
  expect(await focused(page)).toBe(expected);
}

function expectIsolated(styles: Awaited<ReturnType<typeof insideStyles>>, dir: 'rtl' | 'ltr') {
  expect(styles.direction).toBe(dir);
  expect(styles.controlDirection).toBe(dir);
  expect(styles.fontFamily).toMatch(/^Vazirmatn/);
  expect(styles.fontStyle).toBe('normal');
  expect(styles.textTransform).toBe('none');
  expect(styles.letterSpacing).toBe('normal');
  expect(styles.textIndent).toBe('0px');
  expect(styles.whiteSpace).toBe('normal');
  expect(styles.controlBackground).not.toBe('rgb(255, 105, 180)'); // the host's hotpink
  expect(styles.controlFontSizeVsBase).toBeLessThan(1.6); // not the host's 30px buttons
}

interface Host {
  opened: Opened;
  page: Page;
  widgets: string[];
}

/**
 * The host page at `path` for one describe block: opened before its tests with each of
 * `widgets` upgraded and `ready` awaited, closed after them.
 */
function hostPage(path: string, widgets: string[], ready?: (page: Page) => Promise<unknown>): Host {
  const host = { widgets } as Host;
  beforeAll(async () => {
    host.opened = await open(path);
    host.page = host.opened.page;
    for (const widget of widgets) await upgraded(host.page, widget);
    await ready?.(host.page);
  });
  afterAll(() => host.opened?.page.close());
  return host;
}

/**
 * The checks each host page ends with, after its other tests: axe finds nothing in its widgets,
 * and the page logged no error and no CSP violation and found every file it asked for.
 */
function itEndsClean(host: Host, cleanTitle: string): void {
  it(host.widgets.length > 1 ? 'passes axe in both widgets' : 'passes axe', async () => {
    for (const widget of host.widgets) {
      expect(await axeViolations(host.page, widget), widget).toEqual([]);
    }
  });

  it(cleanTitle, async () => {
    await cleanRun(host.opened);
  });
}

describe('an English, left-to-right host page with two Persian widgets', () => {
  const host = hostPage('/ltr-host.html', ['#locator', '#feedback'], (page) =>
    locatorReady(page, '#locator'),
  );

  it('is really hostile: the page CSS is in force on the host page', async () => {
    const h1 = await host.page.evaluate(() => {
      const style = getComputedStyle(document.querySelector('h1') as Element);
      return { transform: style.textTransform, direction: style.direction };
    });
    expect(h1).toEqual({ transform: 'uppercase', direction: 'ltr' });
  });

  it('renders each widget right to left in Persian, untouched by the page CSS', async () => {
    for (const selector of ['#locator', '#feedback']) {
      const styles = await insideStyles(host.page, selector);
      expect(styles.lang).toBe('fa');
      expectIsolated(styles, 'rtl');
    }
  });

  it('Tab from the page reaches the first control of each widget', async () => {
    await tabIntoWidget(host.page, '#before-locator', '#locator');
    await tabIntoWidget(host.page, '#before-feedback', '#feedback');
  });

  it('finds bases with the keyboard only: type, Enter, Tab to a match, Enter', async () => {
    const firstMatch = await searchPlace(host.page, 'کرمان');
    await firstMatch.waitFor();
    // The search button, then the first match.
    await host.page.keyboard.press('Tab');
    await host.page.keyboard.press('Tab');
    expect(await focused(host.page)).toMatch(/^bz-service-locator#locator > button\[button\]$/);
    await host.page.keyboard.press('Enter');
    await expect
      .poll(() => host.page.locator('#locator [part~="result"]').count())
      .toBeGreaterThan(0);
    expect(await host.page.locator('#locator [part~="heading"]').textContent()).toMatch(/کرمان/);
  });

  it('opens the map with Space: the map add-on and its tiles load under the CSP', async () => {
    const toggle = host.page.locator('#locator [part~="map-toggle"]');
    await toggle.focus();
    await host.page.keyboard.press('Space');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    await expect
      .poll(() => host.page.locator('#locator [part~="map"] img[src*="/tile/"]').count())
      .toBeGreaterThan(0);
  });

  it('sends feedback with the keyboard: Space on Send shows the errors, then a code', async () => {
    const send = host.page.locator('#feedback [part~="submit"]');
    await send.focus();
    await host.page.keyboard.press('Space');
    await host.page.locator('#feedback [part~="error-summary"]').waitFor();
    await host.page.locator('#feedback input[name="category"]').first().focus();
    await host.page.keyboard.press('Space');
    await host.page.locator('#feedback textarea').focus();
    await host.page.keyboard.type(
      'پیام آزمایشی از یک صفحه‌ی میزبان سخت‌گیر برای اطمینان از کار ابزارک.',
    );
    await host.page.locator('#feedback input[name="consent"]').focus();
    await host.page.keyboard.press('Space');
    await send.focus();
    await host.page.keyboard.press('Enter');
    await expect
      .poll(() => host.page.locator('#feedback [part~="code"]').textContent())
      .toMatch(/[\d۰-۹]{4}-[\d۰-۹]{4}/);
  });

  itEndsClean(host, 'logged no error and no CSP violation, and found every file it asked for');
});

describe('a Persian, right-to-left host page with English widgets from the all-in-one script', () => {
  const host = hostPage('/rtl-host.html', ['#checker', '#hotlines'], (page) =>
    page.locator('#checker [part~="question"]').waitFor(),
  );

  it('renders each widget left to right in English, untouched by the page CSS', async () => {
    for (const selector of ['#checker', '#hotlines']) {
      const styles = await insideStyles(host.page, selector);
      expect(styles.lang).toBe('en');
      expectIsolated(styles, 'ltr');
    }
    expect(await host.page.locator('#hotlines [part~="heading"]').textContent()).toMatch(
      /[A-Za-z]/,
    );
  });

  it('Tab from the page reaches the first control of each widget', async () => {
    await tabIntoWidget(host.page, '#before-checker', '#checker');
    await tabIntoWidget(host.page, '#before-hotlines', '#hotlines');
    expect(await host.page.locator('#hotlines [part~="number"]').first().getAttribute('href')).toBe(
      'tel:123',
    );
  });

  it('answers a question with the keyboard: Enter shows the error, Space chooses, Enter goes on', async () => {
    const heading = host.page.locator('#checker [part~="heading"]');
    const first = await heading.textContent();
    await host.page.locator('#checker [part~="question"] button').last().focus();
    await host.page.keyboard.press('Enter');
    await host.page.locator('#checker [part~="error-summary"]').waitFor();
    await host.page.locator('#checker [part~="question"] input').first().focus();
    await host.page.keyboard.press('Space');
    await host.page.locator('#checker [part~="question"] button').last().focus();
    await host.page.keyboard.press('Enter');
    await expect.poll(() => heading.textContent()).not.toBe(first);
  });

  itEndsClean(host, 'logged no error and no CSP violation, although bz-hotlines was defined twice');
});

describe('a widget added late by script, removed and added again', () => {
  const host = hostPage('/late.html', ['#late'], (page) => locatorReady(page, '#late'));

  it('upgrades in place in its own direction', async () => {
    const styles = await insideStyles(host.page, '#late');
    expect(styles.lang).toBe('fa');
    expectIsolated(styles, 'rtl');
  });

  it('survives being removed and added again by the host page (buttons pressed with Enter)', async () => {
    await host.page.focus('#remove');
    await host.page.keyboard.press('Enter');
    await expect.poll(() => host.page.locator('bz-service-locator').count()).toBe(0);
    await host.page.focus('#add');
    await host.page.keyboard.press('Enter');
    await expect.poll(() => host.page.locator('bz-service-locator').count()).toBe(1);
    const styles = await insideStyles(host.page, '#late');
    expectIsolated(styles, 'rtl');
    await tabIntoWidget(host.page, '#before-late', '#late');
    // Still works: choose a province with the keyboard and list its bases.
    const province = host.page.locator('#late select#province');
    await province.focus();
    await province.selectOption('kerman');
    await host.page.locator('#late [part~="places-form"] button[type=submit]').focus();
    await host.page.keyboard.press('Enter');
    await expect.poll(() => host.page.locator('#late [part~="result"]').count()).toBeGreaterThan(0);
  });

  itEndsClean(host, 'logged no error and no CSP violation');
});

describe('a provincial site embedding from the portal, another origin', () => {
  const host = hostPage('/cross-origin.html', ['#locator', '#feedback'], (page) =>
    locatorReady(page, '#locator'),
  );

  it('runs under the CSP docs/embedding.md gives, allowing only the portal origin', async () => {
    const response = await host.page.request.get(`${server.url}/cross-origin.html`);
    expect(response.headers()['content-security-policy']).toBe(embeddingCsp(server.widgetsUrl));
    const styles = await insideStyles(host.page, '#locator');
    expect(styles.lang).toBe('en');
    expectIsolated(styles, 'ltr');
  });

  it('loads data, English strings and map tiles from the portal', async () => {
    const firstMatch = await searchPlace(host.page, 'Kerman');
    await firstMatch.focus();
    await host.page.keyboard.press('Enter');
    await expect
      .poll(() => host.page.locator('#locator [part~="result"]').count())
      .toBeGreaterThan(0);
    expect(await host.page.locator('#locator [part~="heading"]').textContent()).toMatch(/Kerman/);
    await host.page.locator('#locator [part~="map-toggle"]').focus();
    await host.page.keyboard.press('Space');
    await expect
      .poll(() =>
        host.page.locator(`#locator [part~="map"] img[src^="${server.widgetsUrl}/tile/"]`).count(),
      )
      .toBeGreaterThan(0);
  });

  it("sends feedback to the portal's API across origins and gets a code", async () => {
    await host.page.locator('#feedback input[name="category"]').first().focus();
    await host.page.keyboard.press('Space');
    await host.page.locator('#feedback textarea').focus();
    await host.page.keyboard.type('A test message from a provincial site on another origin.');
    await host.page.locator('#feedback input[name="consent"]').focus();
    await host.page.keyboard.press('Space');
    await host.page.locator('#feedback [part~="submit"]').focus();
    await host.page.keyboard.press('Enter');
    await expect
      .poll(() => host.page.locator('#feedback [part~="code"]').textContent())
      .toMatch(/\d{4}-\d{4}/);
  });

  itEndsClean(host, 'logged no error and no CSP violation');
});

describe('a Persian news page with the comments', () => {
  const host = hostPage('/comments-host.html', ['#comments'], (page) =>
    page.locator('#comments #comment-count').waitFor(),
  );

  it('shows the published comments (their list add-on came with them), untouched by the page CSS', async () => {
    expect(await host.page.locator('#comments #comment-count').textContent()).toBe(
      'هنوز دیدگاهی منتشر نشده است.',
    );
    expectIsolated(await insideStyles(host.page, '#comments'), 'rtl');
  });

  it('sends a comment with the keyboard, and says it shows after review', async () => {
    await host.page.locator('#comments textarea').focus();
    await host.page.keyboard.type('دیدگاهی آزمایشی از یک صفحه‌ی میزبان سخت‌گیر.');
    await host.page.locator('#comments [part~="submit"]').focus();
    await host.page.keyboard.press('Enter');
    await expect.poll(() => focused(host.page)).toBe('bz-comments#comments > div#sent[notice]');
    expect(await host.page.locator('#comments #sent').textContent()).toContain('پس از بررسی');
  });

  itEndsClean(host, 'logged no error and no CSP violation, and found every file it asked for');
});

describe('the comments when their list add-on cannot come (the connection went after the script)', () => {
  const addOn = '**/dist/bz-comments-list.js';
  let opened: Opened;
  beforeAll(async () => {
    opened = await open('/comments-host.html', (page) =>
      page.route(addOn, (route) => route.abort('internetdisconnected')),
    );
    await upgraded(opened.page, '#comments');
  });
  afterAll(() => opened?.page.close());

  it('says the comments did not load, to check the connection, and the form still works', async () => {
    const notice = opened.page.locator('#comments [part~="error"]');
    await notice.waitFor();
    expect(await notice.getAttribute('role')).toBe('alert');
    expect(await notice.textContent()).toContain('اتصال اینترنت را بررسی کنید');
    expect(await opened.page.locator('#comments #comment-count').count()).toBe(0);
    expect(await opened.page.locator('#comments textarea').isEditable()).toBe(true);
    expect(await axeViolations(opened.page, '#comments')).toEqual([]);
  });

  it('shows them once the add-on can come, after Enter on the retry button', async () => {
    await opened.page.unroute(addOn);
    await opened.page.locator('#comments [part~="error"] button').focus();
    await opened.page.keyboard.press('Enter');
    await opened.page.locator('#comments #comment-count').waitFor();
    expect(await focused(opened.page)).toBe('bz-comments#comments > h2#comments-heading[heading]');
    // The cut-off file failed as a network error would; nothing else went wrong.
    expect(opened.problems.filter((problem) => !/Failed to load resource/.test(problem))).toEqual(
      [],
    );
  });
});
