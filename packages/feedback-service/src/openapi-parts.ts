import type { z } from 'zod';
import { z as zod } from 'zod';

// The small pieces both halves of the OpenAPI document use (openapi.ts for the public routes,
// openapi-staff.ts for the office's): schemas as JSON Schema, references, answers and errors.

/** A zod schema as a JSON Schema 2020-12 object, without its `$schema` (OpenAPI sets the dialect). */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = zod.toJSONSchema(schema, { io });
  return rest;
}

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const json = (name: string) => ({ 'application/json': { schema: ref(name) } });
export const answer = (description: string, name: string) => ({
  description,
  content: json(name),
});
/** A JSON request body of the named schema. */
export const body = (name: string, required = true) => ({
  required,
  content: json(name),
});

/** The error answers a route can give, with the codes each status carries (429 and 500 always). */
export const errors = (codes: Record<number, string>) =>
  Object.fromEntries(
    Object.entries({
      ...codes,
      429: '`RATE_LIMITED`: too many requests from this address; `Retry-After` says how many seconds to wait.',
      500: '`INTERNAL`: a fault of the service; `requestId` identifies it in the log.',
    }).map(([status, description]) => [
      status,
      {
        description,
        content: json('ErrorBody'),
        ...(status === '429'
          ? { headers: { 'Retry-After': { schema: { type: 'integer', minimum: 1 } } } }
          : {}),
      },
    ]),
  );

export const codeParameter = {
  name: 'code',
  in: 'path',
  required: true,
  description:
    'The tracking code: 16 digits, with or without dashes, in Latin, Persian or Arabic-Indic digits.',
  schema: { type: 'string', minLength: 16, maxLength: 40 },
};
