import { msg, str } from '@lit/localize';
import { html } from 'lit';
import type { Locale } from '../shared/locale.ts';
import type { FailureCode, GeoState, Names, Query } from './types.ts';

// Every sentence of the locator that depends on a typed state: call these while rendering, so
// they come out in the element's locale.

/** A province's name in the widget's locale, from the published index. */
export function provinceName(
  locale: Locale,
  index: { provinces: { id: string; name: Names }[] } | undefined,
  id: string,
): string {
  return textIn(locale, index?.provinces.find((entry) => entry.id === id)?.name);
}

/** The locale's text of a record field (Persian when there is no English). */
export function textIn(locale: Locale, value: Names | undefined): string {
  if (!value) return '';
  return locale === 'en' ? (value.en ?? value.fa) : value.fa;
}

/** Like textIn(), marking Persian shown in an English widget with `lang="fa"` for screen readers. */
export function phrase(locale: Locale, value: Names | undefined) {
  if (value && locale === 'en' && value.en === undefined)
    return html`<span lang="fa" dir="rtl">${value.fa}</span>`;
  return textIn(locale, value);
}

export function failureText(code: FailureCode): string {
  switch (code) {
    case 'timeout':
      return msg('فهرست پایگاه‌ها دیر رسید؛ شاید اینترنت کند است. دوباره تلاش کنید.');
    case 'server':
      return msg('سرور فهرست پایگاه‌ها پاسخ درستی نداد. کمی بعد دوباره تلاش کنید.');
    case 'not-found':
    case 'no-src':
      return msg('فهرست پایگاه‌ها در این نشانی پیدا نشد. لطفاً به مدیر این وب‌سایت خبر دهید.');
    case 'unreadable':
      return msg('فهرست پایگاه‌ها خوانا نبود. لطفاً به مدیر این وب‌سایت خبر دهید.');
    default:
      return msg('به فهرست پایگاه‌ها دسترسی نشد. اتصال اینترنت را بررسی کنید و دوباره تلاش کنید.');
  }
}

/** Why the device's position is not known, with the other ways to locate; '' when it is not a problem. */
export function geoProblem(geo: GeoState): string {
  const problem =
    geo === 'denied'
      ? msg('اجازه‌ی دسترسی به موقعیت شما داده نشد.')
      : geo === 'timeout'
        ? msg('یافتن موقعیت شما بیش از اندازه طول کشید.')
        : geo === 'unavailable'
          ? msg('موقعیت شما پیدا نشد.')
          : geo === 'unsupported'
            ? msg('این مرورگر نمی‌تواند موقعیت شما را بدهد.')
            : '';
  return (
    problem &&
    `${problem} ${msg('می‌توانید استان و شهرستان را انتخاب کنید یا نام محله، شهرستان یا پایگاه را جست‌وجو کنید.')}`
  );
}

export function resultsHeading(query: Query, locale: Locale): string {
  if (query.label) return msg(str`نزدیک‌ترین پایگاه‌ها به ${textIn(locale, query.label)}`);
  if (query.source === 'geolocation') return msg('نزدیک‌ترین پایگاه‌ها به شما');
  return msg('نزدیک‌ترین پایگاه‌ها');
}

/**
 * What the live region says: the same sentences the widget shows, once each. After a search or
 * an answer, `said` gives the add-on's sentence (matches or results) that was last reported.
 */
export function announcementText(
  geo: GeoState,
  busy: boolean,
  said: 'geo' | 'matches' | 'results' | undefined,
  addOnSaid: () => string,
): string {
  if (geo === 'asking') return msg('در حال یافتن موقعیت شما…');
  if (busy) return msg('در حال جست‌وجو…');
  if (said === 'geo') return geoProblem(geo);
  return said ? addOnSaid() : '';
}
