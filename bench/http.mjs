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
// autocannon sends one request at a time per connection (no pipelining), and it runs on the
// same cores as the servers and PostgreSQL: on a 2-core machine it takes its share of them. So
// each row also gives the CPU time one answered request cost, per process kind (read from
// /proc: the server processes, the PostgreSQL backends serving them, this load generator). On a
// loaded, shared machine the requests per second say little; those CPU costs say what two
// cores could answer, whatever else runs (docs/performance.md, "HTTP").
//
// Builds the portal into portal/dist-bench-http unless PORTAL_DIST names a build to reuse.
// Options: BENCH_HTTP_SECONDS (10 per row), BENCH_HTTP_CONNECTIONS (32), BZ_BENCH_DATABASE_URL,
// BENCH_HTTP_ROWS (e.g. `pg2` for the two-instance PostgreSQL row alone; default all).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
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
 * CPU time (ms, user + system) a process has used, from /proc; 0 where there is no /proc.
 * @param {number} pid
 */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 10 ms
  } catch {
    return 0;
  }
}

/** A free port on loopback. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts portal/server.ts on a free loopback port, its JSON log lines going to a file (as to a
 * log shipper, without this process reading them), and waits until /readyz answers 200: the
 * feedback store is open, so the API's fast path is on from the first measured request.
 * @param {string} dist @param {Record<string, string>} env @param {string} logFile
 */
async function startServer(dist, env, logFile) {
  const port = await freePort();
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, [join(portalDir, 'server.ts')], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), PORTAL_DIST: dist, ...env },
    stdio: ['ignore', log, 'inherit'],
  });
  closeSync(log);
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 100) {
    if (child.exitCode !== null) throw new Error(`portal server exited (${child.exitCode})`);
    const ready = await fetch(`${baseUrl}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (waited > 60_000) throw new Error('portal server did not become ready in 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    baseUrl,
    pid: /** @type {number} */ (child.pid),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

/**
 * The PostgreSQL backends of `url`'s database (their CPU is the database's share of a request).
 * @param {string} url @returns {Promise<number[]>}
 */
async function postgresBackends(url) {
  const require = createRequire(
    new URL('../packages/feedback-service/package.json', import.meta.url),
  );
  const { default: postgres } = await import(require.resolve('postgres'));
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    const rows = await sql`SELECT pid FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid()`;
    return rows.map((/** @type {{ pid: number }} */ row) => Number(row.pid));
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/**
 * Drives `urls` for `seconds`: accepted requests per second, latencies, and the CPU time per
 * accepted request of the servers (`pids`), the database backends of `pgUrl` (listed before and
 * after: a connection opened during the run counts from its start) and this process.
 * @param {string[]} urls @param {'page' | 'submit'} kind @param {number} seconds
 * @param {number[]} [pids] @param {string} [pgUrl]
 */
async function drive(urls, kind, seconds, pids = [], pgUrl = undefined) {
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
  const sum = (/** @type {number[]} */ list) => list.reduce((a, pid) => a + cpuMs(pid), 0);
  const server0 = sum(pids);
  const db0 = new Map((pgUrl ? await postgresBackends(pgUrl) : []).map((pid) => [pid, cpuMs(pid)]));
  const self0 = process.cpuUsage();
  // pipelining 1 (autocannon's default, said here): one request at a time per connection.
  const result = await autocannon({
    ...options,
    connections: CONNECTIONS,
    pipelining: 1,
    duration: seconds,
  });
  const self = process.cpuUsage(self0);
  const server = sum(pids) - server0;
  let db = 0;
  for (const pid of pgUrl ? await postgresBackends(pgUrl) : [])
    db += Math.max(0, cpuMs(pid) - (db0.get(pid) ?? 0));
  const ok = Math.max(1, result['2xx']);
  return {
    perSecond: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    refused: result.non2xx + result.errors + result.timeouts,
    cpu: {
      server: server / ok,
      db: db / ok,
      load: (self.user + self.system) / 1000 / ok,
    },
  };
}

/** @param {number} ms */
const msText = (ms) => ms.toFixed(3);

/**
 * @param {string} figure @param {Awaited<ReturnType<typeof drive>>} r @param {string} extra
 * @returns {import('./lib.mjs').Row}
 */
const row = (figure, r, extra) => {
  const { server, db, load: generator } = r.cpu;
  const total = server + db + generator;
  const cpu = `CPU per request: server ${msText(server)} ms${db ? `, PostgreSQL ${msText(db)} ms` : ''}, load generator ${msText(generator)} ms (2 cores ≈ ${Math.round(2000 / total).toLocaleString('en')}/s)`;
  return {
    figure,
    value: `${Math.round(r.perSecond).toLocaleString('en')}/s, p99 ${r.p99} ms`,
    note: `p50 ${r.p50} ms; ${cpu}; ${CONNECTIONS} connections, no pipelining, ${SECONDS} s, loopback${r.refused ? `; ${r.refused} not 2xx` : ''}; ${load()}${extra}`,
  };
};

/** @returns {Promise<import('./lib.mjs').Row[]>} */
export default async function httpRows() {
  const dist = portalBuild();
  const wanted = (process.env.BENCH_HTTP_ROWS ?? 'sqlite1,sqlite2,pg1,pg2').split(',');
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
    /** @type {[string, string, Record<string, string>][]} */
    const stores = [['SQLite', 'sqlite', { FEEDBACK_DB: join(dir, 'bench.sqlite') }]];
    if (pg.url) stores.push(['PostgreSQL', 'pg', { DATABASE_URL: pg.url }]);
    for (const [store, short, storeEnv] of stores) {
      for (const instances of [1, 2]) {
        if (!wanted.includes(`${short}${instances}`)) continue;
        const env = {
          ...storeEnv,
          // The load generator is a trusted proxy on loopback: each simulated client's
          // X-Forwarded-For is believed, so the limits see many clients, as behind nginx.
          TRUSTED_PROXIES: 'loopback',
          FEEDBACK_STAFF: '',
          NODE_ENV: 'production',
        };
        /** @type {Awaited<ReturnType<typeof startServer>>[]} */
        const running = [];
        try {
          for (let i = 0; i < instances; i++) {
            running.push(
              await startServer(join(portalDir, dist), env, join(dir, `server-${i}.log`)),
            );
          }
          const urls = running.map((s) => s.baseUrl);
          const pids = running.map((s) => s.pid);
          const name = `${instances} instance${instances > 1 ? 's' : ''}`;
          const note = store === 'SQLite' && instances > 1 ? '; one file, limits per process' : '';
          // Warm up (JIT, database connections), then measure.
          await drive(urls, 'submit', 2);
          if (store === 'SQLite') {
            await drive(urls, 'page', 2);
            rows.push(row(`portal page /, ${name}`, await drive(urls, 'page', SECONDS, pids), ''));
          }
          const target = store === 'PostgreSQL' && instances === 2 ? `; ${TARGET}` : '';
          rows.push(
            row(
              `portal submit, ${store}, ${name}`,
              await drive(
                urls,
                'submit',
                SECONDS,
                pids,
                store === 'PostgreSQL' ? pg.url : undefined,
              ),
              `${note}${target}`,
            ),
          );
        } finally {
          await Promise.all(running.map((s) => s.stop()));
        }
      }
    }
  } finally {
    await pg.teardown();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
