// Writes packages/core/schemas/<kind>.schema.json from the zod schemas.
// Run `pnpm --filter @behzisti/core run schemas` after changing a schema, and commit the output.
// The output is left out of Biome (see biome.json): it is generated, and the drift test
// compares it with a fresh generation.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { jsonSchemaFileName, jsonSchemaText } from './json-schema.ts';
import { dataKinds } from './registry.ts';

const outDir = new URL('../../schemas/', import.meta.url);
mkdirSync(outDir, { recursive: true });
for (const kind of dataKinds) {
  const file = fileURLToPath(new URL(jsonSchemaFileName(kind), outDir));
  writeFileSync(file, jsonSchemaText(kind));
  console.log(`wrote ${file}`);
}
