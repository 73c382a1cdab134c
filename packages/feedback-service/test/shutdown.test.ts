import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTrackingCode } from '@behzisti/core';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/store/sqlite.ts';
import { validBody } from './helpers.ts';
import { startServer } from './server-process.ts';

// Graceful shutdown of the standalone service (src/http/shutdown.ts): SIGTERM in the middle of
// a stream of submissions. Every submission answered 201 must be in the SQLite file afterwards,
// and the process must exit 0 (it finished its requests and closed the store itself).

const dir = mkdtempSync(join(tmpdir(), 'bz-feedback-shutdown-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** POSTs one submission on a keep-alive agent; resolves with status and body, rejects on reset. */
function submit(
  url: string,
  agent: Agent,
  body: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/api/feedback`,
      { method: 'POST', agent, headers: { 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('graceful shutdown', () => {
  it('stores every acknowledged submission when SIGTERM arrives under load', async () => {
    const db = join(dir, 'shutdown.sqlite');
    const server = await startServer({
      FEEDBACK_DB: db,
      FEEDBACK_SUBMIT_LIMIT: 'off',
      LOG_LEVEL: 'info',
    });
    const exited = new Promise<number | null>((resolve) =>
      server.child.once('exit', (code) => resolve(code)),
    );
    const agent = new Agent({ keepAlive: true, maxSockets: 16 });
    const acknowledged: string[] = [];
    let refused = 0;
    let stop = false;
    const worker = async (id: number): Promise<void> => {
      for (let i = 0; !stop; i++) {
        try {
          const body = JSON.stringify(validBody({ message: `worker ${id} message ${i}` }));
          const { status, text } = await submit(server.url, agent, body);
          if (status === 201) acknowledged.push((JSON.parse(text) as { code: string }).code);
        } catch {
          // Refused or reset once the server stopped accepting: nothing was promised.
          refused++;
          return;
        }
      }
    };
    const workers = Array.from({ length: 16 }, (_, id) => worker(id));
    const started = Date.now();
    while (acknowledged.length < 300 && Date.now() - started < 20_000) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);
    const atSignal = acknowledged.length;
    server.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    stop = true;
    await Promise.all(workers);
    agent.destroy();
    // Requests were still being answered after the signal: the drain was under load.
    expect(acknowledged.length).toBeGreaterThan(atSignal);
    expect(server.output()).toContain('"signal":"SIGTERM"');
    expect(server.output()).toContain('"msg":"stopped"');

    const store = await openSqliteStore({ path: db });
    try {
      const missing: string[] = [];
      for (const code of acknowledged) {
        const parsed = parseTrackingCode(code);
        if (!parsed.ok || !(await store.getByCode(parsed.code))) missing.push(code);
      }
      expect(missing).toEqual([]);
      expect(acknowledged.length).toBeGreaterThanOrEqual(300);
      console.info(
        `SIGTERM after ${atSignal} acknowledged; ${acknowledged.length - atSignal} more answered while draining; ${refused} workers refused afterwards; all ${acknowledged.length} stored`,
      );
    } finally {
      await store.close();
    }
  }, 60_000);
});

describe('probes', () => {
  it('answers /healthz and /readyz, and a closed store is not ready', async () => {
    const server = await startServer({
      FEEDBACK_DB: join(dir, 'probes.sqlite'),
      LOG_LEVEL: 'silent',
    });
    try {
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });
      expect(health.headers.get('x-request-id')).toBeTruthy();
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(200);
      expect((await fetch(`${server.url}/healthz`, { method: 'POST' })).status).toBe(405);
    } finally {
      await server.stop();
    }
    const store = await openSqliteStore({ path: join(dir, 'probes.sqlite') });
    expect(await store.ready()).toBe(true);
    await store.close();
    expect(await store.ready()).toBe(false);
  });
});
