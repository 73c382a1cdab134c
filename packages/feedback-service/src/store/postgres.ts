import type { Sql } from 'postgres';
import { postgresMigrations } from './postgres-migrations.ts';
import { COLUMNS, EXPORT_BATCH, type FeedbackRow, filterSql, rowToRecord } from './rows.ts';
import {
  CodeCollisionError,
  type FeedbackRecord,
  type FeedbackStore,
  type InsertResult,
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
      const inserted = await query<{ code: string }>(
        `INSERT INTO feedback (code, idempotency_key, category, message, name, contact, anonymous,
           service_base_id, page_url, lang, received_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)
         ON CONFLICT DO NOTHING RETURNING code`,
        [
          feedback.code,
          feedback.idempotencyKey ?? null,
          feedback.category,
          feedback.message,
          feedback.name ?? null,
          feedback.contact ?? null,
          feedback.anonymous,
          feedback.serviceBaseId ?? null,
          feedback.pageUrl ?? null,
          feedback.lang,
          feedback.receivedAt,
        ],
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

    async close() {
      await sql.end({ timeout: 5 });
    },
  };
}
