import { feedbackOpenApi } from '@behzisti/feedback-service/openapi';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, inject, it } from 'vitest';
import { postJson } from './api.ts';

// /api/openapi.json on the built portal (issue 17): the document the service's contract test
// checks (packages/feedback-service/test/openapi.test.ts), served as a static file, and the
// portal's own feedback API answering as it says.
const baseUrl = inject('baseUrl');

describe('GET /api/openapi.json', () => {
  it('serves the OpenAPI 3.1 document of the feedback API', async () => {
    const response = await fetch(`${baseUrl}/api/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const document = await response.json();
    expect(document).toEqual(JSON.parse(JSON.stringify(feedbackOpenApi())));
    expect(document.openapi).toMatch(/^3\.1\./);
  });

  it("describes the portal's real answers", async () => {
    const document = feedbackOpenApi();
    const ajv = new Ajv2020({ strict: true });
    addFormats.default(ajv);
    for (const [name, schema] of Object.entries(document.components.schemas)) {
      ajv.addSchema(schema, name);
    }
    const sent = await postJson(`${baseUrl}/api/feedback`, {
      category: 'suggestion',
      message: 'A ramp at the side door would help. (openapi e2e)',
      anonymous: true,
      about: { pageUrl: `${baseUrl}/en/feedback/` },
      consent: true,
      lang: 'en',
      elapsedMs: 9000,
    });
    expect(sent.status).toBe(201);
    const answer = await sent.json();
    expect(ajv.validate('SubmitAnswer', answer), ajv.errorsText()).toBe(true);
    const status = await fetch(`${baseUrl}/api/feedback/${answer.code}`);
    expect(status.status).toBe(200);
    expect(ajv.validate('FeedbackStatusAnswer', await status.json()), ajv.errorsText()).toBe(true);
    const missing = await fetch(`${baseUrl}/api/feedback/0000-0000-0000-0000`);
    expect(missing.status).toBe(404);
    expect(ajv.validate('ErrorBody', await missing.json()), ajv.errorsText()).toBe(true);
  });
});
