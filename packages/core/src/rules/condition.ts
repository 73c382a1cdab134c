import type {
  Comparison,
  Condition,
  MemberCount,
  NumberRange,
} from '../schemas/programme-condition.ts';
import type { MemberQuestion, Question } from '../schemas/programme-question.ts';
import type { AnswerValue, MemberAnswers, SimpleAnswer } from './types.ts';
import { wholeYearsBetween } from './years.ts';

/**
 * Three-valued (Kleene) evaluation of conditions over partial answers: `true`, `false` or
 * `undefined` for "cannot be told yet". It is monotone: answering more questions only turns
 * `undefined` into a value, never a value into another, so an outcome fixed early stays fixed
 * and the pruned questionnaire reaches the same outcomes as asking everything.
 *
 * A comparison on a question that is not asked (its `ask_if` is false) is false: "the monthly
 * income is at most X" does not hold for someone never asked their income. A household
 * question that is not asked counts as a household with no members listed.
 */

/** `true`, `false`, or `undefined` when the answers so far cannot tell. */
export type Truth = boolean | undefined;

/** Where a condition is evaluated: the programme's answers, or one household member's. */
export interface Scope {
  readonly questions: ReadonlyMap<string, Question | MemberQuestion>;
  readonly answers: Readonly<Record<string, AnswerValue | undefined>>;
  /** Member questions of each household question (only in the programme scope). */
  readonly members?: ReadonlyMap<string, ReadonlyMap<string, MemberQuestion>> | undefined;
  readonly today?: string | undefined;
  /** Memo of `applies` for this set of answers. */
  readonly applicable: Map<string, Truth>;
  /** Questions whose `ask_if` is being evaluated, to stop at a circular one. */
  readonly visiting: Set<string>;
}

/** A scope over `answers`. */
export function createScope(
  questions: ReadonlyMap<string, Question | MemberQuestion>,
  answers: Readonly<Record<string, AnswerValue | undefined>>,
  today?: string,
  members?: ReadonlyMap<string, ReadonlyMap<string, MemberQuestion>>,
): Scope {
  return { questions, answers, members, today, applicable: new Map(), visiting: new Set() };
}

/**
 * Whether question `id` is asked: true without `ask_if`, else the truth of its `ask_if`. A
 * circular `ask_if` (reported by check-rules) is treated as never decided instead of looping.
 */
export function applies(scope: Scope, id: string): Truth {
  if (scope.applicable.has(id)) return scope.applicable.get(id);
  const question = scope.questions.get(id);
  if (!question?.ask_if) {
    const known = question !== undefined;
    scope.applicable.set(id, known);
    return known;
  }
  if (scope.visiting.has(id)) return undefined;
  scope.visiting.add(id);
  const truth = evaluateCondition(question.ask_if, scope);
  scope.visiting.delete(id);
  scope.applicable.set(id, truth);
  return truth;
}

/** The number a numeric operator compares: the value, or whole years since a date answer. */
function numericValue(question: Question | MemberQuestion, value: SimpleAnswer, today?: string) {
  if (question.type === 'date') {
    if (typeof value !== 'string') return undefined;
    if (today === undefined)
      throw new Error(`today is needed to compare the date question '${question.id}'`);
    return wholeYearsBetween(value, today);
  }
  return typeof value === 'number' ? value : undefined;
}

const within = (n: number, range: NumberRange) => n >= range.min && n <= range.max;

/** Compares a given answer; the schema guarantees the operator fits the question's type. */
function compare(
  condition: Comparison,
  question: Question | MemberQuestion,
  value: SimpleAnswer,
  today?: string,
): boolean {
  if (condition.equals !== undefined) return value === condition.equals;
  if (condition.one_of !== undefined)
    return typeof value === 'string' && condition.one_of.includes(value);
  if (condition.includes !== undefined)
    return Array.isArray(value) && value.includes(condition.includes);
  const n = numericValue(question, value, today);
  if (n === undefined) return false;
  if (condition.less_than !== undefined) return n < condition.less_than;
  if (condition.at_most !== undefined) return n <= condition.at_most;
  if (condition.greater_than !== undefined) return n > condition.greater_than;
  if (condition.at_least !== undefined) return n >= condition.at_least;
  if (condition.between !== undefined) return within(n, condition.between);
  return false;
}

function evaluateComparison(condition: Comparison, scope: Scope): Truth {
  const question = scope.questions.get(condition.question);
  if (!question) return false;
  const asked = applies(scope, condition.question);
  if (asked === false) return false;
  const value = scope.answers[condition.question];
  if (value === undefined) return undefined;
  const result = compare(condition, question, value as SimpleAnswer, scope.today);
  // Answered while `ask_if` is still open: a false comparison stays false either way.
  return asked === true || !result ? result : undefined;
}

/** The truth of "count is within the operator" for a count known to lie in [low, high]. */
function countTruth(condition: MemberCount, low: number, high: number): Truth {
  const range: NumberRange | undefined =
    condition.equals !== undefined
      ? { min: condition.equals, max: condition.equals }
      : condition.between !== undefined
        ? condition.between
        : condition.at_least !== undefined
          ? { min: condition.at_least, max: Number.POSITIVE_INFINITY }
          : condition.at_most !== undefined
            ? { min: Number.NEGATIVE_INFINITY, max: condition.at_most }
            : undefined;
  if (!range) return false;
  if (low >= range.min && high <= range.max) return true;
  if (high < range.min || low > range.max) return false;
  return undefined;
}

/** A scope for one household member, sharing `today`. */
export function memberScope(scope: Scope, household: string, member: MemberAnswers): Scope {
  return createScope(scope.members?.get(household) ?? new Map(), member, scope.today);
}

function evaluateCount(condition: MemberCount, scope: Scope): Truth {
  const id = condition.count.household;
  const question = scope.questions.get(id);
  if (question?.type !== 'household') return false;
  const asked = applies(scope, id);
  const value = scope.answers[id];
  let low = 0;
  let high = 0;
  if (asked === false) {
    // Not asked: no members listed, count 0.
  } else if (!Array.isArray(value)) {
    high = question.max_members;
  } else {
    for (const member of value as MemberAnswers[]) {
      const truth =
        condition.count.where === undefined
          ? true
          : evaluateCondition(condition.count.where, memberScope(scope, id, member));
      if (truth === true) low++;
      if (truth !== false) high++;
    }
    if (asked === undefined) low = 0; // might still be "not asked", i.e. no members
  }
  return countTruth(condition, low, high);
}

/** Evaluates `condition` over the answers of `scope` with three values. */
export function evaluateCondition(condition: Condition, scope: Scope): Truth {
  if ('all' in condition) return combine(condition.all, scope, false);
  if ('any' in condition) return combine(condition.any, scope, true);
  if ('not' in condition) {
    const truth = evaluateCondition(condition.not, scope);
    return truth === undefined ? undefined : !truth;
  }
  if ('count' in condition) return evaluateCount(condition, scope);
  return evaluateComparison(condition, scope);
}

/**
 * `all` (decided by the first false part) and `any` (by the first true one) with three values:
 * a part equal to `decisive` decides; otherwise an undecided part leaves the whole undecided.
 */
function combine(parts: readonly Condition[], scope: Scope, decisive: boolean): Truth {
  let result: Truth = !decisive;
  for (const part of parts) {
    const truth = evaluateCondition(part, scope);
    if (truth === decisive) return decisive;
    if (truth === undefined) result = undefined;
  }
  return result;
}
