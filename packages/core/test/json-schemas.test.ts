import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildJsonSchema,
  dataKinds,
  jsonSchemaFileName,
  jsonSchemaText,
} from '../src/schemas/index.ts';

const committed = (kind: (typeof dataKinds)[number]) =>
  readFileSync(new URL(`../schemas/${jsonSchemaFileName(kind)}`, import.meta.url), 'utf8');

describe('committed JSON Schema files', () => {
  it.each(dataKinds)(
    '%s.schema.json equals a fresh generation (run `pnpm --filter @behzisti/core schemas`)',
    (kind) => {
      expect(committed(kind)).toBe(jsonSchemaText(kind));
    },
  );

  it.each(dataKinds)('%s is draft 2020-12 with an id, a title and strict objects', (kind) => {
    const schema = buildJsonSchema(kind);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(`https://behzisti-kit.invalid/schemas/${kind}.schema.json`);
    expect(typeof schema.title).toBe('string');
    expect(schema.additionalProperties).toBe(false);
  });

  it('documents every top-level field', () => {
    for (const kind of dataKinds) {
      const properties = buildJsonSchema(kind).properties as Record<
        string,
        { description?: string }
      >;
      for (const [name, property] of Object.entries(properties)) {
        expect(property.description, `${kind}.${name}`).toBeTruthy();
      }
    }
  });
});
