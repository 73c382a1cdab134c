import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sharedBrowser, watch } from './browser.ts';
import { startPortalServer, testAllowedOrigin } from './server.setup.ts';

// What a provincial site embedding the widgets needs from the portal's server (portal/server.ts):
// CORS on /data/ and /widgets/ for the configured origins only, and cache headers that keep
// content-hashed scripts for a year while the stable /widgets/v<major>/ aliases move quickly.

const baseUrl = inject('baseUrl');
const otherOrigin = 'https://not-listed.example';

interface Manifest {
  version: string;
  major: string;
  files: Record<string, { url: string; alias?: string; bytes: number; integrity: string }>;
}

const manifest = async (): Promise<Manifest> =>
  (await fetch(`${baseUrl}/widgets/manifest.json`)).json() as Promise<Manifest>;

describe('CORS for the files widgets fetch', () => {
  it('answers a simple GET from an allowed origin with Access-Control-Allow-Origin', async () => {
    const response = await fetch(`${baseUrl}/data/programmes.json`, {
      headers: { origin: testAllowedOrigin },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(testAllowedOrigin);
    expect(response.headers.get('vary')).toMatch(/\bOrigin\b/);
  });

  it('answers a preflight from an allowed origin', async () => {
    const response = await fetch(`${baseUrl}/data/programmes.json`, {
      method: 'OPTIONS',
      headers: {
        origin: testAllowedOrigin,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'x-requested-with',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(testAllowedOrigin);
    expect(response.headers.get('access-control-allow-methods')).toContain('GET');
    expect(response.headers.get('access-control-allow-headers')).toBe('x-requested-with');
  });

  it('gives an origin that is not listed no CORS headers, and refuses its preflight', async () => {
    const get = await fetch(`${baseUrl}/widgets/${(await manifest()).major}/bz-hotlines.js`, {
      headers: { origin: otherOrigin },
    });
    expect(get.status).toBe(200);
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${baseUrl}/data/programmes.json`, {
      method: 'OPTIONS',
      headers: { origin: otherOrigin, 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets the feedback API use the same allowlist', async () => {
    const preflight = await fetch(`${baseUrl}/api/feedback`, {
      method: 'OPTIONS',
      headers: {
        origin: testAllowedOrigin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(testAllowedOrigin);
  });
});

describe('/widgets/: hashed scripts, per-major aliases, manifest', () => {
  it('lists every widget with a hashed URL, an alias and its SRI integrity', async () => {
    const { files, major, version } = await manifest();
    expect(major).toBe(`v${version.split('.')[0]}`);
    for (const name of [
      'bz-hotlines.js',
      'bz-eligibility-checker.js',
      'bz-feedback-form.js',
      'bz-service-locator.js',
      'bz-service-locator-map.js',
      'bz-elements.js',
    ]) {
      const entry = files[name];
      expect(entry?.url, name).toMatch(
        new RegExp(`^/widgets/${name.replace('.js', '')}\\.[0-9a-f]{8}\\.js$`),
      );
      expect(entry?.alias, name).toBe(`/widgets/${major}/${name}`);
      const bytes = Buffer.from(await (await fetch(`${baseUrl}${entry?.url}`)).arrayBuffer());
      expect(bytes.length, name).toBe(entry?.bytes);
      expect(entry?.integrity, name).toBe(
        `sha384-${createHash('sha384').update(bytes).digest('base64')}`,
      );
    }
  });

  it('caches hashed files for a year and aliases for minutes', async () => {
    const { files } = await manifest();
    const hotlines = files['bz-hotlines.js'];
    const hashed = await fetch(`${baseUrl}${hotlines?.url}`, {
      headers: { origin: testAllowedOrigin },
    });
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(hashed.headers.get('content-type')).toMatch(/javascript/);
    expect(hashed.headers.get('access-control-allow-origin')).toBe(testAllowedOrigin);
    const alias = await fetch(`${baseUrl}${hotlines?.alias}`);
    expect(alias.headers.get('cache-control')).toBe('public, max-age=300');
    const missing = await fetch(`${baseUrl}/widgets/bz-nothing.0123abcd.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control') ?? '').not.toContain('immutable');
  });

  it('points each alias at the current hashed file, and hashed scripts at hashed siblings', async () => {
    const { files } = await manifest();
    for (const entry of Object.values(files)) {
      if (!entry.alias) continue;
      const alias = await (await fetch(`${baseUrl}${entry.alias}`)).text();
      expect(new URL(/'([^']+)'/.exec(alias)?.[1] ?? '', `${baseUrl}${entry.alias}`).pathname).toBe(
        entry.url,
      );
    }
    const locator = await (await fetch(`${baseUrl}${files['bz-service-locator.js']?.url}`)).text();
    const map = files['bz-service-locator-map.js']?.url.replace('/widgets/', './');
    expect(locator).toContain(`"${map}"`);
    expect(locator).not.toContain('"./bz-service-locator-map.js"');
  });
});

describe('a widget embedded on another site, in a real browser', () => {
  const browser = sharedBrowser();
  let host: Server;
  let portal: { baseUrl: string; stop: () => void };
  let hostOrigin = '';

  beforeAll(async () => {
    // The embedding site: one page that pastes the snippet, served from another origin.
    host = createServer((_req, res) => {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': `script-src 'self' ${portal.baseUrl}; style-src 'self'`,
      });
      res.end(`<!doctype html><html lang="en"><title>Province</title>
<script type="module" src="${portal.baseUrl}/widgets/v0/bz-hotlines.js"></script>
<bz-hotlines lang="fa"><a href="tel:123">123</a></bz-hotlines>`);
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
    // A portal server of its own, allowing exactly that site.
    portal = await startPortalServer(undefined, { PORTAL_ALLOWED_ORIGINS: hostOrigin });
  });

  afterAll(() => {
    portal?.stop();
    host?.close();
  });

  it('loads the widget through its alias and renders it', async () => {
    const page = await browser.newPage();
    const seen = watch(page, hostOrigin);
    await page.goto(`${hostOrigin}/`);
    await expect
      .poll(() => page.evaluate(() => !!document.querySelector('bz-hotlines')?.shadowRoot))
      .toBe(true);
    expect(seen.errors).toEqual([]);
    // Everything it fetched came from the portal, nowhere else.
    expect(seen.foreign.every((url) => url.startsWith(portal.baseUrl))).toBe(true);
    await page.close();
  });

  it("imports the locator's map add-on through its alias, with its exports", async () => {
    const page = await browser.newPage();
    await page.goto(`${hostOrigin}/`);
    // A string, so the test runner's transform leaves the page's own import() alone.
    const url = `${portal.baseUrl}/widgets/v0/bz-service-locator-map.js`;
    const exported = await page.evaluate(
      `import(${JSON.stringify(url)}).then((module) => typeof module.createMap)`,
    );
    expect(exported).toBe('function');
    await page.close();
  });
});
