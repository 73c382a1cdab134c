import { type Feedback, FeedbackSchema, validateRecord } from '@behzisti/core';
import { cleanTypedText } from '@behzisti/core/text';
import { parseComment } from './comments.ts';
import { HttpError } from './errors.ts';
import type { NewFeedback } from './store/types.ts';

// Turns a parsed JSON body into a submission to store, or explains why not. The rules of the
// fields are core's FeedbackSchema (shared with the form); only the anti-abuse checks are here.

/** What to do with a body that passed JSON parsing. */
export type Screening =
  | { kind: 'store'; feedback: Omit<NewFeedback, 'code' | 'receivedAt'> }
  /** The honeypot was filled: answer as if accepted, store nothing. */
  | { kind: 'honeypot' };

/** True when a bot filled the hidden `website` field. Checked before validation so bots learn nothing. */
function isHoneypot(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const website = (body as { website?: unknown }).website;
  return typeof website === 'string' ? website.trim() !== '' : website !== undefined;
}

const nfc = (text: string | undefined): string | undefined => text?.normalize('NFC');
const multiline = { multiline: true };
const singleLine = { multiline: false };

/**
 * Screens and validates a body. Throws HttpError 422 (INVALID_FIELDS with every bad field, or
 * TOO_FAST when the form was sent sooner than `minFillMs` after it was shown; a missing
 * `elapsedMs` counts as too fast, since only scripts leave it out).
 */
export function screenSubmission(body: unknown, minFillMs: number): Screening {
  if (isHoneypot(body)) return { kind: 'honeypot' };
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    // Checked here because core's FeedbackSchema throws (rather than reporting) on a null body.
    throw new HttpError('INVALID_FIELDS', {
      fields: [{ field: '', message: 'send the form as a group of fields ({ "category": … })' }],
    });
  }
  const { kind, ...rest } = body as Record<string, unknown>;
  if (kind === 'comment') {
    const { comment, elapsedMs } = parseComment(body as Record<string, unknown>);
    checkFillTime(elapsedMs, minFillMs);
    return { kind: 'store', feedback: comment };
  }
  if (kind !== undefined && kind !== 'feedback') {
    throw new HttpError('INVALID_FIELDS', {
      fields: [{ field: 'kind', message: 'use feedback (the default) or comment' }],
    });
  }
  // Invisible controls are removed before the rules see the text (see cleanTypedText); the
  // contact is not cleaned: the schema refuses anything but an e-mail address or a mobile number.
  if (typeof rest.message === 'string') rest.message = cleanTypedText(rest.message, multiline);
  if (typeof rest.name === 'string') rest.name = cleanTypedText(rest.name, singleLine);
  const check = validateRecord(FeedbackSchema, rest);
  if (!check.ok) {
    throw new HttpError('INVALID_FIELDS', {
      fields: check.issues.map((issue) => ({ field: issue.field, message: issue.message })),
    });
  }
  const value: Feedback = check.value;
  checkFillTime(value.elapsedMs, minFillMs);
  return {
    kind: 'store',
    feedback: {
      kind: 'feedback',
      category: value.category,
      message: value.message.normalize('NFC'),
      name: nfc(value.name),
      contact: nfc(value.contact),
      anonymous: value.anonymous,
      serviceBaseId: value.about.serviceBaseId,
      pageUrl: value.about.pageUrl,
      lang: value.lang,
      idempotencyKey: value.idempotencyKey,
    },
  };
}

/** TOO_FAST when the form was sent sooner than `minFillMs` after it was shown. */
function checkFillTime(elapsedMs: number | undefined, minFillMs: number): void {
  if (minFillMs > 0 && (elapsedMs ?? 0) < minFillMs) {
    throw new HttpError('TOO_FAST', {
      fields: [
        {
          field: 'elapsedMs',
          message: `sent ${elapsedMs ?? 'without a fill time'}${elapsedMs === undefined ? '' : ' ms'} after the form was shown; wait at least ${minFillMs} ms`,
        },
      ],
    });
  }
}
