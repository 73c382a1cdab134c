// Calendar days: Solar Hijri ↔ Gregorian, `YYYY-MM-DD`, and the day and time an instant reads in
// Asia/Tehran. The part of dates.ts the eligibility rules need (core/rules, the checker's first
// load), kept apart from the formatting and content-date parsing so a bundle that only needs
// these does not carry the rest (issue 16's page budget). dates.ts re-exports all of it.
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

const MS_PER_DAY = 86_400_000;

// Intl.DateTimeFormat construction is comparatively slow; these caches only memoise instances
// keyed by their arguments, so the functions stay observably pure (dates.ts formats with them too).
const formatterCache = new Map<string, Intl.DateTimeFormat>();

export function formatter(
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let cached = formatterCache.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, options);
    formatterCache.set(key, cached);
  }
  return cached;
}

/** False for an invalid Date (`new Date('x')`). */
export function isValidDate(date: Date): boolean {
  return !Number.isNaN(date.getTime());
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
export function isGregorianDay(year: number, month: number, day: number): boolean {
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
 * The numbers of a day written `YYYY-MM-DD` or `YYYY/M/D` (any digit set, spaces and bidi
 * marks around it), not yet checked against any calendar.
 */
export function readDay(text: string): CalendarDay | undefined {
  const match = DAY_RE.exec(normalizeDigits(stripBidiMarks(text)).trim());
  return match
    ? { year: Number(match[1]), month: Number(match[3]), day: Number(match[4]) }
    : undefined;
}
