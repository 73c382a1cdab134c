import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { FeedbackHandler, RequestContext } from './handler.ts';

// node:http ↔ web Request/Response, so the web-standard handler runs in a plain Node server.

/** The web Request for a Node request; the body streams (the handler counts its bytes). */
export function toRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i];
    const value = raw[i + 1];
    if (name !== undefined && value !== undefined) headers.append(name, value);
  }
  // The Host header only names the URL for routing; a bad one must not crash URL parsing.
  const host = /^[A-Za-z0-9.\-:[\]]+$/.test(req.headers.host ?? '')
    ? req.headers.host
    : 'localhost';
  const url = `http://${host}${req.url?.startsWith('/') ? req.url : '/'}`;
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const init: RequestInit & { duplex?: 'half' } = { method, headers };
  if (hasBody) {
    init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
    init.duplex = 'half';
  }
  return new Request(url, init);
}

/** Bodies read whole and sent with a Content-Length: the API's JSON answers (small, bounded). */
const WHOLE_BODY = /^application\/(?:[\w.+-]+\+)?json\b/i;

/**
 * Writes a web Response to a Node response. Every Set-Cookie header stays a header of its own
 * (joined with commas they would be one broken cookie). A JSON answer is read whole and sent in
 * one write with its Content-Length (the head, body and chunked ending would otherwise be three
 * system calls per answer: issue 13's profile). Any other body streams with back-pressure: when
 * the socket's buffer is full, reading from the body waits until it drains or the client goes.
 */
export async function sendResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  if (response.body && WHOLE_BODY.test(response.headers.get('content-type') ?? '')) {
    const body = Buffer.from(await response.arrayBuffer());
    headers['content-length'] = String(body.byteLength);
    res.writeHead(response.status, headers);
    res.end(body);
    return;
  }
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (res.destroyed) return;
      if (!res.write(value)) {
        // 'close' as well: a client that disconnects never drains.
        await drainedOrClosed(res);
      }
    }
    res.end();
  } finally {
    // A client that left need not be fed: stop producing (e.g. the CSV export's database reads).
    if (res.destroyed) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** A `node:http` request listener for the handler (the socket's address as the client's). */
export function nodeListener(
  handler: FeedbackHandler,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    answerWithHandler(handler, req, res, { clientAddress: req.socket.remoteAddress }).catch(
      (error: unknown) => {
        console.error('feedback-service: could not send a response:', error);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      },
    );
  };
}

/** Runs the handler for a Node request and writes its answer; rejects only on a bug. */
export async function answerWithHandler(
  handler: FeedbackHandler,
  req: IncomingMessage,
  res: ServerResponse,
  context: RequestContext,
): Promise<void> {
  let request: Request;
  try {
    request = toRequest(req);
  } catch {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request\n');
    return;
  }
  const response = await handler(request, context);
  // An unread body (e.g. refused as too large) would otherwise keep the connection busy.
  if (!req.complete) res.shouldKeepAlive = false;
  await sendResponse(res, response);
}

function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}
