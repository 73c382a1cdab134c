import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { FeedbackHandler } from './handler.ts';

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

/** Writes a web Response to a Node response, streaming the body with back-pressure. */
export async function sendResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    if (res.destroyed) break;
    if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
  }
  res.end();
}

/** A `node:http` request listener for the handler. */
export function nodeListener(
  handler: FeedbackHandler,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    let request: Request;
    try {
      request = toRequest(req);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request\n');
      return;
    }
    handler(request, { clientAddress: req.socket.remoteAddress })
      .then((response) => {
        // An unread body (e.g. refused as too large) would otherwise keep the connection busy.
        if (!req.complete) res.shouldKeepAlive = false;
        return sendResponse(res, response);
      })
      .catch((error: unknown) => {
        console.error('feedback-service: could not send a response:', error);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  };
}
