import { gregorianToJalali } from '../dates.ts';

/**
 * Whole years between two Gregorian days, counted on the Solar Hijri calendar because that is
 * how ages are counted in Iran (a birthday is the same Jalali day each year). Pure: "today"
 * is always passed in.
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const jalaliCache = new Map<string, number>();

/** The Jalali date of an ISO day as one sortable number yyyymmdd, or undefined when invalid. */
function jalaliKey(iso: string): number | undefined {
  const cached = jalaliCache.get(iso);
  if (cached !== undefined) return cached;
  const match = ISO_DAY.exec(iso);
  if (!match) return undefined;
  const jalali = gregorianToJalali({
    year: Number(match[1]),
    month: Number(match[2]),
    day: Number(match[3]),
  });
  if (!jalali) return undefined;
  const key = jalali.year * 10000 + jalali.month * 100 + jalali.day;
  // Bounded so a long-running page cannot grow it without limit; dates repeat a lot in practice.
  if (jalaliCache.size > 5000) jalaliCache.clear();
  jalaliCache.set(iso, key);
  return key;
}

/**
 * Whole years from `from` to `to` (both `YYYY-MM-DD`, Gregorian), e.g. an age from a date of
 * birth. Negative when `from` is after `to` (rounded toward zero); undefined when either is not a real day.
 */
export function wholeYearsBetween(from: string, to: string): number | undefined {
  const a = jalaliKey(from);
  const b = jalaliKey(to);
  if (a === undefined || b === undefined) return undefined;
  // yyyymmdd keys: the difference is years × 10000 plus a month-day difference below 10000.
  return Math.trunc((b - a) / 10000);
}

/** Age in whole years on `today` of a person born on `dateOfBirth` (both `YYYY-MM-DD`). */
export function ageOn(dateOfBirth: string, today: string): number | undefined {
  return wholeYearsBetween(dateOfBirth, today);
}
