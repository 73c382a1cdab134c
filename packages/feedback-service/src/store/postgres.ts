import type { Sql } from 'postgres';
import { postgresMigrations } from './postgres-migrations.ts';
import {
  type AuditRow,
  COLUMNS,
  EXPORT_BATCH,
  type FeedbackRow,
  filterSql,
  INSERT_COLUMNS,
  insertValues,
  rowToAudit,
  rowToRecord,
  rowToSession,
  type SessionRow,
} from './rows.ts';
import {
  CodeCollisionError,
  type FeedbackRecord,
  type FeedbackStore,
  type InsertResult,
  latestVersion,
} from './types.ts';

// PostgreSQL store (postgres.js), for deployments with several service instances sharing one
// database. Durability is PostgreSQL's own: with the default synchronous_commit = on, COMMIT
// returns after the WAL is flushed, and the server group-commits concurrent transactions itself.

/** An arbitrary constant naming the advisory lock that serialises migrations across instances. */
const MIGRATION_LOCK = 0x62_7a_66_62; // "bzfb"

type Param = string | number | boolean | null;

async function migrate(sql: Sql): Promise<void> {
  await sql.begin(async (tx) => {
    // Several instances may start at once: the first migrates, the others wait, then find nothing to do.
    await tx.unsafe('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.unsafe(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)`);
    const [row] = await tx.unsafe<{ version: number | null }[]>(
      'SELECT MAX(version) AS version FROM schema_migrations',
    );
    const current = row?.version ?? 0;
    for (const migration of postgresMigrations) {
      if (migration.version <= current) continue;
      await tx.unsafe(migration.sql);
      await tx.unsafe(
        'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())',
        [migration.version, migration.name],
      );
    }
  });
}

/** PostgreSQL store options. */
export interface PostgresStoreOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  /** Connections in the pool (default 10). */
  max?: number;
}

/** Connects, migrates and returns the PostgreSQL store. postgres.js is loaded only here. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<FeedbackStore> {
  const { default: postgres } = await import('postgres');
  const sql = postgres(options.url, {
    max: options.max ?? 10,
    onnotice: () => undefined,
    // Timestamps come back as Date; rows.ts turns them into ISO strings.
  });
  try {
    await migrate(sql);
  } catch (error) {
    await sql.end({ timeout: 1 });
    throw error;
  }
  const query = <T>(text: string, params: Param[] = []) =>
    sql.unsafe(text, params) as unknown as Promise<T[]>;

  return {
    async insert(feedback): Promise<InsertResult> {
      const values = insertValues(feedback, (b) => b);
      const inserted = await query<{ code: string }>(
        `INSERT INTO feedback (${INSERT_COLUMNS})
         VALUES (${values.map((_, i) => `$${i + 1}`).join(', ')})
         ON CONFLICT DO NOTHING RETURNING code`,
        values,
      );
      const row = inserted[0];
      if (row) return { code: row.code, created: true };
      if (feedback.idempotencyKey !== undefined) {
        // The conflicting transaction has committed (ON CONFLICT waited for it), so this sees it.
        const [existing] = await query<{ code: string }>(
          'SELECT code FROM feedback WHERE idempotency_key = $1',
          [feedback.idempotencyKey],
        );
        if (existing) return { code: existing.code, created: false };
      }
      throw new CodeCollisionError(feedback.code);
    },

    async getByCode(code) {
      const [row] = await query<FeedbackRow>(`SELECT ${COLUMNS} FROM feedback WHERE code = $1`, [
        code,
      ]);
      return row ? rowToRecord(row) : undefined;
    },

    async list(filter, page) {
      const { where, params } = filterSql(filter, (n) => `$${n}`);
      const [count] = await query<{ n: number }>(
        `SELECT COUNT(*)::int AS n FROM feedback ${where}`,
        params,
      );
      const n = params.length;
      const rows = await query<FeedbackRow>(
        `SELECT ${COLUMNS} FROM feedback ${where}
         ORDER BY received_at DESC, id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...params, page.limit, page.offset],
      );
      return { items: rows.map(rowToRecord), total: count?.n ?? 0 };
    },

    async update(code, update, now) {
      const sets = ['updated_at = $1'];
      const params: Param[] = [now];
      if (update.status !== undefined) {
        params.push(update.status);
        sets.push(`status = $${params.length}`);
      }
      if (update.publicReply !== undefined) {
        params.push(update.publicReply);
        sets.push(`public_reply = $${params.length}`);
        params.push(update.publicReply === null ? null : now);
        sets.push(`replied_at = $${params.length}`);
      }
      params.push(code);
      const [row] = await query<FeedbackRow>(
        `UPDATE feedback SET ${sets.join(', ')} WHERE code = $${params.length} RETURNING ${COLUMNS}`,
        params,
      );
      return row ? rowToRecord(row) : undefined;
    },

    async *exportRecords(filter): AsyncIterable<FeedbackRecord> {
      const { where, params } = filterSql(filter, (n) => `$${n}`);
      const n = params.length;
      const base = `SELECT ${COLUMNS}, id::text AS id FROM feedback ${where}`;
      const order = `ORDER BY received_at DESC, id DESC LIMIT ${EXPORT_BATCH}`;
      let rows = await query<FeedbackRow & { id: string }>(`${base} ${order}`, params);
      while (rows.length > 0) {
        for (const row of rows) yield rowToRecord(row);
        const last = rows[rows.length - 1];
        if (!last || rows.length < EXPORT_BATCH) return;
        rows = await query<FeedbackRow & { id: string }>(
          `${base} ${where ? 'AND' : 'WHERE'} (received_at, id) < ($${n + 1}::timestamptz, $${n + 2}::bigint) ${order}`,
          [...params, new Date(last.received_at).toISOString(), last.id],
        );
      }
    },

    async approvedComments(article) {
      const rows = await query<FeedbackRow>(
        `SELECT ${COLUMNS} FROM feedback
         WHERE article = $1 AND status = 'approved' ORDER BY received_at, id`,
        [article],
      );
      return rows.map(rowToRecord);
    },

    async commentCounts(articles) {
      const counts = new Map<string, number>();
      if (articles.length === 0) return counts;
      const rows = await query<{ article: string; n: number }>(
        `SELECT article, COUNT(*)::int AS n FROM feedback
         WHERE status = 'approved' AND article IN (${articles.map((_, i) => `$${i + 1}`).join(', ')})
         GROUP BY article`,
        [...articles],
      );
      for (const row of rows) counts.set(row.article, Number(row.n));
      return counts;
    },

    async createSession(session) {
      await query(
        'INSERT INTO staff_sessions (token_hash, actor, created_at, last_seen_at) VALUES ($1, $2, $3, $4)',
        [session.tokenHash, session.actor, session.createdAt, session.lastSeenAt],
      );
    },

    async getSession(tokenHash) {
      const [row] = await query<SessionRow>(
        'SELECT token_hash, actor, created_at, last_seen_at FROM staff_sessions WHERE token_hash = $1',
        [tokenHash],
      );
      return row ? rowToSession(row) : undefined;
    },

    async touchSession(tokenHash, lastSeenAt) {
      await query('UPDATE staff_sessions SET last_seen_at = $1 WHERE token_hash = $2', [
        lastSeenAt,
        tokenHash,
      ]);
    },

    async deleteSession(tokenHash) {
      await query('DELETE FROM staff_sessions WHERE token_hash = $1', [tokenHash]);
    },

    async purgeSessions(idleBefore, createdBefore) {
      await query('DELETE FROM staff_sessions WHERE last_seen_at < $1 OR created_at < $2', [
        idleBefore,
        createdBefore,
      ]);
    },

    async addAudit(entry) {
      await query(
        'INSERT INTO staff_audit (at, actor, action, target, client) VALUES ($1, $2, $3, $4, $5)',
        [entry.at, entry.actor, entry.action, entry.target ?? null, entry.client],
      );
    },

    async listAudit(page, target) {
      const where = target === undefined ? '' : 'WHERE target = $1';
      const params: Param[] = target === undefined ? [] : [target];
      const n = params.length;
      const [count] = await query<{ n: number }>(
        `SELECT COUNT(*)::int AS n FROM staff_audit ${where}`,
        params,
      );
      const rows = await query<AuditRow>(
        `SELECT at, actor, action, target, client FROM staff_audit ${where}
         ORDER BY at DESC, id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...params, page.limit, page.offset],
      );
      return { items: rows.map(rowToAudit), total: count?.n ?? 0 };
    },

    async countAudit(action, client, since) {
      const [row] = await query<{ n: number; oldest: Date | null }>(
        `SELECT COUNT(*)::int AS n, MIN(at) AS oldest FROM staff_audit
         WHERE action = $1 AND client = $2 AND at > $3`,
        [action, client, since],
      );
      return {
        count: row?.n ?? 0,
        oldest: row?.oldest ? new Date(row.oldest).toISOString() : undefined,
      };
    },

    async ready() {
      try {
        const [row] = await query<{ version: number | null }>(
          'SELECT MAX(version) AS version FROM schema_migrations',
        );
        return (row?.version ?? 0) >= latestVersion(postgresMigrations);
      } catch {
        return false;
      }
    },

    async close() {
      await sql.end({ timeout: 5 });
    },
  };
}
