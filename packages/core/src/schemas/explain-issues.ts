import type { z } from 'zod';

/**
 * Turns zod issues into one plain-English sentence per bad field, for data teams and for build
 * errors. Messages the schemas wrote themselves are kept; zod's defaults (written for
 * programmers) are rephrased; unions are reduced to the alternative the data most resembles.
 */

/** One problem with one field. */
export interface ExplainedIssue {
  /** Path from the record's root, as zod reports it (list positions count from 0). */
  path: (string | number)[];
  /** The path for people: `phones[2].number`, list positions counting from 1; '' for the record itself. */
  field: string;
  /** What is wrong, in plain English. */
  message: string;
}

type Issue = z.core.$ZodIssue;

/** `['phones', 1, 'number']` → `phones[2].number` (positions count from 1, as people count). */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment + 1}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

/** A short description of a value as found in the data. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (an empty value)';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return value.trim() === '' ? 'empty text' : `the text '${shown}'`;
  }
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  if (typeof value === 'object') return 'a group of fields';
  return String(value);
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a group of fields (name: value)',
  array: 'a list',
  date: 'a date',
  null: 'null',
};

/** zod's own messages start like this; ours never do. */
const DEFAULT_MESSAGE = /^(?:Invalid|Too (?:small|big)|Unrecognized)/;

/** How little a union alternative fits the data: wrong type ≫ unknown keys ≈ missing fields. */
function misfit(issues: readonly Issue[]): number {
  let score = 0;
  for (const issue of issues) {
    if (issue.code === 'invalid_type' && issue.path.length === 0) score += 100;
    else if (issue.code === 'unrecognized_keys' && issue.path.length === 0)
      score += issue.keys.length;
    else if (issue.code === 'invalid_type' && issue.input === undefined && issue.path.length === 1)
      score += 1;
    else score += 0.1;
  }
  return score;
}

function sizeMessage(issue: Issue & { code: 'too_small' | 'too_big' }): string {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  switch (issue.origin) {
    case 'string':
      if (small && limit <= 1) return 'must not be empty';
      return small
        ? `too short (at least ${limit} characters)`
        : `too long (at most ${limit} characters)`;
    case 'array':
    case 'set':
      return small
        ? `needs at least ${limit} ${limit === 1 ? 'entry' : 'entries'}`
        : `has too many entries (at most ${limit})`;
    default:
      return small
        ? `${describeValue(issue.input)} is too small (at least ${limit})`
        : `${describeValue(issue.input)} is too large (at most ${limit})`;
  }
}

function explainOne(issue: Issue, base: readonly PropertyKey[], out: ExplainedIssue[]): void {
  const path = [...base, ...issue.path] as (string | number)[];
  const push = (message: string, at = path): void => {
    out.push({ path: at, field: formatFieldPath(at), message });
  };
  const ours = !DEFAULT_MESSAGE.test(issue.message);
  // Without `reportInput` zod leaves `input` out; its default message still says "received undefined".
  const missing =
    'input' in issue ? issue.input === undefined : /received undefined/.test(issue.message);

  switch (issue.code) {
    case 'unrecognized_keys': {
      const lines = issue.message.split('\n');
      issue.keys.forEach((key, index) => {
        const line = lines.length === issue.keys.length && ours ? lines[index] : undefined;
        push(line ?? `unknown field '${key}' — check the spelling`, [...path, key]);
      });
      return;
    }
    case 'invalid_union': {
      if (issue.errors.length === 0) {
        // A discriminated union whose discriminator (e.g. `type`) is missing or unknown.
        const { options = [], discriminator } = issue as {
          options?: unknown[];
          discriminator?: string;
        };
        const list = options.map(String).join(', ');
        // zod reports the whole object as the input; the person needs the discriminator's value.
        const value =
          discriminator && typeof issue.input === 'object' && issue.input !== null
            ? (issue.input as Record<string, unknown>)[discriminator]
            : issue.input;
        push(
          value === undefined
            ? `required field is missing (one of: ${list})`
            : `${typeof value === 'string' ? `'${value}'` : describeValue(value)} is not allowed here; use one of: ${list}`,
        );
        return;
      }
      const ranked = [...issue.errors].sort((a, b) => misfit(a) - misfit(b) || a.length - b.length);
      const best = ranked[0] ?? [];
      if (misfit(best) >= 100) {
        const expected = new Set(
          issue.errors.flatMap((branch) =>
            branch
              .filter((i) => i.code === 'invalid_type')
              .map(
                (i) =>
                  EXPECTED[(i as { expected: string }).expected] ??
                  (i as { expected: string }).expected,
              ),
          ),
        );
        push(
          issue.input === undefined
            ? 'required field is missing'
            : `expected ${[...expected].join(' or ')} but found ${describeValue(issue.input)}`,
        );
        return;
      }
      for (const inner of best) explainOne(inner, path, out);
      return;
    }
    case 'invalid_type':
      push(
        ours
          ? issue.message
          : missing
            ? 'required field is missing'
            : `expected ${EXPECTED[issue.expected] ?? issue.expected} but found ${describeValue(issue.input)}`,
      );
      return;
    case 'invalid_value':
      push(
        ours
          ? issue.message
          : missing
            ? 'required field is missing'
            : `${describeValue(issue.input)} is not allowed here; use ${issue.values.map((value) => JSON.stringify(value)).join(' or ')}`,
      );
      return;
    case 'too_small':
    case 'too_big':
      push(ours ? issue.message : sizeMessage(issue));
      return;
    default:
      push(
        ours ? issue.message : `${describeValue(issue.input)} is not valid here (${issue.message})`,
      );
  }
}

/** Explains every issue of a failed parse, one entry per bad field, in the order zod found them. */
export function explainIssues(issues: readonly Issue[]): ExplainedIssue[] {
  const out: ExplainedIssue[] = [];
  for (const issue of issues) explainOne(issue, [], out);
  return out;
}

/** The result of `validateRecord`: the parsed value, or every problem explained. */
export type RecordCheck<T> = { ok: true; value: T } | { ok: false; issues: ExplainedIssue[] };

/**
 * Parses `value` with `schema` and explains every problem. Prefer it to a bare `safeParse`: it
 * asks zod to report the offending values, which the explanations quote.
 */
export function validateRecord<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
): RecordCheck<z.output<Schema>> {
  const result = schema.safeParse(value, { reportInput: true });
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, issues: explainIssues(result.error.issues) };
}
