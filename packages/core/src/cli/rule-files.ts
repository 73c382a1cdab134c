import { readFileSync, statSync } from 'node:fs';
import { analyseProgrammes } from '../rules/analysis.ts';
import { runRuleTestCase } from '../rules/table-tests.ts';
import { formatFieldPath, validateRecord } from '../schemas/explain-issues.ts';
import { type Programme, ProgrammeSchema } from '../schemas/programme.ts';
import { type RuleTestCase, RuleTestCaseSchema } from '../schemas/programme-tests.ts';
import { type DataFormat, formatFromPath, isInTestsFolder } from './formats.ts';
import { readRecords } from './read-records.ts';
import { UsageError } from './usage-error.ts';
import { filesIn, type ValidationIssue } from './validate.ts';

/**
 * The logic of `check-rules`, free of argv so tests call it directly: reads programme files
 * and table-test files (any file inside a folder named `tests`), validates both, analyses the
 * programmes together, then runs the cases.
 */

/** A case whose outcome for some programme differs from the expected one. */
export interface CaseFailureReport {
  file: string;
  /** Position of the case in its file, from 1. */
  index: number;
  name: string;
  programme: string;
  expected: string;
  actual: string;
  /** `rules[2]`, `otherwise`, or for an undecided programme the rule still open. */
  rule: string;
  reason?: string | undefined;
  next?: string | undefined;
}

/** What checking rule files found. */
export interface RuleCheckResult {
  programmeFiles: number;
  programmes: number;
  testFiles: number;
  cases: number;
  passed: number;
  /** Cases not run because a programme file has errors. */
  skipped: number;
  issues: ValidationIssue[];
  failures: CaseFailureReport[];
}

interface Input {
  file: string;
  format: DataFormat;
  test: boolean;
}

const RULE_FORMATS = new Set<DataFormat>(['json', 'yaml']);

function resolveInputs(paths: readonly string[]): Input[] {
  const problems: string[] = [];
  const inputs: Input[] = [];
  for (const path of paths) {
    let folder: boolean;
    try {
      folder = statSync(path).isDirectory();
    } catch {
      problems.push(`${path}: cannot read: no such file or folder`);
      continue;
    }
    const files = folder ? filesIn(path) : [path];
    const rules = files.filter((file) => RULE_FORMATS.has(formatFromPath(file) as DataFormat));
    if (!folder && rules.length === 0)
      problems.push(`${path}: not a rules file (use .yaml, .yml or .json)`);
    else if (folder && rules.length === 0)
      problems.push(`${path}: no rules files (.yaml, .yml, .json) in this folder`);
    for (const file of rules)
      inputs.push({
        file,
        format: formatFromPath(file) as DataFormat,
        test: isInTestsFolder(file),
      });
  }
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  return inputs;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `${file}: cannot read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

const labelOf = (value: unknown, index: number) => {
  const id =
    typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.trim() !== '' ? id : String(index);
};

const ruleLabel = (rule: number | null) =>
  rule === null ? 'otherwise' : formatFieldPath(['rules', rule]);

/**
 * Checks rule files and folders (searched recursively; files under a `tests` folder are table
 * tests). Throws `UsageError` for paths that cannot be read, before checking anything.
 */
export function checkRuleFiles(paths: readonly string[]): RuleCheckResult {
  if (paths.length === 0) throw new UsageError('no files given');
  const inputs = resolveInputs(paths);
  const issues: ValidationIssue[] = [];
  const programmes: { programme: Programme; file: string; label: string }[] = [];
  const cases: { testCase: RuleTestCase; file: string; index: number }[] = [];
  let invalidProgrammes = 0;
  let caseCount = 0;

  for (const input of inputs) {
    const read = readRecords(readText(input.file), input.format);
    issues.push(...read.problems.map((problem) => ({ file: input.file, ...problem })));
    if (!input.test && read.problems.length > 0) invalidProgrammes++;
    for (const record of read.records) {
      const label = input.test ? String(record.index) : labelOf(record.value, record.index);
      if (input.test) caseCount++;
      const check = input.test
        ? validateRecord(RuleTestCaseSchema, record.value)
        : validateRecord(ProgrammeSchema, record.value);
      if (!check.ok) {
        if (!input.test) invalidProgrammes++;
        for (const issue of check.issues)
          issues.push({
            file: input.file,
            record: label,
            field: issue.field || '(record)',
            message: issue.message,
          });
      } else if (input.test)
        cases.push({
          testCase: check.value as RuleTestCase,
          file: input.file,
          index: record.index,
        });
      else programmes.push({ programme: check.value as Programme, file: input.file, label });
    }
  }

  const list = programmes.map((entry) => entry.programme);
  for (const issue of analyseProgrammes(list)) {
    const entry = programmes[issue.programme];
    if (!entry) continue;
    invalidProgrammes++;
    issues.push({
      file: entry.file,
      record: entry.label,
      field: formatFieldPath(issue.path) || '(record)',
      message: issue.message,
    });
  }

  const failures: CaseFailureReport[] = [];
  let passed = 0;
  const skipped = invalidProgrammes > 0 ? cases.length : 0;
  if (invalidProgrammes === 0) {
    for (const { testCase, file, index } of cases) {
      const result = runRuleTestCase(list, testCase);
      for (const problem of result.problems)
        issues.push({
          file,
          record: String(index),
          field: formatFieldPath(problem.path),
          message: problem.message,
        });
      for (const failure of result.failures)
        failures.push({
          file,
          index,
          name: testCase.name,
          programme: failure.programme,
          expected: failure.expected,
          actual: failure.actual,
          rule: ruleLabel(failure.rule),
          reason: failure.reason?.en ?? failure.reason?.fa,
          next: failure.next,
        });
      if (result.problems.length === 0 && result.failures.length === 0) passed++;
    }
  }
  return {
    programmeFiles: inputs.filter((input) => !input.test).length,
    programmes: programmes.length,
    testFiles: inputs.filter((input) => input.test).length,
    cases: caseCount,
    passed,
    skipped,
    issues,
    failures,
  };
}

/** `file:case: expect.programme — "name": expected likely, got maybe by rules[2] ("reason")`. */
export function formatFailure(failure: CaseFailureReport): string {
  const decided =
    failure.actual === 'undecided'
      ? `${failure.rule} cannot be told from these answers${failure.next ? ` (next question: ${failure.next})` : ''}`
      : `decided by ${failure.rule}${failure.reason ? ` ("${failure.reason}")` : ''}`;
  return `${failure.file}:${failure.index}: expect.${failure.programme} — "${failure.name}": expected ${failure.expected}, got ${failure.actual}; ${decided}`;
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `5 programme files, 5 test files, 30 cases: 29 passed, 1 failed; 0 errors`. */
export function formatRuleSummary(result: RuleCheckResult): string {
  const failedCases = new Set(result.failures.map((f) => `${f.file}\u0000${f.index}`)).size;
  const ran = result.cases - result.skipped;
  const tests =
    result.skipped > 0
      ? `${count(result.cases, 'case')} not run (fix the programme errors first)`
      : `${count(result.cases, 'case')}: ${result.passed} passed, ${failedCases} failed${ran - result.passed - failedCases > 0 ? `, ${ran - result.passed - failedCases} with errors` : ''}`;
  return `${count(result.programmeFiles, 'programme file')}, ${count(result.testFiles, 'test file')}, ${tests}; ${count(result.issues.length, 'error')}`;
}
