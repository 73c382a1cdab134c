import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { errorResponse } from '../errors.ts';
import { type Logger, logWhenDone, setRoute } from './log.ts';
import { type ClientInfo, resolveClient, type TrustProxy } from './proxy.ts';
import { type PolicyKind, setSecurityHeaders } from './security-headers.ts';

// The request-level error boundary both servers put around everything they do: whatever a
// request contains and whatever goes wrong while answering it, that request gets an answer
// (4xx for bad input, 500 with a request id for a bug) and the process keeps serving.
// Here too, in one place: the request id, the resolved client, the security headers and the
// request's log line.

/** What the edge knows about a request, handed to the server's own listener. */
export interface Edge extends ClientInfo {
  /** Sent back as X-Request-Id and written in the request's log line. */
  requestId: string;
  /** The path without query, as sent (not decoded). */
  pathname: string;
}

export type EdgeListener = (
  req: IncomingMessage,
  res: ServerResponse,
  edge: Edge,
) => void | Promise<void>;

export interface EdgeOptions {
  logger: Logger;
  trust: TrustProxy;
  /** The CSP kind for a path. */
  policyFor: (pathname: string) => PolicyKind;
}

/** A request id a trusted proxy (nginx's $request_id) may pass on: short and plain. */
const FORWARDED_ID = /^[\w.-]{8,64}$/;

/**
 * Listeners still running, including those whose client has gone (its connection closed, so
 * the server no longer counts it): shutdown waits for them before closing the store.
 */
const pending = new Set<Promise<void>>();

/** Resolves when every request listener started so far has finished. */
export async function requestsSettled(): Promise<void> {
  while (pending.size > 0) await Promise.all(pending);
}

/** Wraps `listener` in the boundary; the result is a `node:http` request listener. */
export function withEdge(
  listener: EdgeListener,
  options: EdgeOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const pathname = query >= 0 ? url.slice(0, query) : url;
    let edge: Edge = {
      address: req.socket.remoteAddress,
      secure: false,
      viaTrustedProxy: false,
      requestId: randomUUID(),
      pathname,
    };
    const fail = (error: unknown): void => {
      options.logger.error({ reqId: edge.requestId, err: error }, 'request failed');
      answerInternalError(res, edge);
    };
    try {
      const client = resolveClient(req, options.trust);
      const forwardedId = req.headers['x-request-id'];
      const requestId =
        client.viaTrustedProxy && typeof forwardedId === 'string' && FORWARDED_ID.test(forwardedId)
          ? forwardedId
          : edge.requestId;
      edge = { ...client, requestId, pathname };
      res.setHeader('x-request-id', requestId);
      setSecurityHeaders(res, options.policyFor(pathname), client.secure);
      logWhenDone(options.logger, req, res, requestId);
      const result = listener(req, res, edge);
      if (result) {
        const settled = result.catch(fail).finally(() => pending.delete(settled));
        pending.add(settled);
      }
    } catch (error) {
      fail(error);
    }
  };
}

/** Whether a path belongs to an API, whose errors are JSON. */
export const isApiPath = (pathname: string): boolean => /^\/(?:admin\/)?api(?:\/|$)/.test(pathname);

/** 500 with the request id (JSON on API paths), or the connection dropped if already answering. */
export function answerInternalError(res: ServerResponse, edge: Edge): void {
  setRoute(res, 'error');
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (isApiPath(edge.pathname)) {
    sendWebResponse(res, errorResponse('INTERNAL', { requestId: edge.requestId }));
    return;
  }
  res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`Internal error. Request id: ${edge.requestId}\n`);
}

/** 400 for a request that cannot be read (a malformed percent-escape, say). */
export function answerBadRequest(res: ServerResponse, edge: Edge): void {
  setRoute(res, 'bad-request');
  if (isApiPath(edge.pathname)) {
    sendWebResponse(res, errorResponse('BAD_REQUEST'));
    return;
  }
  res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end('Bad request: check the address.\n');
}

/** Writes a small, already complete web Response (an error body) to `res`. */
function sendWebResponse(res: ServerResponse, response: Response): void {
  response.text().then(
    (body) => {
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(body);
    },
    () => res.destroy(),
  );
}

/**
 * Answers what Node cannot parse as HTTP (a bad header, an oversized head, a timeout) with a
 * plain status line, rather than dropping the connection without a word.
 */
export function answerClientErrors(server: Server, logger: Logger): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const status =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? '431 Request Header Fields Too Large'
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? '408 Request Timeout'
          : '400 Bad Request';
    logger.info({ route: 'client-error', status: Number.parseInt(status, 10), code: error.code });
    socket.end(
      `HTTP/1.1 ${status}\r\nContent-Length: 0\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n`,
    );
  });
  // CONNECT is for forward proxies; this is not one.
  server.on('connect', (_req: IncomingMessage, socket: Socket) => {
    socket.end(
      'HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD, OPTIONS\r\nContent-Length: 0\r\nConnection: close\r\n\r\n',
    );
  });
}
