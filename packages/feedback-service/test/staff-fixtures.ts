import type { ErrorBody } from '../src/errors.ts';
import { createFeedbackHandler, type FeedbackHandlerOptions } from '../src/handler.ts';

// What the tests of the staff routes share (sessions, tokens, one's own secret, comments).

/** The service's origin in the tests (helpers.ts BASE is its feedback route on it). */
export const ORIGIN = 'http://feedback.test';

/** Where staff sign in (POST) and out (DELETE). */
export const SESSION = `${ORIGIN}/api/staff/session`;

/** Two staff members' sign-in details (their accounts: `account(MARYAM)`). */
export const MARYAM = { name: 'maryam', secret: 'maryam-secret-0123456789' };
export const REZA = { name: 'reza', secret: 'reza-secret-0123456789ab' };

/** The typed code of an error answer. */
export async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as ErrorBody).error.code;
}

/** The cookie's `name=value` from a Set-Cookie header. */
export function cookieOf(response: Response): string {
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/**
 * A handler for the staff-route suites on both engines: the submit and lookup limits off, and
 * any unexpected error thrown, so it fails the test instead of becoming a 500.
 */
export function strictHandler(
  options: FeedbackHandlerOptions,
): ReturnType<typeof createFeedbackHandler> {
  return createFeedbackHandler({
    submitLimit: false,
    lookupLimit: false,
    onError: (error) => {
      throw error;
    },
    ...options,
  });
}
