import { gregorianToJalali } from '@behzisti/core/dates';
import type { AnswerValue, MemberAnswers } from '@behzisti/core/rules';
import type { Question } from '@behzisti/core/schemas';
import { toLocaleDigits } from '@behzisti/core/text';
import type { Locale } from '../shared/locale.ts';
import type { AnyQuestion } from './messages.ts';

// Between the engine's answers and the form's fields: what a field shows for a kept answer. The
// answer a field's content gives is read-answer.ts (the steps add-on's, so not in the first
// load). No DOM: the component reads the form.

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
