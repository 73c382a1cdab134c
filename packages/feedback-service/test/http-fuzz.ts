import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import fc from 'fast-check';
import { FIXED_API_ROUTES } from '../src/http/log.ts';

// Generated HTTP requests for the never-crash tests of both servers (this package's
// test/fuzz.test.ts and portal/e2e/fuzz.test.ts): paths with valid and malformed
// percent-escapes and encoded dot segments, any method token, header and cookie values with any
// byte HTTP allows, bodies of random bytes or near-JSON, content encodings. Most go through
// node:http on one keep-alive connection; what node:http refuses to send (broken request lines,
// bare LF, bad header names, lying lengths) goes over raw sockets.

const segment = fc.oneof(
  fc.constantFrom(
    'api',
    'feedback',
    'comments',
    'counts',
    'staff',
    'session',
    'audit',
    'widgets',
    'data',
    '_astro',
    'news',
    'en',
    'search',
    'admin',
    'decap',
    'pagefind',
    'v0',
    'manifest.json',
    'feedback.csv',
    'healthz',
    'readyz',
    'index.html',
    '..',
    '.',
    '',
    '%2e%2e',
    '..%2f..%2f',
    '%E0%A4%A',
    '%',
    '%%',
    '%zz',
    '%00',
    '%C0%AF',
    '%ff%fe',
    '%252e',
    'BZ-2411-ABCD',
    '\u06cc',
  ),
  fc.stringMatching(/^[A-Za-z0-9._~!$&'()*+,;=:@-]{0,24}$/),
);

const queryArb = fc.option(
  fc.oneof(
    fc.constantFrom(
      'article=fa/hesseh-service-base',
      'articles=fa/a,en/b',
      'limit=-1&offset=1e309',
      'limit=5&status=received',
      'status=%E0%A4%A',
      'kind=comment&q=%',
      'lang=en',
    ),
    fc.stringMatching(/^[A-Za-z0-9=&%+._-]{0,40}$/),
  ),
  { nil: undefined },
);

/** The routes both servers really have, so most requests get past the router. */
const knownPath = fc.oneof(
  fc.constantFrom(
    '/',
    '/en/',
    '/news/',
    '/search/',
    ...FIXED_API_ROUTES,
    '/api/feedback/',
    '/healthz',
    '/readyz',
    '/widgets/manifest.json',
    '/widgets/v0/bz-hotlines.js',
    '/data/programmes.json',
    '/admin/',
    '/favicon.svg',
  ),
  fc
    .tuple(fc.constantFrom('/api/feedback/', '/widgets/', '/data/', '/_astro/', '/news/'), segment)
    .map(([prefix, last]) => prefix + last),
  fc.stringMatching(/^[A-Z0-9-]{0,16}$/).map((code) => `/api/feedback/BZ-${code}`),
);

/** Up to six segments of anything, encoded dot segments and broken escapes included. */
const randomPath = fc
  .tuple(fc.array(segment, { maxLength: 6 }), fc.boolean())
  .map(([parts, slash]) => `/${parts.join('/')}${slash ? '/' : ''}`);

/** A path, mostly a real route, and sometimes a query. */
export const pathArb = fc
  .tuple(
    fc.oneof({ weight: 3, arbitrary: knownPath }, { weight: 1, arbitrary: randomPath }),
    queryArb,
  )
  .map(
    ([path, query]) =>
      // What node:http would refuse in a path (spaces, controls, non-ASCII) is percent-encoded.
      `${path.replace(/[^\x21-\x7e]/g, (c) => encodeURIComponent(c))}${query === undefined ? '' : `?${query}`}`,
  );

const methodArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('GET', 'HEAD', 'POST', 'OPTIONS') },
  {
    weight: 3,
    arbitrary: fc.constantFrom('PUT', 'PATCH', 'DELETE', 'TRACE', 'PROPFIND', 'M-SEARCH'),
  },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Z][A-Z_-]{0,11}$/) },
);

/** A header value: any byte node:http lets through (tab, printable ASCII, 0x80–0xFF). */
const headerValue = fc.oneof(
  fc.string({ maxLength: 60 }).map((text) => text.replace(/[^\t\x20-\x7e]/g, '')),
  fc
    .array(fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff })), {
      maxLength: 60,
    })
    .map((codes) => String.fromCharCode(...codes)),
  fc.constantFrom(
    '',
    ' ',
    'application/json',
    'application/json; charset=utf-16',
    'text/plain',
    'multipart/form-data; boundary=x',
    'br, gzip, deflate',
    'gzip;q=0, identity;q=0',
    '*',
    'bytes=10-5',
    'bytes=0-0,5-',
    'bytes=-1',
    'https://province.example',
    'null',
    'Bearer x',
    'Bearer ',
    '203.0.113.9, 999.1.1.1, ::1, garbage',
    'https, http',
  ),
);

const headerName = fc.constantFrom(
  'content-type',
  'accept-encoding',
  'range',
  'origin',
  'authorization',
  'cookie',
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-request-id',
  'if-none-match',
  'access-control-request-method',
  'access-control-request-headers',
  'accept',
  'accept-language',
  'referer',
  'x-custom',
  'content-encoding',
);

const cookieArb = fc
  .array(
    fc.tuple(fc.constantFrom('bz_staff', 'bz_staff ', '', '=', 'session', '__Host-x'), headerValue),
    { maxLength: 4 },
  )
  .map((pairs) => pairs.map(([name, value]) => `${name}=${value}`).join('; '));

const bodyArb = fc.oneof(
  fc.constant(undefined),
  fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes)),
  fc.json({ maxDepth: 3 }).map((text) => Buffer.from(text)),
  fc
    .record({
      category: fc.constantFrom('complaint', 'question', 'x', ''),
      message: fc.string({ maxLength: 80 }),
      lang: fc.constantFrom('fa', 'en', 'de'),
      elapsedMs: fc.integer(),
      article: fc.constantFrom('fa/hesseh-service-base', '../x', ''),
    })
    .map((value) => Buffer.from(JSON.stringify(value))),
  fc.constant(Buffer.from('{"name":"e2e","secret":1}')),
  fc.integer({ min: 16_000, max: 20_000 }).map((n) => Buffer.alloc(n, 0x61)),
);

/** One request for node:http. */
export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer | undefined;
}

export const requestArb: fc.Arbitrary<FuzzRequest> = fc
  .record({
    method: methodArb,
    path: pathArb,
    headers: fc.dictionary(headerName, headerValue, { maxKeys: 5 }),
    cookie: fc.option(cookieArb, { nil: undefined }),
    body: bodyArb,
  })
  .map(({ method, path, headers, cookie, body }) => ({
    method,
    path,
    headers: { ...headers, ...(cookie === undefined ? {} : { cookie }) },
    body,
  }));

/** Bytes that are not quite HTTP, for raw sockets. */
export const rawArb: fc.Arbitrary<Buffer> = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
  fc
    .tuple(methodArb, pathArb, fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/9', ''))
    .map(([method, path, version]) =>
      Buffer.from(`${method} ${path} ${version}\r\nHost: x\r\nConnection: close\r\n\r\n`),
    ),
  fc
    .tuple(pathArb, fc.uint8Array({ maxLength: 40 }))
    .map(([path, junk]) =>
      Buffer.concat([
        Buffer.from(`GET ${path}\u0000 HTTP/1.1\r\nHost: x\r\nX-Bad: `),
        Buffer.from(junk),
        Buffer.from('\r\nConnection: close\r\n\r\n'),
      ]),
    ),
  fc
    .constantFrom(
      'GET /\nHost: x\n\n',
      'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello',
      'POST /api/feedback HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\nzz\r\n',
      'POST /api/feedback HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nffffffffffffffff\r\n',
      'POST /api/feedback HTTP/1.1\r\nHost: x\r\nContent-Length: 999\r\nConnection: close\r\n\r\n{"a":',
      'GET /%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      'GET /widgets/%E0%A4%A HTTP/1.1\r\nHost: \u00ff\u00fe\r\nConnection: close\r\n\r\n',
      `GET / HTTP/1.1\r\nHost: x\r\nX-Long: ${'a'.repeat(20_000)}\r\nConnection: close\r\n\r\n`,
      'GET http://evil.example/ HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n',
      'GET * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      'OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      'CONNECT x:443 HTTP/1.1\r\nHost: x:443\r\n\r\n',
    )
    .map((text) => Buffer.from(text, 'latin1')),
);

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

/** Sends one generated request on the shared keep-alive connection; resolves with the status. */
export function send(baseUrl: string, fuzz: FuzzRequest): Promise<number> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: fuzz.method,
        path: fuzz.path,
        headers: fuzz.headers,
        agent,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(fuzz.body);
  });
}

/**
 * Writes raw bytes on a new connection and reads what comes back until the server closes it:
 * resolves with the status of the first answer, or 0 when the server closed without one (what
 * Node does with bytes that are not HTTP at all is still an answer: the connection ends).
 */
export function sendRaw(baseUrl: string, bytes: Buffer): Promise<number> {
  const url = new URL(baseUrl);
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.end(bytes));
    let head = '';
    socket.setTimeout(10_000, () => socket.destroy());
    socket.on('data', (chunk: Buffer) => {
      if (head.length < 64) head += chunk.toString('latin1');
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(head);
      resolve(match ? Number(match[1]) : 0);
    });
  });
}

/**
 * Sends `numRuns` generated requests (a fixed seed) to `baseUrl` on one keep-alive connection and
 * fails with the smallest one answered 5xx (fast-check shrinks it); prints and resolves with how
 * many times each status came back, so a test can check the requests reached past the router.
 */
export async function fuzzRequests(
  baseUrl: string,
  numRuns = 10_000,
): Promise<Map<number, number>> {
  const seen = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(requestArb, async (request) => {
      const status = await send(baseUrl, request);
      seen.set(status, (seen.get(status) ?? 0) + 1);
      return status >= 200 && status < 500;
    }),
    { numRuns, seed: 0x13 },
  );
  console.info('statuses:', Object.fromEntries([...seen].sort(([a], [b]) => a - b)));
  return seen;
}

/**
 * Sends 300 byte strings that are not quite HTTP to `baseUrl` on raw sockets (a fixed seed) and
 * fails with the smallest one answered 5xx. Some of them are valid after all (any method on any
 * path): any answer below 500, or a closed connection, passes.
 */
export async function fuzzRawHttp(baseUrl: string): Promise<void> {
  await fc.assert(
    fc.asyncProperty(rawArb, async (bytes) => {
      const status = await sendRaw(baseUrl, bytes);
      return status === 0 || (status >= 100 && status < 500);
    }),
    { numRuns: 300, seed: 0x13 },
  );
}
