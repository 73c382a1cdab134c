/**
 * The idempotency key of a send: the same content retried gets the same key, so the service
 * never stores it twice even if the first attempt did reach it; content edited after a failed
 * send gets a new key, otherwise the service would answer with the first code and silently keep
 * the old text. `key` and `fingerprint` are kept with a draft so a reload resumes them.
 */
export class SendKey {
  key = '';
  fingerprint = '';

  /** The key to send `content` with. */
  for(content: unknown): string {
    const fingerprint = JSON.stringify(content);
    if (!this.key || fingerprint !== this.fingerprint) {
      this.key = newIdempotencyKey();
      this.fingerprint = fingerprint;
    }
    return this.key;
  }

  reset(): void {
    this.key = this.fingerprint = '';
  }
}

/** A random key of 16–128 letters, digits and `-` (what the service accepts). */
export function newIdempotencyKey(): string {
  // randomUUID needs a secure context; many provincial sites still serve plain http.
  if (typeof crypto.randomUUID === 'function' && isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
