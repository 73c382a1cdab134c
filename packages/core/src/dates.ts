// Dates: Solar Hijri (Jalali) for Persian, Gregorian for English, always in Asia/Tehran.
// Formatting for people, zone conversion and content dates; the calendar-day code they build on
// is calendar.ts, re-exported here so `@behzisti/core/dates` stays the one place to import from.
//
// Everything goes through Intl with an explicit time zone and through Date.UTC arithmetic, never
// through the Date's local getters, so the answer does not depend on the machine's TZ. Intl's
// `persian` calendar and tz data are exact, including the daylight saving time Iran observed
// until 2022, so no offset or leap-year table is hard-coded here.

import {
  type CalendarDay,
  formatter,
  isGregorianDay,
  isValidDate,
  jalaliToGregorian,
  readDay,
  TEHRAN_TIME_ZONE,
  toWallTime,
  type WallTime,
} from './calendar.ts';
import { normalizeDigits, stripBidiMarks } from './text.ts';

export {
  addDays,
  type CalendarDay,
  formatIsoDay,
  gregorianToJalali,
  jalaliToGregorian,
  readDay,
  TEHRAN_TIME_ZONE,
  toJalaliParts,
  toWallTime,
  type WallTime,
} from './calendar.ts';

/** Options shared by the formatting helpers. */
export interface DateFormatOptions {
  /** IANA time zone; defaults to Asia/Tehran so a visitor abroad sees Iranian dates and hours. */
  timeZone?: string;
  /** Intl date style; defaults to `long` (fa: «۱۲ مرداد ۱۴۰۳», en: «2 August 2024»). */
  dateStyle?: 'full' | 'long' | 'medium' | 'short';
}

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/**
 * fa uses the Solar Hijri calendar with Persian digits; en uses en-GB (Gregorian, day before
 * month, 24-hour clock) because day-month-year reads like the Persian date next to it and a
 * 24-hour clock matches how Iranian opening hours are written.
 */
function intlLocale(locale: string): string {
  return /^fa(?:[-_]|$)/i.test(locale) ? 'fa-IR-u-ca-persian-nu-arabext' : 'en-GB';
}

/**
 * Formats a calendar date for people: Solar Hijri with Persian digits for `fa*`
 * («۱۲ مرداد ۱۴۰۳»), Gregorian en-GB for `en` and any other locale («2 August 2024»),
 * in Asia/Tehran unless `options.timeZone` says otherwise. Returns '' for an invalid Date,
 * so one bad record does not break a whole page.
 */
export function formatDate(date: Date, locale: string, options: DateFormatOptions = {}): string {
  if (!isValidDate(date)) return '';
  return formatter(intlLocale(locale), {
    dateStyle: options.dateStyle ?? 'long',
    timeZone: options.timeZone ?? TEHRAN_TIME_ZONE,
  }).format(date);
}

/**
 * Formats a time of day as a 24-hour `HH:MM` clock in Asia/Tehran (or `options.timeZone`):
 * «۱۴:۰۰» for `fa`, «14:00» for `en`. Used for "closes at 14:00". Returns '' for an invalid Date.
 */
export function formatTime(
  date: Date,
  locale: string,
  options: Pick<DateFormatOptions, 'timeZone'> = {},
): string {
  if (!isValidDate(date)) return '';
  return formatter(intlLocale(locale), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: options.timeZone ?? TEHRAN_TIME_ZONE,
  }).format(date);
}

/**
 * Formats a date and a 24-hour time together («۱۲ مرداد ۱۴۰۳ ساعت ۱۴:۰۰», «2 August 2024 at
 * 14:00»), in Asia/Tehran unless `options.timeZone` says otherwise. Returns '' for an invalid Date.
 */
export function formatDateTime(
  date: Date,
  locale: string,
  options: DateFormatOptions = {},
): string {
  if (!isValidDate(date)) return '';
  return formatter(intlLocale(locale), {
    dateStyle: options.dateStyle ?? 'long',
    timeStyle: 'short',
    hourCycle: 'h23',
    timeZone: options.timeZone ?? TEHRAN_TIME_ZONE,
  }).format(date);
}

/** Milliseconds the zone's wall clock is ahead of UTC at an instant (whole minutes). */
function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const wall = toWallTime(new Date(epochMs), timeZone);
  if (!wall) return 0;
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day) + wall.minutes * MS_PER_MINUTE;
  const flooredToMinute = Math.floor(epochMs / MS_PER_MINUTE) * MS_PER_MINUTE;
  return asUtc - flooredToMinute;
}

/**
 * The instant at which a zone's wall clock shows the given Gregorian day and minutes.
 * When the wall time was skipped by a daylight-saving jump (Tehran moved 00:00 → 01:00 on
 * spring days until 2022) it is moved forward by the jump, as Temporal's `compatible` mode
 * does: a skipped 00:00 becomes 01:00, the day's first real instant. When a wall time occurs
 * twice (autumn fall-back), the earlier instant wins.
 */
export function fromWallTime(wall: WallTime, timeZone: string = TEHRAN_TIME_ZONE): Date {
  const local = Date.UTC(wall.year, wall.month - 1, wall.day) + wall.minutes * MS_PER_MINUTE;
  // The offsets a day before and after bracket any transition near this wall time.
  const before = local - zoneOffsetMs(local - MS_PER_DAY, timeZone);
  const after = local - zoneOffsetMs(local + MS_PER_DAY, timeZone);
  const candidates = [before, after]
    .filter((t) => local - zoneOffsetMs(t, timeZone) === t)
    .sort((a, b) => a - b);
  // No candidate reads back as `local`: the wall time is in a gap. Using the offset from
  // before the gap lands as far after the gap's end as `local` is after its start.
  return new Date(candidates[0] ?? before);
}

/**
 * Parses a Solar Hijri date written in content or typed by a person: `1403-05-12`,
 * `1403/5/12`, in Persian, Arabic-Indic or Latin digits, with surrounding spaces or bidi
 * marks. Returns the instant that starts that day in Asia/Tehran (00:00, or the first instant
 * after a daylight-saving jump), or undefined for anything that is not a real Jalali day.
 */
export function parseJalaliDate(text: string): Date | undefined {
  const day = readDay(text);
  const gregorian = day && jalaliToGregorian(day);
  return gregorian && fromWallTime({ ...gregorian, minutes: 0 }, TEHRAN_TIME_ZONE);
}

/**
 * A content date: `YYYY-MM-DD` (or with `/`, any digit set), optionally followed by
 * `T` or a space and `HH:MM[:SS]`, and for Gregorian dates optionally `Z` or `±HH:MM`.
 */
const CONTENT_DATE_RE =
  /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** Years below this are Solar Hijri (now ≈ 1404), years from it on are Gregorian (now ≈ 2025). */
const GREGORIAN_FROM_YEAR = 1700;

/**
 * Parses a date from content front matter (news, programmes). A year below 1700 is Solar
 * Hijri (`1403-05-12`), a year from 1700 on is Gregorian ISO (`2024-08-02`); so editors may
 * write either. A time (`1403-05-12 14:30`) is Tehran wall time unless a Gregorian date
 * carries an offset (`2024-08-02T10:00:00Z`). A Date (as some YAML parsers produce) passes
 * through when valid. Returns undefined for anything else.
 */
export function parseContentDate(value: string | Date): Date | undefined {
  if (value instanceof Date) return isValidDate(value) ? new Date(value.getTime()) : undefined;
  const match = CONTENT_DATE_RE.exec(normalizeDigits(stripBidiMarks(value)).trim());
  if (!match) return undefined;
  const [, y, , mo, d, hh, mm, ss, offset] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hours = hh === undefined ? 0 : Number(hh);
  const minutes = mm === undefined ? 0 : Number(mm);
  const seconds = ss === undefined ? 0 : Number(ss);
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;

  let gregorian: CalendarDay | undefined;
  if (year < GREGORIAN_FROM_YEAR) {
    // An offset next to a Jalali date is a contradiction we do not guess about.
    if (offset) return undefined;
    gregorian = jalaliToGregorian({ year, month, day });
  } else if (isGregorianDay(year, month, day)) {
    gregorian = { year, month, day };
  }
  if (!gregorian) return undefined;

  if (offset) {
    const sign = offset.toUpperCase() === 'Z' ? 0 : offset.startsWith('-') ? -1 : 1;
    const digits = offset.replace(/[^0-9]/g, '');
    const offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
    const utc =
      Date.UTC(gregorian.year, gregorian.month - 1, gregorian.day, hours, minutes, seconds) -
      offsetMinutes * MS_PER_MINUTE;
    return new Date(utc);
  }
  const start = fromWallTime({ ...gregorian, minutes: hours * 60 + minutes }, TEHRAN_TIME_ZONE);
  return new Date(start.getTime() + seconds * 1000);
}
