import {
  createServer,
  type IncomingMessage,
  request,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { answerClientErrors, type EdgeListener, withEdge } from '../src/http/boundary.ts';
import { createLogger } from '../src/http/log.ts';
import { parseTrustedProxies, type TrustProxy, trustNobody } from '../src/http/proxy.ts';
import { portalPolicyFor } from '../src/http/security-headers.ts';
import { sendResponse } from '../src/node-adapter.ts';

// The edge both servers share (src/http/), on real node:http servers on loopback: the error
// boundary with injected faults, security headers, trusted proxies, log lines, and the Node
// adapter's Set-Cookie and back-pressure handling.

let server: Server | undefined;
afterEach(async () => {
  const open = server;
  server = undefined;
  if (!open?.listening) return;
  open.closeAllConnections();
  await new Promise((resolve) => open.close(resolve));
});

/** Collected log lines (pino writes JSON lines to this stream). */
function memoryLog() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, stream };
}

async function serve(
  listener: EdgeListener,
  trust: TrustProxy = trustNobody,
): Promise<{ url: string; log: Record<string, unknown>[] }> {
  const { lines, stream } = memoryLog();
  const { pino } = await import('pino');
  const logger = pino({ base: { service: 'test' } }, stream);
  server = createServer(withEdge(listener, { logger, trust, policyFor: portalPolicyFor }));
  answerClientErrors(server, logger);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, log: lines };
}

describe('error boundary', () => {
  it('turns a thrown error (the injected fault) into a 500 with the request id, and keeps serving', async () => {
    const { url, log } = await serve((req, res) => {
      if (req.url?.includes('sync')) throw new Error('injected fault');
      if (req.url?.includes('async')) return Promise.reject(new Error('injected fault'));
      res.end('fine');
    });
    const api = await fetch(`${url}/api/feedback/sync`);
    expect(api.status).toBe(500);
    const id = api.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const body = (await api.json()) as { error: { code: string; requestId: string } };
    expect(body.error).toMatchObject({ code: 'INTERNAL', requestId: id });
    const page = await fetch(`${url}/news/async`);
    expect(page.status).toBe(500);
    expect(await page.text()).toContain(page.headers.get('x-request-id') ?? 'missing');
    expect(await (await fetch(`${url}/`)).text()).toBe('fine');
    // The failure is logged with its request id; no stack reaches the client.
    expect(log.some((line) => line.reqId === id && line.level === 50)).toBe(true);
  });

  it('drops the connection when the fault comes after the answer began', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(200);
      res.write('partial');
      throw new Error('injected fault');
    });
    await expect(fetch(`${url}/`).then((response) => response.text())).rejects.toThrow();
    server?.closeAllConnections();
  });
});

describe('headers and log lines', () => {
  it('sets the security headers and one JSON log line per request, without query or client', async () => {
    const { url, log } = await serve((_req, res) => {
      res.end('ok');
    });
    const response = await fetch(`${url}/api/feedback/BZ-1234?secret=s3cret`);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('permissions-policy')).toContain('geolocation=(self)');
    expect(response.headers.get('strict-transport-security')).toBeNull();
    const page = await fetch(`${url}/search/`);
    expect(page.headers.get('content-security-policy')).toContain("'wasm-unsafe-eval'");
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    const other = await fetch(`${url}/news/`);
    expect(other.headers.get('content-security-policy')).not.toContain('wasm-unsafe-eval');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const lines = log.filter((line) => line.method === 'GET');
    expect(lines).toHaveLength(3);
    const text = JSON.stringify(lines);
    expect(text).not.toContain('s3cret');
    expect(text).not.toContain('127.0.0.1');
    expect(text).not.toContain('BZ-1234');
    expect(lines[0]).toMatchObject({ status: 200, route: 'unmatched' });
    expect(lines[0]?.reqId).toBe(response.headers.get('x-request-id'));
    expect(typeof lines[0]?.ms).toBe('number');
  });

  it('answers a request Node cannot parse with a 400, not silence', async () => {
    const { url } = await serve((_req, res) => {
      res.end('ok');
    });
    const { port } = new URL(url);
    const net = await import('node:net');
    const head = await new Promise<string>((resolve) => {
      let text = '';
      const socket = net.connect(Number(port), '127.0.0.1', () =>
        socket.end('GET / HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n'),
      );
      socket.on('data', (chunk) => {
        text += chunk.toString();
      });
      socket.on('close', () => resolve(text));
    });
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
  });
});

describe('trusted proxies', () => {
  const echo: EdgeListener = (_req, res, edge) => {
    res.end(JSON.stringify({ address: edge.address, secure: edge.secure }));
  };
  const ask = async (url: string, headers: Record<string, string>) =>
    (await (await fetch(url, { headers })).json()) as { address: string; secure: boolean };

  it('reads X-Forwarded-For and -Proto only from a trusted peer', async () => {
    const forged = { 'x-forwarded-for': '203.0.113.9', 'x-forwarded-proto': 'https' };
    const untrusted = await serve(echo, parseTrustedProxies('10.0.0.0/8'));
    expect(await ask(untrusted.url, forged)).toEqual({ address: '127.0.0.1', secure: false });
    const untrustedHsts = await fetch(untrusted.url, { headers: forged });
    expect(untrustedHsts.headers.get('strict-transport-security')).toBeNull();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));

    const trusted = await serve(echo, parseTrustedProxies('loopback'));
    expect(await ask(trusted.url, forged)).toEqual({ address: '203.0.113.9', secure: true });
    const hsts = await fetch(trusted.url, { headers: forged });
    expect(hsts.headers.get('strict-transport-security')).toContain('max-age=');
    // Only the hops we trust are skipped: a client's own forged entry stays behind its real one.
    expect(
      await ask(trusted.url, { 'x-forwarded-for': '198.51.100.1, 203.0.113.9' }),
    ).toMatchObject({
      address: '203.0.113.9',
    });
  });

  it('refuses a setting it cannot read, naming the entry', () => {
    expect(() => parseTrustedProxies('loopback, proxy.example')).toThrow(/"proxy.example"/);
    expect(parseTrustedProxies('')('127.0.0.1', 0)).toBe(false);
    expect(parseTrustedProxies('10.0.0.0/8, uniquelocal')('fd00::1', 0)).toBe(true);
  });
});

describe('Node adapter', () => {
  it('keeps every Set-Cookie header', async () => {
    const { url } = await serve(async (_req, res) => {
      const headers = new Headers();
      headers.append('set-cookie', 'a=1; Path=/');
      headers.append('set-cookie', 'b=2; Path=/, with comma');
      await sendResponse(res, new Response('x', { headers }));
    });
    const cookies = await new Promise<string[] | undefined>((resolve) =>
      request(url, (res: IncomingMessage) => {
        res.resume();
        resolve(res.headers['set-cookie']);
      }).end(),
    );
    expect(cookies).toEqual(['a=1; Path=/', 'b=2; Path=/, with comma']);
  });

  it('stops pulling the body while the client does not read (back-pressure)', async () => {
    const chunk = new Uint8Array(64 * 1024);
    const total = 64 * 1024 * 1024;
    let produced = 0;
    let finished: (() => void) | undefined;
    const done = new Promise<void>((resolve) => {
      finished = resolve;
    });
    const { url } = await serve(async (_req, res: ServerResponse) => {
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (produced >= total) {
            controller.close();
            return;
          }
          produced += chunk.length;
          controller.enqueue(chunk);
        },
      });
      await sendResponse(res, new Response(body));
      finished?.();
    });
    let received = 0;
    const response = await new Promise<IncomingMessage>((resolve) => request(url, resolve).end());
    response.pause();
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Socket and stream buffers hold a few megabytes at most, not the whole 64 MB.
    expect(produced).toBeLessThan(16 * 1024 * 1024);
    response.on('data', (data: Buffer) => {
      received += data.length;
    });
    response.resume();
    await done;
    await new Promise((resolve) => response.on('end', resolve));
    expect(received).toBe(total);
  });
});

describe('createLogger', () => {
  it('is silent when LOG_LEVEL=silent', () => {
    expect(createLogger('x', { LOG_LEVEL: 'silent' }).isLevelEnabled('info')).toBe(false);
    expect(createLogger('x', {}).isLevelEnabled('info')).toBe(true);
  });
});
