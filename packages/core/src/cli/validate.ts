import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { validateRecord } from '../schemas/explain-issues.ts';
import { type DataKind, dataKinds, schemaRegistry } from '../schemas/registry.ts';
import { normalizeDigits } from '../text.ts';
import {
  type DataFormat,
  defaultKindForFormat,
  formatFromPath,
  isInTestsFolder,
  kindFromPath,
  supportedExtensions,
} from './formats.ts';
import { readRecords, type SourceRecord } from './read-records.ts';
import { UsageError } from './usage-error.ts';

/**
 * The logic of `validate-data`, free of argv and process.exit so tests call it directly:
 * `validateText` checks one file's text, `validateFiles` finds files, detects their kind and
 * format, and also reports ids used twice across files.
 */

/** One problem, printed as `file:record: field — message`. */
export interface ValidationIssue {
  file: string;
  /** Record id, 1-based record number, or spreadsheet row; absent for problems with the whole file. */
  record?: string;
  /** Field path or CSV column (`location.latitude`, `phones[2]`), or `(file)` / `(record)`. */
  field: string;
  message: string;
}

/** What validating some data found. */
export interface ValidationResult {
  files: number;
  records: number;
  issues: ValidationIssue[];
}

/** A record's identity, for finding ids used twice. */
interface RecordKey {
  kind: DataKind;
  key: string;
  field: string;
  file: string;
  record: string;
  /** `record 2` or, for CSV, `row 3`: where a person finds the first use. */
  position: string;
}

/** The field that identifies a record of each kind (news items by their news code). */
const KEY_FIELD: Partial<Record<DataKind, string>> = {
  'service-base': 'id',
  programme: 'id',
  news: 'code',
};

function keyOf(kind: DataKind, value: unknown): string | undefined {
  const field = KEY_FIELD[kind];
  if (!field || typeof value !== 'object' || value === null) return undefined;
  const raw = (value as Record<string, unknown>)[field];
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  const key = normalizeDigits(String(raw)).trim();
  return key !== '' && key.length <= 80 && !/\s/.test(key) ? key : undefined;
}

function labelOf(kind: DataKind, record: SourceRecord): string {
  if (record.row !== undefined) return String(record.row);
  return keyOf(kind, record.value) ?? String(record.index);
}

interface TextOutcome {
  records: number;
  issues: ValidationIssue[];
  keys: RecordKey[];
}

function checkText(text: string, format: DataFormat, kind: DataKind, file: string): TextOutcome {
  const read = readRecords(text, format);
  const issues: ValidationIssue[] = read.problems.map((problem) => ({ file, ...problem }));
  const keys: RecordKey[] = [];
  const schema = schemaRegistry[kind];
  for (const record of read.records) {
    const label = labelOf(kind, record);
    for (const problem of record.problems) issues.push({ file, record: label, ...problem });
    const check = validateRecord(schema, record.value);
    if (!check.ok) {
      for (const issue of check.issues) {
        const field = record.fieldFor ? record.fieldFor(issue.path) : issue.field;
        if (field === undefined) continue;
        issues.push({ file, record: label, field: field || '(record)', message: issue.message });
      }
    }
    const key = keyOf(kind, record.value);
    const keyField = KEY_FIELD[kind];
    const position = record.row === undefined ? `record ${record.index}` : `row ${record.row}`;
    if (key !== undefined && keyField)
      keys.push({ kind, key, field: keyField, file, record: label, position });
  }
  return { records: read.records.length, issues, keys };
}

/** One issue per record whose id (news: code) an earlier record of the same kind already used. */
function duplicateKeyIssues(keys: readonly RecordKey[]): ValidationIssue[] {
  const first = new Map<string, RecordKey>();
  const issues: ValidationIssue[] = [];
  for (const entry of keys) {
    const id = `${entry.kind}\u0000${entry.key}`;
    const earlier = first.get(id);
    if (!earlier) {
      first.set(id, entry);
      continue;
    }
    const where =
      earlier.file === entry.file
        ? `${earlier.position} of this file`
        : `${earlier.position} of ${earlier.file}`;
    issues.push({
      file: entry.file,
      record: entry.record,
      field: entry.field,
      message: `${entry.field} '${entry.key}' is already used by ${where}; each ${entry.kind} needs its own ${entry.field}`,
    });
  }
  return issues;
}

/**
 * Validates the text of one file: every record against the schema of `kind`, plus ids used
 * twice within the text. `file` is only used to label the issues.
 */
export function validateText(
  text: string,
  format: DataFormat,
  kind: DataKind,
  file = '<input>',
): { records: number; issues: ValidationIssue[] } {
  const outcome = checkText(text, format, kind, file);
  return {
    records: outcome.records,
    issues: [...outcome.issues, ...duplicateKeyIssues(outcome.keys)],
  };
}

/** Options of `validateFiles`. */
export interface ValidateFilesOptions {
  /** Kind of every file; otherwise detected from folder names and formats. */
  kind?: DataKind | undefined;
}

const isSupported = (name: string) => formatFromPath(name) !== undefined;

/** Supported data files under a folder, recursively, in a stable order (check-rules uses it too). */
export function filesIn(folder: string): string[] {
  const found: string[] = [];
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...filesIn(path));
    else if (entry.isFile() && isSupported(entry.name)) found.push(path);
  }
  return found;
}

interface Input {
  file: string;
  format: DataFormat;
  kind: DataKind;
}

const KIND_HELP = `add --kind ${dataKinds.join('|')}, or keep the file in a folder named service-bases, programmes, news or feedback`;

/** Resolves paths (files or folders) to files with a format and kind; every usage problem at once. */
function resolveInputs(paths: readonly string[], options: ValidateFilesOptions): Input[] {
  const problems: string[] = [];
  const inputs: Input[] = [];
  const addFile = (file: string) => {
    const format = formatFromPath(file);
    if (!format) {
      problems.push(
        `${file}: not a data file this tool reads (use ${supportedExtensions.join(', ')})`,
      );
      return;
    }
    const kind = options.kind ?? kindFromPath(file) ?? defaultKindForFormat(format);
    if (!kind) {
      problems.push(`${file}: cannot tell what kind of data this is; ${KIND_HELP}`);
      return;
    }
    if (format === 'csv' && kind !== 'service-base') {
      problems.push(
        `${file}: CSV is defined for service bases only; write ${kind} data as JSON or YAML`,
      );
      return;
    }
    inputs.push({ file, format, kind });
  };
  for (const path of paths) {
    let stats: ReturnType<typeof statSync>;
    try {
      stats = statSync(path);
    } catch {
      problems.push(`${path}: cannot read: no such file or folder`);
      continue;
    }
    if (stats.isDirectory()) {
      const files = filesIn(path).filter((file) => !isInTestsFolder(file));
      if (files.length === 0)
        problems.push(`${path}: no data files (${supportedExtensions.join(', ')}) in this folder`);
      files.forEach(addFile);
    } else addFile(path);
  }
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  return inputs;
}

/**
 * Validates files and folders (searched recursively). Throws `UsageError` listing every path
 * that cannot be read or whose kind cannot be told, before validating anything.
 */
export function validateFiles(
  paths: readonly string[],
  options: ValidateFilesOptions = {},
): ValidationResult {
  if (paths.length === 0) throw new UsageError('no files given');
  const inputs = resolveInputs(paths, options);
  const texts = inputs.map((input) => {
    try {
      return readFileSync(input.file, 'utf8');
    } catch (error) {
      throw new UsageError(
        `${input.file}: cannot read: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  });
  const outcomes = inputs.map((input, i) =>
    checkText(texts[i] ?? '', input.format, input.kind, input.file),
  );
  const duplicates = duplicateKeyIssues(outcomes.flatMap((outcome) => outcome.keys));
  // Each file's own issues, then the duplicates found in it, so the output reads file by file.
  const issues = inputs.flatMap((input, i) => [
    ...(outcomes[i]?.issues ?? []),
    ...duplicates.filter((issue) => issue.file === input.file),
  ]);
  return {
    files: inputs.length,
    records: outcomes.reduce((sum, outcome) => sum + outcome.records, 0),
    issues,
  };
}

/** `file:record: field — message` (file-level problems: `file: (file) — message`). */
export function formatIssue(issue: ValidationIssue): string {
  const where = issue.record === undefined ? `${issue.file}:` : `${issue.file}:${issue.record}:`;
  return `${where} ${issue.field} — ${issue.message}`;
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `3 files, 12 records, 5 errors`. */
export function formatSummary(result: ValidationResult): string {
  return `${count(result.files, 'file')}, ${count(result.records, 'record')}, ${count(result.issues.length, 'error')}`;
}
