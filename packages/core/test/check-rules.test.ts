import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/check-rules.ts';
import { checkRuleFiles, formatFailure } from '../src/cli/rule-files.ts';
import { formatIssue } from '../src/cli/validate.ts';
import { core, runBin, runInProcess } from './cli.ts';

const fixture = (path: string) => join(core, 'test/fixtures/rules', path);
const portalProgrammes = join(core, '../../portal/src/content/programmes');

const runCli = (...args: string[]) => runBin('bin/check-rules.mjs', args);
const runMain = (...args: string[]) => runInProcess(main, args);

/** `record: field` of each issue, relative to the fixture folder. */
const where = (issues: ReturnType<typeof checkRuleFiles>['issues']) =>
  issues.map((issue) => `${issue.file.split('/').pop()}:${issue.record}: ${issue.field}`);

describe('check-rules on the portal sample programmes', () => {
  it('passes every table test from the real command (exit 0)', () => {
    const { code, stdout, stderr } = runCli(portalProgrammes);
    expect(stderr).toBe('');
    expect(stdout.trim()).toMatch(
      /^5 programme files, 5 test files, (\d+) cases: \1 passed, 0 failed; 0 errors$/,
    );
    expect(code).toBe(0);
  });
});

describe('check-rules on broken programmes', () => {
  it('reports every error with file, path and reason', () => {
    const result = checkRuleFiles([fixture('broken')]);
    expect(where(result.issues)).toEqual([
      'invalid.json:invalid: rules[1].when.question',
      'tangled.yaml:tangled: questions[1]',
      'tangled.yaml:tangled: questions[2].ask_if',
      'tangled.yaml:tangled: questions[4].ask_if',
      'tangled.yaml:tangled: questions[5].id',
      'tangled.yaml:tangled: rules[2].when',
      'tangled.yaml:tangled: rules[3].when',
    ]);
    const messages = result.issues.map((issue) => issue.message).join('\n');
    expect(messages).toContain("no programme question has the id 'agee'");
    expect(messages).toContain(
      "'age' is also defined by programme 'other' with a different text, max",
    );
    expect(messages).toContain('circle (first → second → first)');
    expect(messages).toContain("'never' is never asked");
    expect(messages).toContain("no rule uses 'unused'");
    expect(messages).toContain('never reached');
    expect(messages).toContain('can never be true');
  });

  it('exits 1 and does not run the cases', () => {
    const { code, out } = runMain(fixture('broken'));
    expect(code).toBe(1);
    expect(out.at(-1)).toBe(
      '3 programme files, 0 test files, 0 cases: 0 passed, 0 failed; 7 errors',
    );
  });
});

describe('check-rules table tests', () => {
  it('prints each failing case with expected, actual and the deciding rule', () => {
    const result = checkRuleFiles([fixture('failing')]);
    expect(
      result.failures.map(formatFailure).map((line) => line.replace(/^.*tests\//, '')),
    ).toEqual([
      'adults.yaml:2: expect.adults — "a child, expected wrongly": expected likely, got maybe; decided by otherwise ("شاید")',
      'adults.yaml:3: expect.adults — "nothing answered": expected maybe, got undecided; rules[1] cannot be told from these answers (next question: age)',
    ]);
    expect(result.issues.map(formatIssue).map((line) => line.replace(/^.*tests\//, ''))).toEqual([
      "adults.yaml:4: expect.adultz — no programme has the id 'adultz' (programmes: adults)",
      "adults.yaml:4: answers.age — 'age' is an age question; write a whole number of years",
      "adults.yaml:4: answers.height — no programme has a question 'height'",
    ]);
    expect(result.passed).toBe(1);
  });

  it('exits 1 from the real command with a summary line', () => {
    const { code, stdout } = runCli('test/fixtures/rules/failing');
    expect(code).toBe(1);
    expect(stdout.trim().split('\n').at(-1)).toBe(
      '1 programme file, 1 test file, 4 cases: 1 passed, 2 failed, 1 with errors; 3 errors',
    );
  });
});

describe('check-rules usage', () => {
  it('exits 2 without files, for unknown options and missing paths', () => {
    expect(runMain().code).toBe(2);
    expect(runMain('--strict', fixture('failing')).err).toContain("unknown option '--strict'");
    const missing = runMain('nowhere.yaml');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('nowhere.yaml: cannot read: no such file or folder');
  });

  it('prints help', () => {
    const { code, out } = runMain('--help');
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('Usage: check-rules');
  });
});
