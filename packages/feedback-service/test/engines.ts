import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import postgres from 'postgres';
import { afterAll } from 'vitest';
import { openPostgresStore } from '../src/store/postgres.ts';
import { postgresMigrations } from '../src/store/postgres-migrations.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import { sqliteMigrations } from '../src/store/sqlite-migrations.ts';
import type { FeedbackStore } from '../src/store/types.ts';
import { preparePostgres } from './postgres.ts';

// The real engines the contract suites run against: a SQLite file and a PostgreSQL database.

/** One engine under test. */
export interface Engine {
  name: string;
  skip: boolean;
  /** A fresh, empty store. */
  open(): Promise<FeedbackStore>;
  /** The same database again, as after a restart (nothing dropped). */
  reopen(): Promise<FeedbackStore>;
  /** Applied migration versions, read straight from the database. */
  migrations(): Promise<number[]>;
  /** Runs SQL straight on the database (for setting up old schemas). */
  exec(sql: string): Promise<void>;
  /** The engine's first shipped migration, to build a version-1 database. */
  firstMigration: string;
  /** SQL that drops every table the store creates. */
  dropAll: string;
  cleanup(): Promise<void>;
}

export function sqliteEngine(): Engine {
  let dir = '';
  const file = () => join(dir, 'nested', 'feedback.sqlite');
  return {
    name: 'SQLite',
    skip: false,
    firstMigration: sqliteMigrations[0]?.sql ?? '',
    dropAll:
      'DROP TABLE feedback; DROP TABLE schema_migrations; DROP TABLE staff_sessions; DROP TABLE staff_audit; DROP TABLE sign_in_attempts; DROP TABLE server_secrets; DROP TABLE api_tokens; DROP TABLE staff_secrets;',
    async open() {
      dir = mkdtempSync(join(tmpdir(), 'bz-feedback-'));
      return openSqliteStore({ path: file() });
    },
    async reopen() {
      return openSqliteStore({ path: file() });
    },
    async migrations() {
      const db = new DatabaseSync(file());
      const rows = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
      db.close();
      return rows.map((row) => Number(row.version));
    },
    async exec(sql) {
      const db = new DatabaseSync(file());
      db.exec(sql);
      db.close();
    },
    async cleanup() {
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function postgresEngine(url: string | undefined): Engine {
  const admin = url ? postgres(url, { max: 1, onnotice: () => undefined }) : undefined;
  afterAll(() => admin?.end({ timeout: 5 }));
  return {
    name: 'PostgreSQL',
    skip: url === undefined,
    firstMigration: postgresMigrations[0]?.sql ?? '',
    dropAll:
      'DROP TABLE feedback, schema_migrations, staff_sessions, staff_audit, rate_buckets, sign_in_attempts, server_secrets, api_tokens, staff_secrets',
    async open() {
      // A clean slate: drop what the previous test created, so migrations run from scratch.
      await admin?.unsafe(
        'DROP TABLE IF EXISTS feedback, schema_migrations, staff_sessions, staff_audit, rate_buckets, sign_in_attempts, server_secrets, api_tokens, staff_secrets',
      );
      return openPostgresStore({ url: url ?? '', max: 4 });
    },
    async reopen() {
      return openPostgresStore({ url: url ?? '', max: 4 });
    },
    async migrations() {
      const rows =
        (await admin?.unsafe('SELECT version FROM schema_migrations ORDER BY version')) ?? [];
      return rows.map((row) => Number(row.version));
    },
    async exec(sql) {
      await admin?.unsafe(sql);
    },
    async cleanup() {},
  };
}

/**
 * Both engines for a contract suite: a SQLite file, and a throwaway PostgreSQL database
 * (skipped when none can be prepared outside CI), dropped after the file's tests.
 */
export async function realEngines(): Promise<Engine[]> {
  const pg = await preparePostgres();
  afterAll(() => pg.teardown());
  return [sqliteEngine(), postgresEngine(pg.url)];
}
