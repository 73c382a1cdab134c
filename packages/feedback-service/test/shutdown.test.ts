import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/store/sqlite.ts';
import { validBody } from './helpers.ts';
import { startServer } from './server-process.ts';
import { notStored, sigtermUnderLoad } from './under-load.ts';

// Graceful shutdown of the standalone service (src/http/shutdown.ts): SIGTERM in the middle of
// a stream of submissions. Every submission answered 201 must be in the SQLite file afterwards,
// and the process must exit 0 (it finished its requests and closed the store itself).

const dir = mkdtempSync(join(tmpdir(), 'bz-feedback-shutdown-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('graceful shutdown', () => {
  it('stores every acknowledged submission when SIGTERM arrives under load', async () => {
    const db = join(dir, 'shutdown.sqlite');
    const server = await startServer({
      FEEDBACK_DB: db,
      FEEDBACK_SUBMIT_LIMIT: 'off',
      LOG_LEVEL: 'info',
    });
    const run = await sigtermUnderLoad({
      url: server.url,
      child: server.child,
      workers: 16,
      before: 300,
      body: (id, i) => JSON.stringify(validBody({ message: `worker ${id} message ${i}` })),
    });
    expect(run.atSignal).toBeGreaterThanOrEqual(300);
    expect(run.exitCode).toBe(0);
    // Requests were still being answered after the signal: the drain was under load.
    expect(run.acknowledged.length).toBeGreaterThan(run.atSignal);
    expect(server.output()).toContain('"signal":"SIGTERM"');
    expect(server.output()).toContain('"msg":"stopped"');
    expect(await notStored(db, run.acknowledged)).toEqual([]);
    expect(run.acknowledged.length).toBeGreaterThanOrEqual(300);
    console.info(
      `SIGTERM after ${run.atSignal} acknowledged; ${run.acknowledged.length - run.atSignal} more answered while draining; ${run.refused} workers refused afterwards; all ${run.acknowledged.length} stored`,
    );
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
    // Starts a server process: on a loaded two-core machine that took over the default 5 s.
  }, 30_000);
});
