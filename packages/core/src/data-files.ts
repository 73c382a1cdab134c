// Reading the organisation's data files from disk (Node only: uses node:fs), for the portal's
// publish scripts and content loaders, which otherwise each reached into src/cli by relative path.
// The same readers validate-data uses, so every consumer reads a file the same way.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatFromPath } from './cli/formats.ts';
import { readRecords } from './cli/read-records.ts';
import { type SkippedRecord, validateServiceBases } from './locator/validate.ts';
import type { ServiceBase } from './schemas/service-base.ts';

export { type DataFormat, formatFromPath, supportedExtensions } from './cli/formats.ts';
export {
  type ReadProblem,
  type ReadResult,
  readRecords,
  type SourceRecord,
} from './cli/read-records.ts';

/**
 * Data files (YAML, JSON, CSV, Markdown) under a folder in a stable order (by name, folders
 * walked in place when `recursive`); names starting with a dot are skipped.
 */
export function dataFilesIn(folder: string, options: { recursive?: boolean } = {}): string[] {
  const recursive = options.recursive ?? true;
  return readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      if (entry.name.startsWith('.')) return [];
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return recursive ? dataFilesIn(path, options) : [];
      return entry.isFile() && formatFromPath(entry.name) ? [path] : [];
    });
}

/** A skipped record with where it came from (`file:record or row`, relative to `relativeTo`). */
export interface SkippedServiceBase extends SkippedRecord {
  where: string;
}

/** What a service-base folder yielded. */
export interface ServiceBaseFolder {
  /** Valid bases, in file and record order. */
  bases: ServiceBase[];
  /** Records that failed validation: left out, as the locator and directory leave them out. */
  skipped: SkippedServiceBase[];
  /** Problems with whole files or unreadable rows, as `file: field — message`. */
  fileProblems: string[];
}

/**
 * Every service base under a folder, validated with the locator's `validateServiceBases`: the
 * one reading the publish scripts and the directory pages share, so all publish the same bases.
 */
export function readServiceBaseFolder(
  folder: string,
  options: { relativeTo?: string } = {},
): ServiceBaseFolder {
  const relativeTo = options.relativeTo ?? process.cwd();
  const values: unknown[] = [];
  const origins: string[] = [];
  const fileProblems: string[] = [];
  for (const file of dataFilesIn(folder)) {
    const format = formatFromPath(file);
    if (!format) continue;
    const name = relative(relativeTo, file);
    const read = readRecords(readFileSync(file, 'utf8'), format);
    for (const problem of read.problems)
      fileProblems.push(`${name}: ${problem.field} — ${problem.message}`);
    for (const record of read.records) {
      values.push(record.value);
      origins.push(`${name}:${record.row ?? record.index}`);
    }
  }
  const { bases, skipped } = validateServiceBases(values);
  return {
    bases,
    skipped: skipped.map((record) => ({
      ...record,
      where: origins[record.position - 1] ?? `record ${record.position}`,
    })),
    fileProblems,
  };
}
