import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
