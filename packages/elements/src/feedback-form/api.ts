// The two calls the form makes to the feedback service (docs/feedback-service.md), with every
// failure turned into a typed outcome the element can explain. No UI text here: the element
// turns outcomes into sentences while rendering.

/** Where a message is in the office's work. */
export type FeedbackStatus = 'received' | 'in-review' | 'answered' | 'closed';

/** A sentence from the service in each language. */
export interface ServiceMessage {
  fa: string;
  en: string;
}

/** The public answer of `GET {endpoint}/{code}`: never any personal data. */
export interface FeedbackStatusAnswer {
  code: string;
  status: FeedbackStatus;
  receivedAt: string;
  updatedAt: string;
  publicReply?: string | undefined;
  repliedAt?: string | undefined;
}

/** What went wrong with a call. */
export type Failure =
  /** No answer at all: offline, cut connection, DNS, CORS refusal, time-out. */
  | { kind: 'network' }
  /** 429: `seconds` from Retry-After when the service sent it. */
  | { kind: 'rate-limited'; seconds: number | undefined; message: ServiceMessage | undefined }
  /** A JSON error from the service: its stable code, sentence and bad fields. */
  | {
      kind: 'service';
      status: number;
      code: string;
      message: ServiceMessage | undefined;
      fields: readonly { field: string; message: string }[];
    };

export type Outcome<T> = { ok: true; value: T } | { ok: false; failure: Failure };

/** A slow mobile connection gets this long before the call counts as failed (and may be retried). */
const TIMEOUT_MS = 30_000;

/** Seconds to wait from a Retry-After header: a number of seconds or an HTTP date. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - now) / 1000));
}

function isMessage(value: unknown): value is ServiceMessage {
  const m = value as ServiceMessage | null;
  return (
    typeof m === 'object' && m !== null && typeof m.fa === 'string' && typeof m.en === 'string'
  );
}

async function failureOf(response: Response): Promise<Failure> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  // The service nests the error (`{ error: { code, message, fields } }`); accept it flat too.
  const raw = (body as { error?: unknown } | undefined)?.error ?? body;
  const error = (typeof raw === 'object' && raw !== null ? raw : {}) as {
    code?: unknown;
    message?: unknown;
    fields?: unknown;
  };
  const message = isMessage(error.message) ? error.message : undefined;
  if (response.status === 429) {
    return {
      kind: 'rate-limited',
      seconds: retryAfterSeconds(response.headers.get('retry-after')),
      message,
    };
  }
  const fields = Array.isArray(error.fields)
    ? error.fields.filter(
        (f): f is { field: string; message: string } =>
          typeof f?.field === 'string' && typeof f?.message === 'string',
      )
    : [];
  return {
    kind: 'service',
    status: response.status,
    code: typeof error.code === 'string' ? error.code : '',
    message,
    fields,
  };
}

/** One JSON call; every failure becomes a typed outcome (also used by bz-comments). */
export async function call<T>(url: string, init: RequestInit): Promise<Outcome<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      // Public API on another origin: no cookies, and CORS (the service's allowlist) decides.
      credentials: 'omit',
      mode: 'cors',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    return { ok: false, failure: { kind: 'network' } };
  }
  if (!response.ok) return { ok: false, failure: await failureOf(response) };
  try {
    return { ok: true, value: (await response.json()) as T };
  } catch {
    // A 2xx that is not JSON (a captive portal, a proxy's page): the send may not have happened.
    return { ok: false, failure: { kind: 'network' } };
  }
}

/** The body of POST {endpoint}, as core's FeedbackSchema describes it. */
export interface FeedbackBody {
  category: string;
  message: string;
  name?: string;
  contact?: string;
  anonymous: boolean;
  about: { serviceBaseId?: string; pageUrl?: string };
  consent: true;
  lang: 'fa' | 'en';
  idempotencyKey: string;
  website: string;
  elapsedMs: number;
}

/** POST the feedback; the answer carries the tracking code (`4831-0967-2254-7195`). */
export function sendFeedback(
  endpoint: string,
  body: FeedbackBody,
): Promise<Outcome<{ code: string }>> {
  return call(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
}

/** GET the public status of a (canonical, already checked) tracking code. */
export function lookUpStatus(
  endpoint: string,
  code: string,
): Promise<Outcome<FeedbackStatusAnswer>> {
  const url = `${endpoint.replace(/\/+$/, '')}/${encodeURIComponent(code)}`;
  return call(url, { headers: { accept: 'application/json' } });
}
