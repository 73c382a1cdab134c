import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// Who the staff are and how they prove it: named accounts (`name:secret` pairs from
// configuration) that sign in for a session cookie, and bearer tokens for scripts (the single
// shared FEEDBACK_STAFF_TOKEN, as actor "staff", or an account's own `name:secret`).
//
// Secrets are compared as SHA-256 digests with timingSafeEqual, so the comparison is
// constant-time whatever the lengths (timingSafeEqual needs equal lengths, and comparing
// lengths first would leak the secret's length). An unknown name is compared against a dummy
// digest so it takes the same time as a wrong secret.

/** One staff account. */
export interface StaffAccount {
  name: string;
  secret: string;
}

/** The actor name the shared FEEDBACK_STAFF_TOKEN signs in and acts as. */
export const SHARED_TOKEN_ACTOR = 'staff';
/** Shorter secrets could be guessed; the docs show how to make a long one. */
export const MIN_SECRET_LENGTH = 16;
/** Account names: what the audit log shows. */
export const ACCOUNT_NAME_RE = /^[A-Za-z0-9._-]{1,64}$/;

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Hex SHA-256, the form in which session tokens are stored. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new session token: 256 random bits, base64url. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Reads `FEEDBACK_STAFF`: comma-separated `name:secret` pairs (the secret may itself contain
 * colons). Throws an Error naming the bad pair (without its secret).
 */
export function parseStaffAccounts(text: string | undefined): StaffAccount[] {
  const accounts: StaffAccount[] = [];
  for (const [index, pair] of (text ?? '').split(',').entries()) {
    const trimmed = pair.trim();
    if (trimmed === '') continue;
    const colon = trimmed.indexOf(':');
    const name = colon < 0 ? trimmed : trimmed.slice(0, colon);
    const secret = colon < 0 ? '' : trimmed.slice(colon + 1);
    const where = `pair ${index + 1}`;
    if (!ACCOUNT_NAME_RE.test(name)) {
      throw new Error(`${where}: the name must be 1 to 64 letters, digits, '.', '_' or '-'`);
    }
    if (secret.length < MIN_SECRET_LENGTH) {
      throw new Error(
        `${where} (${name}): the secret is too short (at least ${MIN_SECRET_LENGTH} characters); make one with: openssl rand -base64 32`,
      );
    }
    if (accounts.some((account) => account.name === name)) {
      throw new Error(`${where}: the name '${name}' is listed twice`);
    }
    accounts.push({ name, secret });
  }
  return accounts;
}

/** Checks staff credentials. */
export interface StaffCredentials {
  /** True when staff endpoints exist at all (some account or token is configured). */
  readonly enabled: boolean;
  /** The actor when `name` and `secret` match an account (the shared token signs in as "staff"). */
  signIn(name: string, secret: string): string | undefined;
  /**
   * The `Authorization: Bearer` header: undefined when there is none, null when it is wrong,
   * else the actor (the shared token, or an account's `name:secret`).
   */
  bearer(request: Request): string | null | undefined;
}

/** Credentials from the configured accounts and the optional shared token. */
export function createStaffCredentials(
  accounts: readonly StaffAccount[],
  sharedToken: string | undefined,
): StaffCredentials {
  const digests = new Map(accounts.map((account) => [account.name, sha256(account.secret)]));
  if (sharedToken && !digests.has(SHARED_TOKEN_ACTOR)) {
    digests.set(SHARED_TOKEN_ACTOR, sha256(sharedToken));
  }
  const shared = sharedToken ? sha256(sharedToken) : undefined;
  const dummy = sha256(randomBytes(32).toString('hex'));

  const signIn = (name: string, secret: string): string | undefined => {
    const expected = digests.get(name);
    // Compare even for an unknown name, so both failures take the same path.
    const same = timingSafeEqual(sha256(secret), expected ?? dummy);
    return same && expected !== undefined ? name : undefined;
  };

  const bearer = (request: Request): string | null | undefined => {
    const header = request.headers.get('authorization');
    if (header === null) return undefined;
    const match = /^Bearer[ \t]+(\S+)\s*$/i.exec(header);
    const token = match?.[1] ?? '';
    // Hash even when the header is malformed so every failure takes the same path.
    if (timingSafeEqual(sha256(token), shared ?? dummy) && shared && match) {
      return SHARED_TOKEN_ACTOR;
    }
    const colon = token.indexOf(':');
    if (colon > 0) return signIn(token.slice(0, colon), token.slice(colon + 1)) ?? null;
    return null;
  };

  return { enabled: digests.size > 0, signIn, bearer };
}
