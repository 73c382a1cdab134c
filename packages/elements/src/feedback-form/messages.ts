import type { FeedbackStatus } from '@behzisti/core/feedback-api';
import type { TrackingCodeError } from '@behzisti/core/tracking-code';
import { msg, str } from '@lit/localize';
import {
  type Failure,
  serviceSentence,
  tryAgainInSentence,
  unreadableAnswerSentence,
} from '../shared/errors.ts';
import type { Locale } from '../shared/locale.ts';
import { type Category, MESSAGE_MAX, NAME_MAX, type Problem } from './validation.ts';

// Every sentence of the feedback form that depends on a typed code: call these while rendering,
// so they come out in the element's locale.

type Digits = (value: number) => string;

/** Why a typed tracking code was refused, or `UNKNOWN` when the service has no message with it. */
export type CodeProblem =
  | { kind: TrackingCodeError; digits: number }
  | { kind: 'UNKNOWN'; text: string | undefined };

export type Announcement = '' | 'sending' | 'looking' | 'discarded' | 'resending';
export type CopyResult = '' | 'copied' | 'selected';

export function problemText(problem: Problem, digits: Digits): string {
  switch (problem) {
    case 'category':
      return msg('نوع پیام را انتخاب کنید');
    case 'message-empty':
      return msg('پیام خود را بنویسید');
    case 'message-long':
      return msg(str`پیام را کوتاه‌تر کنید: حداکثر ${digits(MESSAGE_MAX)} حرف`);
    case 'name-long':
      return msg(str`نام را کوتاه‌تر بنویسید: حداکثر ${digits(NAME_MAX)} حرف`);
    case 'contact':
      return msg(
        'شمارهٔ همراه را مانند ۰۹۱۲۳۴۵۶۷۸۹ یا ایمیل را مانند name@example.com بنویسید، یا این بخش را خالی بگذارید',
      );
    case 'consent':
      return msg('برای ارسال، گزینهٔ موافقت را علامت بزنید');
  }
}

export function codeProblemText(problem: CodeProblem, digits: Digits): string {
  switch (problem.kind) {
    case 'EMPTY':
      return msg('کد پیگیری را بنویسید');
    case 'INVALID_CHARACTERS':
      return msg('کد پیگیری فقط رقم دارد؛ آن را دوباره بنویسید');
    case 'WRONG_LENGTH':
      return msg(
        str`کد پیگیری ${digits(16)} رقم دارد و شما ${digits(problem.digits)} رقم نوشته‌اید؛ آن را با کدی که گرفتید مقایسه کنید`,
      );
    case 'CHECK_DIGIT':
      return msg(
        'این کد درست نیست: احتمالاً رقمی اشتباه نوشته شده یا دو رقم جابه‌جا شده‌اند. کد را با دقت دوباره بنویسید',
      );
    case 'UNKNOWN':
      return (
        problem.text ??
        msg('پیامی با این کد پیدا نشد. کد را بررسی کنید یا با ادارهٔ بهزیستی تماس بگیرید.')
      );
  }
}

/** What went wrong with a send or a lookup, and what to do; says when the text was kept. */
export function failureText(
  failure: Failure,
  context: {
    lookingUp: boolean;
    draftKept: boolean;
    locale: Locale;
    digits: Digits;
    /** It will be sent again by itself once the browser is back online. */
    resendOnline?: boolean;
  },
): string {
  const kept = context.draftKept ? ` ${msg('متن شما روی همین دستگاه نگه داشته شده است.')}` : '';
  if (failure.kind === 'network') {
    if (context.lookingUp)
      return msg('اتصال برقرار نشد. اتصال اینترنت را بررسی کنید و دوباره امتحان کنید.');
    const resend = context.resendOnline
      ? ` ${msg('وقتی اتصال برگردد، پیام یک بار خودبه‌خود دوباره فرستاده می‌شود.')}`
      : '';
    return msg('اتصال برقرار نشد. اتصال اینترنت را بررسی کنید و دوباره بفرستید.') + kept + resend;
  }
  if (failure.kind === 'rate-limited') {
    const text =
      failure.seconds === undefined
        ? (serviceSentence(failure, context.locale) ?? '')
        : tryAgainInSentence(failure.seconds, context.digits);
    return text + kept;
  }
  return (serviceSentence(failure, context.locale) ?? unreadableAnswerSentence()) + kept;
}

export function categoryLabels(): Record<Category, string> {
  return {
    complaint: msg('شکایت'),
    suggestion: msg('پیشنهاد'),
    appreciation: msg('قدردانی'),
    question: msg('پرسش'),
  };
}

/** Each status's label and what it means for the person. */
export function statusLabels(): Record<FeedbackStatus, [string, string]> {
  return {
    received: [msg('رسیده'), msg('پیام شما رسیده است و به‌زودی بررسی می‌شود.')],
    'in-review': [msg('در حال بررسی'), msg('بهزیستی در حال رسیدگی به پیام شماست.')],
    answered: [msg('پاسخ داده شده'), msg('بهزیستی پاسخ داده است؛ پاسخ را پایین‌تر بخوانید.')],
    closed: [msg('بسته شده'), msg('رسیدگی به این پیام تمام شده است.')],
  };
}

/** What the live region says while the form works. */
export function announcementText(announcement: Announcement): string {
  return {
    '': '',
    sending: msg('در حال ارسال…'),
    looking: msg('در حال جست‌وجوی کد…'),
    discarded: msg('پیش‌نویس پاک شد.'),
    resending: msg('اتصال برقرار شد؛ پیام شما دوباره فرستاده می‌شود…'),
  }[announcement];
}

export function copyResultText(result: CopyResult): string {
  return {
    '': '',
    copied: msg('کد کپی شد.'),
    selected: msg('کد انتخاب شد؛ آن را کپی یا یادداشت کنید.'),
  }[result];
}
