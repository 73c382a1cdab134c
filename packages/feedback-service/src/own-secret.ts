import { createHash } from 'node:crypto';
import { type FieldError, HttpError } from './errors.ts';
import { MIN_SECRET_LENGTH } from './hash-secret.ts';
import type { StaffAccount } from './staff-accounts.ts';
import type { FeedbackStore } from './store/types.ts';

// A staff member's own secret, changed in the inbox: the new hash is kept in the store and
// overrides the configured one, so nobody has to edit the configuration for it. The configured
// accounts stay the source of who exists and their role.
//
// Which hash counts: the stored one, but only while the configured hash is still the one it
// replaced (`replaces` holds a digest of it). An admin resets a forgotten secret by configuring
// a new hash for the account: the configuration then differs from what the stored secret
// replaced, so the configured hash wins again and the stored one is ignored (and overwritten by
// the next change). The configuration stays the last word, without access to the database.

/** The digest of a configured hash that a stored secret replaced. */
export function configuredDigest(hash: string): string {
  return createHash('sha256').update(hash, 'utf8').digest('hex');
}

/** The hash `account` signs in with now: its stored secret, unless the configuration moved on. */
export async function currentHash(store: FeedbackStore, account: StaffAccount): Promise<string> {
  const stored = await store.getStaffSecret(account.name);
  return stored && stored.replaces === configuredDigest(account.secretHash)
    ? stored.secretHash
    : account.secretHash;
}

/** The body of PUT {staff}/secret; 422 names each bad field (never repeating a secret). */
export function parseSecretChange(body: unknown): { oldSecret: string; newSecret: string } {
  const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const fields: FieldError[] = [];
  const { oldSecret, newSecret } = input;
  if (typeof oldSecret !== 'string' || oldSecret === '') {
    fields.push({ field: 'oldSecret', message: 'give your current secret' });
  }
  if (typeof newSecret !== 'string' || [...newSecret].length < MIN_SECRET_LENGTH) {
    fields.push({
      field: 'newSecret',
      message: `the new secret needs at least ${MIN_SECRET_LENGTH} characters (e.g. four unrelated words)`,
    });
  } else if (newSecret === oldSecret) {
    fields.push({ field: 'newSecret', message: 'the new secret must differ from the current one' });
  }
  for (const key of Object.keys(input)) {
    if (key !== 'oldSecret' && key !== 'newSecret') {
      fields.push({ field: key, message: 'unknown field; send oldSecret and newSecret' });
    }
  }
  if (fields.length > 0) throw new HttpError('INVALID_FIELDS', { fields });
  return { oldSecret: oldSecret as string, newSecret: newSecret as string };
}
