import {
  type FeedbackCategory,
  feedbackCategories,
  formatTrackingCode,
  normalizeDigits,
  parseTrackingCode,
} from '@behzisti/core';
import { neutraliseBidi } from '@behzisti/core/spreadsheet';
import { isArticleId } from './comments.ts';
import { type FieldError, HttpError } from './errors.ts';
import {
  commentStatuses,
  type FeedbackFilter,
  type FeedbackRecord,
  type FeedbackStatus,
  type FeedbackUpdate,
  feedbackStatuses,
  type RecordKind,
  recordKinds,
  statusesOf,
} from './store/types.ts';

/** Every status of either kind. */
const allStatuses: readonly string[] = [...feedbackStatuses, ...commentStatuses];

// Input parsing and views for the office's endpoints (list, export, update).

/** Page size of the staff list when none is asked for, and the most allowed. */
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;
/** The most bases one list query may name (a province has far fewer). */
const MAX_BASES = 500;
/** The longest public reply, as long as the longest message. */
export const MAX_REPLY = 4000;

/** Tehran's offset since daylight saving was abolished in 2022. */
const TEHRAN_OFFSET = '+03:30';

/** A date (`2025-03-21`, read as midnight in Tehran) or an ISO 8601 instant; `endOfDay` moves a date to the next midnight. */
function parseInstant(text: string, endOfDay: boolean): string | undefined {
  const value = normalizeDigits(text.trim());
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (date) {
    const midnight = new Date(`${value}T00:00:00${TEHRAN_OFFSET}`);
    if (Number.isNaN(midnight.getTime())) return undefined;
    if (endOfDay) midnight.setUTCDate(midnight.getUTCDate() + 1);
    return midnight.toISOString();
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/.test(value)) {
    return undefined;
  }
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
}

function parseCount(text: string, min: number, max: number): number | undefined {
  const value = normalizeDigits(text.trim());
  if (!/^\d{1,9}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
}

const QUERY_KEYS = [
  'kind',
  'article',
  'category',
  'status',
  'serviceBaseId',
  'from',
  'to',
  'limit',
  'offset',
];

/** The staff list's filters and page from the query string; 422 INVALID_QUERY names each bad one. */
export function parseListQuery(params: URLSearchParams): {
  filter: FeedbackFilter;
  limit: number;
  offset: number;
} {
  const fields: FieldError[] = [];
  const filter: FeedbackFilter = {};
  const bases: string[] = [];
  let limit = DEFAULT_LIMIT;
  let offset = 0;
  for (const [key, value] of params) {
    switch (key) {
      case 'kind':
        if ((recordKinds as readonly string[]).includes(value)) filter.kind = value as RecordKind;
        else fields.push({ field: key, message: `use one of ${recordKinds.join(', ')}` });
        break;
      case 'article':
        if (isArticleId(value)) filter.article = value;
        else
          fields.push({
            field: key,
            message: 'use a news article id, e.g. fa/hesseh-service-base',
          });
        break;
      case 'category':
        if ((feedbackCategories as readonly string[]).includes(value))
          filter.category = value as FeedbackCategory;
        else fields.push({ field: key, message: `use one of ${feedbackCategories.join(', ')}` });
        break;
      case 'status':
        if (allStatuses.includes(value)) filter.status = value as FeedbackStatus;
        else fields.push({ field: key, message: `use one of ${allStatuses.join(', ')}` });
        break;
      case 'serviceBaseId':
        // Repeated for "any of these" (a province is sent as its bases).
        if (bases.length >= MAX_BASES) {
          fields.push({ field: key, message: `at most ${MAX_BASES} bases at once` });
        } else bases.push(value);
        break;
      case 'from':
      case 'to': {
        const instant = parseInstant(value, key === 'to');
        if (instant) filter[key] = instant;
        else
          fields.push({
            field: key,
            message: 'use a date such as 2025-03-21 (a day in Tehran) or an ISO 8601 time',
          });
        break;
      }
      case 'limit': {
        const n = parseCount(value, 1, MAX_LIMIT);
        if (n === undefined)
          fields.push({ field: key, message: `use a whole number from 1 to ${MAX_LIMIT}` });
        else limit = n;
        break;
      }
      case 'offset': {
        const n = parseCount(value, 0, 1e9);
        if (n === undefined) fields.push({ field: key, message: 'use a whole number, 0 or more' });
        else offset = n;
        break;
      }
      default:
        fields.push({
          field: key,
          message: `unknown filter; use ${QUERY_KEYS.join(', ')}`,
        });
    }
  }
  if (fields.length > 0) throw new HttpError('INVALID_QUERY', { fields });
  if (bases.length > 0) filter.serviceBaseId = bases.length === 1 ? bases[0] : bases;
  return { filter, limit, offset };
}

/** The body of PATCH /api/feedback/{code}; 422 INVALID_FIELDS names each bad field. */
export function parseUpdate(body: unknown): FeedbackUpdate {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError('INVALID_FIELDS', {
      fields: [{ field: '', message: 'send a group of fields: { status, publicReply }' }],
    });
  }
  const fields: FieldError[] = [];
  const update: FeedbackUpdate = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === 'status') {
      if (typeof value === 'string' && allStatuses.includes(value))
        update.status = value as FeedbackStatus;
      else fields.push({ field: key, message: `use one of ${allStatuses.join(', ')}` });
    } else if (key === 'publicReply') {
      if (value === null) update.publicReply = null;
      else if (typeof value !== 'string' || value.trim() === '')
        fields.push({ field: key, message: 'write the reply as text, or null to remove it' });
      else if (value.length > MAX_REPLY)
        fields.push({ field: key, message: `too long (at most ${MAX_REPLY} characters)` });
      else update.publicReply = value.normalize('NFC');
    } else {
      fields.push({
        field: key,
        message: `unknown field '${key}' — only status and publicReply can be changed`,
      });
    }
  }
  if (fields.length === 0 && update.status === undefined && update.publicReply === undefined) {
    fields.push({ field: '', message: 'give status, publicReply or both' });
  }
  if (fields.length > 0) throw new HttpError('INVALID_FIELDS', { fields });
  return update;
}

/** What the office sees of a record: everything but the idempotency key, bidi neutralised. */
export function staffView(record: FeedbackRecord): Record<string, unknown> {
  const { idempotencyKey: _key, ...rest } = record;
  const view: Record<string, unknown> = { ...rest, code: formatTrackingCode(record.code, 'en') };
  if (record.parent !== undefined) view.parent = formatTrackingCode(record.parent, 'en');
  for (const field of ['message', 'name', 'contact', 'publicReply'] as const) {
    const text = record[field];
    if (text !== undefined) view[field] = neutraliseBidi(text);
  }
  return view;
}

/** What anyone holding the code sees: progress and the public reply, never personal data. */
export function publicView(record: FeedbackRecord, code: string): Record<string, unknown> {
  const view: Record<string, unknown> = {
    code,
    status: record.status,
    receivedAt: record.receivedAt,
    updatedAt: record.updatedAt,
  };
  if (record.publicReply !== undefined) view.publicReply = record.publicReply;
  if (record.repliedAt !== undefined) view.repliedAt = record.repliedAt;
  // Whether the office still holds a name or contact: the citizen may ask to erase them.
  if (record.kind === 'feedback') {
    view.contactHeld = record.name !== undefined || record.contact !== undefined;
  }
  return view;
}

/** CSV columns of the export, in order. */
export const CSV_COLUMNS = [
  'code',
  'receivedAt',
  'category',
  'status',
  'serviceBaseId',
  'pageUrl',
  'anonymous',
  'name',
  'contact',
  'lang',
  'message',
  'publicReply',
  'repliedAt',
  'updatedAt',
  // Added with comments; at the end so existing spreadsheets keep their columns.
  'kind',
  'article',
  'parent',
] as const;

/** One record as CSV values, in {@link CSV_COLUMNS} order (csvRow makes each spreadsheet-safe). */
export function csvValues(record: FeedbackRecord): (string | boolean | undefined)[] {
  return CSV_COLUMNS.map((column) =>
    // Grouped with dashes so spreadsheets keep it as text instead of rounding a 16-digit number.
    column === 'code' || column === 'parent'
      ? record[column] && formatTrackingCode(record[column], 'en')
      : record[column],
  );
}

/** The audit log's page (`limit`, `offset`) and optional `target` code; 422 INVALID_QUERY names each bad one. */
export function parseAuditQuery(params: URLSearchParams): {
  limit: number;
  offset: number;
  target: string | undefined;
} {
  const fields: FieldError[] = [];
  let limit = DEFAULT_LIMIT;
  let offset = 0;
  let target: string | undefined;
  for (const [key, value] of params) {
    if (key === 'limit') {
      const n = parseCount(value, 1, MAX_LIMIT);
      if (n === undefined)
        fields.push({ field: key, message: `use a whole number from 1 to ${MAX_LIMIT}` });
      else limit = n;
    } else if (key === 'offset') {
      const n = parseCount(value, 0, 1e9);
      if (n === undefined) fields.push({ field: key, message: 'use a whole number, 0 or more' });
      else offset = n;
    } else if (key === 'target') {
      const parsed = parseTrackingCode(value);
      if (parsed.ok) target = formatTrackingCode(parsed.code, 'en');
      else fields.push({ field: key, message: 'use a tracking code, e.g. 4831-0967-2254-7190' });
    } else fields.push({ field: key, message: 'unknown parameter; use limit, offset and target' });
  }
  if (fields.length > 0) throw new HttpError('INVALID_QUERY', { fields });
  return { limit, offset, target };
}

/**
 * 422 when `status` does not belong to records of `kind` (comments are pending, approved or
 * rejected; feedback is received, in-review, answered or closed).
 */
export function checkStatusFor(kind: RecordKind, status: FeedbackStatus | undefined): void {
  if (status === undefined) return;
  const allowed: readonly string[] = statusesOf(kind);
  if (!allowed.includes(status)) {
    throw new HttpError('INVALID_FIELDS', {
      fields: [{ field: 'status', message: `a ${kind} takes one of ${allowed.join(', ')}` }],
    });
  }
}
