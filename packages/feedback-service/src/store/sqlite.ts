import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { type RateLimit, RateLimiter } from '../rate-limit.ts';
import { groupCommit, type Pending } from './group-commit.ts';
import {
  API_TOKEN_COLUMNS,
  type ApiTokenRow,
  type AuditRow,
  apiTokenValues,
  COLUMNS,
  EXPORT_BATCH,
  eraseContactsSql,
  type FeedbackRow,
  filterSql,
  INSERT_COLUMNS,
  insertSql,
  insertValues,
  rowToApiToken,
  rowToAudit,
  rowToRecord,
  rowToSession,
  rowToStaffSecret,
  SESSION_COLUMNS,
  STAFF_SECRET_COLUMNS,
  sessionValues,
  windowRetry,
} from './rows.ts';
import { sqliteMigrations } from './sqlite-migrations.ts';
import {
  CodeCollisionError,
  type FeedbackFilter,
  type FeedbackPage,
  type FeedbackRecord,
  type FeedbackStore,
  type FeedbackUpdate,
  type InsertResult,
  latestVersion,
  type NewFeedback,
} from './types.ts';

// The default store: one SQLite file, created with its schema on first start.
//
// Durability: WAL journal with synchronous=FULL, so COMMIT returns only after the WAL is
// fsynced. synchronous=NORMAL would already survive a killed process (the WAL write has reached
// the kernel before COMMIT returns), but not a power cut or kernel crash; a 201 is a promise to
// a citizen, so we pay for the fsync. To pay it once per batch rather than once per request,
// inserts are group-committed: every insert that arrives while the event loop is busy joins one
// transaction, flushed on the next turn (setImmediate), and each promise resolves only after
// that COMMIT — so no 201 is sent before its row is on disk.

/** SQLite store options. */
export interface SqliteStoreOptions {
  /** File path; ':memory:' for tests that need no file. */
  path: string;
  /** 'FULL' (default, survives power loss) or 'NORMAL' (survives a killed process only). */
  synchronous?: 'FULL' | 'NORMAL';
}

/** SQLite's statement parameter (numbered by position). */
const placeholder = () => '?';

/**
 * Runs `body` in one write transaction. BEGIN IMMEDIATE takes the write lock at once (two
 * processes starting together migrate in turn); synchronous, so nothing else in this process
 * interleaves.
 */
function writeTransaction<T>(db: DatabaseSync, body: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = body();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

function migrate(db: DatabaseSync): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  writeTransaction(db, () => {
    const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as
      | { version: number | null }
      | undefined;
    const current = row?.version ?? 0;
    for (const migration of sqliteMigrations) {
      if (migration.version <= current) continue;
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    }
  });
}

/** Opens (creating if needed) the SQLite store at `options.path`. */
export function openSqliteStore(options: SqliteStoreOptions): FeedbackStore {
  if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
  const db = new DatabaseSync(options.path);
  db.exec(`
    PRAGMA journal_mode = WAL;
    PRAGMA synchronous = ${options.synchronous ?? 'FULL'};
    PRAGMA busy_timeout = 5000;
  `);
  migrate(db);

  // ON CONFLICT DO NOTHING covers both unique columns: a known idempotency key (then we return
  // the existing code) and, astronomically rarely, a code already taken (the caller retries).
  const insert = db.prepare(
    `${insertSql('feedback', INSERT_COLUMNS, placeholder)} ON CONFLICT DO NOTHING RETURNING code`,
  );
  const byKey = db.prepare('SELECT code FROM feedback WHERE idempotency_key = ?');
  const byCode = db.prepare(`SELECT ${COLUMNS} FROM feedback WHERE code = ?`);

  const insertOne = (feedback: NewFeedback): InsertResult => {
    const row = insert.get(...insertValues(feedback, (b) => (b ? 1 : 0))) as
      | { code: string }
      | undefined;
    if (row) return { code: row.code, created: true };
    if (feedback.idempotencyKey !== undefined) {
      const existing = byKey.get(feedback.idempotencyKey) as { code: string } | undefined;
      if (existing) return { code: existing.code, created: false };
    }
    throw new CodeCollisionError(feedback.code);
  };

  /** Runs `items` in one transaction; returns per-item outcomes (an item may fail alone). */
  const commitBatch = (items: Pending[]): (() => void)[] =>
    writeTransaction(db, () =>
      items.map((item) => {
        try {
          const result = insertOne(item.feedback);
          return () => item.resolve(result);
        } catch (error) {
          // Only a code collision is expected here; it inserted nothing, so the batch goes on.
          if (!(error instanceof CodeCollisionError)) throw error;
          return () => item.reject(error);
        }
      }),
    );

  const inserts = groupCommit((batch) => {
    try {
      for (const settle of commitBatch(batch)) settle();
    } catch {
      // One bad item must not fail its neighbours: retry each alone and report its own error.
      for (const item of batch) {
        try {
          for (const settle of commitBatch([item])) settle();
        } catch (error) {
          item.reject(error);
        }
      }
    }
  });

  const iterate = async function* (filter: FeedbackFilter): AsyncIterable<FeedbackRecord> {
    const { where, params } = filterSql(filter, placeholder);
    const base = `SELECT ${COLUMNS}, id FROM feedback ${where}`;
    const first = db.prepare(`${base} ORDER BY received_at DESC, id DESC LIMIT ${EXPORT_BATCH}`);
    const next = db.prepare(
      `${base} ${where ? 'AND' : 'WHERE'} (received_at, id) < (?, ?)
       ORDER BY received_at DESC, id DESC LIMIT ${EXPORT_BATCH}`,
    );
    let rows = first.all(...params) as unknown as (FeedbackRow & { id: number })[];
    while (rows.length > 0) {
      for (const row of rows) yield rowToRecord(row);
      const last = rows[rows.length - 1];
      if (!last || rows.length < EXPORT_BATCH) return;
      // Yield to the event loop between batches so an export never stalls submissions.
      await new Promise((resolve) => setImmediate(resolve));
      rows = next.all(...params, last.received_at as string, last.id) as unknown as typeof rows;
    }
  };

  /** The first row of `statement`, mapped by `toRecord`; undefined when there is none. */
  const first = <R, T>(
    toRecord: (row: R) => T,
    statement: StatementSync | string,
    ...params: SQLInputValue[]
  ): T | undefined => {
    const prepared = typeof statement === 'string' ? db.prepare(statement) : statement;
    const row = prepared.get(...params) as R | undefined;
    return row ? toRecord(row) : undefined;
  };

  // Token buckets per limit, in memory: SQLite serves one instance (see rate-limit.ts).
  const buckets = new Map<string, RateLimiter>();
  const bucketsFor = (limit: RateLimit): RateLimiter => {
    const id = `${limit.capacity}/${limit.refillPerSecond}`;
    let limiter = buckets.get(id);
    if (!limiter) {
      limiter = new RateLimiter(limit);
      buckets.set(id, limiter);
    }
    return limiter;
  };

  return {
    insert(feedback) {
      return inserts.insert(feedback);
    },

    async getByCode(code) {
      return first(rowToRecord, byCode, code);
    },

    async list(filter, page): Promise<FeedbackPage> {
      const { where, params } = filterSql(filter, placeholder);
      const total = (
        db.prepare(`SELECT COUNT(*) AS n FROM feedback ${where}`).get(...params) as { n: number }
      ).n;
      const rows = db
        .prepare(
          `SELECT ${COLUMNS} FROM feedback ${where}
           ORDER BY received_at DESC, id DESC LIMIT ? OFFSET ?`,
        )
        .all(...params, page.limit, page.offset) as unknown as FeedbackRow[];
      return { items: rows.map(rowToRecord), total };
    },

    async update(code, update: FeedbackUpdate, now) {
      const sets = ['updated_at = ?'];
      const params: SQLInputValue[] = [now];
      if (update.status !== undefined) {
        sets.push('status = ?');
        params.push(update.status);
      }
      if (update.publicReply !== undefined) {
        sets.push('public_reply = ?', 'replied_at = ?');
        params.push(update.publicReply, update.publicReply === null ? null : now);
      }
      return first(
        rowToRecord,
        `UPDATE feedback SET ${sets.join(', ')} WHERE code = ? RETURNING ${COLUMNS}`,
        ...params,
        code,
      );
    },

    exportRecords: iterate,

    async approvedComments(article) {
      const rows = db
        .prepare(
          `SELECT ${COLUMNS} FROM feedback
           WHERE article = ? AND status = 'approved' ORDER BY received_at, id`,
        )
        .all(article) as unknown as FeedbackRow[];
      return rows.map(rowToRecord);
    },

    async commentCounts(articles) {
      const counts = new Map<string, number>();
      if (articles.length === 0) return counts;
      const rows = db
        .prepare(
          `SELECT article, COUNT(*) AS n FROM feedback
           WHERE status = 'approved' AND article IN (${articles.map(() => '?').join(', ')})
           GROUP BY article`,
        )
        .all(...articles) as { article: string; n: number }[];
      for (const row of rows) counts.set(row.article, Number(row.n));
      return counts;
    },

    async createSession(session) {
      db.prepare(insertSql('staff_sessions', SESSION_COLUMNS, placeholder)).run(
        ...sessionValues(session),
      );
    },

    async getSession(tokenHash) {
      return first(
        rowToSession,
        `SELECT ${SESSION_COLUMNS} FROM staff_sessions WHERE token_hash = ?`,
        tokenHash,
      );
    },

    async touchSession(tokenHash, lastSeenAt) {
      db.prepare('UPDATE staff_sessions SET last_seen_at = ? WHERE token_hash = ?').run(
        lastSeenAt,
        tokenHash,
      );
    },

    async deleteSession(tokenHash) {
      db.prepare('DELETE FROM staff_sessions WHERE token_hash = ?').run(tokenHash);
    },

    async purgeSessions(idleBefore, createdBefore) {
      db.prepare('DELETE FROM staff_sessions WHERE last_seen_at < ? OR created_at < ?').run(
        idleBefore,
        createdBefore,
      );
    },

    async endSessionsOf(actor) {
      const result = db.prepare('DELETE FROM staff_sessions WHERE actor = ?').run(actor);
      return Number(result.changes);
    },

    async trimSessions(actor, keep) {
      db.prepare(
        `DELETE FROM staff_sessions WHERE actor = ? AND token_hash NOT IN (
           SELECT token_hash FROM staff_sessions WHERE actor = ?
           ORDER BY created_at DESC, rowid DESC LIMIT ?)`,
      ).run(actor, actor, keep);
    },

    async createApiToken(token) {
      db.prepare(insertSql('api_tokens', API_TOKEN_COLUMNS, placeholder)).run(
        ...apiTokenValues(token),
      );
    },

    async getApiToken(tokenHash) {
      return first(
        rowToApiToken,
        `SELECT ${API_TOKEN_COLUMNS} FROM api_tokens WHERE token_hash = ?`,
        tokenHash,
      );
    },

    async listApiTokens(actor) {
      const rows = db
        .prepare(
          `SELECT ${API_TOKEN_COLUMNS} FROM api_tokens WHERE actor = ? ORDER BY created_at DESC, id`,
        )
        .all(actor) as unknown as ApiTokenRow[];
      return rows.map(rowToApiToken);
    },

    async revokeApiToken(actor, id, at) {
      const result = db
        .prepare(
          'UPDATE api_tokens SET revoked_at = ? WHERE actor = ? AND id = ? AND revoked_at IS NULL',
        )
        .run(at, actor, id);
      return Number(result.changes) > 0;
    },

    async takeToken(key, limit, nowMs) {
      return bucketsFor(limit).take(key, nowMs);
    },

    async reserveAttempt(key, max, windowMs, nowMs) {
      return writeTransaction(db, () => {
        db.prepare('DELETE FROM sign_in_attempts WHERE key = ? AND at_ms <= ?').run(
          key,
          nowMs - windowMs,
        );
        const row = db
          .prepare('SELECT COUNT(*) AS n, MIN(at_ms) AS oldest FROM sign_in_attempts WHERE key = ?')
          .get(key) as { n: number; oldest: number | null };
        if (Number(row.n) >= max) {
          return {
            allowed: false as const,
            retryAfterSeconds: windowRetry(Number(row.oldest ?? nowMs), windowMs, nowMs),
          };
        }
        const id = randomBytes(9).toString('base64url');
        db.prepare(
          'INSERT INTO sign_in_attempts (key, id, at_ms, expires_ms) VALUES (?, ?, ?, ?)',
        ).run(key, id, nowMs, nowMs + windowMs);
        return { allowed: true as const, id };
      });
    },

    async releaseAttempt(key, id) {
      db.prepare('DELETE FROM sign_in_attempts WHERE key = ? AND id = ?').run(key, id);
    },

    async pruneLimits(nowMs) {
      db.prepare('DELETE FROM sign_in_attempts WHERE expires_ms < ?').run(nowMs);
    },

    async secret(name) {
      db.prepare(
        'INSERT INTO server_secrets (name, value) VALUES (?, ?) ON CONFLICT DO NOTHING',
      ).run(name, randomBytes(32).toString('base64url'));
      const row = db.prepare('SELECT value FROM server_secrets WHERE name = ?').get(name) as {
        value: string;
      };
      return row.value;
    },

    async addAudit(entry) {
      db.prepare(
        'INSERT INTO staff_audit (at, actor, action, target, client) VALUES (?, ?, ?, ?, ?)',
      ).run(entry.at, entry.actor, entry.action, entry.target ?? null, entry.client);
    },

    async listAudit(page, target) {
      const where = target === undefined ? '' : 'WHERE target = ?';
      const params: SQLInputValue[] = target === undefined ? [] : [target];
      const total = (
        db.prepare(`SELECT COUNT(*) AS n FROM staff_audit ${where}`).get(...params) as {
          n: number;
        }
      ).n;
      const rows = db
        .prepare(
          `SELECT at, actor, action, target, client FROM staff_audit ${where}
           ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`,
        )
        .all(...params, page.limit, page.offset) as unknown as AuditRow[];
      return { items: rows.map(rowToAudit), total: Number(total) };
    },

    async ready() {
      if (inserts.closed) return false;
      try {
        const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as
          | { version: number | null }
          | undefined;
        return (row?.version ?? 0) >= latestVersion(sqliteMigrations);
      } catch {
        return false;
      }
    },

    async eraseContacts(which, at) {
      const { sql, params } = eraseContactsSql(which, at, placeholder);
      return Number(db.prepare(sql).run(...params).changes);
    },

    async getStaffSecret(actor) {
      return first(
        rowToStaffSecret,
        `SELECT ${STAFF_SECRET_COLUMNS} FROM staff_secrets WHERE actor = ?`,
        actor,
      );
    },

    async setStaffSecret(secret) {
      db.prepare(
        `${insertSql('staff_secrets', STAFF_SECRET_COLUMNS, placeholder)}
         ON CONFLICT (actor) DO UPDATE SET secret_hash = excluded.secret_hash,
           replaces = excluded.replaces, changed_at = excluded.changed_at`,
      ).run(secret.actor, secret.secretHash, secret.replaces, secret.changedAt);
    },

    async close() {
      if (inserts.closed) return;
      inserts.close();
      db.close();
    },
  };
}
