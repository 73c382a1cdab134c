// The REAL feedback service (packages/feedback-service: createFeedbackHandler over an in-memory
// SQLite store) mounted on the @web/test-runner dev server, so <bz-feedback-form> is tested end to
// end against the code that runs in production, plus switchable failures for the retry paths.
//
// Every test picks its own scenario id, so Chromium and Firefox (which run at the same time) and
// tests within one browser never share a store:
//
//   /__feedback__/<id>/api/feedback[/<code>]   the service (staff API on, token STAFF_TOKEN)
//   /__feedback__/<id>/api/comments[/counts]    its published comments (bz-comments)
//   POST /__feedback__/<id>/control             { fail, minFillMs, submitLimit, lookupLimit }
//       fail: 'drop'             the connection is cut before the service sees the request
//             'drop-after-store' the service stores it, then the connection is cut (no 201 arrives)
//             'internal'         the service's own 500 INTERNAL answer
//             null               back to normal
//   GET  /__feedback__/<id>/log                 every API request: method, path, idempotencyKey, what happened
//   GET  /__feedback__/cross-origin             { base }: the same routes on another port (another origin),
//                                               whose service allows the test page's origin (CORS allowlist)
//
// The failure switches stay on until changed, because a browser may silently resend a request
// whose keep-alive connection was cut; every resend then fails the same way.
import { createServer } from 'node:http';
import {
  createFeedbackHandler,
  errorResponse,
  hashSecret,
  openSqliteStore,
  sendResponse,
} from '@behzisti/feedback-service';

/** Bearer token of the staff API in tests (lets tests ask the store and set statuses). */
export const STAFF_TOKEN = 'test-staff-token-0123456789';
// The service is configured with the token's hash only; a cheap cost keeps each check quick.
const STAFF_TOKEN_HASH = await hashSecret(STAFF_TOKEN, { ln: 10, r: 8, p: 1 });

/**
 * @typedef {{ capacity: number, refillPerSecond: number }} Limit
 * @typedef {{ fail?: 'drop' | 'drop-after-store' | 'internal' | null, minFillMs?: number,
 *   submitLimit?: Limit | false, lookupLimit?: Limit | false }} Options
 * @typedef {{ method: string, path: string, idempotencyKey?: string, outcome: string }} LogEntry
 * @typedef {{ store: import('@behzisti/feedback-service').FeedbackStore,
 *   handler: import('@behzisti/feedback-service').FeedbackHandler,
 *   options: Options, log: LogEntry[] }} Scenario
 */

/** @type {Map<string, Scenario>} */
const scenarios = new Map();
/** Origins of the test pages (the dev server), allowed by the cross-origin server's service. */
const pageOrigins = new Set();

/** @param {string} id @param {Scenario['store']} store @param {Options} options */
function makeHandler(id, store, options) {
  return createFeedbackHandler({
    store,
    basePath: `/__feedback__/${id}/api/feedback`,
    // bz-comments reads the published comments beside the feedback API.
    commentsPath: `/__feedback__/${id}/api/comments`,
    staffPath: `/__feedback__/${id}/api/staff`,
    staffToken: STAFF_TOKEN_HASH,
    allowedOrigins: [...pageOrigins],
    minFillMs: options.minFillMs ?? 0,
    submitLimit: options.submitLimit ?? false,
    lookupLimit: options.lookupLimit ?? false,
    onError: (error) => console.error('feedback test service:', error),
  });
}

/** @param {string} id @returns {Promise<Scenario>} */
async function scenario(id) {
  let found = scenarios.get(id);
  if (!found) {
    const store = await openSqliteStore({ path: ':memory:' });
    found = { store, options: {}, log: [], handler: makeHandler(id, store, {}) };
    scenarios.set(id, found);
  }
  return found;
}

/** @param {import('node:http').IncomingMessage} req @returns {Promise<Buffer>} */
async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** @param {import('node:http').ServerResponse} res @param {unknown} body */
function sendJson(res, body, status = 200) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** @param {Buffer} body */
function keyOf(body) {
  try {
    const key = JSON.parse(body.toString('utf8'))?.idempotencyKey;
    return typeof key === 'string' ? key : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serves one request under /__feedback__/ on a plain Node request/response pair.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} pathname
 */
async function serve(req, res, pathname) {
  const [, id = '', rest = ''] = /^\/__feedback__\/([\w-]+)(?:\/(.*))?$/.exec(pathname) ?? [];
  if (!id) return sendJson(res, { error: 'no scenario' }, 404);
  if (id === 'cross-origin') return sendJson(res, { base: await crossOriginBase() });
  const current = await scenario(id);
  const body = await readBody(req);

  if (rest === 'control') {
    /** @type {Options} */
    const options = { ...current.options, ...JSON.parse(body.toString('utf8') || '{}') };
    current.options = options;
    current.handler = makeHandler(id, current.store, options);
    return sendJson(res, { ok: true });
  }
  if (rest === 'log') return sendJson(res, current.log);

  /** @type {LogEntry} */
  const entry = { method: req.method ?? 'GET', path: rest, outcome: '' };
  const key = keyOf(body);
  if (key) entry.idempotencyKey = key;
  current.log.push(entry);

  const fail = current.options.fail;
  const isApi = entry.method !== 'OPTIONS';
  if (isApi && fail === 'drop') {
    entry.outcome = 'dropped';
    req.socket.destroy();
    return;
  }
  let response;
  if (isApi && fail === 'internal') {
    response = errorResponse('INTERNAL');
  } else {
    const headers = new Headers();
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
      headers.append(req.rawHeaders[i] ?? '', req.rawHeaders[i + 1] ?? '');
    }
    const hasBody = entry.method !== 'GET' && entry.method !== 'HEAD';
    const request = new Request(`http://${req.headers.host}${req.url}`, {
      method: entry.method,
      headers,
      ...(hasBody ? { body } : {}),
    });
    response = await current.handler(request, { clientAddress: req.socket.remoteAddress });
  }
  if (isApi && fail === 'drop-after-store') {
    entry.outcome = `dropped after ${response.status}`;
    req.socket.destroy();
    return;
  }
  entry.outcome = String(response.status);
  await sendResponse(res, response);
}

/** @type {Promise<string> | undefined} */
let crossOrigin;

/** The base URL of a second server (another port, so another origin) with the same routes. */
function crossOriginBase() {
  crossOrigin ??= new Promise((resolve) => {
    const server = createServer((req, res) => {
      const pathname = new URL(req.url ?? '/', 'http://x').pathname;
      serve(req, res, pathname).catch((error) => {
        console.error('feedback test service:', error);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
    });
    server.unref();
  });
  return crossOrigin;
}

/**
 * Koa middleware for the dev server.
 * @param {import('koa').Context} context @param {() => Promise<void>} next
 */
export async function feedbackRoutes(context, next) {
  if (!context.path.startsWith('/__feedback__/')) return next();
  pageOrigins.add(context.origin);
  // The answer is written to the Node response directly (or the connection is cut on purpose);
  // the status only keeps the dev server from logging these requests as 404s.
  context.status = 200;
  context.respond = false;
  await serve(context.req, context.res, context.path);
}
