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
import { BASE, post, STAFF_TOKEN_HASH, staffHeaders, validBody } from './helpers.ts';

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
  responses: Record<string, { content?: Record<string, { schema: { $ref: string } }> }>;
  requestBody?: { content: Record<string, { schema: { oneOf?: { $ref: string }[] } }> };
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
): Promise<{ status: number; body: unknown }> {
  const { template, operation } = operationOf(request);
  const response = await handler(request);
  const what = `${request.method} ${template} → ${response.status}`;
  const documented = operation.responses[String(response.status)];
  expect(documented, `${what} is not documented`).toBeDefined();
  const text = await response.text();
  const body = text ? JSON.parse(text) : undefined;
  const schema = documented?.content?.['application/json']?.schema;
  if (schema) {
    expect(response.headers.get('content-type'), what).toMatch(/^application\/json/);
    expectValid(schema.$ref, body, what);
  } else {
    expect(text, `${what} has a body the document does not describe`).toBe('');
  }
  // A request the service accepted must be one the document allows.
  const alternatives = operation.requestBody?.content['application/json']?.schema.oneOf;
  if (response.status < 300 && requestBody !== undefined && alternatives) {
    const matches = alternatives.filter(({ $ref }) => ajv.getSchema($ref)?.(requestBody));
    expect(matches.length, `${what}: the accepted request matches ${matches.length} schemas`).toBe(
      1,
    );
  }
  return { status: response.status, body };
}

const dir = mkdtempSync(join(tmpdir(), 'bz-openapi-'));
const store = openSqliteStore({ path: join(dir, 'feedback.sqlite') });
const handler = createFeedbackHandler({
  store,
  staffToken: STAFF_TOKEN_HASH,
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

  it('names every public route of the handler and the schemas of core’s contract', () => {
    expect(Object.keys(document.paths)).toEqual([
      '/api/feedback',
      '/api/feedback/{code}',
      '/api/feedback/{code}/contact',
      '/api/comments',
      '/api/comments/counts',
    ]);
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
