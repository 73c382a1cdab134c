import { createFeedbackHandler, type FeedbackHandlerOptions } from '../src/handler.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import type { FeedbackStore } from '../src/store/types.ts';

// Shared fixtures for the handler tests.

export const BASE = 'http://feedback.test/api/feedback';
export const STAFF_TOKEN = 'staff-token-for-tests-0123456789';

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
