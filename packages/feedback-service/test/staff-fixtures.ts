import type { ErrorBody } from '../src/errors.ts';

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
