import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom as random } from '@behzisti/core/random';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../src/secret-hash.ts';
import { STAFF_TOKEN, staffHeaders, validBody } from './helpers.ts';
import { expectStillTakingSubmissions, type ServerProcess, startServer } from './server-process.ts';

// The standalone server as a real process: malformed input cannot bring it down or store
// anything, and an acknowledged submission survives SIGKILL.

const dir = mkdtempSync(join(tmpdir(), 'bz-feedback-server-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The server is configured with hashes only, made here as `hash-secret` makes them.
const MARYAM_SECRET = 'maryam-secret-0123456789';
const [STAFF_TOKEN_HASH, MARYAM_HASH] = await Promise.all([
  hashSecret(STAFF_TOKEN),
  hashSecret(MARYAM_SECRET),
]);

const env = (db: string): Record<string, string> => ({
  FEEDBACK_DB: join(dir, db),
  FEEDBACK_STAFF_TOKEN: STAFF_TOKEN_HASH,
  FEEDBACK_SUBMIT_LIMIT: 'off',
  FEEDBACK_LOOKUP_LIMIT: 'off',
});

const KEYS = [
  'category',
  'message',
  'name',
  'contact',
  'anonymous',
  'about',
  'consent',
  'lang',
  'idempotencyKey',
  'elapsedMs',
  'serviceBaseId',
  '__proto__',
  'constructor',
  '',
];

/** A malformed body: random bytes, broken JSON, wrong shapes or wrong types. */
function malformedBody(rand: () => number): { body: Uint8Array | string; type: string } {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const value = (depth: number): unknown => {
    const kind = Math.floor(rand() * (depth > 2 ? 5 : 7));
    switch (kind) {
      case 0:
        return null;
      case 1:
        return rand() * 1e12 - 5e11;
      case 2:
        return rand() < 0.5;
      case 3:
        return pick([
          '',
          ' ',
          'complaint',
          '\u202E=cmd',
          'ی'.repeat(Math.floor(rand() * 50)),
          '\0',
        ]);
      case 4:
        return Math.floor(rand() * 3000);
      case 5:
        return Array.from({ length: Math.floor(rand() * 4) }, () => value(depth + 1));
      default: {
        const object: Record<string, unknown> = {};
        for (let i = Math.floor(rand() * 6); i > 0; i--) object[pick(KEYS)] = value(depth + 1);
        return object;
      }
    }
  };
  const mode = Math.floor(rand() * 6);
  if (mode === 0) {
    const bytes = new Uint8Array(Math.floor(rand() * 2000));
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rand() * 256);
    return { body: bytes, type: 'application/json' };
  }
  if (mode === 1) {
    const text = JSON.stringify(validBody({ elapsedMs: 1 }));
    return { body: text.slice(0, Math.floor(rand() * text.length)), type: 'application/json' };
  }
  if (mode === 2) {
    return {
      body: JSON.stringify(validBody()),
      type: pick(['text/plain', 'application/xml', 'multipart/form-data', '']),
    };
  }
  if (mode === 3)
    return { body: 'x'.repeat(16_385 + Math.floor(rand() * 5000)), type: 'application/json' };
  // Valid JSON of the wrong shape, or the right shape with wrong values (never a valid submission:
  // the fill time is always too short or the shape wrong).
  const shaped =
    mode === 4
      ? value(0)
      : { ...validBody({ elapsedMs: Math.floor(rand() * 2999) }), [pick(KEYS)]: value(1) };
  return { body: JSON.stringify(shaped) ?? 'undefined', type: 'application/json' };
}

describe('standalone server', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer(env('fuzz.sqlite'));
  });
  afterAll(() => server?.stop());

  it('survives a few hundred malformed requests and stores none of them', async () => {
    const rand = random(0x5eed);
    const statuses = new Map<number, number>();
    for (let i = 0; i < 400; i++) {
      const { body, type } = malformedBody(rand);
      const headers: Record<string, string> = type ? { 'content-type': type } : {};
      const response = await fetch(`${server.url}/api/feedback`, { method: 'POST', headers, body });
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      expect([400, 413, 415, 422], `case ${i}`).toContain(response.status);
    }
    // Garbage that is not even HTTP, on raw sockets.
    for (let i = 0; i < 20; i++) {
      await new Promise<void>((resolve) => {
        const socket = connect(Number(new URL(server.url).port), '127.0.0.1', () => {
          const bytes = Buffer.alloc(200 + i * 50);
          for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(rand() * 256);
          socket.end(bytes);
        });
        socket.on('error', () => resolve());
        socket.on('close', () => resolve());
        socket.resume();
      });
    }
    expect(statuses.size).toBeGreaterThanOrEqual(4);

    const list = await fetch(`${server.url}/api/feedback`, { headers: staffHeaders() });
    expect(((await list.json()) as { total: number }).total).toBe(0);
    // Still up and still accepting real submissions.
    await expectStillTakingSubmissions(server);
  }, 60_000);

  it('answers the status lookup through the Node adapter', async () => {
    const created = await fetch(`${server.url}/api/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(validBody()),
    });
    const { code } = (await created.json()) as { code: string };
    const status = await fetch(`${server.url}/api/feedback/${code}`);
    expect(status.status).toBe(200);
    expect(((await status.json()) as { status: string }).status).toBe('received');
  });
});

describe('durability', () => {
  it('keeps every acknowledged submission when the process is killed under load', async () => {
    const db = 'durable.sqlite';
    const first = await startServer(env(db));
    const acknowledged: string[] = [];
    let stop = false;
    const worker = async (id: number): Promise<void> => {
      for (let i = 0; !stop; i++) {
        try {
          const response = await fetch(`${first.url}/api/feedback`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(
              validBody({
                message: `worker ${id} message ${i}`,
                idempotencyKey: `w${id}-${i}-0123456789abcdef`,
              }),
            ),
          });
          if (response.status === 201)
            acknowledged.push(((await response.json()) as { code: string }).code);
          else await response.arrayBuffer();
        } catch {
          // Connection reset by the kill: not acknowledged, so nothing was promised.
          return;
        }
      }
    };
    const workers = Array.from({ length: 24 }, (_, id) => worker(id));
    // Kill mid-load: once a good number of submissions have been acknowledged.
    const started = Date.now();
    while (acknowledged.length < 600 && Date.now() - started < 15_000) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    first.child.kill('SIGKILL');
    await first.stop();
    stop = true;
    await Promise.all(workers);
    const acked = [...acknowledged];
    expect(acked.length).toBeGreaterThanOrEqual(600);

    const second = await startServer(env(db));
    try {
      const missing: string[] = [];
      for (const code of acked) {
        const response = await fetch(`${second.url}/api/feedback/${code}`);
        await response.arrayBuffer();
        if (response.status !== 200) missing.push(code);
      }
      expect(missing).toEqual([]);
      const list = await fetch(`${second.url}/api/feedback?limit=1`, { headers: staffHeaders() });
      expect(((await list.json()) as { total: number }).total).toBeGreaterThanOrEqual(acked.length);
    } finally {
      await second.stop();
    }
  }, 60_000);
});

describe('standalone server: staff sessions and comments', () => {
  it('signs staff in from FEEDBACK_STAFF and keeps the session across a real restart', async () => {
    const staffEnv = {
      ...env('sessions.sqlite'),
      FEEDBACK_STAFF: `maryam:${MARYAM_HASH}`,
      FEEDBACK_STAFF_SESSION_MINUTES: '20',
    };
    const first = await startServer(staffEnv);
    let second: ServerProcess | undefined;
    try {
      const signIn = await fetch(`${first.url}/api/staff/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'maryam', secret: MARYAM_SECRET }),
      });
      expect(signIn.status).toBe(204);
      const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      // The comment routes are mounted too.
      const comments = await fetch(`${first.url}/api/comments?article=fa/hesseh-service-base`);
      expect(await comments.json()).toEqual({
        article: 'fa/hesseh-service-base',
        count: 0,
        comments: [],
      });
      await first.stop();
      second = await startServer(staffEnv);
      const who = await fetch(`${second.url}/api/staff/session`, { headers: { cookie } });
      expect(who.status).toBe(200);
      const body = (await who.json()) as { name: string; expiresAt: string };
      expect(body.name).toBe('maryam');
      // FEEDBACK_STAFF_SESSION_MINUTES sets the idle time.
      const minutes = (Date.parse(body.expiresAt) - Date.now()) / 60_000;
      expect(minutes).toBeGreaterThan(19);
      expect(minutes).toBeLessThanOrEqual(20);
    } finally {
      await first.stop();
      await second?.stop();
    }
  }, 30_000);

  it('signs in an account from FEEDBACK_STAFF_FILE (YAML), and not with a hash as the secret', async () => {
    const file = join(dir, 'staff.yaml');
    writeFileSync(
      file,
      `accounts:\n  - name: maryam\n    secretHash: "${MARYAM_HASH}"\n    role: caseworker\n    provinces: [isfahan]\n`,
    );
    const server = await startServer({ ...env('file.sqlite'), FEEDBACK_STAFF_FILE: file });
    try {
      const signIn = (secret: string) =>
        fetch(`${server.url}/api/staff/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'maryam', secret }),
        });
      expect((await signIn(MARYAM_SECRET)).status).toBe(204);
      expect((await signIn(MARYAM_HASH)).status).toBe(401);
    } finally {
      await server.stop();
    }
  }, 30_000);
});
