import { randomBytes } from 'node:crypto';
import type { ParameterOrJSON, Sql } from 'postgres';
import { groupCommit, type Pending } from './group-commit.ts';
import { postgresMigrations } from './postgres-migrations.ts';
import { groupedTakes } from './postgres-takes.ts';
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
import {
  CodeCollisionError,
  type FeedbackRecord,
  type FeedbackStore,
  latestVersion,
} from './types.ts';

// PostgreSQL store (postgres.js), for deployments with several service instances sharing one
// database. Durability is PostgreSQL's own: with the default synchronous_commit = on, COMMIT
// returns after the WAL is flushed, and the server group-commits concurrent transactions itself.

/** An arbitrary constant naming the advisory lock that serialises migrations across instances. */
const MIGRATION_LOCK = 0x62_7a_66_62; // "bzfb"

type Param = ParameterOrJSON<never>;

/** PostgreSQL's n-th statement parameter. */
const placeholder = (n: number) => `$${n}`;

const insertColumns = INSERT_COLUMNS.split(',').map((column) => column.trim());

// Group commit, as the SQLite store does it: submissions that arrive in one turn of the event
// loop are inserted by one statement (one array per column, unnested), so a burst costs one
// round trip and one WAL flush rather than one each. The rows travel as one JSON array that
// PostgreSQL reads with the table's own column types, so the statement text is the same for
// any batch size and is prepared once per connection.
const INSERT_BATCH = `
  INSERT INTO feedback (${INSERT_COLUMNS})
  SELECT ${INSERT_COLUMNS} FROM json_populate_recordset(NULL::feedback, $1::json)
  ON CONFLICT DO NOTHING RETURNING code`;
/** The most submissions one statement carries. */
const MAX_BATCH = 200;

// Token-bucket takes: grouped upserts, postgres-takes.ts.

// One sign-in attempt reservation as one upsert, under the same row lock. The hits still in
// the window are kept; the new one ($2, '<ms>:<id>') is added only when fewer than $3 remain.
// $4 is the window's start (ms, exclusive), $5 when the new hit leaves it.
const LIVE_HITS = "FROM unnest(a.hits) AS h WHERE split_part(h, ':', 1)::bigint > $4::bigint";
const RESERVE_ATTEMPT = `
  INSERT INTO sign_in_attempts AS a (key, hits, expires_ms)
  SELECT $1, ARRAY[$2::text], $5::bigint WHERE $3::int > 0
  ON CONFLICT (key) DO UPDATE SET
    hits = ARRAY(SELECT h ${LIVE_HITS}) || CASE WHEN (SELECT count(*) ${LIVE_HITS}) < $3::int
      THEN ARRAY[$2::text] ELSE ARRAY[]::text[] END,
    expires_ms = GREATEST(a.expires_ms, $5::bigint)
  RETURNING hits`;

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
  // Fixed statements are prepared (parsed and planned once per connection, then only bound and
  // run): the submit path is two of them. Statements whose text varies with a filter or a list
  // length go unprepared, so the server does not keep one plan per combination.
  const query = <T>(text: string, params: Param[] = []) =>
    sql.unsafe(text, params, { prepare: true }) as unknown as Promise<T[]>;
  const dynamic = <T>(text: string, params: Param[] = []) =>
    sql.unsafe(text, params) as unknown as Promise<T[]>;
  /** The first row of a fixed statement, mapped by `toRecord`; undefined when there is none. */
  const first = async <R, T>(toRecord: (row: R) => T, text: string, params: Param[]) => {
    const [row] = await query<R>(text, params);
    return row ? toRecord(row) : undefined;
  };

  const inFlight = new Set<Promise<void>>();

  /** Inserts `items` in one statement; settles each with its own outcome. */
  const insertBatch = async (items: Pending[]): Promise<void> => {
    const rows = items.map((item) => {
      const values = insertValues(item.feedback, (b) => b);
      return Object.fromEntries(insertColumns.map((column, i) => [column, values[i] ?? null]));
    });
    // postgres.js writes a json parameter as JSON itself.
    const inserted = await query<{ code: string }>(INSERT_BATCH, [rows]);
    const created = new Set(inserted.map((row) => row.code));
    // Not inserted: a known idempotency key (return the code on record: the conflicting row has
    // committed, ON CONFLICT waited for it, or it is in this very statement), else a taken code.
    const keys = items
      .filter((item) => !created.has(item.feedback.code))
      .map((item) => item.feedback.idempotencyKey)
      .filter((key): key is string => key !== undefined);
    const existing = new Map<string, string>();
    if (keys.length > 0) {
      const found = await query<{ code: string; idempotency_key: string }>(
        'SELECT code, idempotency_key FROM feedback WHERE idempotency_key = ANY($1::text[])',
        [keys],
      );
      for (const row of found) existing.set(row.idempotency_key, row.code);
    }
    for (const item of items) {
      const { code, idempotencyKey } = item.feedback;
      if (created.has(code)) item.resolve({ code, created: true });
      else {
        const known = idempotencyKey === undefined ? undefined : existing.get(idempotencyKey);
        if (known !== undefined) item.resolve({ code: known, created: false });
        else item.reject(new CodeCollisionError(code));
      }
    }
  };

  const inserts = groupCommit((queued) => {
    for (let start = 0; start < queued.length; start += MAX_BATCH) {
      const batch = queued.slice(start, start + MAX_BATCH);
      const done = insertBatch(batch)
        .catch(async () => {
          // One bad item must not fail its neighbours: each alone reports its own error.
          for (const item of batch) await insertBatch([item]).catch(item.reject);
        })
        .finally(() => inFlight.delete(done));
      inFlight.add(done);
    }
  });

  return {
    insert(feedback) {
      return inserts.insert(feedback);
    },

    getByCode(code) {
      return first(rowToRecord, `SELECT ${COLUMNS} FROM feedback WHERE code = $1`, [code]);
    },

    async list(filter, page) {
      const { where, params } = filterSql(filter, placeholder);
      const [count] = await dynamic<{ n: number }>(
        `SELECT COUNT(*)::int AS n FROM feedback ${where}`,
        params,
      );
      const n = params.length;
      const rows = await dynamic<FeedbackRow>(
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
      return first(
        rowToRecord,
        `UPDATE feedback SET ${sets.join(', ')} WHERE code = $${params.length} RETURNING ${COLUMNS}`,
        params,
      );
    },

    async *exportRecords(filter): AsyncIterable<FeedbackRecord> {
      const { where, params } = filterSql(filter, placeholder);
      const n = params.length;
      const base = `SELECT ${COLUMNS}, id::text AS id FROM feedback ${where}`;
      const order = `ORDER BY received_at DESC, id DESC LIMIT ${EXPORT_BATCH}`;
      let rows = await dynamic<FeedbackRow & { id: string }>(`${base} ${order}`, params);
      while (rows.length > 0) {
        for (const row of rows) yield rowToRecord(row);
        const last = rows[rows.length - 1];
        if (!last || rows.length < EXPORT_BATCH) return;
        rows = await dynamic<FeedbackRow & { id: string }>(
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
      const rows = await dynamic<{ article: string; n: number }>(
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
        insertSql('staff_sessions', SESSION_COLUMNS, placeholder),
        sessionValues(session),
      );
    },

    getSession(tokenHash) {
      return first(
        rowToSession,
        `SELECT ${SESSION_COLUMNS} FROM staff_sessions WHERE token_hash = $1`,
        [tokenHash],
      );
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

    async endSessionsOf(actor) {
      const rows = await query<{ token_hash: string }>(
        'DELETE FROM staff_sessions WHERE actor = $1 RETURNING token_hash',
        [actor],
      );
      return rows.length;
    },

    async trimSessions(actor, keep) {
      await query(
        `DELETE FROM staff_sessions WHERE actor = $1 AND token_hash NOT IN (
           SELECT token_hash FROM staff_sessions WHERE actor = $1
           ORDER BY created_at DESC, token_hash DESC LIMIT $2)`,
        [actor, keep],
      );
    },

    async createApiToken(token) {
      await query(insertSql('api_tokens', API_TOKEN_COLUMNS, placeholder), apiTokenValues(token));
    },

    getApiToken(tokenHash) {
      return first(
        rowToApiToken,
        `SELECT ${API_TOKEN_COLUMNS} FROM api_tokens WHERE token_hash = $1`,
        [tokenHash],
      );
    },

    async listApiTokens(actor) {
      const rows = await query<ApiTokenRow>(
        `SELECT ${API_TOKEN_COLUMNS} FROM api_tokens WHERE actor = $1 ORDER BY created_at DESC, id`,
        [actor],
      );
      return rows.map(rowToApiToken);
    },

    async revokeApiToken(actor, id, at) {
      const rows = await query<{ id: string }>(
        'UPDATE api_tokens SET revoked_at = $1 WHERE actor = $2 AND id = $3 AND revoked_at IS NULL RETURNING id',
        [at, actor, id],
      );
      return rows.length > 0;
    },

    takeToken: groupedTakes(query),

    async reserveAttempt(key, max, windowMs, nowMs) {
      const id = `${nowMs}:${randomBytes(9).toString('base64url')}`;
      const [row] = await query<{ hits: string[] }>(RESERVE_ATTEMPT, [
        key,
        id,
        max,
        nowMs - windowMs,
        nowMs + windowMs,
      ]);
      const hits = row?.hits ?? [];
      if (hits.includes(id)) return { allowed: true, id };
      const oldest = Math.min(nowMs, ...hits.map((hit) => Number(hit.split(':')[0])));
      return { allowed: false, retryAfterSeconds: windowRetry(oldest, windowMs, nowMs) };
    },

    async releaseAttempt(key, id) {
      await query('UPDATE sign_in_attempts SET hits = array_remove(hits, $2) WHERE key = $1', [
        key,
        id,
      ]);
    },

    async pruneLimits(nowMs) {
      await query('DELETE FROM rate_buckets WHERE full_ms < $1', [nowMs]);
      await query('DELETE FROM sign_in_attempts WHERE expires_ms < $1', [nowMs]);
    },

    async secret(name) {
      await query(
        'INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT DO NOTHING',
        [name, randomBytes(32).toString('base64url')],
      );
      const [row] = await query<{ value: string }>(
        'SELECT value FROM server_secrets WHERE name = $1',
        [name],
      );
      if (!row) throw new Error(`server secret ${name} could not be stored`);
      return row.value;
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

    async eraseContacts(which, at) {
      const { sql, params } = eraseContactsSql(which, at, placeholder);
      const rows = await query(`${sql} RETURNING code`, params);
      return rows.length;
    },

    getStaffSecret(actor) {
      return first(
        rowToStaffSecret,
        `SELECT ${STAFF_SECRET_COLUMNS} FROM staff_secrets WHERE actor = $1`,
        [actor],
      );
    },

    async setStaffSecret(secret) {
      await query(
        `${insertSql('staff_secrets', STAFF_SECRET_COLUMNS, placeholder)}
         ON CONFLICT (actor) DO UPDATE SET secret_hash = excluded.secret_hash,
           replaces = excluded.replaces, changed_at = excluded.changed_at`,
        [secret.actor, secret.secretHash, secret.replaces, secret.changedAt],
      );
    },

    async close() {
      if (inserts.closed) return;
      inserts.close();
      await Promise.all(inFlight);
      await sql.end({ timeout: 5 });
    },
  };
}
