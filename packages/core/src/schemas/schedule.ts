import { z } from 'zod';
import { LocalizedTextSchema } from './localized-text.ts';
import { ClosingTimeSchema, GregorianDateSchema, TimeSchema } from './primitives.ts';
import { strictObject } from './strict.ts';

/**
 * Opening hours in HSDS schedule terms (RFC 5545 day codes, `opens_at`/`closes_at`), reduced to
 * what a service base needs: weekly intervals and dated closures. Evaluated in Asia/Tehran with
 * the Iranian week (Saturday first) by core's hours module.
 */

/** The RFC 5545 day codes in Iranian week order (Saturday first). */
export const weekdayCodes = ['SA', 'SU', 'MO', 'TU', 'WE', 'TH', 'FR'] as const;

/** One RFC 5545 day code. */
export type WeekdayCode = (typeof weekdayCodes)[number];

const DAY = weekdayCodes.join('|');

/** Comma-separated day codes, e.g. `SA,SU,MO,TU,WE`; each day at most once. */
export const BydaySchema = z
  .string()
  .regex(new RegExp(`^(?:${DAY})(?:,(?:${DAY}))*$`), {
    error: (issue) =>
      `'${String(issue.input)}' is not a list of days: write day codes separated by commas, e.g. SA,SU,MO,TU,WE (codes: ${weekdayCodes.join(' ')})`,
  })
  .refine((byday) => new Set(byday.split(',')).size === byday.split(',').length, {
    error: (issue) => `'${String(issue.input)}' names a day twice`,
  })
  .describe(
    'Days this interval applies to: RFC 5545 codes separated by commas (SA,SU,MO,TU,WE,TH,FR), as in HSDS schedule.byday.',
  );

/**
 * One weekly opening interval. Several entries may cover the same day (split hours, e.g. a
 * morning and an evening shift). `closes_at` earlier than `opens_at` runs past midnight.
 */
export const ScheduleEntrySchema = strictObject({
  byday: BydaySchema,
  opens_at: TimeSchema.describe('Opening time HH:MM (Asia/Tehran).'),
  closes_at: ClosingTimeSchema.describe(
    'Closing time HH:MM (Asia/Tehran); 24:00 = midnight; earlier than opens_at = runs past midnight.',
  ),
  valid_from: GregorianDateSchema.optional().describe(
    'First day (Gregorian YYYY-MM-DD) this interval applies, e.g. for summer hours.',
  ),
  valid_to: GregorianDateSchema.optional().describe(
    'Last day (Gregorian YYYY-MM-DD, inclusive) this interval applies.',
  ),
  description: LocalizedTextSchema.optional().describe(
    'Note shown with these hours, e.g. "women only" or "by appointment".',
  ),
})
  .superRefine((entry, ctx) => {
    if (entry.opens_at === entry.closes_at) {
      ctx.addIssue({
        code: 'custom',
        path: ['closes_at'],
        input: entry.closes_at,
        message: `closes_at equals opens_at (${entry.opens_at}); for a whole day write 00:00 to 24:00`,
      });
    }
    if (entry.valid_from && entry.valid_to && entry.valid_to < entry.valid_from) {
      ctx.addIssue({
        code: 'custom',
        path: ['valid_to'],
        input: entry.valid_to,
        message: `valid_to ${entry.valid_to} is before valid_from ${entry.valid_from}`,
      });
    }
  })
  .meta({
    id: 'ScheduleEntry',
    description:
      'A weekly opening interval (HSDS schedule): days, opens_at and closes_at. Several entries per day are allowed for split hours.',
  });

/** One weekly opening interval (HSDS schedule names). */
export type ScheduleEntry = z.output<typeof ScheduleEntrySchema>;

/**
 * A dated exception: closed all day (no times), or open only `opens_at`–`closes_at` that day.
 * Public holidays are entered as closures, so the holiday list stays data, not code.
 */
export const ClosureSchema = strictObject({
  date: GregorianDateSchema.describe('The day (Gregorian YYYY-MM-DD, Tehran calendar day).'),
  opens_at: TimeSchema.optional().describe(
    'Special opening time that day; give closes_at too. Leave both out for a full-day closure.',
  ),
  closes_at: ClosingTimeSchema.optional().describe(
    'Special closing time that day; give opens_at too. Leave both out for a full-day closure.',
  ),
  description: LocalizedTextSchema.optional().describe('Why, e.g. the holiday name.'),
})
  .superRefine((closure, ctx) => {
    const hasOpens = closure.opens_at !== undefined;
    const hasCloses = closure.closes_at !== undefined;
    if (hasOpens !== hasCloses) {
      ctx.addIssue({
        code: 'custom',
        path: [hasOpens ? 'closes_at' : 'opens_at'],
        input: undefined,
        message:
          'give both opens_at and closes_at for special hours that day, or neither for a full-day closure',
      });
    } else if (hasOpens && closure.opens_at === closure.closes_at) {
      ctx.addIssue({
        code: 'custom',
        path: ['closes_at'],
        input: closure.closes_at,
        message: `closes_at equals opens_at (${closure.opens_at}); leave both out for a full-day closure`,
      });
    }
  })
  .meta({
    id: 'Closure',
    description:
      'A dated exception to the weekly hours: closed all day (no times) or open only between opens_at and closes_at.',
  });

/** A dated closure or special-hours day. */
export type Closure = z.output<typeof ClosureSchema>;
