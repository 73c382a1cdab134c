// The feedback service's staff API as the inbox uses it: one fetch wrapper that turns every
// failure into a typed StaffApiError, so the page decides what to show from a kind, never
// from an HTTP status scattered through the UI code.

/** What went wrong, in the terms the page shows to staff. */
export type StaffErrorKind =
  | 'bad-credentials'
  | 'rate-limited'
  | 'session-expired'
  | 'signed-out'
  /** The server has no staff accounts configured (the staff routes answer 404). */
  | 'unavailable'
  | 'network'
  | 'other';

/** A localized sentence from the service. */
export interface ServerMessage {
  fa?: string;
  en?: string;
}

export class StaffApiError extends Error {
  readonly kind: StaffErrorKind;
  readonly status: number;
  /** The Retry-After header of a 429, as sent. */
  readonly retryAfter: string | null;
  readonly serverMessage: ServerMessage | undefined;

  constructor(
    kind: StaffErrorKind,
    status: number,
    options: { retryAfter?: string | null; serverMessage?: ServerMessage | undefined } = {},
  ) {
    super(kind);
    this.name = 'StaffApiError';
    this.kind = kind;
    this.status = status;
    this.retryAfter = options.retryAfter ?? null;
    this.serverMessage = options.serverMessage;
  }
}

/** The error code and message of a JSON error body: `{ code, message }` or `{ error: { code, message } }`. */
function errorOf(body: unknown): { code: string; message: ServerMessage | undefined } {
  if (typeof body !== 'object' || body === null) return { code: '', message: undefined };
  const outer = body as { code?: unknown; message?: unknown; error?: unknown };
  const inner =
    typeof outer.error === 'object' && outer.error !== null
      ? (outer.error as { code?: unknown; message?: unknown })
      : outer;
  const code = typeof inner.code === 'string' ? inner.code : '';
  const message =
    typeof inner.message === 'object' && inner.message !== null
      ? (inner.message as ServerMessage)
      : undefined;
  return { code: code.toLowerCase().replace(/_/g, '-'), message };
}

function kindOf(status: number, code: string): StaffErrorKind {
  if (code === 'bad-credentials') return 'bad-credentials';
  if (code === 'session-expired') return 'session-expired';
  if (status === 429 || code === 'rate-limited') return 'rate-limited';
  if (status === 401) return 'signed-out';
  if (status === 404 && (code === '' || code === 'not-found')) return 'unavailable';
  return 'other';
}

/**
 * Calls the API. The session cookie goes along by itself (same origin, `Path=/api`); unsafe
 * methods carry `Content-Type: application/json`, which the service requires with the cookie
 * (a form on another site cannot send it). Resolves with the Response when it is 2xx.
 */
export async function staffFetch(
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<Response> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && method !== 'HEAD') headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  } catch {
    throw new StaffApiError('network', 0);
  }
  if (response.ok) return response;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const { code, message } = errorOf(body);
  throw new StaffApiError(kindOf(response.status, code), response.status, {
    retryAfter: response.headers.get('retry-after'),
    serverMessage: message,
  });
}

/** `staffFetch` and the JSON body. */
export async function staffJson<T>(
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const response = await staffFetch(path, init);
  return (await response.json()) as T;
}

/** The session as `GET /api/staff/session` describes it. */
export interface StaffSession {
  name: string;
  expiresAt?: string;
  /** admin, caseworker, moderator; null without a role. */
  role?: string | null;
  /** The provinces the role applies to, or `all` for admins. */
  provinces?: string[] | 'all';
}

/** One item of the staff list: feedback or a comment (fields as the service's staff view). */
export interface StaffRecord {
  code: string;
  kind?: string;
  category?: string;
  status: string;
  message: string;
  name?: string;
  contact?: string;
  anonymous?: boolean;
  serviceBaseId?: string;
  pageUrl?: string;
  article?: string;
  parent?: string;
  lang?: string;
  receivedAt: string;
  updatedAt?: string;
  publicReply?: string;
  repliedAt?: string;
}

export interface StaffPage {
  items: StaffRecord[];
  total: number;
  nextOffset?: number | null;
}

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  target?: string | null;
}

export interface AuditPage {
  items: AuditEntry[];
  total: number;
}
