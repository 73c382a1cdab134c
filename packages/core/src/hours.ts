// Opening hours of service bases, evaluated in Asia/Tehran with the Iranian week.
//
// The input follows Open Referral HSDS schedules (the same field names the service-base schema
// uses): weekly intervals with RFC 5545 day codes, and dated closures for holidays. A list of
// Iranian public holidays is data, not code: it arrives here as DatedClosure entries.
//
// The approach: expand the schedule into concrete instants for the days around `now` (each day's
// wall times converted through Intl, so daylight saving before 2022 is handled too), merge
// touching intervals, and read the answer off that timeline. Nothing depends on the machine's TZ.

import {
  addDays,
  type CalendarDay,
  formatIsoDay,
  fromWallTime,
  TEHRAN_TIME_ZONE,
  toWallTime,
} from './dates.ts';
import { normalizeDigits } from './text.ts';

/**
 * RFC 5545 weekday codes as used in HSDS `byday`. (The schemas export the same union as
 * `WeekdayCode`; this module keeps its own name so the package index re-exports both cleanly.)
 */
export type DayCode = 'SA' | 'SU' | 'MO' | 'TU' | 'WE' | 'TH' | 'FR';

/** The Iranian week: Saturday first, Friday (the weekend) last. Use it to order any per-day list. */
export const weekOrder: readonly DayCode[] = ['SA', 'SU', 'MO', 'TU', 'WE', 'TH', 'FR'];

/** JavaScript's getUTCDay() numbering (0 = Sunday) to RFC 5545 codes. */
const JS_DAY_TO_CODE: readonly DayCode[] = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/**
 * One weekly opening interval (structurally the schema's schedule entry).
 * `closes_at` earlier than `opens_at` runs past midnight into the next day and belongs to the
 * day it opens; `24:00` closes at the end of the day (a whole day is `00:00`–`24:00`). Equal
 * times are ambiguous (closed? 24 hours?), the schema rejects them, and this module ignores such
 * an entry. `valid_from`/`valid_to` (inclusive Tehran dates) limit seasonal timetables.
 */
export interface WeeklyInterval {
  /** Comma-separated RFC 5545 day codes, e.g. `SA,SU,MO,TU,WE`. */
  byday: string;
  /** `HH:MM`, 24-hour, Tehran wall time. */
  opens_at: string;
  /** `HH:MM`, 24-hour, Tehran wall time; `24:00` allowed. */
  closes_at: string;
  /** First Tehran date (`YYYY-MM-DD`, Gregorian) this interval applies, inclusive. */
  valid_from?: string;
  /** Last Tehran date (`YYYY-MM-DD`, Gregorian) this interval applies, inclusive. */
  valid_to?: string;
}

/**
 * A dated exception (structurally the schema's closure entry). Without times the base is closed
 * that whole day; with both times those are the day's hours instead of the weekly ones. Several
 * entries for one date give split special hours; an all-day closure wins over special hours.
 */
export interface DatedClosure {
  /** Tehran local date, `YYYY-MM-DD` Gregorian. */
  date: string;
  opens_at?: string;
  closes_at?: string;
}

/** Why a base is closed now: a dated closure, outside today's special hours, or outside the weekly hours. */
export type ClosedReason = 'closure' | 'special-hours' | 'outside-hours';

/** The answer to "is it open now?". */
export type OpeningState =
  | {
      status: 'open';
      /** When the current opening ends (intervals that touch are merged first). */
      closesAt: Date;
      /** Fewer than `closingSoonMinutes` (default 60) minutes left. */
      closingSoon: boolean;
    }
  | {
      status: 'closed';
      /** The next opening within the horizon (default 14 days), if any. */
      opensAt?: Date;
      reason: ClosedReason;
    }
  /** Open now and without a closing within the horizon (24/7 services such as the 123 line). */
  | { status: 'always-open' }
  /** No usable weekly schedule: say nothing rather than guess. */
  | { status: 'unknown' };

/** Options for {@link openingState}. */
export interface OpeningOptions {
  /** Minutes before closing that count as "closing soon"; default 60. */
  closingSoonMinutes?: number;
  /** How many days ahead to look for the next opening; default 14. */
  horizonDays?: number;
  /** Defaults to Asia/Tehran; only tests and other countries' data should change it. */
  timeZone?: string;
}

/** Where an instant falls in Tehran: weekday, local date and minutes since local midnight. */
export interface TehranParts {
  weekday: DayCode;
  /** `YYYY-MM-DD`, Gregorian, local to the zone. */
  date: string;
  year: number;
  month: number;
  day: number;
  /** 0–1439. */
  minutes: number;
}

/** One day of a timetable for display: `HH:MM` pairs in opening order. */
export interface DayHours {
  weekday: DayCode;
  intervals: { opens: string; closes: string }[];
}

/** One day of a concrete week for display, with any dated exception marked. */
export interface DatedDayHours extends DayHours {
  /** `YYYY-MM-DD`, Gregorian Tehran date. */
  date: string;
  /** `closed` for an all-day closure, `special` when special hours replace the weekly ones. */
  exception?: 'closed' | 'special';
}

const MS_PER_MINUTE = 60_000;
const DAY_MINUTES = 1440;

/**
 * Parses a 24-hour clock time `H:MM` or `HH:MM` (any digit set) to minutes since midnight.
 * `24:00` gives 1440 (end of day). Returns undefined for anything else (25:00, 12:60, 9am).
 */
export function parseTime(text: string): number | undefined {
  const match = /^(\d{1,2}):(\d{2})$/.exec(normalizeDigits(text).trim());
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59) return undefined;
  if (hours === 24 && minutes === 0) return DAY_MINUTES;
  if (hours > 23) return undefined;
  return hours * 60 + minutes;
}

/** Minutes since midnight to `HH:MM` (1440 gives `24:00`), for display and data. */
export function formatClock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function weekdayOf(day: CalendarDay): DayCode {
  return JS_DAY_TO_CODE[new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay()] ?? 'SA';
}

/**
 * The weekday, local date and minutes since midnight of an instant in Asia/Tehran (or
 * `timeZone`), read through Intl so the machine's own zone never matters.
 * Returns undefined for an invalid Date.
 */
export function tehranParts(
  date: Date,
  timeZone: string = TEHRAN_TIME_ZONE,
): TehranParts | undefined {
  const wall = toWallTime(date, timeZone);
  if (!wall) return undefined;
  return {
    weekday: weekdayOf(wall),
    date: formatIsoDay(wall),
    year: wall.year,
    month: wall.month,
    day: wall.day,
    minutes: wall.minutes,
  };
}

/** Parsed weekly interval; entries that cannot be parsed are dropped (the schema validator reports them). */
interface ParsedWeekly {
  days: Set<DayCode>;
  opens: number;
  closes: number;
  from?: string;
  to?: string;
}

interface ParsedSpecial {
  opens: number;
  closes: number;
}

function parseByday(byday: string): Set<DayCode> {
  const days = new Set<DayCode>();
  for (const raw of byday.split(',')) {
    const code = raw.trim().toUpperCase();
    if ((weekOrder as readonly string[]).includes(code)) days.add(code as DayCode);
  }
  return days;
}

/**
 * A valid opening time is 00:00–23:59; a closing time may also be 24:00. Equal times are
 * rejected: guessing "open 24 hours" from a typo would send people to a closed door.
 */
function parsePair(
  opensAt: string,
  closesAt: string,
): { opens: number; closes: number } | undefined {
  const opens = parseTime(opensAt);
  const closes = parseTime(closesAt);
  if (opens === undefined || closes === undefined || opens === DAY_MINUTES || opens === closes) {
    return undefined;
  }
  return { opens, closes };
}

const ISO_DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

function parseWeekly(schedules: readonly WeeklyInterval[]): ParsedWeekly[] {
  const parsed: ParsedWeekly[] = [];
  for (const entry of schedules) {
    const days = parseByday(entry.byday ?? '');
    const pair = parsePair(entry.opens_at ?? '', entry.closes_at ?? '');
    if (days.size === 0 || !pair) continue;
    const from =
      entry.valid_from && ISO_DAY_RE.test(entry.valid_from) ? entry.valid_from : undefined;
    const to = entry.valid_to && ISO_DAY_RE.test(entry.valid_to) ? entry.valid_to : undefined;
    parsed.push({ days, ...pair, from, to });
  }
  return parsed;
}

/** Per date: `closed` (all day) or the special intervals. */
function parseClosures(closures: readonly DatedClosure[]): Map<string, 'closed' | ParsedSpecial[]> {
  const byDate = new Map<string, 'closed' | ParsedSpecial[]>();
  for (const entry of closures) {
    if (!ISO_DAY_RE.test(entry.date ?? '')) continue;
    const hasTimes = entry.opens_at !== undefined || entry.closes_at !== undefined;
    const pair = hasTimes ? parsePair(entry.opens_at ?? '', entry.closes_at ?? '') : undefined;
    const existing = byDate.get(entry.date);
    // Malformed special hours count as closed: better to send someone on another day than to
    // a locked door.
    if (!pair || existing === 'closed') {
      byDate.set(entry.date, 'closed');
    } else {
      byDate.set(entry.date, [...(existing ?? []), pair]);
    }
  }
  return byDate;
}

/** The opening intervals of one local day, as minutes relative to that day's midnight. */
function intervalsForDay(
  day: CalendarDay,
  weekly: readonly ParsedWeekly[],
  closures: ReadonlyMap<string, 'closed' | ParsedSpecial[]>,
): { opens: number; closes: number }[] {
  const iso = formatIsoDay(day);
  const exception = closures.get(iso);
  if (exception === 'closed') return [];
  if (exception) return exception;
  const weekday = weekdayOf(day);
  return weekly.filter(
    (w) => w.days.has(weekday) && (!w.from || w.from <= iso) && (!w.to || iso <= w.to),
  );
}

/** Opening interval as minutes from the day's midnight; the end may pass into the next day. */
function spanMinutes(opens: number, closes: number): [number, number] {
  // A closing time earlier than the opening runs past midnight into the next day.
  return [opens, closes > opens ? closes : closes + DAY_MINUTES];
}

/** Concrete instants [start, end) in ms, sorted and with overlapping or touching intervals merged. */
function timeline(
  firstDay: CalendarDay,
  dayCount: number,
  weekly: readonly ParsedWeekly[],
  closures: ReadonlyMap<string, 'closed' | ParsedSpecial[]>,
  timeZone: string,
): [number, number][] {
  const raw: [number, number][] = [];
  for (let i = 0; i < dayCount; i++) {
    const day = addDays(firstDay, i);
    for (const { opens, closes } of intervalsForDay(day, weekly, closures)) {
      const [start, end] = spanMinutes(opens, closes);
      // Each end is converted on its own calendar day, so a DST jump between them is respected.
      const startDay = addDays(day, Math.floor(start / DAY_MINUTES));
      const endDay = addDays(day, Math.floor(end / DAY_MINUTES));
      raw.push([
        fromWallTime({ ...startDay, minutes: start % DAY_MINUTES }, timeZone).getTime(),
        fromWallTime({ ...endDay, minutes: end % DAY_MINUTES }, timeZone).getTime(),
      ]);
    }
  }
  raw.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of raw) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/**
 * Whether a service base is open at `now`, evaluated in Asia/Tehran whatever the machine's
 * zone: open (with the closing time, and whether it closes within the hour), closed (with the
 * next opening within 14 days and why), always open (24/7 within the horizon), or unknown
 * when there is no usable weekly schedule.
 */
export function openingState(
  schedules: readonly WeeklyInterval[],
  closures: readonly DatedClosure[],
  now: Date,
  options: OpeningOptions = {},
): OpeningState {
  const timeZone = options.timeZone ?? TEHRAN_TIME_ZONE;
  const horizonDays = options.horizonDays ?? 14;
  const closingSoonMs = (options.closingSoonMinutes ?? 60) * MS_PER_MINUTE;
  const weekly = parseWeekly(schedules);
  const here = tehranParts(now, timeZone);
  if (weekly.length === 0 || !here) return { status: 'unknown' };

  const exceptions = parseClosures(closures);
  // Start a day early: yesterday's past-midnight interval may still be running.
  const firstDay = addDays(here, -1);
  const dayCount = horizonDays + 2;
  const intervals = timeline(firstDay, dayCount, weekly, exceptions, timeZone);
  const horizonEnd = fromWallTime(
    { ...addDays(firstDay, dayCount), minutes: 0 },
    timeZone,
  ).getTime();
  const t = now.getTime();

  const current = intervals.find(([start, end]) => start <= t && t < end);
  if (current) {
    if (current[1] >= horizonEnd) return { status: 'always-open' };
    return {
      status: 'open',
      closesAt: new Date(current[1]),
      closingSoon: current[1] - t < closingSoonMs,
    };
  }

  const next = intervals.find(([start]) => start > t);
  const today = exceptions.get(here.date);
  const reason: ClosedReason =
    today === 'closed' ? 'closure' : today ? 'special-hours' : 'outside-hours';
  return next
    ? { status: 'closed', opensAt: new Date(next[0]), reason }
    : { status: 'closed', reason };
}

function toDisplay(intervals: readonly { opens: number; closes: number }[]): DayHours['intervals'] {
  return [...intervals]
    .sort((a, b) => a.opens - b.opens || a.closes - b.closes)
    .map(({ opens, closes }) => ({ opens: formatClock(opens), closes: formatClock(closes) }));
}

/**
 * The typical week for display: seven days Saturday to Friday, each with its `HH:MM` intervals
 * sorted by opening time (an empty list means closed). Seasonal limits (`valid_from`/`valid_to`)
 * are ignored here; use {@link weekSchedule} for the hours of an actual week.
 */
export function weeklyHours(schedules: readonly WeeklyInterval[]): DayHours[] {
  const weekly = parseWeekly(schedules);
  return weekOrder.map((weekday) => ({
    weekday,
    intervals: toDisplay(weekly.filter((w) => w.days.has(weekday))),
  }));
}

/**
 * The hours of the Iranian week (Saturday to Friday) that contains `now` in Tehran, day by day
 * with dates, honouring `valid_from`/`valid_to` and marking dated closures and special hours,
 * so a locator can show "this week" including a holiday.
 */
export function weekSchedule(
  schedules: readonly WeeklyInterval[],
  closures: readonly DatedClosure[],
  now: Date,
  timeZone: string = TEHRAN_TIME_ZONE,
): DatedDayHours[] {
  const here = tehranParts(now, timeZone);
  if (!here) return [];
  const weekly = parseWeekly(schedules);
  const exceptions = parseClosures(closures);
  const saturday = addDays(here, -weekOrder.indexOf(here.weekday));
  return weekOrder.map((weekday, i) => {
    const day = addDays(saturday, i);
    const date = formatIsoDay(day);
    const exception = exceptions.get(date);
    const intervals = toDisplay(intervalsForDay(day, weekly, exceptions));
    if (exception === undefined) return { weekday, date, intervals };
    return { weekday, date, intervals, exception: exception === 'closed' ? 'closed' : 'special' };
  });
}
