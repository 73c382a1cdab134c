import type { Condition } from '../schemas/programme-condition.ts';
import type { MemberQuestion, Question } from '../schemas/programme-question.ts';
import { createScope, evaluateCondition } from './condition.ts';
import { addConstants, addRefs, emptyRefs } from './references.ts';
import type { AnswerValue } from './types.ts';

/**
 * Can a condition ever be true? Used by check-rules to find follow-ups that are never asked
 * and rules that never apply. Each question gets a small set of values that covers every
 * behaviour the conditions can tell apart (each constant, its neighbours, the points between
 * constants, every option or subset of the options named), and a depth-first search assigns
 * them, cutting a branch as soon as the three-valued evaluation is false. Household counts
 * are left open. When in doubt (an open count, a search too large) the answer is "yes", so
 * check-rules never reports a false alarm.
 */

/** The day the search measures date answers against; any fixed day works. */
const TODAY = '2025-06-01';
const BUDGET = 20_000;
const MAX_NAMED_OPTIONS = 8;

type Constants = Map<string, { numbers: Set<number>; options: Set<string> }>;

function numericPoints(constants: Set<number>, min?: number, max?: number, whole = false) {
  const sorted = [...constants].sort((a, b) => a - b);
  const points = new Set<number>();
  if (min !== undefined) points.add(min);
  if (max !== undefined) points.add(max);
  sorted.forEach((c, i) => {
    points.add(c);
    points.add(whole ? Math.floor(c) - 1 : c - 1);
    points.add(whole ? Math.ceil(c) + 1 : c + 1);
    if (whole) {
      points.add(Math.floor(c));
      points.add(Math.ceil(c));
    }
    const next = sorted[i + 1];
    if (next !== undefined) points.add(whole ? Math.ceil((c + next) / 2) : (c + next) / 2);
  });
  if (points.size === 0) points.add(min ?? 0);
  return [...points].filter(
    (n) => (min === undefined || n >= min) && (max === undefined || n <= max),
  );
}

/** Subsets of the named options; undefined when there are too many to try. */
function subsets(named: string[]): string[][] | undefined {
  if (named.length > MAX_NAMED_OPTIONS) return undefined;
  const out: string[][] = [];
  for (let mask = 0; mask < 1 << named.length; mask++)
    out.push(named.filter((_, bit) => mask & (1 << bit)));
  return out;
}

/** The values to try for a question; undefined to leave it open. */
function domain(
  question: Question | MemberQuestion,
  constants: Constants,
): AnswerValue[] | undefined {
  const seen = constants.get(question.id);
  switch (question.type) {
    case 'yes-no':
      return [true, false];
    case 'one-of':
      return question.options.map((option) => option.value);
    case 'several-of':
      return subsets([...(seen?.options ?? [])]);
    case 'number':
      return numericPoints(
        seen?.numbers ?? new Set(),
        question.min,
        question.max,
        question.integer,
      );
    case 'age':
      return numericPoints(seen?.numbers ?? new Set(), question.min ?? 0, question.max, true);
    case 'date':
      // Whole years since the date; 1 January keeps clear of any Jalali anniversary near TODAY.
      return numericPoints(seen?.numbers ?? new Set(), 0, 150, true).map(
        (years) => `${String(2025 - years).padStart(4, '0')}-01-01`,
      );
    case 'household':
      return undefined;
  }
}

/** The questions a condition depends on: those it names, and those their `ask_if` names. */
function variables(
  condition: Condition,
  questions: ReadonlyMap<string, Question | MemberQuestion>,
): string[] {
  const found = new Set<string>();
  const queue = [...addRefs(condition, emptyRefs()).questions];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (found.has(id)) continue;
    found.add(id);
    const askIf = questions.get(id)?.ask_if;
    if (askIf) queue.push(...addRefs(askIf, emptyRefs()).questions);
  }
  return [...found];
}

/**
 * True unless `condition` is false for every possible set of answers. `context` lists every
 * condition of the programme, whose constants shape the values tried.
 */
export function canBeTrue(
  condition: Condition,
  questions: ReadonlyMap<string, Question | MemberQuestion>,
  context: readonly (Condition | undefined)[],
): boolean {
  const constants: Constants = new Map();
  for (const part of [condition, ...context]) addConstants(part, constants);
  const vars = variables(condition, questions).flatMap((id) => {
    const question = questions.get(id);
    const values = question && domain(question, constants);
    return values ? [{ id, values }] : [];
  });
  const answers: Record<string, AnswerValue> = {};
  let budget = BUDGET;
  const search = (index: number): boolean => {
    if (--budget < 0) return true; // too large to settle: assume it can
    const truth = evaluateCondition(condition, createScope(questions, answers, TODAY));
    if (truth !== undefined) return truth;
    const variable = vars[index];
    if (!variable) return true; // left open by a household count: it may hold
    for (const value of variable.values) {
      answers[variable.id] = value;
      if (search(index + 1)) return true;
    }
    delete answers[variable.id];
    return false;
  };
  return search(0);
}
