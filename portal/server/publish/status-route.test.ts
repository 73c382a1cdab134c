import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeStatus } from './status.ts';
import { createStatusRoute } from './status-route.ts';

// The route on a real HTTP server. Forgejo does not run here: a small HTTP server stands in for
// its GET /api/v1/repos/{owner}/{repo}, answering as Forgejo documents (permissions.push) for the
// one token it knows, so the route's real fetch, header and caching paths run.

const servers: Server[] = [];
let releasesDir: string;
let forgeCalls = 0;

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function portal(env: Record<string, string>): Promise<string> {
  const route = createStatusRoute({ releasesDir, env });
  return listen(
    createServer((req, res) => {
      void route(req, res, {
        requestId: 'test',
        pathname: '/api/publish/status',
        address: req.socket.remoteAddress,
        secure: false,
      } as Parameters<typeof route>[2]);
    }),
  );
}

let forge: string;
beforeAll(async () => {
  releasesDir = mkdtempSync(join(tmpdir(), 'bz-status-route-'));
  writeStatus(releasesDir, {
    state: 'failed',
    release: 'abc-20261205T120000000Z',
    inReview: 2,
    failure: { code: 'CONTENT_INVALID', fa: 'پیام', en: 'message', at: '2026-12-05T12:00:00Z' },
  });
  forge = await listen(
    createServer((req, res) => {
      forgeCalls += 1;
      const ok = req.url === '/api/v1/repos/behzisti/site';
      const token = req.headers.authorization;
      const push = token === 'token writer-token-123';
      if (!ok || (!push && token !== 'token reader-token-123')) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ full_name: 'behzisti/site', permissions: { push, pull: true } }));
    }),
  );
});
afterAll(() => {
  for (const server of servers) server.close();
  rmSync(releasesDir, { recursive: true, force: true });
});

describe('GET /api/publish/status', () => {
  it('answers the office machine in local editing mode, and nobody else without a token', async () => {
    const local = await portal({ CMS_LOCAL_EDITING: '1' });
    const answer = await fetch(`${local}/api/publish/status`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(await answer.json()).toMatchObject({ state: 'failed', inReview: 2 });
    // Not a loopback name (a reverse proxy on this machine forwarding a public host).
    // (fetch may not set Host: node:http may.)
    const proxied = await new Promise<number | undefined>((done, fail) => {
      request(`${local}/api/publish/status`, { headers: { host: 'portal.example' } }, (res) => {
        res.resume();
        done(res.statusCode);
      })
        .on('error', fail)
        .end();
    });
    expect(proxied).toBe(401);
    const closed = await portal({});
    const refused = await fetch(`${closed}/api/publish/status`);
    expect(refused.status).toBe(401);
    expect(JSON.stringify(await refused.json())).toContain('STAFF_ONLY');
    expect((await fetch(`${local}/api/publish/status`, { method: 'POST' })).status).toBe(405);
  });

  it('answers an editor whose forge account may push, asking the forge once a minute', async () => {
    const url = await portal({ CMS_GIT_URL: `${forge}/`, CMS_GIT_REPO: 'behzisti/site' });
    const ask = (authorization: string) =>
      fetch(`${url}/api/publish/status`, { headers: { authorization } });
    const before = forgeCalls;
    expect((await ask('token writer-token-123')).status).toBe(200);
    expect((await ask('token writer-token-123')).status).toBe(200);
    expect(forgeCalls).toBe(before + 1);
    expect((await ask('token reader-token-123')).status).toBe(401);
    expect((await ask('token unknown-token-456')).status).toBe(401);
    expect((await ask('Basic d3JpdGVyOnNlY3JldA==')).status).toBe(401);
    expect((await ask('token short')).status).toBe(401);
  });
});
