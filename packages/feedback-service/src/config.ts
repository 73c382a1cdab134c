import { resolve } from 'node:path';
import {
  createFeedbackHandler,
  DEFAULT_LOOKUP_LIMIT,
  DEFAULT_MIN_FILL_MS,
  DEFAULT_SUBMIT_LIMIT,
  type FeedbackHandler,
  type FeedbackHandlerOptions,
} from './handler.ts';
import { parseTrustedProxies, type TrustProxy } from './http/proxy.ts';
import { parseRateLimit, type RateLimit } from './rate-limit.ts';
import { DEFAULT_RETENTION_MONTHS, scheduleRetention } from './retention.ts';
import { parseSecretHash, SecretHashError } from './secret-hash.ts';
import { DEFAULT_SESSION_IDLE_MINUTES, DEFAULT_SESSION_MAX_MINUTES } from './sessions.ts';
import {
  checkUnique,
  HASH_COMMAND,
  HASH_COMMAND_LINE,
  parseStaffAccounts,
  readStaffFile,
  type StaffAccount,
} from './staff-accounts.ts';
import { openPostgresStore } from './store/postgres.ts';
import { openSqliteStore } from './store/sqlite.ts';
import type { FeedbackStore } from './store/types.ts';

// Configuration from environment variables, shared by the standalone server and the portal so
// both read the same names (documented in docs/feedback-service.md).

/** The service's settings. */
export interface ServiceConfig {
  port: number;
  host: string;
  /** SQLite file (used when no databaseUrl is set). */
  sqlitePath: string;
  sqliteSynchronous: 'FULL' | 'NORMAL';
  /** postgres://… — when set, PostgreSQL is used instead of SQLite. */
  databaseUrl: string | undefined;
  /** PostgreSQL connections per instance (DATABASE_POOL_SIZE, default 10). */
  databasePoolSize: number;
  /** PHC scrypt hash of the shared staff token (FEEDBACK_STAFF_TOKEN). */
  staffToken: string | undefined;
  /** Named staff accounts (FEEDBACK_STAFF and FEEDBACK_STAFF_FILE). */
  staffAccounts: StaffAccount[];
  /** Minutes of inactivity that end a staff session (FEEDBACK_STAFF_SESSION_MINUTES). */
  sessionIdleMinutes: number;
  allowedOrigins: string[];
  /** Peers whose X-Forwarded-For / X-Forwarded-Proto count (TRUSTED_PROXIES). */
  trustProxy: TrustProxy;
  submitLimit: RateLimit | false;
  lookupLimit: RateLimit | false;
  minFillMs: number;
  /** Months closed feedback keeps its contact details (FEEDBACK_RETENTION_MONTHS); 0: no schedule. */
  retentionMonths: number;
}

/** A configuration mistake, reported to the person starting the service. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function trustProxy(env: Readonly<Record<string, string | undefined>>): TrustProxy {
  // The old switch trusted a header from any peer; it is refused rather than guessed at.
  if (env.FEEDBACK_TRUST_PROXY?.trim()) {
    throw new ConfigError(
      'FEEDBACK_TRUST_PROXY is no longer read: set TRUSTED_PROXIES to the address of your reverse proxy instead (e.g. TRUSTED_PROXIES=loopback when it runs on this machine, or 10.0.0.5, or 10.0.0.0/24), and remove FEEDBACK_TRUST_PROXY',
    );
  }
  try {
    return parseTrustedProxies(env.TRUSTED_PROXIES);
  } catch (error) {
    throw new ConfigError(`TRUSTED_PROXIES: ${(error as Error).message}`);
  }
}

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  if (!/^\d+$/.test(value.trim()))
    throw new ConfigError(`${name}='${value}' is not a whole number`);
  return Number(value);
}

function limit(name: string, value: string | undefined, fallback: RateLimit): RateLimit | false {
  try {
    return parseRateLimit(value, fallback) ?? false;
  } catch (error) {
    throw new ConfigError(`${name}: ${(error as Error).message}`);
  }
}

/** Reads the configuration; relative paths are resolved against `cwd`. Throws ConfigError. */
export function configFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
  cwd: string = process.cwd(),
): ServiceConfig {
  const staffToken = env.FEEDBACK_STAFF_TOKEN?.trim() || undefined;
  if (staffToken !== undefined) {
    try {
      parseSecretHash(staffToken);
    } catch (error) {
      if (!(error instanceof SecretHashError)) throw error;
      throw new ConfigError(
        `FEEDBACK_STAFF_TOKEN: ${error.reason === 'not-a-hash' ? 'the token is in plain text, and only its hash is accepted' : error.message}; make a token with \`openssl rand -base64 32\`, give it to the scripts, and configure the line \`${HASH_COMMAND}\` (${HASH_COMMAND_LINE}) prints for it (see docs/feedback-service.md)`,
      );
    }
  }
  let staffAccounts: StaffAccount[];
  try {
    staffAccounts = parseStaffAccounts(env.FEEDBACK_STAFF);
  } catch (error) {
    throw new ConfigError(`FEEDBACK_STAFF: ${(error as Error).message}`);
  }
  const staffFile = env.FEEDBACK_STAFF_FILE?.trim();
  if (staffFile) {
    try {
      staffAccounts = checkUnique([...staffAccounts, ...readStaffFile(resolve(cwd, staffFile))]);
    } catch (error) {
      throw new ConfigError(`FEEDBACK_STAFF_FILE: ${(error as Error).message}`);
    }
  }
  const sessionIdleMinutes = integer(
    'FEEDBACK_STAFF_SESSION_MINUTES',
    env.FEEDBACK_STAFF_SESSION_MINUTES,
    DEFAULT_SESSION_IDLE_MINUTES,
  );
  if (sessionIdleMinutes < 1 || sessionIdleMinutes > DEFAULT_SESSION_MAX_MINUTES) {
    throw new ConfigError(
      `FEEDBACK_STAFF_SESSION_MINUTES must be from 1 to ${DEFAULT_SESSION_MAX_MINUTES} (sessions end after 8 hours anyway)`,
    );
  }
  const synchronous = (env.FEEDBACK_SQLITE_SYNCHRONOUS ?? 'FULL').toUpperCase();
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL') {
    throw new ConfigError(
      `FEEDBACK_SQLITE_SYNCHRONOUS must be FULL or NORMAL, not '${synchronous}'`,
    );
  }
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl !== undefined && !/^postgres(?:ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(
      'DATABASE_URL must start with postgres:// (or leave it unset for SQLite)',
    );
  }
  const retentionMonths = integer(
    'FEEDBACK_RETENTION_MONTHS',
    env.FEEDBACK_RETENTION_MONTHS,
    DEFAULT_RETENTION_MONTHS,
  );
  if (retentionMonths > 120) {
    throw new ConfigError(
      'FEEDBACK_RETENTION_MONTHS must be from 1 to 120 months (or 0 to run erase-contacts from cron instead)',
    );
  }
  const databasePoolSize = integer('DATABASE_POOL_SIZE', env.DATABASE_POOL_SIZE, 10);
  if (databasePoolSize < 1 || databasePoolSize > 200) {
    throw new ConfigError('DATABASE_POOL_SIZE must be from 1 to 200 connections per instance');
  }
  return {
    port: integer('PORT', env.PORT, 8787),
    host: env.HOST?.trim() || '127.0.0.1',
    sqlitePath: resolve(cwd, env.FEEDBACK_DB?.trim() || './data/feedback.sqlite'),
    sqliteSynchronous: synchronous,
    databaseUrl,
    databasePoolSize,
    staffToken,
    staffAccounts,
    sessionIdleMinutes,
    allowedOrigins: (env.FEEDBACK_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== ''),
    trustProxy: trustProxy(env),
    submitLimit: limit('FEEDBACK_SUBMIT_LIMIT', env.FEEDBACK_SUBMIT_LIMIT, DEFAULT_SUBMIT_LIMIT),
    lookupLimit: limit('FEEDBACK_LOOKUP_LIMIT', env.FEEDBACK_LOOKUP_LIMIT, DEFAULT_LOOKUP_LIMIT),
    minFillMs: integer('FEEDBACK_MIN_FILL_MS', env.FEEDBACK_MIN_FILL_MS, DEFAULT_MIN_FILL_MS),
    retentionMonths,
  };
}

/** Opens the configured store: PostgreSQL when DATABASE_URL is set, else the SQLite file. */
export async function openStore(config: ServiceConfig): Promise<FeedbackStore> {
  if (config.databaseUrl) {
    return openPostgresStore({ url: config.databaseUrl, max: config.databasePoolSize });
  }
  return openSqliteStore({ path: config.sqlitePath, synchronous: config.sqliteSynchronous });
}

/** Where the data is, for start-up logs (never prints a password). */
export function describeStore(config: ServiceConfig): string {
  if (!config.databaseUrl) return `SQLite ${config.sqlitePath}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL ${url.hostname}:${url.port || '5432'}${url.pathname}`;
}

/** The handler and its store, configured from the environment. */
export async function createFeedbackServiceFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
  cwd: string = process.cwd(),
  extra: Pick<FeedbackHandlerOptions, 'articleExists' | 'provinceOf'> = {},
): Promise<{
  handler: FeedbackHandler;
  store: FeedbackStore;
  config: ServiceConfig;
  /** The daily retention run (absent when FEEDBACK_RETENTION_MONTHS is 0). */
  retention: { stop(): void; ran: Promise<void> } | undefined;
}> {
  const config = configFromEnv(env, cwd);
  const store = await openStore(config);
  const handler = createFeedbackHandler({
    ...extra,
    store,
    staffToken: config.staffToken,
    staffAccounts: config.staffAccounts,
    sessionIdleMinutes: config.sessionIdleMinutes,
    allowedOrigins: config.allowedOrigins,
    submitLimit: config.submitLimit,
    lookupLimit: config.lookupLimit,
    minFillMs: config.minFillMs,
  });
  // Retention runs in every instance, once now and then daily: the erasure is idempotent.
  const retention =
    config.retentionMonths > 0
      ? scheduleRetention(store, {
          months: config.retentionMonths,
          onRun: ({ erased, closedBefore }) =>
            console.log(JSON.stringify({ event: 'retention', erased, closedBefore })),
          onError: (error) => console.error('feedback-service: the retention run failed:', error),
        })
      : undefined;
  return { handler, store, config, retention };
}
