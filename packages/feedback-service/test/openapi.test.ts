import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createFeedbackHandler } from '../src/handler.ts';
import { feedbackOpenApi } from '../src/openapi.ts';
import { guidePath, withOpenApiSection } from '../src/openapi-docs.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import { account, BASE, post, STAFF_TOKEN_HASH, staffHeaders, validBody } from './helpers.ts';

// The contract test of the OpenAPI document (issue 17): the document is valid OpenAPI 3.1, and
// every answer the real handler gives (over a real SQLite file) is one the document lists for
// that route and status, with a body its schema accepts. Every request the document describes
// as valid and the service accepted is checked against the request schemas too.

const document = feedbackOpenApi();
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
for (const [name, schema] of Object.entries(document.components.schemas)) {
  ajv.addSchema(schema, `#/components/schemas/${name}`);
}

type Operation = {
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
  requestBody?: {
    content: Record<string, { schema: { $ref?: string; oneOf?: { $ref: string }[] } }>;
  };
};

/** The document's operation for a request, by path template and method. */
function operationOf(request: Request): { template: string; operation: Operation } {
  const { pathname } = new URL(request.url);
  for (const [template, item] of Object.entries(document.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    const operation = (item as unknown as Record<string, Operation | undefined>)[
      request.method.toLowerCase()
    ];
    if (pattern.test(pathname) && operation) return { template, operation };
  }
  throw new Error(`${request.method} ${pathname} is not in the OpenAPI document`);
}

/** Validates `value` against a `$ref` of the document, with the errors as the message. */
function expectValid(ref: string, value: unknown, what: string) {
  const validate = ajv.getSchema(ref);
  if (!validate) throw new Error(`no schema ${ref}`);
  const valid = validate(value);
  expect(valid, `${what}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(value)}`).toBe(true);
}

/** Sends a request to the handler and checks its answer against the document. */
async function exchange(
  request: Request,
  requestBody?: unknown,
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const { template, operation } = operationOf(request);
  const response = await handler(request);
  const what = `${request.method} ${template} → ${response.status}`;
  const documented = operation.responses[String(response.status)];
  expect(documented, `${what} is not documented`).toBeDefined();
  const text = await response.text();
  const schema = documented?.content?.['application/json']?.schema;
  const csv = documented?.content?.['text/csv'];
  if (schema?.$ref) {
    expect(response.headers.get('content-type'), what).toMatch(/^application\/json/);
    expectValid(schema.$ref, text ? JSON.parse(text) : undefined, what);
  } else if (csv) {
    expect(response.headers.get('content-type'), what).toMatch(/^text\/csv/);
    return { status: response.status, body: text, headers: response.headers };
  } else {
    expect(text, `${what} has a body the document does not describe`).toBe('');
  }
  const body = text ? JSON.parse(text) : undefined;
  // A request the service accepted must be one the document allows.
  const requestSchema = operation.requestBody?.content['application/json']?.schema;
  const alternatives = requestSchema?.oneOf ?? (requestSchema?.$ref ? [requestSchema] : undefined);
  if (response.status < 300 && requestBody !== undefined && alternatives) {
    const matches = alternatives.filter(({ $ref }) => ajv.getSchema($ref ?? '')?.(requestBody));
    expect(matches.length, `${what}: the accepted request matches ${matches.length} schemas`).toBe(
      1,
    );
  }
  return { status: response.status, body, headers: response.headers };
}

const dir = mkdtempSync(join(tmpdir(), 'bz-openapi-'));
const store = openSqliteStore({ path: join(dir, 'feedback.sqlite') });
const OFFICER = { name: 'openapi-officer', secret: 'correct horse battery staple' };
const handler = createFeedbackHandler({
  store,
  staffToken: STAFF_TOKEN_HASH,
  staffAccounts: [await account(OFFICER)],
  submitLimit: false,
  lookupLimit: { capacity: 40, refillPerSecond: 0.001 },
  onError: () => undefined,
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const COMMENTS = 'http://feedback.test/api/comments';
const ARTICLE = 'fa/hesseh-service-base';
let key = 0;
const idempotencyKey = () => `openapi-test-key-${String(key++).padStart(6, '0')}`;
const comment = (overrides: Record<string, unknown> = {}) => ({
  kind: 'comment',
  article: ARTICLE,
  message: 'ممنون از گزارش.',
  lang: 'fa',
  idempotencyKey: idempotencyKey(),
  website: '',
  elapsedMs: 9000,
  ...overrides,
});

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 (the official schema)', async () => {
    const result = await new Validator().validate(structuredClone(document));
    expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toMatch(/^3\.1\./);
  });

  it('names every route of the handler and the schemas of core’s contract', () => {
    expect(Object.keys(document.paths)).toEqual([
      '/api/feedback',
      '/api/feedback/{code}',
      '/api/feedback/{code}/contact',
      '/api/comments',
      '/api/comments/counts',
      '/api/feedback.csv',
      '/api/staff/session',
      '/api/staff/secret',
      '/api/staff/sessions',
      '/api/staff/tokens',
      '/api/staff/tokens/{id}',
      '/api/staff/audit',
    ]);
    const methods = (path: string) => Object.keys(document.paths[path] ?? {});
    expect(methods('/api/feedback')).toEqual(['post', 'get']);
    expect(methods('/api/feedback/{code}')).toEqual(['get', 'patch']);
    expect(methods('/api/staff/session')).toEqual(['get', 'post', 'delete']);
    const feedback = document.components.schemas.FeedbackRequest as {
      required: string[];
      properties: Record<string, unknown>;
    };
    expect(feedback.required).toEqual(expect.arrayContaining(['category', 'message', 'consent']));
    expect(Object.keys(feedback.properties)).toContain('about');
  });

  it('is rendered in docs/feedback-service.md as it is now', () => {
    const guide = readFileSync(guidePath, 'utf8');
    expect(
      guide,
      'docs/feedback-service.md is out of date: run `node packages/feedback-service/src/openapi-docs.ts`',
    ).toBe(withOpenApiSection(guide, document));
  });
});

describe('real answers match the OpenAPI document', () => {
  it('for a feedback message: submit, status, erase the contact', async () => {
    const body = validBody({ contact: '09123456789', idempotencyKey: idempotencyKey() });
    const submitted = await exchange(post(body), body);
    expect(submitted.status).toBe(201);
    const { code } = submitted.body as { code: string };
    const status = await exchange(new Request(`${BASE}/${code}`));
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ code, status: 'received', contactHeld: true });
    const erase = new Request(`${BASE}/${code}/contact`, {
      method: 'DELETE',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect((await exchange(erase)).body).toEqual({ code, erased: true });
  });

  it('for comments: submit, approve, reply, list and count', async () => {
    const first = comment();
    const sent = await exchange(post(first), first);
    const { code } = sent.body as { code: string };
    const approve = (which: string) =>
      handler(
        new Request(`${BASE}/${which}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', ...staffHeaders() },
          body: JSON.stringify({ status: 'approved', publicReply: 'سپاس' }),
        }),
      );
    expect((await approve(code)).status).toBe(200);
    const reply = comment({ parent: code, name: 'سارا' });
    const replied = await exchange(post(reply), reply);
    expect((await approve((replied.body as { code: string }).code)).status).toBe(200);
    const list = await exchange(new Request(`${COMMENTS}?article=${ARTICLE}`));
    expect(list.body).toMatchObject({ article: ARTICLE, count: 2 });
    const counts = await exchange(
      new Request(`${COMMENTS}/counts?articles=${ARTICLE},en/other-news`),
    );
    expect(counts.body).toEqual({ counts: { [ARTICLE]: 2, 'en/other-news': 0 } });
  });

  it('for the documented errors', async () => {
    const statuses = [
      (await exchange(post('{ not json'))).status,
      (await exchange(post(validBody(), { 'content-type': 'text/plain' }))).status,
      (await exchange(post('x'.repeat(20_000)))).status,
      (await exchange(post(validBody({ message: '' })))).status,
      (await exchange(post(validBody({ elapsedMs: 100 })))).status,
      (await exchange(new Request(`${BASE}/1234-5678-9012-3456`))).status,
      (await exchange(new Request(`${BASE}/0000-0000-0000-0000`))).status,
      (await exchange(new Request(`${COMMENTS}?article=../etc`))).status,
      (await exchange(new Request(`${COMMENTS}/counts?articles=`))).status,
    ];
    expect(new Set(statuses)).toEqual(new Set([400, 415, 413, 422, 404]));
  });

  it('when the limit is reached (429 with Retry-After)', async () => {
    let status = 0;
    for (let i = 0; i < 60 && status !== 429; i++) {
      status = (await exchange(new Request(`${BASE}/0000-0000-0000-0000`))).status;
    }
    expect(status).toBe(429);
  });

  it('for any body anyone may send', async () => {
    const field = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
    const body = fc.oneof(
      fc.record(
        {
          category: fc.constantFrom('complaint', 'suggestion', 'question', 'x'),
          kind: fc.constantFrom('comment', 'feedback', 'other'),
          article: fc.constantFrom(ARTICLE, 'fa/x', '../a'),
          message: fc.string({ maxLength: 60 }),
          lang: fc.constantFrom('fa', 'en', 'de'),
          consent: fc.boolean(),
          about: fc.dictionary(fc.constantFrom('serviceBaseId', 'pageUrl', 'x'), field),
          elapsedMs: fc.integer({ min: -1, max: 60_000 }),
          contact: field,
          idempotencyKey: fc.stringMatching(/^[A-Za-z0-9_-]{10,20}$/),
        },
        { requiredKeys: [] },
      ),
      fc.jsonValue(),
    );
    await fc.assert(
      fc.asyncProperty(body, async (value) => {
        await exchange(post(value), value);
      }),
      { numRuns: 150 },
    );
  });
});

describe("the office's answers match the OpenAPI document", () => {
  const STAFF = 'http://feedback.test/api/staff';
  const json = (method: string, url: string, cookie: string, body?: unknown) =>
    new Request(url, {
      method,
      headers: { 'content-type': 'application/json', cookie },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const cookieOf = (headers: Headers) => headers.get('set-cookie')?.split(';')[0] ?? '';

  it('for a whole working session: sign in, list, export, reply, tokens, audit, secret, sign out', async () => {
    const sent = validBody({ idempotencyKey: idempotencyKey() });
    const { code } = (await exchange(post(sent), sent)).body as { code: string };

    const wrong = { ...OFFICER, secret: 'not the secret at all' };
    expect((await exchange(json('POST', `${STAFF}/session`, '', wrong), wrong)).status).toBe(401);
    const signIn = await exchange(json('POST', `${STAFF}/session`, '', OFFICER), OFFICER);
    expect(signIn.status).toBe(204);
    let cookie = cookieOf(signIn.headers);
    expect(cookie).toMatch(/^bz_staff=./);

    expect((await exchange(json('GET', `${STAFF}/session`, cookie))).body).toMatchObject({
      name: OFFICER.name,
      role: 'admin',
    });
    const list = await exchange(json('GET', `${BASE}?kind=feedback&limit=5`, cookie));
    expect((list.body as { items: { code: string }[] }).items.map((item) => item.code)).toContain(
      code,
    );
    expect((await exchange(json('GET', `${BASE}?limit=0&colour=red`, cookie))).status).toBe(422);
    const csv = await exchange(json('GET', `${BASE}.csv?kind=feedback`, cookie));
    expect(csv.body).toContain(code);

    const update = { status: 'answered', publicReply: 'پاسخ دفتر' };
    const updated = await exchange(json('PATCH', `${BASE}/${code}`, cookie, update), update);
    expect(updated.body).toMatchObject({ code, status: 'answered', publicReply: 'پاسخ دفتر' });
    const bad = { status: 'approved-ish', extra: 1 };
    expect((await exchange(json('PATCH', `${BASE}/${code}`, cookie, bad), bad)).status).toBe(422);

    const wanted = { scope: 'read', label: 'nightly report', days: 7 };
    const made = await exchange(json('POST', `${STAFF}/tokens`, cookie, wanted), wanted);
    expect(made.status).toBe(201);
    const { token, id } = made.body as { token: string; id: string };
    expect((await exchange(json('GET', `${STAFF}/tokens`, cookie))).body).toMatchObject({
      items: [{ id, live: true }],
    });
    const byScript = await exchange(
      new Request(`${BASE}?limit=1`, { headers: { authorization: `Bearer ${token}` } }),
    );
    expect(byScript.status).toBe(200);
    expect((await exchange(json('DELETE', `${STAFF}/tokens/${id}`, cookie))).status).toBe(204);
    expect((await exchange(json('DELETE', `${STAFF}/tokens/${id}`, cookie))).status).toBe(404);

    const audit = await exchange(json('GET', `${STAFF}/audit?limit=20&target=${code}`, cookie));
    expect((audit.body as { items: { action: string }[] }).items.map((i) => i.action)).toEqual(
      expect.arrayContaining(['status-change', 'reply']),
    );

    const change = { oldSecret: OFFICER.secret, newSecret: 'a brand new secret of five words' };
    const changed = await exchange(json('PUT', `${STAFF}/secret`, cookie, change), change);
    expect(changed.status).toBe(200);
    cookie = cookieOf(changed.headers);
    expect((await exchange(json('DELETE', `${STAFF}/sessions`, cookie))).body).toEqual({
      ended: 1,
    });
    expect((await exchange(json('GET', `${STAFF}/session`, cookie))).status).toBe(401);
    expect((await exchange(json('DELETE', `${STAFF}/session`, cookie))).status).toBe(204);
  });

  it('for any update body an officer may send', async () => {
    const signIn = await handler(
      json('POST', `${STAFF}/session`, '', {
        ...OFFICER,
        secret: 'a brand new secret of five words',
      }),
    );
    const cookie = cookieOf(signIn.headers);
    expect(cookie).toMatch(/^bz_staff=./);
    const sent = validBody({ idempotencyKey: idempotencyKey() });
    const { code } = (await exchange(post(sent), sent)).body as { code: string };
    const value = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.constant(null));
    const body = fc.oneof(
      fc.record(
        {
          status: fc.constantFrom('received', 'closed', 'approved', 'pending', 'x'),
          publicReply: fc.oneof(fc.string({ maxLength: 30 }), fc.constant(null), fc.constant(' ')),
          other: value,
        },
        { requiredKeys: [] },
      ),
      fc.jsonValue(),
    );
    await fc.assert(
      fc.asyncProperty(body, async (update) => {
        await exchange(json('PATCH', `${BASE}/${code}`, cookie, update), update);
      }),
      { numRuns: 120 },
    );
  });
});
