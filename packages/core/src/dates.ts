// Dates: Solar Hijri (Jalali) for Persian, Gregorian for English, always in Asia/Tehran.
//
// Everything goes through Intl with an explicit time zone and through Date.UTC arithmetic, never
// through the Date's local getters, so the answer does not depend on the machine's TZ. Intl's
// `persian` calendar and tz data are exact, including the daylight saving time Iran observed
// until 2022, so no offset or leap-year table is hard-coded here.

import { normalizeDigits, stripBidiMarks } from './text.ts';

/** The time zone every date and opening hour of the kit is shown and evaluated in. */
export const TEHRAN_TIME_ZONE = 'Asia/Tehran';

/** A calendar day without a time: year, month 1–12, day 1–31 in whichever calendar is stated. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** A wall-clock moment in a time zone: a calendar day plus minutes since local midnight. */
export interface WallTime extends CalendarDay {
  /** Minutes since local midnight, 0–1439 (1440 means the next day's 00:00). */
  minutes: number;
}

/** Options shared by the formatting helpers. */
export interface DateFormatOptions {
  /** IANA time zone; defaults to Asia/Tehran so a visitor abroad sees Iranian dates and hours. */
  timeZone?: string;
  /** Intl date style; defaults to `long` (fa: «۱۲ مرداد ۱۴۰۳», en: «2 August 2024»). */
  dateStyle?: 'full' | 'long' | 'medium' | 'short';
}

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

// Intl.DateTimeFormat construction is comparatively slow; these caches only memoise instances
// keyed by their arguments, so the functions stay observably pure.
const formatterCache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let cached = formatterCache.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, options);
    formatterCache.set(key, cached);
  }
  return cached;
}

/**
 * fa uses the Solar Hijri calendar with Persian digits; en uses en-GB (Gregorian, day before
 * month, 24-hour clock) because day-month-year reads like the Persian date next to it and a
 * 24-hour clock matches how Iranian opening hours are written.
 */
function intlLocale(locale: string): string {
  return /^fa(?:[-_]|$)/i.test(locale) ? 'fa-IR-u-ca-persian-nu-arabext' : 'en-GB';
}

function isValidDate(date: Date): boolean {
  return !Number.isNaN(date.getTime());
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

/**
 * The numeric year, month and day of `date` in `locale`'s calendar (Latin digits) and zone,
 * plus the numeric fields `time` asks for (e.g. hour and minute).
 */
function numericParts(
  locale: string,
  date: Date,
  timeZone: string,
  time: Intl.DateTimeFormatOptions = {},
): CalendarDay & Record<string, number> {
  const out: Record<string, number> = {};
  const options = { year: 'numeric', month: 'numeric', day: 'numeric', ...time, timeZone } as const;
  for (const part of formatter(locale, options).formatToParts(date)) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return {
    ...out,
    year: out.year ?? Number.NaN,
    month: out.month ?? Number.NaN,
    day: out.day ?? Number.NaN,
  };
}

/**
 * The Solar Hijri year, month and day of an instant as seen in Asia/Tehran (or `timeZone`),
 * read from Intl's `persian` calendar. Returns undefined for an invalid Date.
 */
export function toJalaliParts(
  date: Date,
  timeZone: string = TEHRAN_TIME_ZONE,
): CalendarDay | undefined {
  if (!isValidDate(date)) return undefined;
  const { year, month, day } = numericParts('en-US-u-ca-persian-nu-latn', date, timeZone);
  return { year, month, day };
}

/**
 * The wall-clock reading (Gregorian day and minutes since midnight) of an instant in a time
 * zone. The basis of every zone conversion here. Returns undefined for an invalid Date.
 */
export function toWallTime(date: Date, timeZone: string = TEHRAN_TIME_ZONE): WallTime | undefined {
  if (!isValidDate(date)) return undefined;
  const { year, month, day, hour, minute } = numericParts('en-US-u-nu-latn', date, timeZone, {
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  });
  return { year, month, day, minutes: (hour ?? 0) * 60 + (minute ?? 0) };
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

/** Adds days to a Gregorian calendar day (pure calendar arithmetic, no time zone involved). */
export function addDays(day: CalendarDay, days: number): CalendarDay {
  const d = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** `YYYY-MM-DD` for a calendar day (the format used in data files and HSDS). */
export function formatIsoDay(day: CalendarDay): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(day.year, 4)}-${pad(day.month, 2)}-${pad(day.day, 2)}`;
}

/** True when the numbers name a real Gregorian day (rejects 2023-02-29, month 13, day 0). */
function isGregorianDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear keeps them literal.
  d.setUTCFullYear(year);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Day of the Solar Hijri year, 0-based: months 1–6 have 31 days, 7–11 have 30, 12 has 29 or 30. */
function jalaliDayOfYear(month: number, day: number): number {
  return month <= 6 ? (month - 1) * 31 + (day - 1) : 186 + (month - 7) * 30 + (day - 1);
}

/**
 * Converts a Solar Hijri day to its Gregorian day, or undefined when the day does not exist
 * (month 13, Mehr 31, Esfand 30 in a common year). Intl-based, no leap-year table: find
 * Nowruz (1 Farvardin) near 21 March of year + 621 by reading candidates back with Intl's
 * `persian` calendar, add the day of the year, and confirm by reading the result back.
 */
export function jalaliToGregorian(jalali: CalendarDay): CalendarDay | undefined {
  const { year, month, day } = jalali;
  if (![year, month, day].every(Number.isInteger)) return undefined;
  if (year < 1 || year > 9999 || month < 1 || month > 12) return undefined;
  if (day < 1 || day > (month <= 6 ? 31 : 30)) return undefined;
  const nowruz = findNowruz(year);
  if (nowruz === undefined) return undefined;
  const result = new Date(nowruz + jalaliDayOfYear(month, day) * MS_PER_DAY);
  const check = toJalaliParts(result, 'UTC');
  // Esfand 30 of a common year reads back as 1 Farvardin of the next year.
  if (!check || check.year !== year || check.month !== month || check.day !== day) return undefined;
  return {
    year: result.getUTCFullYear(),
    month: result.getUTCMonth() + 1,
    day: result.getUTCDate(),
  };
}

/** Noon UTC of 1 Farvardin `year` (noon keeps the calendar day unambiguous), or undefined. */
function findNowruz(year: number): number | undefined {
  const march21 = Date.UTC(2000, 2, 21, 12);
  const base = new Date(march21);
  base.setUTCFullYear(year + 621);
  // Nowruz is 20 or 21 March in modern years; the proleptic Gregorian calendar JS uses lets it
  // drift a few days in early centuries, so search outward up to ten days.
  for (let step = 0; step <= 20; step++) {
    const offset = step % 2 === 0 ? step / 2 : -(step + 1) / 2;
    const candidate = base.getTime() + offset * MS_PER_DAY;
    const read = toJalaliParts(new Date(candidate), 'UTC');
    if (read && read.year === year && read.month === 1 && read.day === 1) return candidate;
  }
  return undefined;
}

/** Converts a Gregorian day to Solar Hijri with Intl's `persian` calendar. */
export function gregorianToJalali(day: CalendarDay): CalendarDay | undefined {
  if (!isGregorianDay(day.year, day.month, day.day)) return undefined;
  return toJalaliParts(new Date(Date.UTC(day.year, day.month - 1, day.day, 12)), 'UTC');
}

/** `YYYY-MM-DD` or `YYYY/M/D` after digit and bidi-mark normalization; same separator twice. */
const DAY_RE = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/;

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
 * The numbers of a day written `YYYY-MM-DD` or `YYYY/M/D` (any digit set, spaces and bidi
 * marks around it), not yet checked against any calendar.
 */
export function readDay(text: string): CalendarDay | undefined {
  const match = DAY_RE.exec(normalizeDigits(stripBidiMarks(text)).trim());
  return match
    ? { year: Number(match[1]), month: Number(match[3]), day: Number(match[4]) }
    : undefined;
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
