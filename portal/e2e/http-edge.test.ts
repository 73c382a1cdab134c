import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson } from './api.ts';
import { rawRequest } from './raw-http.ts';
import { startPortalServer } from './server.setup.ts';

// The portal server's edge as an attacker meets it: no request may end the process, and a path
// outside the served folder must not reveal whether a file exists there. A server of its own,
// so a crash here cannot take the shared one down with it.

let portal: { baseUrl: string; stop: () => void };

beforeAll(async () => {
  portal = await startPortalServer();
});
afterAll(() => portal?.stop());

/** Status, body and headers of an answer, without the ones that differ on every request. */
async function answer(path: string, init?: RequestInit) {
  const response = await fetch(`${portal.baseUrl}${path}`, init);
  const headers = Object.fromEntries(
    [...response.headers].filter(([name]) => !['date', 'x-request-id'].includes(name)),
  );
  return { status: response.status, headers, body: await response.text() };
}

describe('a request never ends the process', () => {
  it('answers a malformed percent-escape under /widgets/ with 400 and keeps serving', async () => {
    const bad = await fetch(`${portal.baseUrl}/widgets/%E0%A4%A`);
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(bad.status).toBeLessThan(500);
    expect((await fetch(`${portal.baseUrl}/`)).status).toBe(200);
  });
});

describe('no file-existence oracle outside the served folder', () => {
  // dist/server/entry.mjs exists beside dist/client; the other name does not.
  const probes = [
    ['/widgets/..%2f..%2fserver%2fentry.mjs', '/widgets/..%2f..%2fserver%2fnothing.mjs'],
    ['/widgets/..%2F..%2F..%2Fpackage.json', '/widgets/..%2F..%2F..%2Fnothing.json'],
    ['/data/%2e%2e/%2e%2e/server/entry.mjs', '/data/%2e%2e/%2e%2e/server/nothing.mjs'],
    ['/..%2fserver%2fentry.mjs', '/..%2fserver%2fnothing.mjs'],
  ] as const;
  it.each(probes)('%s answers exactly as %s', async (existing, missing) => {
    const [a, b] = [await answer(existing), await answer(missing)];
    expect(a.status).toBe(404);
    expect(a).toEqual(b);
  });
});

describe('methods on static paths', () => {
  it.each(['TRACE', 'POST', 'PUT', 'DELETE', 'PATCH'])(
    '%s on a page or a file is 405 with Allow',
    async (method) => {
      for (const path of ['/', '/news/', '/widgets/manifest.json', '/favicon.svg']) {
        // node:http, because fetch refuses to send TRACE.
        const response = await rawRequest(`${portal.baseUrl}${path}`, { method });
        expect(response.status, `${method} ${path}`).toBe(405);
        expect(response.headers.allow).toBe('GET, HEAD, OPTIONS');
      }
    },
  );

  it('answers OPTIONS on a page with 204 and Allow, HEAD without a body', async () => {
    const options = await fetch(`${portal.baseUrl}/news/`, { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    const head = await fetch(`${portal.baseUrl}/news/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('still takes POST where the API is', async () => {
    const response = await postJson(`${portal.baseUrl}/api/feedback`, '{');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'MALFORMED_JSON',
    );
  });

  it('answers unknown API paths in JSON', async () => {
    const response = await fetch(`${portal.baseUrl}/api/nothing`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });
});

describe('caching by kind', () => {
  it('keeps Astro assets for a year and revalidates pages', async () => {
    const html = await (await fetch(`${portal.baseUrl}/`)).text();
    const asset = /\/_astro\/[^"]+\.css/.exec(html)?.[0];
    expect(asset).toBeDefined();
    const css = await fetch(`${portal.baseUrl}${asset}`);
    expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const page = await fetch(`${portal.baseUrl}/`);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const etag = page.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await fetch(`${portal.baseUrl}/`, { headers: { 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
  });

  it('ignores a malformed Range rather than failing on it', async () => {
    for (const range of ['bytes=10-5', 'bytes=-5', 'bytes=abc', 'bytes=0-1,5-9', 'bytes=0-0']) {
      const response = await fetch(`${portal.baseUrl}/favicon.svg`, {
        headers: { range, 'accept-encoding': 'identity' },
      });
      expect([200, 206], range).toContain(response.status);
      await response.arrayBuffer();
    }
    expect((await fetch(`${portal.baseUrl}/`)).status).toBe(200);
  });
});
