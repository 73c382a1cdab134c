// Requests per second and p99 latency through the full portal server (portal/server.ts: the
// built Astro site and the feedback API in one Node process), for a prerendered page and for a
// feedback submission, on SQLite and on PostgreSQL, with one and with two server processes.
//
// The load comes from autocannon (a maintained HTTP load generator) in this process, over
// loopback only, for a fixed time per row. Two instances are two server processes given to
// autocannon as two URLs: it spreads its keep-alive connections over them round-robin, as a
// load balancer would (no extra proxy hop to measure). Every submission carries its own
// client address in X-Forwarded-For (trusted here, as behind a proxy), so the per-address
// limit runs as in production (one bucket per citizen) without refusing the load.
//
// Builds the portal into portal/dist-bench-http unless PORTAL_DIST names a build to reuse.
// Options: BENCH_HTTP_SECONDS (10 per row), BENCH_HTTP_CONNECTIONS (32), BZ_BENCH_DATABASE_URL.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';

const portalDir = new URL('../portal/', import.meta.url).pathname;
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_HTTP_CONNECTIONS ?? 32);
/** The target of issue 13 for two instances on one PostgreSQL. */
const TARGET = 'target (2 instances, PostgreSQL): ≥ 4,000/s, p99 ≤ 20 ms';

/** Load average while measuring: a busy machine explains slow figures. */
const load = () => `load ${os.loadavg()[0]?.toFixed(1)} on ${os.availableParallelism()} cores`;

/** The build to serve: PORTAL_DIST when given and built, else a fresh one of its own. */
function portalBuild() {
  const given = process.env.PORTAL_DIST;
  if (given && existsSync(join(portalDir, given, 'server/entry.mjs'))) return given;
  const dist = 'dist-bench-http';
  process.stderr.write(`bench http: building the portal into portal/${dist}…\n`);
  const built = spawnSync(process.execPath, ['--run', 'build'], {
    cwd: portalDir,
    env: { ...process.env, PORTAL_DIST: dist },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (built.status !== 0) throw new Error(`portal build into ${dist} failed`);
  return dist;
}

/** A submission as the form sends it; autocannon puts a fresh id in each `[<id>]`. */
const SUBMISSION = JSON.stringify({
  category: 'complaint',
  message: 'پیام آزمایشی: صف پایگاه طولانی بود و کسی پاسخ تلفن را نداد.',
  about: { serviceBaseId: 'isfahan-hesseh' },
  consent: true,
  lang: 'fa',
  elapsedMs: 15_000,
  idempotencyKey: 'bench-[<id>]',
});

/**
 * Drives `urls` for `seconds` and returns accepted requests per second and latencies.
 * @param {string[]} urls @param {'page' | 'submit'} kind @param {number} seconds
 */
async function drive(urls, kind, seconds) {
  const { default: autocannon } = await import('autocannon');
  let n = 0;
  // Several URLs are documented (README: connections spread over them) but not in the types.
  const options = /** @type {import('autocannon').Options} */ (
    /** @type {unknown} */ (
      kind === 'page'
        ? { url: urls.map((url) => `${url}/`) }
        : {
            url: urls.map((url) => `${url}/api/feedback`),
            method: 'POST',
            idReplacement: true,
            body: SUBMISSION,
            requests: [
              {
                /** @param {{ headers: Record<string, string> }} request */
                setupRequest(request) {
                  n += 1;
                  // A distinct citizen per request: the limiter works, but does not refuse the load.
                  const client = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
                  request.headers = {
                    ...request.headers,
                    'content-type': 'application/json',
                    'x-forwarded-for': client,
                  };
                  return request;
                },
              },
            ],
          }
    )
  );
  const result = await autocannon({ ...options, connections: CONNECTIONS, duration: seconds });
  return {
    perSecond: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    refused: result.non2xx + result.errors + result.timeouts,
  };
}

/**
 * @param {string} figure @param {{ perSecond: number, p50: number, p99: number, refused: number }} r
 * @param {string} extra
 * @returns {import('./lib.mjs').Row}
 */
const row = (figure, r, extra) => ({
  figure,
  value: `${Math.round(r.perSecond).toLocaleString('en')}/s, p99 ${r.p99} ms`,
  note: `p50 ${r.p50} ms; ${CONNECTIONS} connections, ${SECONDS} s, loopback${r.refused ? `; ${r.refused} not 2xx` : ''}; ${load()}${extra}`,
});

/** @returns {Promise<import('./lib.mjs').Row[]>} */
export default async function httpRows() {
  const dist = portalBuild();
  /** @type {{ startPortalServer: (dist: string, env: Record<string, string>) => Promise<{ baseUrl: string, stop: () => void }> }} */
  const server = await import(new URL('../portal/e2e/server.setup.ts', import.meta.url).href);
  /** @type {{ preparePostgres: () => Promise<{ url: string | undefined, teardown: () => Promise<void> }> }} */
  const postgres = await import(
    new URL('../packages/feedback-service/test/postgres.ts', import.meta.url).href
  );
  /** @type {import('./lib.mjs').Row[]} */
  const rows = [];
  const dir = mkdtempSync(join(tmpdir(), 'bz-bench-http-'));
  const pg = process.env.BZ_BENCH_DATABASE_URL
    ? { url: process.env.BZ_BENCH_DATABASE_URL, teardown: async () => undefined }
    : await postgres.preparePostgres();
  try {
    /** @type {[string, Record<string, string>][]} */
    const stores = [['SQLite', { FEEDBACK_DB: join(dir, 'bench.sqlite') }]];
    if (pg.url) stores.push(['PostgreSQL', { DATABASE_URL: pg.url }]);
    for (const [store, storeEnv] of stores) {
      for (const instances of [1, 2]) {
        const env = {
          ...storeEnv,
          FEEDBACK_TRUST_PROXY: 'x-forwarded-for',
          FEEDBACK_STAFF: '',
          NODE_ENV: 'production',
        };
        /** @type {{ baseUrl: string, stop: () => void }[]} */
        const running = [];
        try {
          for (let i = 0; i < instances; i++) {
            running.push(await server.startPortalServer(join(portalDir, dist), env));
          }
          const urls = running.map((s) => s.baseUrl);
          const name = `${instances} instance${instances > 1 ? 's' : ''}`;
          const note = store === 'SQLite' && instances > 1 ? '; one file, limits per process' : '';
          // Warm up (JIT, database connections), then measure.
          await drive(urls, 'submit', 2);
          if (store === 'SQLite') {
            await drive(urls, 'page', 2);
            rows.push(row(`portal page /, ${name}`, await drive(urls, 'page', SECONDS), ''));
          }
          const target = store === 'PostgreSQL' && instances === 2 ? `; ${TARGET}` : '';
          rows.push(
            row(
              `portal submit, ${store}, ${name}`,
              await drive(urls, 'submit', SECONDS),
              `${note}${target}`,
            ),
          );
        } finally {
          for (const s of running) s.stop();
        }
      }
    }
  } finally {
    await pg.teardown();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
