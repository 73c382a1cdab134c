import { HttpError } from './errors.ts';
import { newSessionToken, tokenHash } from './staff-auth.ts';
import type { FeedbackStore, StaffSession } from './store/types.ts';

// Staff sessions: a random cookie whose SHA-256 is a row in `staff_sessions`, so sessions
// survive a restart and are shared by every instance on one database, and a stolen copy of the
// database holds nothing that can be sent as a cookie. A session ends after a spell of
// inactivity (idle) or a fixed time after sign-in (absolute), whichever comes first; when its
// account's configuration changes (removed, disabled, new secret or role: the fingerprint in the
// row no longer matches); when the account signs in more than MAX_SESSIONS_PER_ACCOUNT times
// (the oldest ends); and everywhere at once on request.

/** The cookie's name. */
export const SESSION_COOKIE = 'bz_staff';
/** Minutes of inactivity that end a session, unless configured. */
export const DEFAULT_SESSION_IDLE_MINUTES = 30;
/** The longest a session lasts, however active: a working day. */
export const DEFAULT_SESSION_MAX_MINUTES = 8 * 60;
/** Sessions one account may hold at once; signing in again ends the oldest. */
export const MAX_SESSIONS_PER_ACCOUNT = 5;
/** Expired sessions are kept this long, so their cookie is answered "expired" rather than "signed out". */
const EXPIRED_KEPT_MS = 24 * 60 * 60 * 1000;

/** Session lifetimes in milliseconds. */
export interface SessionTimes {
  idleMs: number;
  maxMs: number;
}

/** The value of cookie `name` in the request, if sent. */
export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get('cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * The Set-Cookie value. Path=/api: the cookie goes only to the API, never to pages or assets.
 * SameSite=Strict: no other site can make the browser send it. Secure when served over https.
 */
export function sessionCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${value}`,
    'HttpOnly',
    'SameSite=Strict',
    'Path=/api',
    `Max-Age=${maxAgeSeconds}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/** When `session` ends (idle or absolute, whichever is first), in ms since the epoch. */
export function sessionEnd(session: StaffSession, times: SessionTimes): number {
  return Math.min(
    Date.parse(session.lastSeenAt) + times.idleMs,
    Date.parse(session.createdAt) + times.maxMs,
  );
}

/** Creates, checks and ends sessions in the store. */
export class SessionManager {
  readonly #store: FeedbackStore;
  readonly #times: SessionTimes;
  readonly #now: () => Date;

  constructor(store: FeedbackStore, times: SessionTimes, now: () => Date) {
    this.#store = store;
    this.#times = times;
    this.#now = now;
  }

  get times(): SessionTimes {
    return this.#times;
  }

  /**
   * Starts a session for `actor` whose account configuration has `fingerprint`, ending its
   * oldest sessions beyond the cap; returns the cookie value (never stored).
   */
  async start(actor: string, fingerprint: string | undefined): Promise<string> {
    const now = this.#now();
    // Long-dead sessions are cleared here, the only time a session is written without being read.
    await this.#store.purgeSessions(
      new Date(now.getTime() - this.#times.idleMs - EXPIRED_KEPT_MS).toISOString(),
      new Date(now.getTime() - this.#times.maxMs - EXPIRED_KEPT_MS).toISOString(),
    );
    const token = newSessionToken();
    const at = now.toISOString();
    await this.#store.createSession({
      tokenHash: tokenHash(token),
      actor,
      createdAt: at,
      lastSeenAt: at,
      fingerprint,
    });
    await this.#store.trimSessions(actor, MAX_SESSIONS_PER_ACCOUNT);
    return token;
  }

  /**
   * The live session for the cookie value, its idle timer restarted. Throws 401 SIGNED_OUT
   * (no or unknown cookie, or the account has changed since: `current` gives the account's
   * fingerprint now) or SESSION_EXPIRED.
   */
  async use(
    token: string | undefined,
    current: (actor: string) => Promise<string | undefined>,
  ): Promise<{ actor: string; expiresAt: string }> {
    if (!token) throw new HttpError('SIGNED_OUT');
    const hash = tokenHash(token);
    const session = await this.#store.getSession(hash);
    if (!session) throw new HttpError('SIGNED_OUT');
    const fingerprint = await current(session.actor);
    if (fingerprint === undefined || session.fingerprint !== fingerprint) {
      await this.#store.deleteSession(hash);
      throw new HttpError('SIGNED_OUT');
    }
    const now = this.#now();
    if (now.getTime() >= sessionEnd(session, this.#times)) throw new HttpError('SESSION_EXPIRED');
    const lastSeenAt = now.toISOString();
    await this.#store.touchSession(hash, lastSeenAt);
    return {
      actor: session.actor,
      expiresAt: new Date(sessionEnd({ ...session, lastSeenAt }, this.#times)).toISOString(),
    };
  }

  /** Ends every session of `actor`; returns how many there were. */
  endAll(actor: string): Promise<number> {
    return this.#store.endSessionsOf(actor);
  }

  /** Ends the session for the cookie value; returns its actor when there was a live one. */
  async end(token: string | undefined): Promise<string | undefined> {
    if (!token) return undefined;
    const hash = tokenHash(token);
    const session = await this.#store.getSession(hash);
    if (!session) return undefined;
    await this.#store.deleteSession(hash);
    return this.#now().getTime() < sessionEnd(session, this.#times) ? session.actor : undefined;
  }
}
