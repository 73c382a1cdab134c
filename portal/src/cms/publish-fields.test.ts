import { toLocaleDigits } from '@behzisti/core/text';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { publishMoment } from '../lib/news-visibility.ts';
import { canonicalTime, formatMoment, momentOf } from './publish-fields.ts';

const pad = (n: number) => String(n).padStart(2, '0');

describe('canonicalTime (the publish time as news-visibility.ts reads it)', () => {
  it('reads any digits and separators, gives HH:MM, and is idempotent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom('fa', 'ar', 'en'),
        fc.constantFrom(':', '.', ' : '),
        fc.boolean(),
        (hours, minutes, digits, separator, padded) => {
          const typed = `${padded ? pad(hours) : hours}${separator}${pad(minutes)}`;
          const local = digits === 'en' ? typed : toLocaleDigits(typed, digits as 'fa');
          const canonical = canonicalTime(local);
          expect(canonical).toBe(`${pad(hours)}:${pad(minutes)}`);
          expect(canonicalTime(canonical as string)).toBe(canonical);
          // The pipeline reads exactly this form.
          expect(() => publishMoment(new Date(0), canonical)).not.toThrow();
        },
      ),
    );
  });

  it('refuses what is no time of day', () => {
    for (const text of ['24:00', '9:60', '930', '09:3', 'ساعت ۹', '', '-1:00', '09:30:00']) {
      expect(canonicalTime(text), text).toBeUndefined();
    }
  });
});

describe('momentOf (when the item goes live)', () => {
  it('is the date in Tehran plus the time, or the start of the day', () => {
    // 1404-09-02 is 2025-11-23; Tehran is UTC+03:30.
    expect(momentOf('1404-09-02', '۰۹:۳۰')?.toISOString()).toBe('2025-11-23T06:00:00.000Z');
    expect(momentOf('1404-09-02', '')?.toISOString()).toBe('2025-11-22T20:30:00.000Z');
    expect(momentOf('1404-09-02', undefined)?.toISOString()).toBe('2025-11-22T20:30:00.000Z');
    expect(momentOf('1404-13-40', '09:30')).toBeUndefined();
    expect(momentOf('1404-09-02', '25:00')).toBeUndefined();
  });

  it('reads back in Solar Hijri with the Tehran clock', () => {
    const moment = momentOf('1406-01-01', '09:30') as Date;
    expect(formatMoment(moment, 'fa')).toBe('۱ فروردین ۱۴۰۶، ساعت ۰۹:۳۰');
    expect(formatMoment(moment, 'en')).toMatch(/2027, 09:30$/);
  });
});
