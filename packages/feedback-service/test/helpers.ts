import { createFeedbackHandler, type FeedbackHandlerOptions } from '../src/handler.ts';
import { hashSecret, type ScryptCost } from '../src/secret-hash.ts';
import type { StaffAccount } from '../src/staff-accounts.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import type { FeedbackStore } from '../src/store/types.ts';
import { ORIGIN } from './staff-fixtures.ts';

// Shared fixtures for the handler tests.

export const BASE = `${ORIGIN}/api/feedback`;
export const STAFF_TOKEN = 'staff-token-for-tests-0123456789';

/**
 * A cheap scrypt cost for handler tests, which check many secrets: the handler accepts any
 * cost (the configuration is where weak hashes are refused), and the check is the same code.
 */
export const TEST_COST: ScryptCost = { ln: 10, r: 8, p: 1 };
/** The shared token as the service is configured with it: its hash. */
export const STAFF_TOKEN_HASH = await hashSecret(STAFF_TOKEN, TEST_COST);

/**
 * An account for `staffAccounts`: the name, the hash of the secret and a role (admin unless
 * given: most handler tests are about what the office can do at all, scope.test.ts about who).
 */
export async function account(
  credentials: { name: string; secret: string },
  scope: Pick<StaffAccount, 'role' | 'provinces'> = { role: 'admin' },
): Promise<StaffAccount> {
  return {
    name: credentials.name,
    secretHash: await hashSecret(credentials.secret, TEST_COST),
    ...scope,
  };
}

/** A valid submission body; override fields as needed. */
export function validBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    category: 'complaint',
    message: 'صف پایگاه خیلی طولانی بود.',
    about: { serviceBaseId: 'isfahan-hesseh' },
    consent: true,
    lang: 'fa',
    elapsedMs: 12_000,
    ...overrides,
  };
}

/** A POST of `body` (JSON-encoded unless a string) with JSON content type unless overridden. */
export function post(body: unknown, headers: Record<string, string> = {}, url = BASE): Request {
  return new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body),
  });
}

/** A JSON POST whose body arrives as `body` streams it (no Content-Length). */
export function streamedPost(url: string, body: ReadableStream<Uint8Array>): Request {
  return new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    duplex: 'half',
  } as RequestInit);
}

export function staffHeaders(token = STAFF_TOKEN): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** A handler over a fresh in-memory SQLite store, with limits off unless asked for. */
export function setup(options: Partial<FeedbackHandlerOptions> = {}): {
  handler: ReturnType<typeof createFeedbackHandler>;
  store: FeedbackStore;
} {
  const store = options.store ?? openSqliteStore({ path: ':memory:' });
  const handler = createFeedbackHandler({
    submitLimit: false,
    lookupLimit: false,
    onError: () => undefined,
    ...options,
    store,
  });
  return { handler, store };
}

/** Number of rows in the store. */
export async function countRows(store: FeedbackStore): Promise<number> {
  return (await store.list({}, { limit: 1, offset: 0 })).total;
}
