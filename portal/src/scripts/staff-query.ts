import { formatIsoDay, parseContentDate, toWallTime } from '@behzisti/core/dates';
import { articlePath } from '../lib/paths.ts';

// The staff inbox's filters as the API takes them: pure functions (no DOM), so the rules for
// dates and provinces are tested apart from the page (staff-query.test.ts).

/** Feedback statuses and comment statuses, as the service names them. */
export const feedbackStatuses = ['received', 'in-review', 'answered', 'closed'] as const;
export const commentStatuses = ['pending', 'approved', 'rejected'] as const;
export const kinds = ['feedback', 'comment'] as const;

/** What the filter form holds, as typed (dates are still text). */
export interface FilterInput {
  kind: string;
  category: string;
  status: string;
  province: string;
  base: string;
  from: string;
  to: string;
}

/** Why a filter cannot be sent; the page shows the matching `staff.error.*` sentence. */
export type FilterProblem = { field: 'from' | 'to'; problem: 'date' | 'dateOrder' };

/**
 * A day typed by staff as `YYYY-MM-DD` (Gregorian ISO) for the API. Accepts Solar Hijri
 * (`1405/09/01`) or Gregorian (`2026-11-22`) in any digit set: a year below 1700 is Solar Hijri,
 * as in content files (core's parseContentDate). Undefined when it is not a real day.
 */
export function apiDay(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const instant = parseContentDate(trimmed);
  // Only a day, not a time: staff filter by whole days in Tehran.
  if (!instant || /[T:]/.test(trimmed)) return undefined;
  const wall = toWallTime(instant);
  return wall ? formatIsoDay(wall) : undefined;
}

/**
 * The query string for the staff list or the CSV export. `provinceBases` are the base ids of
 * the chosen province (the service knows bases, not provinces, so a province is sent as the
 * list of its bases, `serviceBaseId` repeated); a chosen base wins over its province.
 */
export function filterParams(
  input: FilterInput,
  provinceBases: readonly string[],
): { params: URLSearchParams; problems: FilterProblem[] } {
  const params = new URLSearchParams();
  const problems: FilterProblem[] = [];
  if (input.kind) params.set('kind', input.kind);
  // Comments have no category; sending one would match nothing.
  if (input.category && input.kind !== 'comment') params.set('category', input.category);
  if (input.status) params.set('status', input.status);
  if (input.base) params.set('serviceBaseId', input.base);
  else if (input.province) for (const id of provinceBases) params.append('serviceBaseId', id);
  const days: Partial<Record<'from' | 'to', string>> = {};
  for (const field of ['from', 'to'] as const) {
    if (input[field].trim() === '') continue;
    const day = apiDay(input[field]);
    if (day) {
      days[field] = day;
      params.set(field, day);
    } else problems.push({ field, problem: 'date' });
  }
  if (days.from && days.to && days.to < days.from)
    problems.push({ field: 'to', problem: 'dateOrder' });
  return { params, problems };
}

/** The statuses that make sense for a kind ('' = every kind). */
export function statusesFor(kind: string): readonly string[] {
  if (kind === 'comment') return commentStatuses;
  if (kind === 'feedback') return feedbackStatuses;
  return [...feedbackStatuses, ...commentStatuses];
}

/** The portal address of a news article id such as `fa/hesseh-service-base`. */
export function articleHref(article: string): string | undefined {
  const match = /^(fa|en)\/([^/?#]+)$/.exec(article);
  if (!match) return undefined;
  return articlePath(match[1] as 'fa' | 'en', match[2] as string);
}

/** Seconds from a Retry-After header (seconds or an HTTP date) as whole minutes, at least 1. */
export function retryMinutes(retryAfter: string | null, now = Date.now()): number {
  if (retryAfter === null) return 15;
  const seconds = /^\d+$/.test(retryAfter.trim())
    ? Number(retryAfter.trim())
    : (Date.parse(retryAfter) - now) / 1000;
  if (!Number.isFinite(seconds)) return 15;
  return Math.max(1, Math.ceil(seconds / 60));
}
