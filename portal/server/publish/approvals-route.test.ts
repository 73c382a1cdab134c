import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApprovalsRoute } from './approvals-route.ts';

// The approvals route on a real HTTP server, as the editor's approve button uses it: GET says
// whether the signed-in staff account may approve and what approval the item has; POST approves
// exactly the text the approver read (its SHA-256). The feedback service's GET /api/staff/session
// is played by the same server for two cookies (a publisher and a moderator), as the route asks
// this very server who is signed in.

let server: Server;
let base: string;
let work: string;
const item =
  '---\ntitle: خبر\nsummary: خلاصه\ndate: 1404-09-02\nstatus: review\ncode: 1\noffice: روابط عمومی\n---\nمتن.\n';
const sha = createHash('sha256').update(item, 'utf8').digest('hex');
const who: Record<string, { name: string; role: string }> = {
  'bz_staff=publisher': { name: 'publisher', role: 'admin' },
  'bz_staff=moderator': { name: 'moderator', role: 'moderator' },
};

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'bz-approvals-route-'));
  mkdirSync(join(work, 'news/fa'), { recursive: true });
  writeFileSync(join(work, 'news/fa/news-1.md'), item);
  const route = createApprovalsRoute({
    releasesDir: work,
    newsDir: join(work, 'news'),
    self: () => ({ url: base, https: false }),
  });
  server = createServer((req, res) => {
    if (req.url === '/api/staff/session') {
      const account = who[req.headers.cookie ?? ''];
      res.writeHead(account ? 200 : 401, { 'content-type': 'application/json' });
      res.end(JSON.stringify(account ?? {}));
      return;
    }
    void route(req, res, { requestId: 't', pathname: '/api/publish/approvals' } as Parameters<
      typeof route
    >[2]);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server?.close();
  rmSync(work, { recursive: true, force: true });
});

const ask = (id: string, cookie?: string) =>
  fetch(`${base}/api/publish/approvals?id=${encodeURIComponent(id)}`, {
    headers: cookie ? { cookie } : {},
  });
const approve = (body: unknown, cookie = 'bz_staff=publisher') =>
  fetch(`${base}/api/publish/approvals`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  });

describe('GET /api/publish/approvals (the approve button)', () => {
  it('answers staff only, and says who may approve', async () => {
    expect((await ask('fa/news-1')).status).toBe(401);
    expect((await ask('fa/../x', 'bz_staff=publisher')).status).toBe(400);
    expect(await (await ask('fa/news-1', 'bz_staff=moderator')).json()).toEqual({
      by: 'moderator',
      mayApprove: false,
    });
    expect(await (await ask('fa/news-1', 'bz_staff=publisher')).json()).toEqual({
      by: 'publisher',
      mayApprove: true,
    });
  });
});

describe('POST /api/publish/approvals with the text read', () => {
  it('refuses any other text than the server’s copy, and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[0-9a-f]{64}$/).filter((other) => other !== sha),
        async (other) => {
          const response = await approve({ id: 'fa/news-1', sha256: other });
          expect(response.status).toBe(409);
          expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
            'NOT_THIS_TEXT',
          );
        },
      ),
      { numRuns: 25 },
    );
    for (const bad of ['', 'ABC', sha.toUpperCase(), 42, null, `${sha}0`]) {
      expect((await approve({ id: 'fa/news-1', sha256: bad })).status, String(bad)).toBe(400);
    }
    expect(await (await ask('fa/news-1', 'bz_staff=publisher')).json()).not.toHaveProperty(
      'approval',
    );
  });

  it('approves the text read; GET then names the approval and its SHA-256', async () => {
    expect((await approve({ id: 'fa/news-1', sha256: sha }, 'bz_staff=moderator')).status).toBe(
      403,
    );
    const response = await approve({ id: 'fa/news-1', sha256: sha });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ id: 'fa/news-1', sha256: sha, by: 'publisher' });
    expect(await (await ask('fa/news-1', 'bz_staff=moderator')).json()).toMatchObject({
      mayApprove: false,
      approval: { id: 'fa/news-1', sha256: sha, by: 'publisher' },
    });
  });
});
