import { StoredDraft } from '../shared/stored-draft.ts';
import type { FormValues } from './validation.ts';

// The draft that keeps typed text when a send fails ("typed text is never lost").
//
// When: the draft is written only once a send has failed (network, time-out, 5xx, 429) and then
// follows the typing until the message is accepted (201), discarded, or the person leaves with the
// quick exit. Nothing is written while a person merely types: on a shared or watched phone an
// abandoned complaint should not stay behind. Where: localStorage, one draft per endpoint and
// subject (service base, else the page), so forms on different pages do not mix.
//
// Idempotency: the key travels with the exact content that was sent (see shared/form/send-key.ts).

export interface Draft {
  values: FormValues;
  /** The key last sent with `sentFingerprint`. */
  idempotencyKey: string;
  sentFingerprint: string;
  /** When the draft was first kept (ISO 8601). */
  savedAt: string;
  /**
   * When the text was first typed (epoch ms): the service's minimum fill time counts from here,
   * so a draft restored after a reload is not refused as "sent too fast". Older drafts lack it.
   */
  startedAt?: number;
}

const PREFIX = 'bz-feedback-draft';

export function draftKey(endpoint: string, subject: string): string {
  return `${PREFIX}|${endpoint}|${subject}`;
}

function isDraft(value: unknown): value is Draft {
  const draft = value as Partial<Draft>;
  return typeof draft.values?.message === 'string' && typeof draft.idempotencyKey === 'string';
}

export const drafts = new StoredDraft<Draft>('localStorage', isDraft);
