import type { NearestBase, PlaceMatch } from '@behzisti/core/locator';
import { msg, str } from '@lit/localize';
import { html } from 'lit';
import type { Locale } from '../shared/locale.ts';
import type { FailureCode, GeoState, Matches, Names, Query } from './types.ts';

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

/** What a match is, e.g. «شهرستان، استان کرمان». */
export function kindText(kind: PlaceMatch['kind'] | 'base', province: string): string {
  return kind === 'province'
    ? msg('استان')
    : kind === 'county'
      ? msg(str`شهرستان، استان ${province}`)
      : kind === 'base'
        ? msg(str`پایگاه، استان ${province}`)
        : msg(str`محله، استان ${province}`);
}

/** How many places and bases matched, as the list's heading and the live region's words. */
export function matchesText({ places, names }: Matches, digits: (n: number) => string): string {
  return msg(str`${digits(places.length + names.length)} مورد با جست‌وجوی شما جور است.`);
}

export function resultsHeading(query: Query, locale: Locale): string {
  if (query.label) return msg(str`نزدیک‌ترین پایگاه‌ها به ${textIn(locale, query.label)}`);
  if (query.source === 'geolocation') return msg('نزدیک‌ترین پایگاه‌ها به شما');
  return msg('نزدیک‌ترین پایگاه‌ها');
}

export function emptyText(): string {
  return msg('پایگاهی در این محدوده پیدا نشد. جای دیگری را امتحان کنید یا با ۱۴۸۰ تماس بگیرید.');
}

/** Said plainly where a chosen place has no base listed, before the nearest ones elsewhere. */
export function noneHereText(place: string): string {
  return msg(
    str`هنوز پایگاهی در ${place} ثبت نشده است. این‌ها نزدیک‌ترین پایگاه‌ها در جاهای دیگرند، با فاصله از ${place}.`,
  );
}

/** A place search found nothing: never a verdict on the spelling, always a way on. */
export function noPlaceText(text: string, suggested: boolean): string {
  return suggested
    ? msg(str`جایی به نام «${text}» در فهرست ما نیست. شاید منظورتان یکی از این‌هاست:`)
    : msg(
        str`جایی به نام «${text}» در فهرست ما نیست. استان و شهرستان خود را از فهرست بالا انتخاب کنید یا با ۱۴۸۰ تماس بگیرید.`,
      );
}

export function resultsFoundText(count: number, digits: (n: number) => string): string {
  return msg(str`${digits(count)} پایگاه پیدا شد، نزدیک‌ترین نخست.`);
}

/** What the live region says: the same sentences the widget shows, once each. */
export function announcementText(state: {
  geo: GeoState;
  busy: boolean;
  said: 'geo' | 'matches' | 'results' | undefined;
  found: Matches | undefined;
  results: NearestBase[] | undefined;
  digits: (n: number) => string;
  /** The summary line and, where the place has no base, the sentence saying so. */
  summary: string;
  noneHere: string;
}): string {
  if (state.geo === 'asking') return msg('در حال یافتن موقعیت شما…');
  if (state.busy) return msg('در حال جست‌وجو…');
  const { said, results } = state;
  if (said === 'geo') return geoProblem(state.geo);
  if (said === 'matches' && state.found) {
    const { found } = state;
    if (found.places.length + found.names.length > 0) return matchesText(found, state.digits);
    return found.needProvince
      ? msg('برای جست‌وجوی نام پایگاه‌ها نخست استان را انتخاب کنید.')
      : noPlaceText(found.text, found.suggested.length > 0);
  }
  if (said === 'results' && results)
    return results.length === 0
      ? emptyText()
      : [state.noneHere, resultsFoundText(results.length, state.digits), state.summary]
          .filter(Boolean)
          .join(' ');
  return '';
}
