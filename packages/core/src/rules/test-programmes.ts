import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { type Programme, ProgrammeSchema } from '../schemas/programme.ts';

/** The sample programmes of the portal, parsed, for tests and the bench (Node only; not in index.ts). */
export function sampleProgrammes(): Programme[] {
  const folder = fileURLToPath(
    new URL('../../../../portal/src/content/programmes/', import.meta.url),
  );
  return readdirSync(folder)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ProgrammeSchema.parse(parse(readFileSync(join(folder, name), 'utf8'))));
}

/** A programme from a partial definition with the required text filled in. */
export function programme(fields: Record<string, unknown>): Programme {
  return ProgrammeSchema.parse({
    id: 'test-programme',
    title: { fa: 'آزمون' },
    summary: { fa: 'آزمون' },
    otherwise: { outcome: 'maybe', reason: { fa: 'دیگر', en: 'otherwise' } },
    next_step: { text: { fa: 'پایگاه' } },
    ...fields,
  });
}

/** `{ fa, en }` for short test texts. */
export const t = (en: string) => ({ fa: en, en });
