import { feedbackOpenApi } from '@behzisti/feedback-service/openapi';
import type { APIRoute } from 'astro';

// GET /api/openapi.json: the OpenAPI 3.1 document of the public feedback API, generated from the
// zod schemas of core's contract (packages/feedback-service/src/openapi.ts). Prerendered: it
// changes only with the code, so it is a static file (precompressed like the rest).
export const prerender = true;

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(feedbackOpenApi(), null, 2)}\n`, {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
