import { msg, str } from '@lit/localize';
import type { Locale } from './locale.ts';

/**
 * One error model for every widget: what went wrong is a typed value (handlers store it), and the
 * sentence that tells the person what to do next is made from it while rendering, in the widget's
 * locale. Loading a public file (rules, a dataset) fails with a LoadErrorCode (load-json.ts);
 * calling the feedback service fails with a Failure below.
 */

/** A sentence from the service in each language (the `message` of its error body). */
export interface ServiceMessage {
  fa: string;
  en: string;
}

/** What went wrong with a call to the feedback service. */
export type Failure =
  /** No answer at all: offline, cut connection, DNS, CORS refusal, time-out. */
  | { kind: 'network' }
  /** 429: `seconds` from Retry-After when the service sent it. */
  | { kind: 'rate-limited'; seconds: number | undefined; message: ServiceMessage | undefined }
  /** A JSON error from the service: its stable code, sentence and bad fields. */
  | {
      kind: 'service';
      status: number;
      code: string;
      message: ServiceMessage | undefined;
      fields: readonly { field: string; message: string }[];
    };

/** The result of a call: its value, or why there is none. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; failure: Failure };

/** The service's own sentence in `locale`, if it sent one. */
export function serviceSentence(failure: Failure, locale: Locale): string | undefined {
  return failure.kind === 'network' ? undefined : failure.message?.[locale];
}

/** "Too many requests from your connection; try again in N minutes" (429 with Retry-After). */
export function tryAgainInSentence(seconds: number, digits: (n: number) => string): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1
    ? msg('در این مدت درخواست‌های زیادی از اتصال شما رسیده است. یک دقیقهٔ دیگر دوباره امتحان کنید.')
    : msg(
        str`در این مدت درخواست‌های زیادی از اتصال شما رسیده است. ${digits(minutes)} دقیقهٔ دیگر دوباره امتحان کنید.`,
      );
}

/** An answer the widget could not read (a proxy's page, an unknown error code). */
export function unreadableAnswerSentence(): string {
  return msg('سرویس پاسخی داد که قابل خواندن نبود. چند دقیقهٔ دیگر دوباره امتحان کنید.');
}
