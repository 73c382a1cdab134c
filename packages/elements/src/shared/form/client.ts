import type { ErrorBody, SubmitAnswer } from '@behzisti/core/feedback-api';
import type { Failure, Outcome, ServiceMessage } from '../errors.ts';

// How the feedback form and the comments talk to the feedback service (docs/feedback-service.md):
// one JSON call, every failure turned into a typed outcome (errors.ts). No UI text here: the
// elements turn outcomes into sentences while rendering.

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

type LooseError = Partial<Record<keyof ErrorBody['error'], unknown>>;

async function failureOf(response: Response): Promise<Failure> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  // The service nests the error (`{ error: { code, message, fields } }`); accept it flat too.
  const raw = (body as { error?: unknown } | undefined)?.error ?? body;
  const error = (typeof raw === 'object' && raw !== null ? raw : {}) as LooseError;
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

/** One JSON call; every failure becomes a typed outcome. `init.signal` can cancel it. */
export async function call<T>(url: string, init: RequestInit): Promise<Outcome<T>> {
  let response: Response;
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  try {
    response = await fetch(url, {
      ...init,
      // Public API on another origin: no cookies, and CORS (the service's allowlist) decides.
      credentials: 'omit',
      mode: 'cors',
      signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout,
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

/** GET a JSON document. */
export function getJson<T>(url: string, signal?: AbortSignal): Promise<Outcome<T>> {
  return call(
    url,
    signal
      ? { headers: { accept: 'application/json' }, signal }
      : { headers: { accept: 'application/json' } },
  );
}

/** `path` under an endpoint given with or without its trailing slash. */
export function endpointUrl(endpoint: string, path: string): string {
  return `${endpoint.replace(/\/+$/, '')}${path}`;
}

/**
 * POST a JSON body: a submission (feedback or a comment, core's feedback-api contract); the
 * service answers with the new item's tracking code.
 */
export function postJson(url: string, body: unknown): Promise<Outcome<SubmitAnswer>> {
  return call(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
}
