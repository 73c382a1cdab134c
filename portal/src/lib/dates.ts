import { formatDate, formatIsoDay, toWallTime } from '@behzisti/core/dates';
import type { Locale } from '../i18n/ui.ts';

/** «۱۲ مرداد ۱۴۰۳» in fa (Solar Hijri, Persian digits), «2 August 2024» in en (Gregorian). */
export const displayDate = (date: Date, locale: Locale): string => formatDate(date, locale);

/** The Tehran calendar day as `YYYY-MM-DD`, for `<time datetime>` (machine-readable, Gregorian). */
export function isoDay(date: Date): string {
  const wall = toWallTime(date);
  return wall ? formatIsoDay(wall) : '';
}
