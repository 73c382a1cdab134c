import { formatTrackingCode, generateTrackingCode, parseTrackingCode } from '@behzisti/core';
import { addressKey, clientAddress } from './client-key.ts';
import { type CorsPolicy, createCorsPolicy } from './cors.ts';
import { errorResponse, HttpError, jsonResponse } from './errors.ts';
import { type RateLimit, RateLimiter } from './rate-limit.ts';
import { MAX_BODY_BYTES, readJsonBody } from './read-body.ts';
import { csvRow } from './safe-text.ts';
import {
  CSV_COLUMNS,
  csvValues,
  parseListQuery,
  parseUpdate,
  publicView,
  staffView,
} from './staff.ts';
import { createStaffAuth } from './staff-auth.ts';
import { CodeCollisionError, type FeedbackRecord, type FeedbackStore } from './store/types.ts';
import { screenSubmission } from './submission.ts';

// The feedback API as one web-standard function (Request → Response), so the portal's Node
// server and the standalone server (server.ts) run the same code.
//
//   POST   {base}          submit → 201 { code }
//   GET    {base}/{code}   public status
//   GET    {base}          staff: list            (only with a staff token; else 404)
//   GET    {base}.csv      staff: CSV export      (only with a staff token; else 404)
//   PATCH  {base}/{code}   staff: status / reply  (only with a staff token; else 404)

/** Defaults for the per-client limits; generous because mobile carriers share addresses (CGNAT). */
export const DEFAULT_SUBMIT_LIMIT: RateLimit = { capacity: 20, refillPerSecond: 20 / 600 };
export const DEFAULT_LOOKUP_LIMIT: RateLimit = { capacity: 60, refillPerSecond: 1 };
/** A person needs at least this long to fill in the form. */
export const DEFAULT_MIN_FILL_MS = 3000;

/** Options of {@link createFeedbackHandler}. */
export interface FeedbackHandlerOptions {
  store: FeedbackStore;
  /** Path of the API (default `/api/feedback`). */
  basePath?: string;
  /** Bearer token for the staff endpoints; without it they do not exist (404). */
  staffToken?: string | undefined;
  /** Origins (`https://example.ir`) whose pages may call the API from the browser. */
  allowedOrigins?: readonly string[];
  /** Header a trusted reverse proxy sets to the client's address (e.g. `x-forwarded-for`). */
  trustProxyHeader?: string | undefined;
  /** Per-client limit on submissions; `false` turns it off. */
  submitLimit?: RateLimit | false;
  /** Per-client limit on status lookups; `false` turns it off. */
  lookupLimit?: RateLimit | false;
  /** Minimum time between showing and sending the form (0 turns the check off). */
  minFillMs?: number;
  /** Largest accepted body in bytes (default 16 kB). */
  maxBodyBytes?: number;
  /** Clock, for tests. */
  now?: () => Date;
  /** Called with unexpected errors (the client gets a 500 INTERNAL). */
  onError?: (error: unknown) => void;
}

/** What the server knows about the connection. */
export interface RequestContext {
  /** The socket's remote address. */
  clientAddress?: string | undefined;
}

/** The API. */
export type FeedbackHandler = (request: Request, context?: RequestContext) => Promise<Response>;

const CODE_ATTEMPTS = 5;

function limiter(limit: RateLimit | false | undefined, fallback: RateLimit) {
  return limit === false ? undefined : new RateLimiter(limit ?? fallback);
}

/** Builds the feedback API over `options.store`. */
export function createFeedbackHandler(options: FeedbackHandlerOptions): FeedbackHandler {
  const base = (options.basePath ?? '/api/feedback').replace(/\/+$/, '');
  const store = options.store;
  const now = options.now ?? (() => new Date());
  const minFillMs = options.minFillMs ?? DEFAULT_MIN_FILL_MS;
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const cors: CorsPolicy = createCorsPolicy(options.allowedOrigins ?? []);
  const isStaff = options.staffToken ? createStaffAuth(options.staffToken) : undefined;
  const submitLimiter = limiter(options.submitLimit, DEFAULT_SUBMIT_LIMIT);
  const lookupLimiter = limiter(options.lookupLimit, DEFAULT_LOOKUP_LIMIT);
  const onError =
    options.onError ?? ((error: unknown) => console.error('feedback-service error:', error));

  const allowHeaders = isStaff ? ['Content-Type', 'Authorization'] : ['Content-Type'];

  const takeToken = (
    bucket: RateLimiter | undefined,
    request: Request,
    context: RequestContext,
  ): void => {
    if (!bucket) return;
    const key = addressKey(clientAddress(request, context.clientAddress, options.trustProxyHeader));
    const decision = bucket.take(key);
    if (!decision.allowed) {
      throw new HttpError('RATE_LIMITED', {
        headers: { 'retry-after': String(decision.retryAfterSeconds) },
      });
    }
  };

  /** A browser page from an origin not on the allowlist must not change anything. */
  const refuseForeignOrigin = (request: Request): void => {
    const origin = request.headers.get('origin');
    if (origin !== null && !cors.allows(origin, request)) throw new HttpError('ORIGIN_NOT_ALLOWED');
  };

  const requireStaff = (request: Request): void => {
    if (!isStaff) throw new HttpError('NOT_FOUND');
    if (!isStaff(request)) {
      throw new HttpError('UNAUTHORIZED', {
        headers: { 'www-authenticate': 'Bearer realm="feedback"' },
      });
    }
  };

  const submit = async (request: Request, context: RequestContext): Promise<Response> => {
    refuseForeignOrigin(request);
    takeToken(submitLimiter, request, context);
    const body = await readJsonBody(request, maxBodyBytes);
    const screening = screenSubmission(body, minFillMs);
    if (screening.kind === 'honeypot') {
      // Looks like success to the bot, so it does not adapt; nothing is stored.
      return jsonResponse({ code: formatTrackingCode(generateTrackingCode(), 'en') }, 201);
    }
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await store.insert({
          ...screening.feedback,
          code: generateTrackingCode(),
          receivedAt: now().toISOString(),
        });
        const code = formatTrackingCode(result.code, 'en');
        return jsonResponse({ code }, 201, { location: `${base}/${code}` });
      } catch (error) {
        if (!(error instanceof CodeCollisionError) || attempt >= CODE_ATTEMPTS) throw error;
      }
    }
  };

  const codeFrom = (segment: string): string => {
    let text: string;
    try {
      text = decodeURIComponent(segment);
    } catch {
      text = segment;
    }
    const parsed = parseTrackingCode(text);
    if (!parsed.ok) {
      throw new HttpError('INVALID_TRACKING_CODE', {
        fields: [{ field: 'code', message: `tracking code refused: ${parsed.error}` }],
      });
    }
    return parsed.code;
  };

  const lookup = async (
    request: Request,
    context: RequestContext,
    segment: string,
  ): Promise<Response> => {
    takeToken(lookupLimiter, request, context);
    const code = codeFrom(segment);
    const record = await store.getByCode(code);
    if (!record) throw new HttpError('UNKNOWN_TRACKING_CODE');
    return jsonResponse(publicView(record, formatTrackingCode(code, 'en')));
  };

  const list = async (request: Request, url: URL): Promise<Response> => {
    requireStaff(request);
    const { filter, limit, offset } = parseListQuery(url.searchParams);
    const page = await store.list(filter, { limit, offset });
    const next = offset + page.items.length;
    return jsonResponse({
      items: page.items.map(staffView),
      total: page.total,
      limit,
      offset,
      nextOffset: next < page.total ? next : null,
    });
  };

  const exportCsv = (request: Request, url: URL): Response => {
    requireStaff(request);
    const { filter } = parseListQuery(url.searchParams);
    const encoder = new TextEncoder();
    const records = store.exportRecords(filter)[Symbol.asyncIterator]();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        // The BOM makes spreadsheet programs read the file as UTF-8 (Persian text intact).
        controller.enqueue(encoder.encode(`\uFEFF${csvRow(CSV_COLUMNS)}`));
      },
      async pull(controller) {
        try {
          const next = await records.next();
          if (next.done) {
            controller.close();
            return;
          }
          const record: FeedbackRecord = next.value;
          controller.enqueue(encoder.encode(csvRow(csvValues(record))));
        } catch (error) {
          onError(error);
          controller.error(error);
        }
      },
      async cancel() {
        await records.return?.();
      },
    });
    const day = now().toISOString().slice(0, 10);
    return new Response(stream, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="feedback-${day}.csv"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  };

  const update = async (request: Request, segment: string): Promise<Response> => {
    requireStaff(request);
    refuseForeignOrigin(request);
    const code = codeFrom(segment);
    const body = await readJsonBody(request, maxBodyBytes);
    const changes = parseUpdate(body);
    const record = await store.update(code, changes, now().toISOString());
    if (!record) throw new HttpError('UNKNOWN_TRACKING_CODE');
    return jsonResponse(staffView(record));
  };

  const methodNotAllowed = (allowed: readonly string[]): never => {
    throw new HttpError('METHOD_NOT_ALLOWED', { headers: { allow: allowed.join(', ') } });
  };

  const route = async (request: Request, context: RequestContext): Promise<Response> => {
    const url = new URL(request.url);
    const path = url.pathname.replace(/\/+$/, '');
    const method = request.method.toUpperCase();

    let methods: string[];
    let kind: 'collection' | 'csv' | 'item';
    let segment = '';
    if (path === base) {
      kind = 'collection';
      methods = isStaff ? ['GET', 'POST'] : ['POST'];
    } else if (path === `${base}.csv` && isStaff) {
      kind = 'csv';
      methods = ['GET'];
    } else if (path.startsWith(`${base}/`) && !path.slice(base.length + 1).includes('/')) {
      kind = 'item';
      segment = path.slice(base.length + 1);
      methods = isStaff ? ['GET', 'PATCH'] : ['GET'];
    } else {
      throw new HttpError('NOT_FOUND');
    }

    if (method === 'OPTIONS') {
      if (request.headers.has('access-control-request-method')) {
        return cors.preflight(request, [...methods, 'OPTIONS'], allowHeaders);
      }
      return new Response(null, {
        status: 204,
        headers: { allow: [...methods, 'OPTIONS'].join(', ') },
      });
    }
    if (kind === 'collection') {
      if (method === 'POST') return submit(request, context);
      if (method === 'GET') return list(request, url);
    } else if (kind === 'csv') {
      if (method === 'GET' || method === 'HEAD') return exportCsv(request, url);
    } else {
      if (method === 'GET' || method === 'HEAD') return lookup(request, context, segment);
      if (method === 'PATCH' && isStaff) return update(request, segment);
      // A staff-only method without a staff token is "absent", like the staff routes.
      if (method === 'PATCH') throw new HttpError('NOT_FOUND');
    }
    return methodNotAllowed([...methods, 'OPTIONS']);
  };

  return async (request, context = {}) => {
    let response: Response;
    try {
      response = await route(request, context);
    } catch (error) {
      if (error instanceof HttpError) response = error.toResponse();
      else {
        onError(error);
        response = errorResponse('INTERNAL');
      }
    }
    const preflight =
      request.method.toUpperCase() === 'OPTIONS' &&
      request.headers.has('access-control-request-method');
    // Preflight answers carry their own CORS headers; every other answer (errors included, so an
    // embedded form can read the message) gets them here.
    if (!preflight) cors.apply(request, response.headers);
    return response;
  };
}
