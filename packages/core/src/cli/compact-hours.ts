import { weekdayCodes } from '../schemas/schedule.ts';
import { normalizeDigits } from '../text.ts';

/**
 * The compact opening-hours text of the service-base CSV, so one spreadsheet cell holds a
 * week:
 *
 *   schedules:  SA-WE 08:00-14:00; TH 08:00-12:00
 *               SA,MO,WE 08:00-12:00,16:00-19:00      (split hours: several intervals)
 *   closures:   2025-03-20; 2025-03-21; 2025-04-01 08:00-12:00   (date alone = closed all day)
 *
 * Entries are separated by `;`. Days are RFC 5545 codes (SA SU MO TU WE TH FR, any case),
 * single or as a range in Iranian week order (`SA-WE`; `TH-SA` wraps past Friday), several
 * joined by commas. Times are HH:MM (a one-digit hour is padded), any digit set. The output
 * is schedule and closure objects for the zod schema, which checks the times themselves.
 */

/** A parsed weekly interval, before schema validation. */
export interface CompactScheduleEntry {
  byday: string;
  opens_at: string;
  closes_at: string;
}

/** A parsed closure, before schema validation. */
export interface CompactClosure {
  date: string;
  opens_at?: string;
  closes_at?: string;
}

/** The entries read from a cell, and one sentence per entry that could not be read. */
export interface CompactResult<T> {
  entries: T[];
  errors: string[];
}

const DAY_LIST = weekdayCodes.join(' ');

function splitEntries(cell: string): string[] {
  return normalizeDigits(cell)
    .split(';')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

function dayIndex(code: string): number {
  return (weekdayCodes as readonly string[]).indexOf(code.toUpperCase());
}

/** `SA-WE,FR` → `SA,SU,MO,TU,WE,FR` (week order, each day once), or an error sentence. */
function parseDays(text: string): string | { error: string } {
  const days = new Set<number>();
  for (const part of text.split(',')) {
    const [from, to, extra] = part.split('-');
    if (extra !== undefined || !from)
      return { error: `'${part}' is not a day or a day range like SA-WE` };
    const start = dayIndex(from);
    const end = to === undefined ? start : dayIndex(to);
    const unknown = start < 0 ? from : end < 0 ? to : undefined;
    if (unknown !== undefined) return { error: `unknown day '${unknown}' (days: ${DAY_LIST})` };
    for (let i = start; ; i = (i + 1) % weekdayCodes.length) {
      days.add(i);
      if (i === end) break;
    }
  }
  return [...days]
    .sort((a, b) => a - b)
    .map((i) => weekdayCodes[i])
    .join(',');
}

/** `8:00-14:00` → `['08:00', '14:00']`; the schema checks ranges such as 25:00. */
function parseInterval(text: string): [string, string] | undefined {
  const match = /^(\d{1,2}:\d{2})-(\d{1,2}:\d{2})$/.exec(text);
  if (!match?.[1] || !match[2]) return undefined;
  return [match[1].padStart(5, '0'), match[2].padStart(5, '0')];
}

/** Reads the `schedules` cell. */
export function parseCompactSchedules(cell: string): CompactResult<CompactScheduleEntry> {
  const result: CompactResult<CompactScheduleEntry> = { entries: [], errors: [] };
  for (const entry of splitEntries(cell)) {
    const match = /^(\S+)\s+(.+)$/.exec(entry);
    if (!match?.[1] || !match[2]) {
      result.errors.push(
        `could not read '${entry}': write days then times, e.g. SA-WE 08:00-14:00`,
      );
      continue;
    }
    const days = parseDays(match[1]);
    if (typeof days !== 'string') {
      result.errors.push(`could not read '${entry}': ${days.error}`);
      continue;
    }
    for (const text of match[2].split(/[\s,]+/).filter(Boolean)) {
      const interval = parseInterval(text);
      if (!interval) {
        result.errors.push(
          `could not read '${entry}': '${text}' is not a time range like 08:00-14:00`,
        );
        continue;
      }
      result.entries.push({ byday: days, opens_at: interval[0], closes_at: interval[1] });
    }
  }
  return result;
}

/** Reads the `closures` cell. */
export function parseCompactClosures(cell: string): CompactResult<CompactClosure> {
  const result: CompactResult<CompactClosure> = { entries: [], errors: [] };
  for (const entry of splitEntries(cell)) {
    const [date, times, extra] = entry.split(/\s+/);
    if (!date || extra !== undefined) {
      result.errors.push(
        `could not read '${entry}': write a date, optionally with special hours, e.g. 2025-04-01 08:00-12:00`,
      );
      continue;
    }
    if (times === undefined) {
      result.entries.push({ date });
      continue;
    }
    const interval = parseInterval(times);
    if (!interval) {
      result.errors.push(
        `could not read '${entry}': '${times}' is not a time range like 08:00-12:00`,
      );
      continue;
    }
    result.entries.push({ date, opens_at: interval[0], closes_at: interval[1] });
  }
  return result;
}
