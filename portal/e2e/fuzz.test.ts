import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzRawHttp, fuzzRequests } from '../../packages/feedback-service/test/http-fuzz.ts';
import { startPortalServer } from './server.setup.ts';

// The built portal server never crashes and never answers 5xx, whatever arrives: 10,000
// generated requests (paths with broken percent-escapes and encoded dot segments, any method,
// header and cookie values with any byte HTTP allows, random bodies) on one keep-alive
// connection, and 300 byte strings that are not quite HTTP on raw sockets. The generators are
// shared with the standalone feedback service's test (packages/feedback-service/test/).

let portal: { baseUrl: string; stop: () => void };

beforeAll(async () => {
  portal = await startPortalServer(undefined, { TRUSTED_PROXIES: 'loopback', LOG_LEVEL: 'silent' });
});
afterAll(() => portal?.stop());

describe('the portal server under generated requests', () => {
  it('answers 10,000 generated requests, none with a 5xx', async () => {
    const seen = await fuzzRequests(portal.baseUrl);
    // Files, pages, the API's validation and the method guard were all reached.
    for (const status of [200, 400, 404, 405, 422])
      expect(seen.has(status), `${status}`).toBe(true);
  }, 240_000);

  it('answers broken HTTP on raw sockets without a 5xx (or closes the connection)', async () => {
    await fuzzRawHttp(portal.baseUrl);
  }, 120_000);

  it('still serves the home page afterwards', async () => {
    const home = await fetch(`${portal.baseUrl}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<html');
  });
});
