import { formatTrackingCode, parseTrackingCode } from '@behzisti/core';
import { neutraliseBidi } from '@behzisti/core/spreadsheet';
import { cleanTypedText } from '@behzisti/core/text';
import { type FieldError, HttpError } from './errors.ts';
import { MAX_COUNT_ARTICLES } from './store/rows.ts';
import type { FeedbackRecord, NewFeedback } from './store/types.ts';

// Comments on news articles: the submission body (POST /api/feedback with kind "comment") and
// the public views (GET /api/comments). A comment is stored as a record of kind "comment", so it
// shares the feedback's tracking codes, idempotency, abuse defences and staff tools.

/**
 * A news article id as the portal's content collection names it: `<lang>/<slug>`
 * (`fa/hesseh-service-base`). Checked here so that junk never reaches the database; whether
 * the article exists is the host's question (the `articleExists` option of the handler).
 */
export const ARTICLE_ID_RE = /^(?:fa|en)\/[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_ARTICLE = 200;
const MAX_MESSAGE = 4000;
const MAX_NAME = 100;
const KEY_RE = /^[A-Za-z0-9_-]{16,128}$/;

const COMMENT_KEYS = [
  'kind',
  'article',
  'parent',
  'name',
  'message',
  'lang',
  'idempotencyKey',
  'website',
  'elapsedMs',
] as const;

/** True when `value` is a well-formed article id. */
export function isArticleId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ARTICLE && ARTICLE_ID_RE.test(value);
}

/** The fields of a comment body, validated; every bad field is reported at once (422). */
export function parseComment(body: Record<string, unknown>): {
  comment: Omit<NewFeedback, 'code' | 'receivedAt'>;
  elapsedMs: number | undefined;
} {
  const fields: FieldError[] = [];
  for (const key of Object.keys(body)) {
    if (!(COMMENT_KEYS as readonly string[]).includes(key)) {
      fields.push({
        field: key,
        message: `unknown field '${key}' for a comment; use ${COMMENT_KEYS.join(', ')}`,
      });
    }
  }
  const { article, parent, lang, idempotencyKey, elapsedMs } = body;
  // Invisible controls are removed before the checks (see cleanTypedText in core).
  const message =
    typeof body.message === 'string'
      ? cleanTypedText(body.message, { multiline: true })
      : body.message;
  const name =
    typeof body.name === 'string' ? cleanTypedText(body.name, { multiline: false }) : body.name;
  if (!isArticleId(article)) {
    fields.push({
      field: 'article',
      message: 'give the news article id, e.g. fa/hesseh-service-base',
    });
  }
  let parentCode: string | undefined;
  if (parent !== undefined && parent !== null) {
    const parsed = typeof parent === 'string' ? parseTrackingCode(parent) : undefined;
    if (parsed?.ok) parentCode = parsed.code;
    else
      fields.push({ field: 'parent', message: 'give the tracking code of the comment replied to' });
  }
  if (typeof message !== 'string' || message.trim() === '') {
    fields.push({ field: 'message', message: 'the message is empty' });
  } else if (message.length > MAX_MESSAGE) {
    fields.push({
      field: 'message',
      message: `the message is too long (${message.length} characters; at most ${MAX_MESSAGE})`,
    });
  }
  if (name !== undefined) {
    if (typeof name !== 'string' || name.trim() === '') {
      fields.push({ field: 'name', message: 'the name is empty; leave the field out instead' });
    } else if (name.length > MAX_NAME) {
      fields.push({
        field: 'name',
        message: `the name is too long (at most ${MAX_NAME} characters)`,
      });
    }
  }
  if (lang !== undefined && lang !== 'fa' && lang !== 'en') {
    fields.push({ field: 'lang', message: 'use fa or en' });
  }
  if (
    idempotencyKey !== undefined &&
    (typeof idempotencyKey !== 'string' || !KEY_RE.test(idempotencyKey))
  ) {
    fields.push({
      field: 'idempotencyKey',
      message: 'idempotencyKey must be 16 to 128 letters, digits, - or _',
    });
  }
  if (
    elapsedMs !== undefined &&
    (typeof elapsedMs !== 'number' || !Number.isInteger(elapsedMs) || elapsedMs < 0)
  ) {
    fields.push({ field: 'elapsedMs', message: 'give whole milliseconds, 0 or more' });
  }
  if (fields.length > 0) throw new HttpError('INVALID_FIELDS', { fields });
  return {
    comment: {
      kind: 'comment',
      article: article as string,
      parent: parentCode,
      message: message as string,
      name: typeof name === 'string' ? name.trim() : undefined,
      anonymous: name === undefined,
      lang: lang === 'en' ? 'en' : 'fa',
      idempotencyKey: idempotencyKey as string | undefined,
    },
    elapsedMs: elapsedMs as number | undefined,
  };
}

/** The `articles` list of GET /api/comments/counts: 1 to 200 well-formed ids. */
export function parseArticleList(text: string | null): string[] {
  const ids = [...new Set((text ?? '').split(',').map((id) => id.trim()))].filter(Boolean);
  const bad = ids.filter((id) => !isArticleId(id));
  if (ids.length === 0 || ids.length > MAX_COUNT_ARTICLES || bad.length > 0) {
    throw new HttpError('INVALID_QUERY', {
      fields: [
        {
          field: 'articles',
          message:
            bad.length > 0
              ? `not article ids: ${bad.slice(0, 5).join(', ')}`
              : `give 1 to ${MAX_COUNT_ARTICLES} article ids separated by commas`,
        },
      ],
    });
  }
  return ids;
}

/**
 * What anyone sees of an approved comment: never contact or moderation data, and the name
 * only when the commenter gave one. Bidi controls are removed so a comment cannot reorder
 * the text around it.
 */
export function publicComment(record: FeedbackRecord): Record<string, unknown> {
  const view: Record<string, unknown> = {
    code: formatTrackingCode(record.code, 'en'),
    parent: record.parent === undefined ? null : formatTrackingCode(record.parent, 'en'),
    message: neutraliseBidi(record.message),
    createdAt: record.receivedAt,
  };
  if (record.name !== undefined) view.name = neutraliseBidi(record.name);
  if (record.publicReply !== undefined) view.reply = neutraliseBidi(record.publicReply);
  return view;
}
