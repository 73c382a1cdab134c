import { parseAllDocuments } from 'yaml';
import { readCsvCells } from '../spreadsheet.ts';
import type { DataFormat } from './formats.ts';
import {
  checkServiceBaseCsvHeader,
  csvColumnForPath,
  serviceBaseFromCsvRow,
} from './service-base-csv.ts';

/**
 * Reads the records of one data file in any supported format, remembering where each came from
 * so errors can name the record or spreadsheet row.
 */

/** One record read from a file. */
export interface SourceRecord {
  value: unknown;
  /** 1-based position among the file's records. */
  index: number;
  /** The spreadsheet row (header = row 1) for CSV records. */
  row?: number;
  /**
   * Maps a field path of `value` to what the person edits (a CSV column); undefined drops the
   * error (already reported on the header). Without it the path is shown as is.
   */
  fieldFor?: (path: readonly (string | number)[]) => string | undefined;
  /** Problems found before schema validation (unreadable CSV cells), by field. */
  problems: { field: string; message: string }[];
}

/** A problem with a whole file or a row that could not become a record. */
export interface ReadProblem {
  /** The record or row label, when the problem belongs to one. */
  record?: string;
  field: string;
  message: string;
}

/** What a file yielded. */
export interface ReadResult {
  records: SourceRecord[];
  problems: ReadProblem[];
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A JSON file holds one record or a list of records. */
function readJson(text: string): ReadResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return {
      records: [],
      problems: [{ field: '(file)', message: `not valid JSON: ${errorText(error)}` }],
    };
  }
  const values = Array.isArray(data) ? data : [data];
  return {
    records: values.map((value, i) => ({ value, index: i + 1, problems: [] })),
    problems: [],
  };
}

/** A YAML file holds one record or a list per document; several documents are allowed. */
function readYaml(text: string, where = ''): ReadResult {
  const result: ReadResult = { records: [], problems: [] };
  for (const document of parseAllDocuments(text, { prettyErrors: true, uniqueKeys: true })) {
    if (document.errors.length > 0) {
      for (const error of document.errors) {
        result.problems.push({
          field: '(file)',
          // yaml's first line says what and where; the rest is a code excerpt for terminals.
          message: `not valid YAML${where}: ${(error.message.split('\n')[0] ?? '').replace(/:\s*$/, '')}`,
        });
      }
      continue;
    }
    const data: unknown = document.toJS();
    if (data === null || data === undefined) continue; // an empty document, e.g. after a trailing ---
    for (const value of Array.isArray(data) ? data : [data]) {
      result.records.push({ value, index: result.records.length + 1, problems: [] });
    }
  }
  return result;
}

const FRONT_MATTER_RE = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

/** A Markdown file's YAML front matter is one record; the body is not checked. */
function readMarkdown(text: string): ReadResult {
  const match = FRONT_MATTER_RE.exec(text);
  if (!match) {
    return {
      records: [],
      problems: [
        {
          field: '(file)',
          message: 'no front matter: the file must start with fields between two --- lines',
        },
      ],
    };
  }
  const inner = readYaml(match[1] ?? '', ' in the front matter');
  if (inner.problems.length > 0) return inner;
  if (inner.records.length === 0) {
    return { records: [], problems: [{ field: '(file)', message: 'the front matter is empty' }] };
  }
  const first = inner.records[0];
  return { records: first ? [first] : [], problems: [] };
}

/** A CSV file of service bases: a header row, then one base per row (see service-base-csv.ts). */
function readCsv(text: string): ReadResult {
  let rows: string[][];
  try {
    // The project's own reader: it takes off the `'` the CSV writer puts before formula-like
    // cells, so a phone number such as +98 31… written by the open-data export reads back as is.
    rows = readCsvCells(text);
  } catch (error) {
    return {
      records: [],
      problems: [{ field: '(file)', message: `not valid CSV: ${errorText(error)}` }],
    };
  }
  const [header = [], ...body] = rows;
  const columns = header.map((name) => name.trim());
  const headerProblems = checkServiceBaseCsvHeader(columns);
  const missing = new Set(
    headerProblems.filter((p) => p.message.startsWith('required column')).map((p) => p.column),
  );
  const result: ReadResult = {
    records: [],
    problems: headerProblems.map((problem) => ({
      record: '1',
      field: problem.column,
      message: problem.message,
    })),
  };
  body.forEach((cells, i) => {
    const row = i + 2; // spreadsheet numbering: the header is row 1
    if (cells.every((cell) => cell.trim() === '')) return; // blank rows are skipped, not errors
    if (cells.length > columns.length) {
      result.problems.push({
        record: String(row),
        field: '(row)',
        message: `has ${cells.length} cells but the header has ${columns.length} columns; check for an unquoted comma`,
      });
    }
    const byColumn: Record<string, string> = {};
    columns.forEach((column, c) => {
      const cell = cells[c]?.trim();
      if (column !== '' && cell) byColumn[column] = cell;
    });
    const { record, problems } = serviceBaseFromCsvRow(byColumn);
    result.records.push({
      value: record,
      index: result.records.length + 1,
      row,
      fieldFor: withSuppressed(csvColumnForPath, missing),
      problems: problems.map((problem) => ({ field: problem.column, message: problem.message })),
    });
  });
  return result;
}

/**
 * A missing required column is reported once on the header, not again on every row: errors in
 * fields of missing columns map to undefined, which the caller drops.
 */
function withSuppressed(
  fieldFor: (path: readonly (string | number)[]) => string,
  missing: ReadonlySet<string>,
): (path: readonly (string | number)[]) => string | undefined {
  return (path) => {
    const field = fieldFor(path);
    return missing.has(field.replace(/\[\d+\]$/, '')) ? undefined : field;
  };
}

/** Reads every record of `text` in `format`. Never throws: syntax errors become problems. */
export function readRecords(text: string, format: DataFormat): ReadResult {
  switch (format) {
    case 'json':
      return readJson(text);
    case 'yaml':
      return readYaml(text);
    case 'markdown':
      return readMarkdown(text);
    case 'csv':
      return readCsv(text);
  }
}
