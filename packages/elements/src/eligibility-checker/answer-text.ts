import { formatDate } from '@behzisti/core/dates';
import type { AnswerValue, MemberAnswers } from '@behzisti/core/rules';
import { msg } from '@lit/localize';
import { type AnswerContext, type AnyQuestion, person, yesNo } from './messages.ts';

// Answers as words, for "check your answers" and the results (the results add-on's, results.ts).

/** An answer as the summary and the results show it, in the widget's locale. */
export function answerText(
  question: AnyQuestion,
  value: AnswerValue | undefined,
  context: AnswerContext,
): string {
  const { locale, digits, t } = context;
  // «الف، ب و ج»: the locale's own list pattern (CLDR through Intl), in Persian and English alike.
  const list = (items: string[]) => new Intl.ListFormat(locale).format(items);
  const label = (v: string) =>
    'options' in question ? t(question.options.find((o) => o.value === v)?.label) : v;
  switch (question.type) {
    case 'yes-no':
      return yesNo(value);
    case 'number':
      return `${digits(value as number)} ${t(question.unit)}`.trim();
    case 'age':
      return digits(value as number);
    case 'date':
      return formatDate(new Date(`${value}T12:00:00Z`), locale);
    case 'one-of':
      return label(value as string);
    case 'several-of':
      return list((value as string[]).map(label)) || msg('هیچ‌کدام');
    case 'household':
      return (
        (value as MemberAnswers[])
          .map(
            (member, i) =>
              `${person(i, digits)}: ${list(
                question.member_questions
                  .filter((mq) => member[mq.id] !== undefined)
                  .map((mq) => `${t(mq.text)} ${answerText(mq, member[mq.id], context)}`),
              )}`,
          )
          .join(locale === 'fa' ? '؛ ' : '; ') || msg('کسی اضافه نشده است')
      );
  }
}
