import { readCommandLine } from './arguments.ts';
import { checkRuleFiles, formatFailure, formatRuleSummary } from './rule-files.ts';
import { reportUsageError } from './usage-error.ts';
import { formatIssue } from './validate.ts';
import type { Output } from './validate-data.ts';

/**
 * `check-rules <files or folders…>`: validates eligibility rule files, checks the programmes
 * together (shared questions, follow-ups, unused questions, rules that never apply), then runs
 * the table tests. Exit code 0 when all is well, 1 for errors or failing cases, 2 when the
 * command was called wrongly.
 */

/** Usage text, printed with usage errors and for --help. */
export const USAGE = `Usage: check-rules <file or folder>...

Checks programme rule files (.yaml, .yml, .json; one programme per file) and runs their
table tests: every file inside a folder named tests is a list of cases
  - name: widow with two young children
    answers: { head_of_household: true, age: 34 }
    expect: { women-heads-of-household: likely }
Folders are searched recursively.

Prints every problem as  file:programme: field — reason  (list positions count from 1),
then every failing case as  file:case: expect.programme — expected vs actual, the deciding
rule and its reason; then a summary line.

  --help   Show this text.

Exit code: 0 all good, 1 errors or failing cases, 2 the command was used wrongly.
Guide for rule authors: docs/rules.md`;

const consoleOutput: Output = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
};

/** Runs the command with `argv` (without node and script) and returns the exit code. */
export function main(argv: readonly string[], output: Output = consoleOutput): number {
  try {
    const { values, positionals: paths } = readCommandLine(argv, {
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      output.out(USAGE);
      return 0;
    }
    const result = checkRuleFiles(paths);
    for (const issue of result.issues) output.out(formatIssue(issue));
    for (const failure of result.failures) output.out(formatFailure(failure));
    output.out(formatRuleSummary(result));
    return result.issues.length > 0 || result.failures.length > 0 ? 1 : 0;
  } catch (error) {
    return reportUsageError(error, 'check-rules', USAGE, output);
  }
}
