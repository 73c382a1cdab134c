import { formatDateTime } from '@behzisti/core/dates';
import { toLocaleDigits } from '@behzisti/core/text';
import { html, type TemplateResult } from 'lit';
import { StaffApiError, type StaffRecord } from '../scripts/staff-api.ts';
import { retryMinutes } from '../scripts/staff-query.ts';

// The staff inbox's words: the `staff.*` strings of src/i18n/ui.ts (handed to the page in
// data-strings, as the portal's other scripts get theirs) with `{name}` filled, dates and digits
// in the page's locale, and the one error model: a typed StaffApiError → a sentence saying what
// to do next. No string is written in the elements themselves.

export type Values = Record<string, string | number>;
type Locale = 'fa' | 'en';

export interface StaffWords {
  locale: Locale;
  /** A `staff.*` string with `{name}` filled; numbers in the locale's digits. */
  text(key: string, values?: Values): string;
  /** A `staff.*` string, or undefined when there is none (an unknown status from the service). */
  maybe(key: string): string | undefined;
  digits(value: string): string;
  when(iso: string | undefined): string;
  statusLabel(status: string): string;
  kindOf(record: StaffRecord): 'feedback' | 'comment';
  /** A record's category (feedback) or "news comment". */
  subject(record: StaffRecord): string;
  /** The sentence for an API failure. */
  sentenceFor(error: unknown): string;
  /** A tracking code, left to right in the locale's digits. */
  code(code: string): TemplateResult;
  time(iso: string): TemplateResult;
}

export function staffWords(locale: Locale, strings: Record<string, string>): StaffWords {
  const digits = (value: string) => toLocaleDigits(value, locale);
  const maybe = (key: string): string | undefined => strings[`staff.${key}`];
  const text = (key: string, values: Values = {}): string =>
    (maybe(key) ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? toLocaleDigits(value, locale) : value;
    });
  const when = (iso: string | undefined) => (iso ? formatDateTime(new Date(iso), locale) : '');
  const kindOf = (record: StaffRecord) => (record.kind === 'comment' ? 'comment' : 'feedback');

  const sentenceFor = (error: unknown): string => {
    if (!(error instanceof StaffApiError)) return text('error.other', { message: String(error) });
    switch (error.kind) {
      case 'bad-credentials':
        return text('error.badCredentials');
      case 'rate-limited':
        return text('error.rateLimited', { minutes: retryMinutes(error.retryAfter) });
      case 'session-expired':
        return text('error.sessionExpired');
      case 'signed-out':
        return text('error.signedOut');
      case 'network':
        return text('error.network');
      case 'unavailable':
        return text('unavailable');
      default:
        return text('error.other', {
          message: error.serverMessage?.[locale] ?? error.serverMessage?.fa ?? String(error.status),
        });
    }
  };

  return {
    locale,
    text,
    maybe,
    digits,
    when,
    statusLabel: (status) => maybe(`status.${status}`) ?? status,
    kindOf,
    subject: (record) =>
      kindOf(record) === 'comment'
        ? text('kind.comment')
        : (maybe(`category.${record.category ?? ''}`) ?? text('kind.feedback')),
    sentenceFor,
    code: (code) => html`<span class="staff-code" dir="ltr">${digits(code)}</span>`,
    time: (iso) => html`<time datetime=${iso}>${when(iso)}</time>`,
  };
}
