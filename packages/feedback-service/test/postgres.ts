import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';

// A real PostgreSQL for the store tests, found or made in this order:
// 1. BZ_TEST_DATABASE_URL, used as given (the tests create and drop their own table in it);
// 2. a Debian cluster (pg_lsclusters): started with pg_ctlcluster if it is down (and stopped
//    again afterwards — only if we started it), with a throwaway role and database dropped after;
// 3. none: under CI that is a failure; elsewhere a loud message and the PostgreSQL tests skip.

/** What the tests got. */
export interface TestPostgres {
  /** Connection URL, or undefined when PostgreSQL is not available. */
  url: string | undefined;
  /** Undo everything set up here. */
  teardown(): Promise<void>;
}

const NOT_RUN =
  'PostgreSQL suite NOT run: install postgresql (Debian: apt-get install postgresql) or set BZ_TEST_DATABASE_URL';

// Administration tools live in sbin, which a non-login shell's PATH (CI, cron) may not list.
const adminPath = [process.env.PATH, '/usr/sbin', '/sbin', '/usr/bin', '/bin']
  .filter(Boolean)
  .join(':');

function run(command: string, args: string[]): string {
  return execFileSync(command, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PATH: adminPath },
  });
}

/** psql as the cluster's superuser: through runuser when we are root, directly when we are postgres. */
function psql(port: string, sql: string): void {
  const args = ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-p', port, '-d', 'postgres', '-c', sql];
  if (userInfo().username === 'postgres') run('psql', args);
  else run('runuser', ['-u', 'postgres', '--', 'psql', ...args]);
}

interface Cluster {
  version: string;
  name: string;
  port: string;
  online: boolean;
}

function debianCluster(): Cluster | undefined {
  let out: string;
  try {
    out = run('pg_lsclusters', ['--no-header']);
  } catch {
    return undefined;
  }
  const [version, name, port, status] = out.trim().split('\n')[0]?.trim().split(/\s+/) ?? [];
  if (!version || !name || !port || !status) return undefined;
  return { version, name, port, online: status.startsWith('online') };
}

function unavailable(detail: string): TestPostgres {
  const message = `${NOT_RUN}${detail ? ` (${detail})` : ''}`;
  if (process.env.CI) throw new Error(`CI requires the PostgreSQL suite. ${message}`);
  const bar = '!'.repeat(Math.min(message.length, 100));
  console.warn(`\n${bar}\n${message}\n${bar}\n`);
  return { url: undefined, teardown: async () => undefined };
}

/** Finds, starts or explains PostgreSQL for the tests. */
export async function preparePostgres(): Promise<TestPostgres> {
  const given = process.env.BZ_TEST_DATABASE_URL;
  if (given) return { url: given, teardown: async () => undefined };

  const cluster = debianCluster();
  if (!cluster) return unavailable('no Debian cluster found by pg_lsclusters');

  let started = false;
  try {
    if (!cluster.online) {
      run('pg_ctlcluster', [cluster.version, cluster.name, 'start']);
      started = true;
    }
    const id = `bz_test_${randomBytes(6).toString('hex')}`;
    const password = randomBytes(18).toString('hex');
    psql(cluster.port, `CREATE ROLE ${id} LOGIN PASSWORD '${password}'`);
    psql(cluster.port, `CREATE DATABASE ${id} OWNER ${id}`);
    return {
      url: `postgres://${id}:${password}@127.0.0.1:${cluster.port}/${id}`,
      async teardown() {
        try {
          psql(cluster.port, `DROP DATABASE IF EXISTS ${id} WITH (FORCE)`);
          psql(cluster.port, `DROP ROLE IF EXISTS ${id}`);
        } finally {
          if (started) run('pg_ctlcluster', [cluster.version, cluster.name, 'stop']);
        }
      },
    };
  } catch (error) {
    if (started) run('pg_ctlcluster', [cluster.version, cluster.name, 'stop']);
    const stderr = (error as { stderr?: string }).stderr?.trim();
    return unavailable(
      `could not use cluster ${cluster.version}/${cluster.name}: ${stderr || (error as Error).message}`,
    );
  }
}
