import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Logger, pino } from 'pino';

// One JSON line per request, through pino: what an operator needs to follow a request and
// count failures, and nothing personal — no client address, no query string, no body, and a
// route pattern instead of the raw path where the path could carry a tracking code or be
// chosen by the client.

export type { Logger };

/**
 * The process's logger: JSON lines on stdout; LOG_LEVEL (info) picks how much, `silent` none.
 * Writing is pino's own destination (sonic-boom, asynchronous), fed once per turn of the event
 * loop: the lines logged during one turn (under load, those of many requests) go out in one
 * write, so a request does not pay a system call for its line (a sixth of the server's CPU per
 * submission in issue 13's profile). A line waits at most for the end of its turn, and lines
 * still waiting when the process exits are written first, then pino flushes its destination.
 */
export function createLogger(
  service: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Logger {
  return pino(
    {
      level: env.LOG_LEVEL?.trim() || 'info',
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    linesPerTurn(),
  );
}

/** A pino destination that hands the lines of one event-loop turn to stdout in one write. */
function linesPerTurn(): { write: (line: string) => void } {
  let waiting: string[] = [];
  let scheduled = false;
  // Registered before pino's destination, so on exit our lines reach it before it flushes.
  const flushOnExit = (): void => {
    if (waiting.length > 0) destination.write(waiting.join(''));
    waiting = [];
  };
  process.once('exit', flushOnExit);
  const destination = pino.destination({ dest: 1, sync: false });
  const flush = (): void => {
    scheduled = false;
    const text = waiting.join('');
    waiting = [];
    destination.write(text);
  };
  return {
    write(line) {
      waiting.push(line);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
  };
}

const routeKey = Symbol('bz.route');

/**
 * Names what answered this response (`static`, `/api/feedback/:code`, `not-found`…) for its log
 * line. The layer that answers sets it; unset, the log line says `unmatched`.
 */
export function setRoute(res: ServerResponse, route: string): void {
  (res as unknown as Record<symbol, string>)[routeKey] = route;
}

export function routeOf(res: ServerResponse): string | undefined {
  return (res as unknown as Record<symbol, string | undefined>)[routeKey];
}

const viaKey = Symbol('bz.via');

/**
 * Says, in the log line's `via`, that a layer other than the usual one answered (the portal's
 * API fast path: `handler`), so an operator can tell the two apart when comparing answers.
 */
export function setVia(res: ServerResponse, via: string): void {
  (res as unknown as Record<symbol, string>)[viaKey] = via;
}

/** The API's paths without a variable part, logged as they are. */
export const FIXED_API_ROUTES = [
  '/api/feedback',
  '/api/feedback.csv',
  '/api/comments',
  '/api/comments/counts',
  '/api/staff/session',
  '/api/staff/audit',
  '/api/health',
  '/admin/api/v1',
] as const;

/**
 * The route pattern of an API path: fixed names stay, a tracking code becomes `:code`, anything
 * else under /api/ becomes `/api/…` (never a client-chosen string).
 */
export function apiRoutePattern(pathname: string): string {
  const path = pathname.replace(/\/+$/, '');
  if ((FIXED_API_ROUTES as readonly string[]).includes(path)) return path;
  if (/^\/api\/feedback\/[^/]+$/.test(path)) return '/api/feedback/:code';
  return '/api/…';
}

/** Writes the request's line once its response is finished (or the client went away). */
export function logWhenDone(
  logger: Logger,
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
): void {
  const started = process.hrtime.bigint();
  let done = false;
  const write = (): void => {
    if (done) return;
    done = true;
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const via = (res as unknown as Record<symbol, string | undefined>)[viaKey];
    logger.info({
      reqId: requestId,
      method: req.method,
      route: routeOf(res) ?? 'unmatched',
      ...(via === undefined ? {} : { via }),
      status: res.statusCode,
      ms: Math.round(ms * 10) / 10,
      ...(res.writableFinished ? {} : { aborted: true }),
    });
  };
  res.once('finish', write);
  res.once('close', write);
}
