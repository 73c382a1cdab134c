import type { FeedbackCategory } from '@behzisti/core';
import type {
  ApiToken,
  AuditEntry,
  ContactErasure,
  FeedbackFilter,
  FeedbackRecord,
  FeedbackStatus,
  NewFeedback,
  StaffSecret,
  StaffSession,
} from './types.ts';

// The table layout both engines share (snake_case columns) and its mapping to records.

/** Columns in the order the stores select them. */
export const COLUMNS =
  'code, kind, category, article, parent, message, name, contact, anonymous, service_base_id, page_url, lang, ' +
  'idempotency_key, status, public_reply, replied_at, received_at, updated_at, province, contact_erased_at';

/** A row as either engine returns it (timestamps as text in SQLite, Date in PostgreSQL). */
export interface FeedbackRow {
  code: string;
  kind: string;
  category: string | null;
  article: string | null;
  parent: string | null;
  message: string;
  name: string | null;
  contact: string | null;
  anonymous: number | boolean;
  service_base_id: string | null;
  page_url: string | null;
  lang: string;
  idempotency_key: string | null;
  status: string;
  public_reply: string | null;
  replied_at: string | Date | null;
  received_at: string | Date;
  updated_at: string | Date;
  province: string | null;
  contact_erased_at: string | Date | null;
}

function iso(value: string | Date): string {
  return value instanceof Date ? value.toISOString() : value;
}

/** A database row as a record; absent optional values are left out. */
export function rowToRecord(row: FeedbackRow): FeedbackRecord {
  const record: FeedbackRecord = {
    code: row.code,
    kind: row.kind === 'comment' ? 'comment' : 'feedback',
    message: row.message,
    anonymous: row.anonymous === true || row.anonymous === 1,
    lang: row.lang === 'en' ? 'en' : 'fa',
    status: row.status as FeedbackStatus,
    receivedAt: iso(row.received_at),
    updatedAt: iso(row.updated_at),
  };
  if (row.category !== null) record.category = row.category as FeedbackCategory;
  if (row.article !== null) record.article = row.article;
  if (row.parent !== null) record.parent = row.parent;
  if (row.name !== null) record.name = row.name;
  if (row.contact !== null) record.contact = row.contact;
  if (row.service_base_id !== null) record.serviceBaseId = row.service_base_id;
  if (row.page_url !== null) record.pageUrl = row.page_url;
  if (row.idempotency_key !== null) record.idempotencyKey = row.idempotency_key;
  if (row.public_reply !== null) record.publicReply = row.public_reply;
  if (row.replied_at !== null) record.repliedAt = iso(row.replied_at);
  if (row.province !== null) record.province = row.province;
  if (row.contact_erased_at !== null) record.contactErasedAt = iso(row.contact_erased_at);
  return record;
}

/** WHERE conditions for a filter, with `placeholder(n)` giving the engine's n-th parameter. */
export function filterSql(
  filter: FeedbackFilter,
  placeholder: (index: number) => string,
): { where: string; params: string[] } {
  const conditions: string[] = [];
  const params: string[] = [];
  const add = (sql: string, value: string): void => {
    params.push(value);
    conditions.push(sql.replace('?', placeholder(params.length)));
  };
  if (filter.kind) add('kind = ?', filter.kind);
  if (filter.article) add('article = ?', filter.article);
  if (filter.category) add('category = ?', filter.category);
  if (filter.status) add('status = ?', filter.status);
  const bases =
    typeof filter.serviceBaseId === 'string' ? [filter.serviceBaseId] : filter.serviceBaseId;
  if (bases && bases.length > 0) {
    const marks = bases.map((base) => {
      params.push(base);
      return placeholder(params.length);
    });
    conditions.push(`service_base_id IN (${marks.join(', ')})`);
  }
  if (filter.provinces !== undefined) {
    // An empty scope matches nothing (a caseworker with no provinces sees no records).
    const marks = filter.provinces.map((province) => {
      params.push(province);
      return placeholder(params.length);
    });
    conditions.push(marks.length > 0 ? `province IN (${marks.join(', ')})` : '1 = 0');
  }
  if (filter.from) add('received_at >= ?', filter.from);
  if (filter.to) add('received_at < ?', filter.to);
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

/**
 * `INSERT INTO table (columns) VALUES (…)` with one parameter a column, `placeholder(n)` being
 * the engine's n-th: the marks follow the column list, so adding a column cannot miscount them.
 */
export function insertSql(
  table: string,
  columns: string,
  placeholder: (index: number) => string,
): string {
  const marks = columns.split(',').map((_, i) => placeholder(i + 1));
  return `INSERT INTO ${table} (${columns}) VALUES (${marks.join(', ')})`;
}

/** Rows per round trip when exporting. */
export const EXPORT_BATCH = 500;

/** The columns an insert writes, in order (both engines use the same list). */
export const INSERT_COLUMNS =
  'code, idempotency_key, kind, category, article, parent, message, name, contact, anonymous, ' +
  'service_base_id, page_url, lang, status, received_at, updated_at, province';

/** The status a new record starts in: comments wait for moderation. */
export function initialStatus(feedback: NewFeedback): FeedbackStatus {
  return feedback.kind === 'comment' ? 'pending' : 'received';
}

/** Insert parameters in {@link INSERT_COLUMNS} order (`anonymous` as the engine wants it). */
export function insertValues<B>(
  feedback: NewFeedback,
  bool: (value: boolean) => B,
): (string | null | B)[] {
  return [
    feedback.code,
    feedback.idempotencyKey ?? null,
    feedback.kind,
    feedback.category ?? null,
    feedback.article ?? null,
    feedback.parent ?? null,
    feedback.message,
    feedback.name ?? null,
    feedback.contact ?? null,
    bool(feedback.anonymous),
    feedback.serviceBaseId ?? null,
    feedback.pageUrl ?? null,
    feedback.lang,
    initialStatus(feedback),
    feedback.receivedAt,
    feedback.receivedAt,
    feedback.province ?? null,
  ];
}

/** A session row as either engine returns it. */
export interface SessionRow {
  token_hash: string;
  actor: string;
  created_at: string | Date;
  last_seen_at: string | Date;
  fingerprint: string | null;
}

/** The session columns in {@link SessionRow} order. */
export const SESSION_COLUMNS = 'token_hash, actor, created_at, last_seen_at, fingerprint';

export function rowToSession(row: SessionRow): StaffSession {
  return {
    tokenHash: row.token_hash,
    actor: row.actor,
    createdAt: iso(row.created_at),
    lastSeenAt: iso(row.last_seen_at),
    ...(row.fingerprint === null ? {} : { fingerprint: row.fingerprint }),
  };
}

/** A session's values in {@link SESSION_COLUMNS} order, for an insert. */
export function sessionValues(session: StaffSession): (string | null)[] {
  return [
    session.tokenHash,
    session.actor,
    session.createdAt,
    session.lastSeenAt,
    session.fingerprint ?? null,
  ];
}

/** How long to wait, in whole seconds (at least 1), until an attempt made at `oldestMs` leaves its window. */
export function windowRetry(oldestMs: number, windowMs: number, nowMs: number): number {
  return Math.max(1, Math.ceil((oldestMs + windowMs - nowMs) / 1000));
}

/** An API token row as either engine returns it. */
export interface ApiTokenRow {
  id: string;
  token_hash: string;
  actor: string;
  scope: string;
  label: string;
  created_at: string | Date;
  expires_at: string | Date;
  revoked_at: string | Date | null;
  provinces: string | null;
}

/** The API token columns in {@link ApiTokenRow} order. */
export const API_TOKEN_COLUMNS =
  'id, token_hash, actor, scope, label, created_at, expires_at, revoked_at, provinces';

export function rowToApiToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    tokenHash: row.token_hash,
    actor: row.actor,
    scope: row.scope === 'read' ? 'read' : 'export',
    label: row.label,
    createdAt: iso(row.created_at),
    expiresAt: iso(row.expires_at),
    ...(row.revoked_at === null ? {} : { revokedAt: iso(row.revoked_at) }),
    ...(row.provinces === null ? {} : { provinces: JSON.parse(row.provinces) as string[] }),
  };
}

/** A token's values in {@link API_TOKEN_COLUMNS} order, for an insert. */
export function apiTokenValues(token: ApiToken): (string | null)[] {
  return [
    token.id,
    token.tokenHash,
    token.actor,
    token.scope,
    token.label,
    token.createdAt,
    token.expiresAt,
    token.revokedAt ?? null,
    token.provinces === undefined ? null : JSON.stringify(token.provinces),
  ];
}

/** An audit row as either engine returns it. */
export interface AuditRow {
  at: string | Date;
  actor: string;
  action: string;
  target: string | null;
  client: string;
}

export function rowToAudit(row: AuditRow): AuditEntry {
  const entry: AuditEntry = {
    at: iso(row.at),
    actor: row.actor,
    action: row.action,
    client: row.client,
  };
  if (row.target !== null) entry.target = row.target;
  return entry;
}

/** Longest list of articles one counts query takes. */
export const MAX_COUNT_ARTICLES = 200;

/**
 * The contact erasure as one UPDATE for either engine (`placeholder(n)` is its n-th parameter):
 * only feedback that still holds a name or contact matches, so a second run changes nothing.
 */
export function eraseContactsSql(
  which: ContactErasure,
  at: string,
  placeholder: (index: number) => string,
): { sql: string; params: string[] } {
  const scope =
    'code' in which
      ? `code = ${placeholder(2)}`
      : `status = 'closed' AND updated_at < ${placeholder(2)}`;
  return {
    sql: `UPDATE feedback SET name = NULL, contact = NULL, contact_erased_at = ${placeholder(1)}
          WHERE kind = 'feedback' AND (name IS NOT NULL OR contact IS NOT NULL) AND ${scope}`,
    params: [at, 'code' in which ? which.code : which.closedBefore],
  };
}

/** The staff secret columns, in {@link StaffSecretRow} order. */
export const STAFF_SECRET_COLUMNS = 'actor, secret_hash, replaces, changed_at';

/** A staff secret row as either engine returns it. */
export interface StaffSecretRow {
  actor: string;
  secret_hash: string;
  replaces: string;
  changed_at: string | Date;
}

export function rowToStaffSecret(row: StaffSecretRow): StaffSecret {
  return {
    actor: row.actor,
    secretHash: row.secret_hash,
    replaces: row.replaces,
    changedAt: iso(row.changed_at),
  };
}
