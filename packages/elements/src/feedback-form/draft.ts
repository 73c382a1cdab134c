import type { FormValues } from './validation.ts';

// The draft that keeps typed text when a send fails ("typed text is never lost").
//
// When: the draft is written only once a send has failed (network, time-out, 5xx, 429) and then
// follows the typing until the message is accepted (201), discarded, or the person leaves with the
// quick exit. Nothing is written while a person merely types: on a shared or watched phone an
// abandoned complaint should not stay behind. Where: localStorage, one draft per endpoint and
// subject (service base, else the page), so forms on different pages do not mix.
//
// Idempotency: the key travels with the exact content that was sent. Retrying unchanged content
// sends the same key, so the service never stores it twice even if the first attempt did reach
// it. Content edited after a failed send gets a new key; otherwise the service would answer with
// the first code and silently keep the old text.

export interface Draft {
  values: FormValues;
  /** The key last sent with `sentFingerprint`. */
  idempotencyKey: string;
  sentFingerprint: string;
  /** When the draft was first kept (ISO 8601). */
  savedAt: string;
}

const PREFIX = 'bz-feedback-draft';

export function draftKey(endpoint: string, subject: string): string {
  return `${PREFIX}|${endpoint}|${subject}`;
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    // Disabled storage (strict privacy settings, some embedded browsers): no draft, no error.
    return undefined;
  }
}

export function readDraft(key: string): Draft | undefined {
  try {
    const draft = JSON.parse(storage()?.getItem(key) ?? 'null') as Draft | null;
    if (
      draft &&
      typeof draft.values?.message === 'string' &&
      typeof draft.idempotencyKey === 'string'
    )
      return draft;
  } catch {
    // A damaged draft is dropped below.
  }
  clearDraft(key);
  return undefined;
}

/** Keeps the draft; false when the browser would not store it (full or disabled storage). */
export function writeDraft(key: string, draft: Draft): boolean {
  try {
    storage()?.setItem(key, JSON.stringify(draft));
    return storage() !== undefined;
  } catch {
    return false;
  }
}

export function clearDraft(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing to clear.
  }
}

/** A random key of 16–128 letters, digits and `-` (what the service accepts). */
export function newIdempotencyKey(): string {
  // randomUUID needs a secure context; many provincial sites still serve plain http.
  if (typeof crypto.randomUUID === 'function' && isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
