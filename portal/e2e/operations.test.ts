import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notStored, sigtermUnderLoad } from '../../packages/feedback-service/test/under-load.ts';
import { postJson } from './api.ts';
import { type PortalServer, startPortalServer } from './server.setup.ts';
import { tempFolder } from './temp.ts';

// What an operator relies on from the portal server: probes, a request id and one JSON log
// line per request without personal data, the security headers on every kind of answer, and a
// SIGTERM that loses no acknowledged submission.

const dir = tempFolder('portal-ops');
let portal: PortalServer;

beforeAll(async () => {
  portal = await startPortalServer(undefined, {
    FEEDBACK_DB: join(dir.path, 'ops.sqlite'),
    FEEDBACK_SUBMIT_LIMIT: 'off',
    LOG_LEVEL: 'info',
  });
});
afterAll(() => {
  portal?.stop();
  dir.remove();
});

const submission = (message: string) =>
  JSON.stringify({
    category: 'complaint',
    message,
    about: { serviceBaseId: 'isfahan-hesseh' },
    consent: true,
    lang: 'fa',
    elapsedMs: 12_000,
  });

describe('probes', () => {
  it('answers /healthz, /readyz and the old /api/health', async () => {
    for (const path of ['/healthz', '/readyz', '/api/health']) {
      const response = await fetch(`${portal.baseUrl}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
    expect(await (await fetch(`${portal.baseUrl}/readyz`)).json()).toEqual({ status: 'ready' });
  });
});

describe('headers on every kind of answer', () => {
  it.each([
    ['/', 200],
    ['/favicon.svg', 200],
    ['/widgets/manifest.json', 200],
    ['/api/feedback/BZ-0000', 422],
    ['/no/such/page/', 404],
    ['/widgets/%E0%A4%A', 400],
  ])('%s (%i)', async (path, status) => {
    const response = await fetch(`${portal.baseUrl}${path}`);
    expect(response.status).toBe(status);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors/);
    expect(response.headers.get('referrer-policy')).toBeTruthy();
    expect(response.headers.get('permissions-policy')).toMatch(/^geolocation=\(self\)/);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    // Plain http from an untrusted peer: no HSTS, whatever X-Forwarded-Proto says.
    expect(response.headers.get('strict-transport-security')).toBeNull();
    await response.arrayBuffer();
  });
});

describe('log lines', () => {
  it('writes one JSON line per request: id, method, route pattern, status, duration; nothing personal', async () => {
    const created = await postJson(`${portal.baseUrl}/api/feedback`, submission('log line check'));
    expect(created.status).toBe(201);
    const { code } = (await created.json()) as { code: string };
    const lookup = await fetch(`${portal.baseUrl}/api/feedback/${code}?token=s3cret`);
    await lookup.arrayBuffer();
    const id = lookup.headers.get('x-request-id');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const lines = portal
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const line = lines.find((entry) => entry.reqId === id);
    expect(line).toMatchObject({
      service: 'portal',
      method: 'GET',
      route: '/api/feedback/:code',
      status: 200,
    });
    expect(typeof line?.ms).toBe('number');
    const all = JSON.stringify(lines);
    expect(all).not.toContain(code);
    expect(all).not.toContain('s3cret');
    expect(all).not.toContain('127.0.0.1');
    expect(all).not.toContain('log line check');
  });
});

describe('graceful shutdown', () => {
  it('stores every acknowledged submission when SIGTERM arrives under load', async () => {
    const db = join(dir.path, 'shutdown.sqlite');
    const server = await startPortalServer(undefined, {
      FEEDBACK_DB: db,
      FEEDBACK_SUBMIT_LIMIT: 'off',
      LOG_LEVEL: 'info',
    });
    try {
      const run = await sigtermUnderLoad({
        url: server.baseUrl,
        child: server.child,
        workers: 12,
        before: 200,
        body: (id, i) => submission(`worker ${id} message ${i}`),
      });
      expect(run.atSignal).toBeGreaterThanOrEqual(200);
      expect(run.exitCode).toBe(0);
      expect(run.acknowledged.length).toBeGreaterThan(run.atSignal);
      expect(await notStored(db, run.acknowledged)).toEqual([]);
      console.info(
        `portal: SIGTERM after ${run.atSignal}; ${run.acknowledged.length - run.atSignal} more answered while draining; all ${run.acknowledged.length} stored`,
      );
    } finally {
      server.stop();
    }
  }, 60_000);
});
