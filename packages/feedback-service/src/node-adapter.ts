import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { FeedbackHandler, RequestContext } from './handler.ts';
import { drainedOrClosed } from './http/pace.ts';

// node:http ↔ web Request/Response, so the web-standard handler runs in a plain Node server.

/**
 * Bodies up to this size that declare their length are read before the Request is made and
 * handed over as bytes, not as a web stream over the socket: a submission is a few hundred bytes,
 * and the stream adapters cost more than the reading (issue 13's profile). The handler still
 * applies its own limit to what it reads (413 above it).
 */
const READ_AHEAD_BYTES = 64 * 1024;

/** The body of `req`, read whole: `length` bytes were declared, at most READ_AHEAD_BYTES. */
function readWhole(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () =>
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)),
    );
    req.once('error', reject);
    req.once('close', () => {
      if (!req.complete) reject(new Error('aborted'));
    });
  });
}

/** The web Request for a Node request; the body streams (the handler counts its bytes). */
export function toRequest(req: IncomingMessage, body?: Buffer): Request {
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
  if (body) init.body = new Uint8Array(body) as Uint8Array<ArrayBuffer>;
  else if (hasBody) {
    init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
    init.duplex = 'half';
  }
  return new Request(url, init);
}

/** Whether `req` declares a body small enough to read before making the Request. */
function readAhead(req: IncomingMessage): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return false;
  const declared = req.headers['content-length'];
  if (declared === undefined || req.headers['transfer-encoding'] !== undefined) return false;
  const length = Number(declared);
  return Number.isInteger(length) && length > 0 && length <= READ_AHEAD_BYTES;
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
    let body: Buffer | undefined;
    if (readAhead(req)) {
      try {
        body = await readWhole(req);
      } catch {
        // The client went away mid-body: nobody to answer.
        res.destroy();
        return;
      }
    }
    request = toRequest(req, body);
  } catch {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request\n');
    return;
  }
  const response = await handler(request, context);
  // An unread body (e.g. refused as too large) would otherwise keep the connection busy.
  if (!req.complete) res.shouldKeepAlive = false;
  await sendResponse(res, response);
}
