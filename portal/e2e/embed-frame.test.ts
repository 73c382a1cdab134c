import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { embedFrameSnippet } from '../src/lib/embed-snippet.ts';
import { sharedBrowser, watch } from './browser.ts';

// The iframe embed (issue 17): /embed/<widget>/ on the portal, framed by a host page on another
// origin (a second loopback server) with the snippet the embed guide gives; the frame follows the
// content's height through postMessage to the host's explicit origin, and to no other.
const baseUrl = inject('baseUrl');
const browser = sharedBrowser();
let host: Server;
let hostOrigin: string;
/** The host page's body for each path, set by the tests. */
const pages = new Map<string, string>();

beforeAll(async () => {
  host = createServer((req, res) => {
    const body = pages.get(req.url ?? '');
    // Nothing else (the browser's favicon request): an empty answer, not an error to report.
    res.writeHead(body ? 200 : 204, body ? { 'content-type': 'text/html; charset=utf-8' } : {});
    res.end(body ?? '');
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  // `localhost`, not 127.0.0.1: another origin than the portal's even if the ports matched.
  hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
});
afterAll(() => {
  host?.close();
});

const hostPage = (snippet: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A provincial site</title></head>
<body><h1>Help lines</h1>${snippet}<p id="after">After the frame</p></body></html>`;

describe('the iframe embed /embed/<widget>/', () => {
  it('may be framed by any site; the pages of the portal itself may not', async () => {
    const frame = await fetch(`${baseUrl}/embed/hotlines/`);
    expect(frame.status).toBe(200);
    expect(frame.headers.get('content-security-policy')).toContain('frame-ancestors *');
    const page = await fetch(`${baseUrl}/feedback/`);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
  });

  it('follows the content height on a host page of another origin, from the snippet', async () => {
    pages.set(
      '/host',
      hostPage(embedFrameSnippet({ widget: 'hotlines', locale: 'en' }, baseUrl, hostOrigin)),
    );
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    const seen = watch(page, baseUrl);
    await page.goto(`${hostOrigin}/host`);
    const frame = page.frameLocator('iframe[data-bz-embed]');
    await frame.locator('bz-hotlines').getByRole('heading').waitFor();
    // The frame's style height becomes its document's height (not the snippet's 40em).
    await expect
      .poll(async () => {
        const styled = await page.locator('iframe').evaluate((el) => el.style.height);
        const content = await frame
          .locator('html')
          .evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
        return styled === `${content}px` && content > 50 && content < 640;
      })
      .toBe(true);
    expect(await frame.locator('bz-hotlines').getAttribute('lang')).toBe('en');
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('tells its height to the named origin only', async () => {
    const snippet = embedFrameSnippet(
      { widget: 'hotlines', locale: 'fa' },
      baseUrl,
      'https://elsewhere.example',
    );
    pages.set(
      '/wrong-origin',
      hostPage(snippet).replace(
        '<body>',
        "<body><script>window.heard = []; addEventListener('message', (e) => heard.push(e.data));</script>",
      ),
    );
    const page = await browser.newPage();
    await page.goto(`${hostOrigin}/wrong-origin`);
    const frame = page.frameLocator('iframe[data-bz-embed]');
    await frame.locator('bz-hotlines').getByRole('heading').waitFor();
    // Give a message time to arrive if one were sent (one round of rendering in the frame).
    await frame
      .locator('html')
      .evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 200))),
      );
    expect(await page.evaluate(() => (window as unknown as { heard: unknown[] }).heard)).toEqual(
      [],
    );
    expect(await page.locator('iframe').evaluate((el) => el.style.height)).toBe('40em');
    await page.close();
  });

  it('takes the script embed’s options from the query string', async () => {
    const page = await browser.newPage();
    await page.goto(
      `${baseUrl}/embed/service-locator/?lang=en&province=kerman&county=<x>&accent=%23aa0000`,
    );
    const element = page.locator('bz-service-locator');
    await element.waitFor({ state: 'attached' });
    expect(await element.getAttribute('lang')).toBe('en');
    expect(await element.getAttribute('province')).toBe('kerman');
    // Not an id: left out rather than passed on.
    expect(await element.getAttribute('county')).toBeNull();
    expect(await element.getAttribute('src')).toBe(`${baseUrl}/data/locator/index.json`);
    expect(await element.evaluate((el) => el.style.getPropertyValue('--bz-color-accent'))).toBe(
      '#aa0000',
    );
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    await page.close();
  });
});
