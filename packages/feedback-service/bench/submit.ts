// Feedback submission benchmark: `node packages/feedback-service/bench/submit.ts`.
//
// Starts the standalone server as a child process (SQLite default with durability on, then
// PostgreSQL when one is available) and drives it from this process over loopback with a fixed
// number of requests at a bounded concurrency, then prints accepted submissions per second and
// p50/p99 latency. Figures for people, not a pass/fail test. Stops by itself.
//
// Options (environment): BENCH_REQUESTS (default 20000), BENCH_CONCURRENCY (default 16),
// BZ_BENCH_DATABASE_URL (a PostgreSQL to use instead of starting the Debian cluster).

import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preparePostgres } from '../test/postgres.ts';
import { type ServerProcess, startServer } from '../test/server-process.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const WARMUP = Math.min(1000, Math.floor(REQUESTS / 10));

export interface Result {
  store: string;
  accepted: number;
  failed: number;
  seconds: number;
  p50: number;
  p99: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** One POST over a keep-alive agent; resolves with the status and the latency in ms. */
function submit(agent: Agent, url: URL, body: string, client: string): Promise<[number, number]> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: '/api/feedback',
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          // A distinct client per request: the rate limiter runs but does not refuse the bench.
          'x-forwarded-for': client,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve([res.statusCode ?? 0, performance.now() - started]));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function drive(url: string, count: number, concurrency: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL(url);
  const latencies: number[] = [];
  let next = 0;
  let accepted = 0;
  let failed = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = next++;
      const body = JSON.stringify({
        category: i % 4 === 0 ? 'appreciation' : 'complaint',
        message: `پیام آزمایشی شمارهٔ ${i}: صف پایگاه طولانی بود و کسی پاسخ تلفن را نداد.`,
        about: { serviceBaseId: 'isfahan-hesseh' },
        consent: true,
        elapsedMs: 15_000,
        idempotencyKey: `bench-${process.pid}-${Date.now()}-${i}`.padEnd(16, '0'),
      });
      const client = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
      try {
        const [status, ms] = await submit(agent, target, body, client);
        if (status === 201) {
          accepted++;
          latencies.push(ms);
        } else failed++;
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    accepted,
    failed,
    seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

async function measure(store: string, env: Record<string, string>): Promise<Result> {
  let server: ServerProcess | undefined;
  try {
    server = await startServer({
      TRUSTED_PROXIES: 'loopback',
      FEEDBACK_LOOKUP_LIMIT: 'off',
      ...env,
    });
    await drive(server.url, WARMUP, CONCURRENCY);
    return { store, ...(await drive(server.url, REQUESTS, CONCURRENCY)) };
  } finally {
    await server?.stop();
  }
}

/** Measures SQLite, then PostgreSQL when one can be had; used by `pnpm bench` too. */
export async function runFeedbackBench(): Promise<Result[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bz-feedback-bench-'));
  const results: Result[] = [];
  try {
    results.push(
      await measure('SQLite (WAL, synchronous=FULL, group commit)', {
        FEEDBACK_DB: join(dir, 'bench.sqlite'),
      }),
    );
    const pgUrl = process.env.BZ_BENCH_DATABASE_URL;
    const pg = pgUrl
      ? { url: pgUrl, teardown: async () => undefined }
      : await preparePostgres().catch((error: unknown) => {
          console.warn(`PostgreSQL bench not run: ${(error as Error).message}`);
          return { url: undefined, teardown: async () => undefined };
        });
    try {
      if (pg.url) {
        results.push(await measure('PostgreSQL (synchronous_commit=on)', { DATABASE_URL: pg.url }));
      }
    } finally {
      await pg.teardown();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

if (import.meta.main) {
  const results = await runFeedbackBench();
  console.log(
    `\nfeedback submissions: ${REQUESTS} requests, ${CONCURRENCY} concurrent, loopback, server in a child process`,
  );
  for (const r of results) {
    const rate = Math.round(r.accepted / r.seconds).toLocaleString('en');
    console.log(
      `  ${r.store.padEnd(48)} ${rate.padStart(6)} accepted/s   p50 ${r.p50.toFixed(1)} ms   p99 ${r.p99.toFixed(1)} ms${r.failed ? `   (${r.failed} not accepted)` : ''}`,
    );
  }
}

export { CONCURRENCY, REQUESTS };
