import { parseContentDate } from '@behzisti/core/dates';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalDate } from './widgets.ts';

describe('canonicalDate (how the editor stores a date)', () => {
  it.each([
    ['۱۴۰۴/۰۹/۰۲', '1404-09-02'],
    ['1404/9/2', '1404-09-02'],
    ['١٤٠٤-٠٩-٠٢', '1404-09-02'],
    ['2025-11-23', '1404-09-02'],
    ['1404-09-02 8:30', '1404-09-02 08:30'],
    ['1404-13-40', undefined],
    ['فردا', undefined],
  ])('%s → %s', (typed, stored) => {
    expect(canonicalDate(typed)).toBe(stored);
  });

  it('stores English items in the Gregorian calendar', () => {
    expect(canonicalDate('۱۴۰۴/۰۹/۰۲', 'gregorian')).toBe('2025-11-23');
    expect(canonicalDate('2025-11-23 08:05', 'gregorian')).toBe('2025-11-23 08:05');
  });

  it('keeps the day, is idempotent, and sorts as text in date order', () => {
    const day = fc
      .integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) })
      .map((ms) => new Date(ms).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [ca, cb] = [canonicalDate(a) as string, canonicalDate(b) as string];
        expect(canonicalDate(ca)).toBe(ca);
        expect(parseContentDate(ca)?.getTime()).toBe(parseContentDate(a)?.getTime());
        expect(Math.sign(ca.localeCompare(cb))).toBe(Math.sign(a.localeCompare(b)));
      }),
    );
  });
});
