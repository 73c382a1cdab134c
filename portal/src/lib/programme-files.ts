import { readFileSync } from 'node:fs';
import { formatFromPath, readRecords } from '@behzisti/core/data-files';
import { type Programme, ProgrammeSchema, validateRecord } from '@behzisti/core/schemas';

/** A programme to publish and the file it came from (as named in messages). */
export interface ProgrammeFromFile {
  programme: Programme;
  file: string;
}

/**
 * Reads programme files (YAML or JSON; other files are skipped) and validates each record with
 * core's ProgrammeSchema, leaving drafts out: what both the build's content loader
 * (data-loaders.ts) and the published rules (scripts/publish-programmes.ts) take from the data
 * team's folder. Each problem is one line naming the file as `nameOf` gives it, the record and
 * the field; the callers stop when there is any.
 */
export function readProgrammeFiles(
  files: readonly string[],
  nameOf: (file: string) => string,
): { found: ProgrammeFromFile[]; errors: string[] } {
  const found: ProgrammeFromFile[] = [];
  const errors: string[] = [];
  for (const file of files) {
    const format = formatFromPath(file);
    if (format !== 'yaml' && format !== 'json') continue;
    const name = nameOf(file);
    const read = readRecords(readFileSync(file, 'utf8'), format);
    for (const problem of read.problems)
      errors.push(`${name}: ${problem.field} — ${problem.message}`);
    for (const record of read.records) {
      const check = validateRecord(ProgrammeSchema, record.value);
      if (!check.ok) {
        for (const issue of check.issues)
          errors.push(`${name}:${record.index}: ${issue.field || '(record)'} — ${issue.message}`);
        continue;
      }
      const programme = check.value as Programme;
      if (!programme.draft) found.push({ programme, file: name });
    }
  }
  return { found, errors };
}
