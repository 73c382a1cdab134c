import { formatIsoDay, gregorianToJalali, jalaliToGregorian, readDay } from '../dates.ts';
import type { MemberQuestion, Question } from '../schemas/programme-question.ts';
import { parseNumber } from '../text.ts';
import type { AnswerValue, MemberAnswers, SimpleAnswer } from './types.ts';
import { wholeYearsBetween } from './years.ts';

/**
 * Turning what a person typed into answers, and checking answers that come from elsewhere
 * (a resumed session, a table test). Problems are typed codes; the element words them in fa
 * and en, and `describeAnswerProblem` words them in English for check-rules.
 */

/** Why a typed answer was refused. */
export type AnswerProblemCode =
  | 'required'
  | 'not_a_number'
  | 'not_whole'
  | 'too_small'
  | 'too_large'
  | 'not_a_date'
  | 'in_future'
  | 'unknown_option'
  | 'wrong_type'
  | 'too_many_members';

/** A refused answer: the code and, for bounds, the limit the answer broke. */
export interface AnswerProblem {
  code: AnswerProblemCode;
  limit?: number | undefined;
  /** For `unknown_option`, the value that is not an option. */
  value?: string | undefined;
}

/** A parsed answer or the problem with it. */
export type ParsedAnswer =
  | { ok: true; value: SimpleAnswer }
  | { ok: false; problem: AnswerProblem };

const fail = (code: AnswerProblemCode, extra: Omit<AnswerProblem, 'code'> = {}): ParsedAnswer => ({
  ok: false,
  problem: { code, ...extra },
});

function checkBounds(value: number, question: { min?: number; max?: number }): ParsedAnswer {
  if (question.min !== undefined && value < question.min)
    return fail('too_small', { limit: question.min });
  if (question.max !== undefined && value > question.max)
    return fail('too_large', { limit: question.max });
  return { ok: true, value };
}

/**
 * A date typed in any digit set to a Gregorian day `YYYY-MM-DD` (Tehran): years below 1700 are
 * Solar Hijri (`۱۳۶۵/۰۴/۱۲`), others Gregorian (`1986-07-03`).
 */
export function parseDateAnswer(text: string): string | undefined {
  // Calendar days only, no instants: a day needs no time-zone arithmetic (and the checker's
  // script stays small).
  const day = readDay(text);
  if (!day) return undefined;
  const gregorian = day.year < 1700 ? jalaliToGregorian(day) : gregorianToJalali(day) && day;
  return gregorian && formatIsoDay(gregorian);
}

/** Options of `parseAnswerInput`. */
export interface ParseAnswerOptions {
  /** Today as `YYYY-MM-DD` (Gregorian, Tehran): a date answer after it is refused. */
  today?: string | undefined;
}

/**
 * Reads what a person typed for a number, age or date question: Persian, Arabic-Indic or
 * Latin digits and separators (core's `parseNumber`), Solar Hijri or Gregorian dates (core's
 * `parseJalaliDate`). Other question types are chosen, not typed; use `checkAnswer` for them.
 */
export function parseAnswerInput(
  question: Question | MemberQuestion,
  input: string,
  options: ParseAnswerOptions = {},
): ParsedAnswer {
  if (input.trim() === '') return fail('required');
  switch (question.type) {
    case 'number':
    case 'age': {
      const value = parseNumber(input);
      if (value === undefined) return fail('not_a_number');
      if ((question.type === 'age' || question.integer) && !Number.isInteger(value))
        return fail('not_whole');
      return checkBounds(value, question.type === 'age' ? { min: 0, ...question } : question);
    }
    case 'date': {
      const value = parseDateAnswer(input);
      if (value === undefined) return fail('not_a_date');
      // ISO days compare correctly as text.
      if (options.today !== undefined && value > options.today) return fail('in_future');
      return { ok: true, value };
    }
    default:
      return fail('wrong_type');
  }
}

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/**
 * Checks an answer value against its question (type, options, bounds). Returns undefined when
 * it fits. Household answers are checked member by member with `checkMemberAnswers`.
 */
export function checkAnswer(
  question: Question | MemberQuestion,
  value: unknown,
): AnswerProblem | undefined {
  const problem = (code: AnswerProblemCode, extra: Omit<AnswerProblem, 'code'> = {}) => ({
    code,
    ...extra,
  });
  switch (question.type) {
    case 'yes-no':
      return typeof value === 'boolean' ? undefined : problem('wrong_type');
    case 'number':
    case 'age': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return problem('wrong_type');
      if ((question.type === 'age' || question.integer) && !Number.isInteger(value))
        return problem('not_whole');
      const bounded = checkBounds(
        value,
        question.type === 'age' ? { min: 0, ...question } : question,
      );
      return bounded.ok ? undefined : bounded.problem;
    }
    case 'date':
      // A real Gregorian day: the calendar conversion refuses 2023-02-30 and the like.
      return typeof value === 'string' && wholeYearsBetween(value, value) === 0
        ? undefined
        : problem('not_a_date');
    case 'one-of':
      if (typeof value !== 'string') return problem('wrong_type');
      return question.options.some((option) => option.value === value)
        ? undefined
        : problem('unknown_option', { value });
    case 'several-of': {
      if (!isStringList(value)) return problem('wrong_type');
      const bad = value.find((item) => !question.options.some((option) => option.value === item));
      return bad === undefined ? undefined : problem('unknown_option', { value: bad });
    }
    case 'household':
      if (
        !Array.isArray(value) ||
        value.some((m) => typeof m !== 'object' || m === null || Array.isArray(m))
      )
        return problem('wrong_type');
      return value.length > question.max_members
        ? problem('too_many_members', { limit: question.max_members })
        : undefined;
  }
}

/** One problem with one member answer: the member (from 0), the member question, the problem. */
export interface MemberAnswerProblem {
  member: number;
  question: string;
  problem: AnswerProblem | { code: 'unknown_question' };
}

/** Checks each member's answers of a household answer against the member questions. */
export function checkMemberAnswers(
  question: Question & { type: 'household' },
  members: readonly MemberAnswers[],
): MemberAnswerProblem[] {
  const problems: MemberAnswerProblem[] = [];
  const byId = new Map(question.member_questions.map((member) => [member.id, member]));
  members.forEach((member, index) => {
    for (const [id, value] of Object.entries(member)) {
      const memberQuestion = byId.get(id);
      const problem = memberQuestion
        ? checkAnswer(memberQuestion, value)
        : ({ code: 'unknown_question' } as const);
      if (problem) problems.push({ member: index, question: id, problem });
    }
  });
  return problems;
}

const EXPECTED: Record<string, string> = {
  'yes-no': 'true or false',
  number: 'a number',
  age: 'a whole number of years',
  date: 'a date written YYYY-MM-DD',
  'one-of': 'one option value',
  'several-of': 'a list of option values',
  household: 'a list of members, each { member question id: answer }',
};

/** An English sentence for a problem with an answer to `question`, for check-rules. */
export function describeAnswerProblem(
  question: Question | MemberQuestion,
  problem: AnswerProblem | { code: 'unknown_question' },
): string {
  const options =
    'options' in question ? question.options.map((option) => option.value).join(', ') : '';
  switch (problem.code) {
    case 'unknown_option':
      return `'${problem.value}' is not an option of '${question.id}' (options: ${options})`;
    case 'too_small':
      return `below the smallest answer '${question.id}' accepts (${problem.limit})`;
    case 'too_large':
      return `above the largest answer '${question.id}' accepts (${problem.limit})`;
    case 'not_whole':
      return `'${question.id}' takes a whole number`;
    case 'too_many_members':
      return `more members than '${question.id}' accepts (${problem.limit})`;
    case 'unknown_question':
      return `no member question has this id`;
    default:
      return `'${question.id}' is ${/^[aeiou]/.test(question.type) ? 'an' : 'a'} ${question.type} question; write ${EXPECTED[question.type] ?? 'an answer of its type'}`;
  }
}

/** True when `value` has the shape of some answer (used before checking it against a question). */
export function isAnswerValue(value: unknown): value is AnswerValue {
  return (
    typeof value === 'boolean' ||
    typeof value === 'number' ||
    typeof value === 'string' ||
    Array.isArray(value)
  );
}
