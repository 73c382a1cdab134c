import { parseTrackingCode } from '@behzisti/core';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  preparePostgres,
  type TestPostgres,
} from '../../packages/feedback-service/test/postgres.ts';
import { startPortalServer } from './server.setup.ts';
import { distDir } from './site.ts';

// Two built portal servers on one PostgreSQL database, each inserting the submissions that
// arrive together in one statement (group commit: the PostgreSQL store's insert queue), under
// many submissions at once. Every 201 must name a row that holds exactly what that request
// sent, once; a retry of one submission (same idempotency key, same client) sent to both
// servers at the same moment must be stored once and get the same code from both; and nothing
// is stored that was not acknowledged. The submissions go through the API's fast path
// (server/api-fast-path.ts), as in production.

let pg: TestPostgres;
let servers: { baseUrl: string; stop: () => void }[] = [];

beforeAll(async () => {
  pg = await preparePostgres();
  if (!pg.url) return;
  // Each simulated citizen has its own address (X-Forwarded-For from a trusted loopback proxy),
  // so the per-address limit holds but does not refuse the load.
  const env = { DATABASE_URL: pg.url, TRUSTED_PROXIES: 'loopback' };
  servers.push(await startPortalServer(distDir, env));
  servers.push(await startPortalServer(distDir, env));
}, 120_000);

afterAll(async () => {
  for (const server of servers) server.stop();
  servers = [];
  await pg?.teardown();
});

/** Distinct submissions, and how many of them are also sent to the other server at once. */
const SUBMISSIONS = 400;
const RETRIED = 100;
/** Requests in flight at once (enough that each server batches many per statement). */
const PARALLEL = 64;

interface Sent {
  index: number;
  server: number;
  code?: string;
  status: number;
}

async function submit(index: number, server: number): Promise<Sent> {
  const response = await fetch(`${servers[server]?.baseUrl}/api/feedback`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': `10.77.${index >> 8}.${index & 255}`,
    },
    body: JSON.stringify({
      category: 'suggestion',
      message: `پیام گروهی ${index}: هر پاسخ پذیرفته یک بار ذخیره می‌شود.`,
      about: { serviceBaseId: 'isfahan-hesseh' },
      consent: true,
      lang: 'fa',
      elapsedMs: 9_000,
      idempotencyKey: `group-commit-key-${index}`,
    }),
  });
  const body = (await response.json()) as { code?: string };
  return { index, server, status: response.status, code: body.code };
}

describe('group commit on two servers', () => {
  it('stores every acknowledged submission exactly once, with what it sent', async (context) => {
    if (!pg.url) context.skip();
    // Each submission to one server; the first RETRIED also to the other one in the same batch.
    const jobs: (() => Promise<Sent>)[] = [];
    for (let i = 0; i < SUBMISSIONS; i++) {
      jobs.push(() => submit(i, i % 2));
      if (i < RETRIED) jobs.push(() => submit(i, (i + 1) % 2));
    }
    const results: Sent[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        while (next < jobs.length) {
          const job = jobs[next++] as () => Promise<Sent>;
          results.push(await job());
        }
      }),
    );
    expect(results.filter((r) => r.status !== 201)).toEqual([]);

    const codeOf = new Map<number, string>();
    for (const result of results) {
      const parsed = parseTrackingCode(result.code ?? '');
      expect(parsed.ok, `code ${result.code}`).toBe(true);
      const code = parsed.ok ? parsed.code : '';
      // Both servers' answers to one retried submission name one record.
      if (codeOf.has(result.index)) expect(code).toBe(codeOf.get(result.index));
      codeOf.set(result.index, code);
    }
    expect(codeOf.size).toBe(SUBMISSIONS);

    const sql = postgres(pg.url as string, { max: 1, onnotice: () => undefined });
    try {
      const rows = await sql<{ code: string; message: string; idempotency_key: string }[]>`
        SELECT code, message, idempotency_key FROM feedback`;
      // Nothing stored that was not acknowledged, and nothing twice.
      expect(rows.length).toBe(SUBMISSIONS);
      const byCode = new Map(rows.map((row) => [row.code, row]));
      expect(byCode.size).toBe(SUBMISSIONS);
      for (const [index, code] of codeOf) {
        const row = byCode.get(code);
        expect(row?.message, `row of submission ${index}`).toBe(
          `پیام گروهی ${index}: هر پاسخ پذیرفته یک بار ذخیره می‌شود.`,
        );
        expect(row?.idempotency_key).toBeTruthy();
      }
    } finally {
      await sql.end({ timeout: 1 });
    }
  }, 120_000);
});
