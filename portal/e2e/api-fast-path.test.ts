import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { rawRequest } from './raw-http.ts';
import { startPortalServer, testAllowedOrigin } from './server.setup.ts';
import { distDir } from './site.ts';

// The portal server answers the feedback API's routes with the service's handler itself
// (server/api-fast-path.ts) rather than through Astro. That must change nothing a client can
// see: two built servers, one with the fast path (the default) and one without
// (PORTAL_API_FAST_PATH=off), get the same generated requests — routes, methods, content
// types, origins, bodies good and bad — in the same order, and must give the same status, the
// same headers and the same body, but for what differs by nature (dates, request ids, tracking
// codes, Retry-After seconds). Each has its own SQLite file and the same staff account.

const staff = inject('staff');
let fast: { baseUrl: string; stop: () => void; output: () => string };
let astro: { baseUrl: string; stop: () => void; output: () => string };

beforeAll(async () => {
  // Limits that do not refill during the test: both servers refuse at the same request, and
  // that refusal (429, Retry-After) is compared too.
  const env = {
    FEEDBACK_STAFF: staff.config,
    FEEDBACK_SUBMIT_LIMIT: '10/86400',
    FEEDBACK_LOOKUP_LIMIT: '30/86400',
  };
  fast = await startPortalServer(distDir, env);
  astro = await startPortalServer(distDir, { ...env, PORTAL_API_FAST_PATH: 'off' });
  // /readyz starts each server's feedback service (through Astro): from then on the first one
  // answers the API routes itself.
  for (const server of [fast, astro])
    expect((await fetch(`${server.baseUrl}/readyz`)).ok).toBe(true);
}, 120_000);

afterAll(() => {
  fast?.stop();
  astro?.stop();
});

const CODE = /\d{4}-\d{4}-\d{4}|\b\d{12}\b/g;

/** What a client sees, less what differs between any two answers by nature. */
function comparable(answer: Awaited<ReturnType<typeof rawRequest>>) {
  const headers = { ...answer.headers };
  // Framing is not content: the fast path sends a JSON answer with its Content-Length, Astro's
  // writer sends it chunked.
  for (const name of ['date', 'x-request-id', 'keep-alive', 'connection', 'transfer-encoding']) {
    delete headers[name];
  }
  delete headers['content-length'];
  if (headers['retry-after'] !== undefined) headers['retry-after'] = 'seconds';
  if (typeof headers.location === 'string')
    headers.location = headers.location.replace(CODE, 'CODE');
  let body = answer.body.toString('utf8').replace(CODE, 'CODE');
  // Request ids in 500 answers; none is expected, but keep the comparison about the shape.
  body = body.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'ID');
  return { status: answer.status, headers, body };
}

const submission = (extra: object = {}) =>
  JSON.stringify({
    category: 'question',
    message: 'پرسش آزمایشی: ساعت کار پایگاه در روز جمعه چیست؟',
    consent: true,
    about: { serviceBaseId: 'isfahan-hesseh' },
    lang: 'fa',
    elapsedMs: 8_000,
    ...extra,
  });

const paths = fc.constantFrom(
  '/api/feedback',
  '/api/feedback/',
  '/api/feedback/1234-5678-9012',
  '/api/feedback/000000000000',
  '/api/feedback/abc/contact',
  '/api/feedback.csv',
  '/api/comments',
  '/api/comments?article=fa/nothing-here',
  '/api/comments/counts?articles=fa/a,fa/b',
  '/api/staff/session',
  '/api/staff/sessions',
  '/api/staff/audit',
  '/api/staff/tokens',
  '/api/staff/tokens/abc',
  '/api/staff/secret',
  '/api/feedback/%31',
  '/api/feedback//',
);
const methods = fc.constantFrom('GET', 'HEAD', 'POST', 'PATCH', 'DELETE', 'PUT', 'OPTIONS');
const contentTypes = fc.constantFrom(
  undefined,
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/merge-patch+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json, text/plain',
);
const origins = fc.constantFrom(undefined, testAllowedOrigin, 'https://elsewhere.example', 'null');
const bodies = fc.oneof(
  fc.constant(undefined),
  fc.constant(submission()),
  fc.constant(submission({ website: 'http://spam.example' })),
  fc.constant(submission({ message: '' })),
  fc.constant(JSON.stringify({ name: staff.name, secret: 'wrong secret' })),
  fc.constant('{"unterminated": '),
  fc.constant('x'.repeat(20_000)),
  fc.string({ maxLength: 200 }),
);

describe('the API fast path', () => {
  it('answers generated requests exactly as Astro does', async () => {
    await fc.assert(
      fc.asyncProperty(
        paths,
        methods,
        contentTypes,
        origins,
        bodies,
        async (path, method, type, origin, body) => {
          const headers: Record<string, string> = {};
          if (type) headers['content-type'] = type;
          if (origin) headers.origin = origin;
          if (method === 'OPTIONS' && origin) headers['access-control-request-method'] = 'POST';
          const send = method === 'GET' || method === 'HEAD' ? undefined : body;
          const [a, b] = await Promise.all(
            [fast, astro].map((server) =>
              rawRequest(`${server.baseUrl}${path}`, { method, headers, body: send }),
            ),
          );
          expect(comparable(a as never), `${method} ${path} ${type} ${origin}`).toEqual(
            comparable(b as never),
          );
        },
      ),
      { numRuns: 400, seed: 13 },
    );
    // The first server did answer through its fast path, and the second never did.
    await expect.poll(() => fast.output().includes('"via":"handler"')).toBe(true);
    expect(astro.output().includes('"via":"handler"')).toBe(false);
  }, 180_000);

  it('answers a submission and its lookup the same way, with the same headers', async () => {
    for (const server of [fast, astro]) {
      const posted = await rawRequest(`${server.baseUrl}/api/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: testAllowedOrigin },
        body: submission({ idempotencyKey: 'fast-path-parity-key' }),
      });
      expect(posted.status).toBe(201);
      expect(posted.headers['content-security-policy']).toContain("default-src 'none'");
      expect(posted.headers['x-content-type-options']).toBe('nosniff');
      expect(posted.headers['access-control-allow-origin']).toBe(testAllowedOrigin);
      expect(posted.headers['x-request-id']).toBeTruthy();
    }
  });
});
