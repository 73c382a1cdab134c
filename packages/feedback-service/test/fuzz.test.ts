import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../src/secret-hash.ts';
import { STAFF_TOKEN } from './helpers.ts';
import { fuzzRawHttp, fuzzRequests } from './http-fuzz.ts';
import { expectStillTakingSubmissions, type ServerProcess, startServer } from './server-process.ts';

// The standalone service never crashes and never answers 5xx, whatever arrives: 10,000 generated
// requests on one keep-alive connection and 300 byte strings that are not quite HTTP on raw
// sockets (test/http-fuzz.ts). fast-check shrinks a failure to its smallest request.

const dir = mkdtempSync(join(tmpdir(), 'bz-feedback-fuzz-'));
let server: ServerProcess;

beforeAll(async () => {
  server = await startServer({
    FEEDBACK_DB: join(dir, 'fuzz.sqlite'),
    // Configured as in production: hashes only (the service refuses plain-text secrets).
    FEEDBACK_STAFF_TOKEN: await hashSecret(STAFF_TOKEN),
    FEEDBACK_STAFF: `fuzz-staff:${await hashSecret('fuzz-staff-secret-0123456789')}`,
    FEEDBACK_SUBMIT_LIMIT: 'off',
    FEEDBACK_LOOKUP_LIMIT: 'off',
    TRUSTED_PROXIES: 'loopback',
    LOG_LEVEL: 'silent',
  });
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the standalone service under generated requests', () => {
  it('answers 10,000 generated requests, none with a 5xx', async () => {
    const seen = await fuzzRequests(server.url);
    // The requests reached past the router: parsing, validation, methods, staff checks.
    for (const status of [400, 401, 404, 405, 415, 422])
      expect(seen.has(status), `${status}`).toBe(true);
  }, 180_000);

  it('answers broken HTTP on raw sockets without a 5xx (or closes the connection)', async () => {
    await fuzzRawHttp(server.url);
  }, 120_000);

  it('is still up and taking submissions afterwards', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await expectStillTakingSubmissions(server);
  });
});
