import { createHash, randomBytes } from 'node:crypto';
import { parseSecretHash, RECOMMENDED_COST, type SecretHash, verifySecret } from './secret-hash.ts';
import { ACCOUNT_NAME_RE, type StaffAccount } from './staff-accounts.ts';

export {
  ACCOUNT_NAME_RE,
  parseStaffAccounts,
  type StaffAccount,
} from './staff-accounts.ts';

// Who the staff are and how they prove it: named accounts (configured as `name` and the scrypt
// hash of their secret, see staff-accounts.ts) that sign in for a session cookie, and bearer
// tokens for scripts (the shared FEEDBACK_STAFF_TOKEN, configured as a hash too, as actor
// "staff", or an account's own `name:secret`).
//
// A presented secret is hashed with the stored hash's salt and costs and compared with
// timingSafeEqual (secret-hash.ts). An unknown name is checked against a dummy hash of the same
// costs, so it takes the same time as a wrong secret and does not reveal which names exist.

/** The actor name the shared FEEDBACK_STAFF_TOKEN signs in and acts as. */
export const SHARED_TOKEN_ACTOR = 'staff';

/** Hex SHA-256, the form in which session tokens are stored. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new session token: 256 random bits, base64url. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Checks staff credentials. */
export interface StaffCredentials {
  /** True when staff endpoints exist at all (some account or token is configured). */
  readonly enabled: boolean;
  /**
   * The actor when `name` and `secret` match an account (the shared token signs in as "staff").
   * `current` is the account's hash when it is not the configured one (own-secret.ts).
   */
  signIn(name: string, secret: string, current?: string): Promise<string | undefined>;
  /**
   * The `Authorization: Bearer` header: undefined when there is none, null when it is wrong,
   * else the actor (the shared token, or an account's `name:secret`).
   */
  bearer(request: Request): Promise<string | null | undefined>;
}

/**
 * Credentials from the configured accounts and the optional shared token's hash. Throws when a
 * hash is not a PHC scrypt string (the configuration checks this with a friendlier message).
 */
export function createStaffCredentials(
  accounts: readonly StaffAccount[],
  sharedTokenHash: string | undefined,
): StaffCredentials {
  // The programmatic API accepts any cost; the configuration refuses weak hashes (MIN_WORK).
  const parse = (hash: string) => parseSecretHash(hash, 0);
  const hashes = new Map<string, SecretHash>(
    accounts.map((account) => [account.name, parse(account.secretHash)]),
  );
  const shared = sharedTokenHash ? parse(sharedTokenHash) : undefined;
  if (shared && !hashes.has(SHARED_TOKEN_ACTOR)) hashes.set(SHARED_TOKEN_ACTOR, shared);
  const typical = hashes.values().next().value ?? { ...RECOMMENDED_COST, hash: randomBytes(32) };
  const dummy: SecretHash = { ...typical, salt: randomBytes(16), hash: randomBytes(32) };

  const signIn = async (
    name: string,
    secret: string,
    current?: string,
  ): Promise<string | undefined> => {
    const configured = hashes.get(name);
    const expected = configured && current !== undefined ? parse(current) : configured;
    // Hash even for an unknown name, so both failures take the same path and time.
    const same = await verifySecret(secret, expected ?? dummy);
    return same && expected !== undefined ? name : undefined;
  };

  const bearer = async (request: Request): Promise<string | null | undefined> => {
    const header = request.headers.get('authorization');
    if (header === null) return undefined;
    const match = /^Bearer[ \t]+(\S+)\s*$/i.exec(header);
    const token = match?.[1] ?? '';
    if (shared && match && (await verifySecret(token, shared))) return SHARED_TOKEN_ACTOR;
    const colon = token.indexOf(':');
    if (match && colon > 0 && ACCOUNT_NAME_RE.test(token.slice(0, colon))) {
      return (await signIn(token.slice(0, colon), token.slice(colon + 1))) ?? null;
    }
    return null;
  };

  return { enabled: hashes.size > 0, signIn, bearer };
}
