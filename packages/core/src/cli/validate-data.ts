import { type DataKind, dataKinds, isDataKind } from '../schemas/registry.ts';
import { readCommandLine } from './arguments.ts';
import { reportUsageError, UsageError } from './usage-error.ts';
import { formatIssue, formatSummary, validateFiles } from './validate.ts';

/**
 * `validate-data [--kind <kind>] <files or folders…>`: checks data files against the kit's
 * schemas and prints every problem, one per line. Exit code 0 when clean, 1 when the data has
 * errors, 2 when the command was called wrongly.
 */

/** Usage text, printed with usage errors and for --help. */
export const USAGE = `Usage: validate-data [--kind <kind>] <file or folder>...

Checks data files against the Behzisti Services Kit schemas and prints every problem:
  file:record: field — reason
The record is its id (or news code) when it has one, else its position (1 = first);
CSV rows are numbered as in a spreadsheet (the header is row 1). In field paths, list
positions count from 1: phones[2] is the second phone.

Files: .json (a record or a list of records), .yaml/.yml (the same; several documents
allowed), .csv (service bases, one per row), .md (the YAML front matter). Folders are
searched recursively.

  --kind <kind>   ${dataKinds.join(' | ')}
                  Without it the kind comes from a folder in the path named
                  service-bases, programmes, news or feedback; .csv files are service
                  bases and .md files news.
  --help          Show this text.

Exit code: 0 no errors, 1 errors in the data, 2 the command was used wrongly.
JSON Schemas of the formats: packages/core/schemas/*.schema.json`;

/** Where output goes; the real command prints to stdout and stderr. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
}

const consoleOutput: Output = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
};

interface Arguments {
  kind?: DataKind;
  paths: string[];
  help: boolean;
}

function parseArguments(argv: readonly string[]): Arguments {
  const { values, positionals } = readCommandLine(argv, {
    kind: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  const { kind } = values;
  if (kind !== undefined && !kind) throw new UsageError('--kind needs a value');
  if (kind !== undefined && !isDataKind(kind))
    throw new UsageError(`unknown kind '${kind}'; use one of: ${dataKinds.join(', ')}`);
  return { kind, paths: positionals, help: values.help === true };
}

/** Runs the command with `argv` (without node and script) and returns the exit code. */
export function main(argv: readonly string[], output: Output = consoleOutput): number {
  try {
    const args = parseArguments(argv);
    if (args.help) {
      output.out(USAGE);
      return 0;
    }
    const result = validateFiles(args.paths, { kind: args.kind });
    for (const issue of result.issues) output.out(formatIssue(issue));
    output.out(formatSummary(result));
    return result.issues.length > 0 ? 1 : 0;
  } catch (error) {
    return reportUsageError(error, 'validate-data', USAGE, output);
  }
}
