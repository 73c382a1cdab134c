import { createHash } from 'node:crypto';

// An idempotency key lets a client resend a submission whose answer it never got, and receive
// the same tracking code instead of a second record. Scoped by kind and client: a comment that
// reuses a feedback's key is a different submission (it was once answered 201 and silently not
// stored), and another client that learns or guesses a key gets a record of its own, not the
// first sender's tracking code. Stored as a hash of the three, so the column holds no address.
// The cost: a resend from another address (a phone that changed networks) makes a second record
// rather than reaching the first; a duplicate the office can see beats a lost or leaked one.

/** The value stored for `key` sent by `client` with a submission of `kind`. */
export function scopedIdempotencyKey(
  kind: string,
  client: string,
  key: string | undefined,
): string | undefined {
  if (key === undefined) return undefined;
  const digest = createHash('sha256').update(`${kind}\0${client}\0${key}`, 'utf8').digest();
  return `${kind}:${digest.toString('base64url')}`;
}
