import type { FeedbackCategory } from '@behzisti/core';
import type { FeedbackFilter, FeedbackRecord, FeedbackStatus } from './types.ts';

// The table layout both engines share (snake_case columns) and its mapping to records.

/** Columns in the order the stores select them. */
export const COLUMNS =
  'code, category, message, name, contact, anonymous, service_base_id, page_url, lang, ' +
  'idempotency_key, status, public_reply, replied_at, received_at, updated_at';

/** A row as either engine returns it (timestamps as text in SQLite, Date in PostgreSQL). */
export interface FeedbackRow {
  code: string;
  category: string;
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
}

function iso(value: string | Date): string {
  return value instanceof Date ? value.toISOString() : value;
}

/** A database row as a record; absent optional values are left out. */
export function rowToRecord(row: FeedbackRow): FeedbackRecord {
  const record: FeedbackRecord = {
    code: row.code,
    category: row.category as FeedbackCategory,
    message: row.message,
    anonymous: row.anonymous === true || row.anonymous === 1,
    lang: row.lang === 'en' ? 'en' : 'fa',
    status: row.status as FeedbackStatus,
    receivedAt: iso(row.received_at),
    updatedAt: iso(row.updated_at),
  };
  if (row.name !== null) record.name = row.name;
  if (row.contact !== null) record.contact = row.contact;
  if (row.service_base_id !== null) record.serviceBaseId = row.service_base_id;
  if (row.page_url !== null) record.pageUrl = row.page_url;
  if (row.idempotency_key !== null) record.idempotencyKey = row.idempotency_key;
  if (row.public_reply !== null) record.publicReply = row.public_reply;
  if (row.replied_at !== null) record.repliedAt = iso(row.replied_at);
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
  if (filter.category) add('category = ?', filter.category);
  if (filter.status) add('status = ?', filter.status);
  if (filter.serviceBaseId) add('service_base_id = ?', filter.serviceBaseId);
  if (filter.from) add('received_at >= ?', filter.from);
  if (filter.to) add('received_at < ?', filter.to);
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

/** Rows per round trip when exporting. */
export const EXPORT_BATCH = 500;
