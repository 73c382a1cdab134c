import { formatDate } from '@behzisti/core/dates';
import type { AnswerProblem, AnswerValue, MemberAnswers } from '@behzisti/core/rules';
import type { LocalizedText, MemberQuestion, Question } from '@behzisti/core/schemas';
import { msg, str } from '@lit/localize';
import type { LoadErrorCode } from '../shared/load-json.ts';
import type { Locale } from '../shared/locale.ts';

// The checker's sentences that depend on a typed code or an answer: call these while rendering.

export type AnyQuestion = Question | MemberQuestion;
/** A refused answer, by form field name (`age`, `m0-member_age`). */
export interface Problem extends AnswerProblem {
  name: string;
  question: AnyQuestion;
  member?: number;
}
type Digits = (value: number) => string;

export interface AnswerContext {
  locale: Locale;
  digits: Digits;
  /** The locale's text of a localized field (Persian when there is no English). */
  t: (text: LocalizedText | undefined) => string;
}

/** What is wrong with an answer, and what to write instead. */
export function problemText(problem: Problem, digits: Digits): string {
  const { question } = problem;
  const limit = digits(problem.limit ?? 0);
  switch (problem.code) {
    case 'required':
      if (question.type === 'date')
        return msg('تاریخی نوشته نشده است؛ تاریخ را به شکل سال/ماه/روز بنویسید، مثلاً ۱۴۰۳/۰۵/۱۲.');
      if (question.type === 'number' || question.type === 'age')
        return msg('پاسخی نوشته نشده است؛ یک عدد بنویسید (عدد تقریبی هم درست است).');
      return msg('پاسخی انتخاب نشده است؛ برای ادامه یکی از پاسخ‌ها را انتخاب کنید.');
    case 'not_a_number':
      return msg('این عدد نیست؛ فقط با رقم بنویسید، مثلاً ۱۲۰۰۰۰۰۰.');
    case 'not_whole':
      return msg('عدد باید صحیح باشد؛ آن را بدون اعشار بنویسید.');
    case 'too_small':
      return msg(str`عدد کمتر از حد پذیرفتنی است؛ ${limit} یا بیشتر بنویسید.`);
    case 'too_large':
      return msg(str`عدد بیشتر از حد پذیرفتنی است؛ ${limit} یا کمتر بنویسید.`);
    case 'not_a_date':
      return msg('این تاریخ درست نیست؛ آن را به شکل سال/ماه/روز بنویسید، مثلاً ۱۴۰۳/۰۵/۱۲.');
    case 'in_future':
      return msg('این تاریخ در آینده است؛ تاریخ امروز یا پیش از آن را بنویسید.');
    case 'too_many_members':
      return msg(str`حداکثر ${limit} نفر را می‌توانید اضافه کنید؛ افراد اضافه را حذف کنید.`);
    default:
      return msg('این پاسخ جزو گزینه‌ها نیست؛ یکی از گزینه‌های نشان‌داده‌شده را انتخاب کنید.');
  }
}

/** The locale's text of a localized field (Persian when there is no English). */
export function localized(text: LocalizedText | undefined, locale: Locale): string {
  return text ? (locale === 'en' && text.en) || text.fa : '';
}

/** What the live region says: loading, the question number (`progress`), or the step's heading. */
export function statusText(
  status: string,
  view: 'question' | 'summary' | 'results',
  progress: () => string,
): string {
  if (status === 'loading') return msg('در حال بارگذاری پرسش‌ها…');
  if (status !== 'ready') return '';
  if (view === 'summary') return msg('پاسخ‌هایتان را بررسی کنید');
  if (view === 'results') return msg('نتیجه‌ها');
  return progress();
}

/** "Question 2; at most 3 more" (`more` questions may follow), or "perhaps the last question". */
export function progressText(
  { number, more }: { number: number; more: number },
  digits: Digits,
): string {
  return more > 0
    ? msg(str`پرسش ${digits(number)}؛ حداکثر ${digits(more)} پرسش دیگر`)
    : msg(str`پرسش ${digits(number)}؛ شاید آخرین پرسش`);
}

/** "Person 3", for household members (0-based index). */
export function person(index: number, digits: Digits): string {
  return msg(str`فرد ${digits(index + 1)}`);
}

export function yesNo(value: unknown): string {
  return value ? msg('بله') : msg('خیر');
}

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

/** Why the questions cannot be shown, and what to do: check the address, wait, or retry. */
export function loadProblemText(
  status: 'error' | 'invalid' | 'missing',
  error: LoadErrorCode | undefined,
  programme: string,
): string {
  if (status === 'missing')
    return msg(
      str`برنامهٔ «${programme}» در قوانین نیست؛ نشانی را بررسی کنید یا از پایگاه خدمات اجتماعی بپرسید.`,
    );
  if (status === 'invalid')
    return msg(
      'قوانین برنامه‌ها اشتباه دارند و پرسش‌ها نمایش داده نمی‌شوند؛ بعداً سر بزنید یا از پایگاه خدمات اجتماعی بپرسید.',
    );
  return error === 'network' || error === 'timeout'
    ? msg('پرسش‌ها بارگذاری نشد؛ اتصال اینترنت را بررسی کنید و دوباره تلاش کنید.')
    : msg('سایت در فرستادن پرسش‌ها مشکل دارد؛ چند دقیقهٔ دیگر دوباره تلاش کنید.');
}
