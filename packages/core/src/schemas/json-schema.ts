import { z } from 'zod';
import { type DataKind, schemaRegistry } from './registry.ts';

/**
 * JSON Schema (draft 2020-12) for each kind of data, for data teams whose tools are not
 * TypeScript. Generated from the zod schemas, never edited by hand; a test keeps the committed
 * files equal to a fresh generation.
 */

/**
 * Base of the schemas' `$id`. `.invalid` is reserved (RFC 2606) and never resolves: the id
 * names the schema without pretending it is hosted anywhere; tools load the files locally.
 */
export const JSON_SCHEMA_ID_BASE = 'https://behzisti-kit.invalid/schemas/';

/** File name of a kind's JSON Schema, e.g. `service-base.schema.json`. */
export function jsonSchemaFileName(kind: DataKind): string {
  return `${kind}.schema.json`;
}

/**
 * The JSON Schema of one kind, describing the data as written (zod's input side: defaults may
 * be left out, dates may be Solar Hijri text), which is what a data team's file must match.
 */
export function buildJsonSchema(kind: DataKind): Record<string, unknown> {
  const generated = z.toJSONSchema(schemaRegistry[kind], {
    target: 'draft-2020-12',
    io: 'input',
    cycles: 'ref',
    reused: 'inline',
  }) as Record<string, unknown>;
  const { $schema, title, description, ...rest } = generated;
  // Identity and purpose first, so a reader sees what the file is before its details.
  return {
    $schema,
    $id: `${JSON_SCHEMA_ID_BASE}${jsonSchemaFileName(kind)}`,
    title,
    description,
    ...rest,
  };
}

/** The file text of a kind's JSON Schema: two-space indented, ending with a newline. */
export function jsonSchemaText(kind: DataKind): string {
  return `${JSON.stringify(buildJsonSchema(kind), null, 2)}\n`;
}
