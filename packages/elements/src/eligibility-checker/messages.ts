import type { AnswerProblem } from '@behzisti/core/rules';
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
export type Digits = (value: number) => string;

export interface AnswerContext {
  locale: Locale;
  digits: Digits;
  /** The locale's text of a localized field (Persian when there is no English). */
  t: (text: LocalizedText | undefined) => string;
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
