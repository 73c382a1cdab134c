import { formatTime } from '@behzisti/core/dates';
import { openingState, tehranParts } from '@behzisti/core/hours';
import type { LocatorRecord, NearestBase } from '@behzisti/core/locator';
import { msg, str } from '@lit/localize';
import type { Locale } from '../shared/locale.ts';

// The answer's sentences (distance, opening hours, the one-line summary): part of the answer
// add-on (answer.ts), with core's opening-hours and calendar code they need.

/** How far a base is: a distance, or "in this county" when a county was chosen (no point to measure from). */
export function whereText(
  distanceKm: number,
  inCounty: boolean,
  digits: (value: number, options?: Intl.NumberFormatOptions) => string,
): string {
  if (inCounty) return msg('در همین شهرستان');
  return digits(distanceKm, {
    style: 'unit',
    unit: 'kilometer',
    maximumFractionDigits: distanceKm < 10 ? 1 : 0,
  });
}

/** The one-line answer beside the control: «nearest: <name>, 2.3 km, open until 14:00». */
export function summaryText(name: string, where: string, hours: string): string {
  return msg(str`نزدیک‌ترین: ${name}، ${where}، ${hours}`);
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

/**
 * What the live region says of an answer: that nothing was found, or (where the place has no
 * base) that sentence, the count and the summary line.
 */
export function resultsSaid(
  results: readonly NearestBase[],
  digits: (n: number) => string,
  noneHere: string,
  summary: string,
): string {
  if (results.length === 0) return emptyText();
  const found = msg(str`${digits(results.length)} پایگاه پیدا شد، نزدیک‌ترین نخست.`);
  return [noneHere, found, summary].filter(Boolean).join(' ');
}

/** Whether a base is open at `now` (Asia/Tehran), and until or from when. */
export function hoursText(record: LocatorRecord, now: Date, locale: Locale) {
  const state = openingState(record.schedules, record.closures, now);
  const time = (date: Date) => formatTime(date, locale);
  if (state.status === 'always-open') return { open: true, text: msg('شبانه‌روزی باز است') };
  if (state.status === 'open') {
    const text = state.closingSoon
      ? msg(str`به‌زودی می‌بندد، ساعت ${time(state.closesAt)}`)
      : msg(str`اکنون باز است تا ساعت ${time(state.closesAt)}`);
    return { open: true, text };
  }
  if (state.status !== 'closed') {
    return { open: false, text: msg('ساعت کاری ثبت نشده است؛ پیش از رفتن تماس بگیرید.') };
  }
  const opensAt = state.opensAt;
  if (!opensAt) return { open: false, text: msg('اکنون بسته است') };
  const sameDay = tehranParts(now)?.date === tehranParts(opensAt)?.date;
  const text = sameDay
    ? msg(str`اکنون بسته است؛ ساعت ${time(opensAt)} باز می‌شود`)
    : msg(str`اکنون بسته است؛ ${day(opensAt, now, locale)} ساعت ${time(opensAt)} باز می‌شود`);
  return { open: false, text };
}

/** A weekday, with the date when it is more than six days away. */
function day(date: Date, now: Date, locale: Locale): string {
  const far = date.getTime() - now.getTime() > 6 * 86_400_000;
  return new Intl.DateTimeFormat(locale === 'fa' ? 'fa-IR-u-ca-persian' : 'en-GB', {
    weekday: 'long',
    timeZone: 'Asia/Tehran',
    ...(far ? { day: 'numeric', month: 'long' } : {}),
  }).format(date);
}
