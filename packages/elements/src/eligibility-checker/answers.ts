import { gregorianToJalali } from '@behzisti/core/dates';
import {
  type AnswerValue,
  checkAnswer,
  createScope,
  evaluateCondition,
  type MemberAnswers,
  type ParseAnswerOptions,
  type ParsedAnswer,
  parseAnswerInput,
} from '@behzisti/core/rules';
import type { Question } from '@behzisti/core/schemas';
import { toLocaleDigits } from '@behzisti/core/text';
import type { Locale } from '../shared/locale.ts';
import type { AnyQuestion, Problem } from './messages.ts';

// Between the engine's answers and the form's fields: what a field shows for an answer, and the
// answer a field's content gives. No DOM: the component reads the form.

/** The question that lists the people of a household, each with the member questions. */
export type Household = Extract<Question, { type: 'household' }>;

/** A field's value as the form holds it: text, a chosen value, or the chosen values. */
export type Raw = string | string[] | undefined;

/** What a field shows for a kept answer: digits and Solar Hijri dates in the locale. */
export function toRaw(question: AnyQuestion, value: AnswerValue | undefined, locale: Locale): Raw {
  if (value === undefined) return undefined;
  switch (question.type) {
    case 'yes-no':
      return value ? 'yes' : 'no';
    case 'number':
    case 'age':
      return toLocaleDigits(value as number, locale);
    case 'date': {
      if (locale !== 'fa') return String(value);
      const [year, month, day] = String(value).split('-').map(Number);
      const jalali = gregorianToJalali({ year: year ?? 0, month: month ?? 0, day: day ?? 0 });
      const pad = (n: number) => String(n).padStart(2, '0');
      return jalali
        ? toLocaleDigits(`${jalali.year}/${pad(jalali.month)}/${pad(jalali.day)}`, 'fa')
        : undefined;
    }
    default:
      return value as string | string[];
  }
}

/** The answer in a field, or the problem with it (the engine's checks and parsing). */
export function readField(
  question: AnyQuestion,
  raw: Raw,
  options: ParseAnswerOptions,
): ParsedAnswer {
  if (question.type === 'several-of') return { ok: true, value: (raw as string[]) ?? [] };
  const text = typeof raw === 'string' ? raw : '';
  if (question.type === 'yes-no' || question.type === 'one-of') {
    if (!text) return { ok: false, problem: { code: 'required' } };
    const value = question.type === 'yes-no' ? text === 'yes' : text;
    const problem = checkAnswer(question, value);
    return problem ? { ok: false, problem } : { ok: true, value };
  }
  return parseAnswerInput(question as Question, text, options);
}

/** What each household member's fields show for a kept household answer. */
export function membersRaw(
  question: Household,
  answer: AnswerValue | undefined,
  locale: Locale,
): Record<string, Raw>[] {
  return Array.isArray(answer)
    ? (answer as MemberAnswers[]).map((member) =>
        Object.fromEntries(
          question.member_questions.map((mq) => [mq.id, toRaw(mq, member[mq.id], locale)]),
        ),
      )
    : [];
}

/**
 * The answer the form gives for `question`, or the problems with it, each by field name.
 * `field(question, name)` reads one field; `members` holds what was typed for each member of a
 * household (member questions asked only if their `ask_if` holds are skipped otherwise).
 */
export function readAnswer(
  question: Question,
  field: (question: AnyQuestion, name: string) => Raw,
  members: Record<string, Raw>[],
  options: ParseAnswerOptions,
): { value: AnswerValue; problems: Problem[] } {
  const problems: Problem[] = [];
  if (question.type !== 'household') {
    const parsed = readField(question, field(question, question.id), options);
    if (!parsed.ok) problems.push({ ...parsed.problem, name: question.id, question });
    return { value: parsed.ok ? parsed.value : '', problems };
  }
  const byId = new Map(question.member_questions.map((mq) => [mq.id, mq]));
  const value = members.map((member, i) => {
    const answers: MemberAnswers = {};
    for (const mq of question.member_questions) {
      if (mq.ask_if && evaluateCondition(mq.ask_if, createScope(byId, answers)) === false) continue;
      const parsed = readField(mq, member[mq.id], options);
      if (parsed.ok) answers[mq.id] = parsed.value;
      else problems.push({ ...parsed.problem, name: `m${i}-${mq.id}`, question: mq, member: i });
    }
    return answers;
  });
  return { value, problems };
}
