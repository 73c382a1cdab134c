import { z } from 'zod';
import { parseContentDate } from '../dates.ts';

/**
 * Small building blocks shared by the data schemas. Each carries a message written for a data
 * team (what is wrong and what to write instead), since zod's defaults speak to programmers.
 */

const show = (value: unknown): string =>
  typeof value === 'string' ? `'${value}'` : (JSON.stringify(value) ?? String(value));

/** Non-blank text of at most `max` characters (a blank string would render as nothing). */
export function nonBlank(max: number) {
  return (
    z
      .string()
      .min(1, { error: 'must not be empty' })
      .max(max, {
        error: (issue) =>
          `too long (at most ${max} characters; this has ${String(issue.input).length})`,
      })
      // '' is already reported by min(1); one message per problem.
      .refine((text) => text === '' || text.trim().length > 0, { error: 'must not be only spaces' })
  );
}

/** Ids that appear in URLs and file names: lowercase Latin letters and digits joined by hyphens. */
export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: (issue) =>
      `${show(issue.input)} is not a valid id: use lowercase Latin letters, digits and single hyphens (e.g. isfahan-hesseh)`,
  })
  .max(80, { error: 'too long for an id (at most 80 characters)' })
  .describe(
    'Stable id: lowercase Latin letters, digits and single hyphens. Never reuse or rename.',
  );

/** Ids used inside one file (questions, options, sources): like slugs, but `_` is allowed too. */
export const IdentifierSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, {
    error: (issue) =>
      `${show(issue.input)} is not a valid id: use lowercase Latin letters, digits, '-' and '_' (e.g. household_income)`,
  })
  .max(80, { error: 'too long for an id (at most 80 characters)' });

const SOLAR_HIJRI_HINT = (input: string) =>
  `'${input}' looks like a Solar Hijri date; write the Gregorian date as YYYY-MM-DD (e.g. 2025-03-21)`;

/**
 * A Gregorian day `YYYY-MM-DD` in Latin digits, as HSDS writes dates. Years before 1900 are
 * refused: `1404-01-01` is a valid ISO date but in our data it is always a Solar Hijri date
 * typed into a Gregorian field.
 */
export const GregorianDateSchema = z.iso
  .date({
    error: (issue) => {
      const input = String(issue.input);
      if (/^1[0-6]\d\d-/.test(input)) return SOLAR_HIJRI_HINT(input);
      if (/[\u06F0-\u06F9\u0660-\u0669]/u.test(input)) {
        return `'${input}': write this date with Latin digits as YYYY-MM-DD`;
      }
      return `${show(issue.input)} is not a real date written as YYYY-MM-DD (e.g. 2025-03-21)`;
    },
  })
  .refine((date) => Number(date.slice(0, 4)) >= 1900, {
    error: (issue) => {
      const input = String(issue.input);
      return Number(input.slice(0, 4)) < 1700
        ? SOLAR_HIJRI_HINT(input)
        : `'${input}' is too far in the past; check the year`;
    },
  })
  .describe('Gregorian date YYYY-MM-DD (Asia/Tehran calendar day).');

const TIME_MESSAGE = (input: unknown) =>
  `${show(input)} is not a time written as HH:MM on a 24-hour clock (e.g. 08:00 or 16:30)`;

/** A time of day `HH:MM` (00:00–23:59); the hours are Tehran wall-clock time. */
export const TimeSchema = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, { error: (issue) => TIME_MESSAGE(issue.input) })
  .describe('Time of day HH:MM, 24-hour clock, Asia/Tehran.');

/** A closing time: like `TimeSchema`, and `24:00` for "until midnight". */
export const ClosingTimeSchema = z
  .string()
  .regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, {
    error: (issue) => `${TIME_MESSAGE(issue.input)}; 24:00 means midnight`,
  })
  .describe(
    'Time of day HH:MM, 24-hour clock, Asia/Tehran; 24:00 means midnight. Earlier than opens_at means the interval runs past midnight.',
  );

/** An absolute http(s) URL. Other schemes (javascript:, data:) are refused because we render links. */
export const HttpUrlSchema = z
  .url({
    protocol: /^https?$/,
    error: (issue) => `${show(issue.input)} is not a web address starting with https:// or http://`,
  })
  .describe('Absolute web address (https:// or http://).');

/** A web address or a site path such as `/programmes/rehabilitation`. */
export const LinkSchema = z
  .union([
    HttpUrlSchema,
    z.string().regex(/^\/(?!\/)\S*$/, { error: 'a site path starts with a single /' }),
  ])
  .describe(
    'A site path starting with / (e.g. /programmes/community-rehabilitation) or an https:// address.',
  );

/** An e-mail address. */
export const EmailSchema = z
  .email({ error: (issue) => `${show(issue.input)} is not an e-mail address` })
  .describe('E-mail address.');

/**
 * A date written in content: `YYYY-MM-DD` or `YYYY/MM/DD` in Persian, Arabic-Indic or Latin
 * digits; a year below 1700 is Solar Hijri, otherwise Gregorian. Parsed by core's
 * `parseContentDate` to the instant the day starts in Asia/Tehran. A Date object (some YAML
 * parsers turn unquoted dates into one) is accepted as the calendar day it names.
 */
export const ContentDateSchema = z
  .preprocess(
    (value) =>
      value instanceof Date && !Number.isNaN(value.getTime())
        ? value.toISOString().slice(0, 10)
        : value,
    z
      .string()
      .meta({
        pattern:
          '^\\s*[0-9\u06F0-\u06F9\u0660-\u0669]{4}[-/][0-9\u06F0-\u06F9\u0660-\u0669]{1,2}[-/][0-9\u06F0-\u06F9\u0660-\u0669]{1,2}',
        examples: ['1403-05-12', '۱۴۰۳/۰۵/۱۲', '2024-08-02'],
      })
      .refine((text) => parseContentDate(text) !== undefined, {
        error: (issue) =>
          `${show(issue.input)} is not a real date: write YYYY-MM-DD or YYYY/MM/DD, Solar Hijri (e.g. 1403-05-12) or Gregorian (e.g. 2024-08-02), in any digits`,
      })
      .transform((text) => parseContentDate(text) as Date),
  )
  .describe(
    'Date as YYYY-MM-DD or YYYY/MM/DD in Persian, Arabic-Indic or Latin digits. A year below 1700 is Solar Hijri (1403-05-12), otherwise Gregorian (2024-08-02).',
  );
