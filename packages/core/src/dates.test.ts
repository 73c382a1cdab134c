import { afterEach, describe, expect, it } from 'vitest';
import {
  addDays,
  formatDate,
  formatDateTime,
  formatIsoDay,
  formatTime,
  fromWallTime,
  gregorianToJalali,
  jalaliToGregorian,
  parseContentDate,
  parseJalaliDate,
  toJalaliParts,
  toWallTime,
} from './dates.ts';

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('formatDate', () => {
  const nowruz1403 = new Date('2024-03-20T12:00:00Z');

  it('formats fa in the Solar Hijri calendar with Persian digits', () => {
    expect(formatDate(nowruz1403, 'fa')).toBe('۱ فروردین ۱۴۰۳');
    expect(formatDate(new Date('2024-08-02T08:00:00Z'), 'fa-IR')).toBe('۱۲ مرداد ۱۴۰۳');
  });

  it('formats en in the Gregorian calendar, day before month', () => {
    expect(formatDate(nowruz1403, 'en')).toBe('20 March 2024');
    expect(formatDate(nowruz1403, 'en', { dateStyle: 'short' })).toBe('20/03/2024');
  });

  it('uses the Tehran date, not the UTC or machine date', () => {
    // 21:00 UTC on 19 March is 00:30 on 20 March in Tehran.
    const lateUtc = new Date('2024-03-19T21:00:00Z');
    for (const tz of ['America/Los_Angeles', 'UTC', 'Pacific/Kiritimati']) {
      process.env.TZ = tz;
      expect(formatDate(lateUtc, 'fa')).toBe('۱ فروردین ۱۴۰۳');
      expect(formatDate(lateUtc, 'en')).toBe('20 March 2024');
    }
  });

  it('lets the caller choose another zone', () => {
    expect(formatDate(new Date('2024-03-19T21:00:00Z'), 'en', { timeZone: 'UTC' })).toBe(
      '19 March 2024',
    );
  });

  it('returns an empty string for an invalid Date', () => {
    expect(formatDate(new Date('nope'), 'fa')).toBe('');
    expect(formatTime(new Date(Number.NaN), 'en')).toBe('');
    expect(formatDateTime(new Date(Number.NaN), 'en')).toBe('');
  });
});

describe('formatTime and formatDateTime', () => {
  const at = new Date('2024-08-02T10:30:00Z'); // 14:00 in Tehran

  it('writes a 24-hour Tehran clock with Persian digits in fa', () => {
    expect(formatTime(at, 'fa')).toBe('۱۴:۰۰');
    expect(formatTime(new Date('2024-08-02T04:35:00Z'), 'fa')).toBe('۰۸:۰۵');
  });

  it('writes a 24-hour Tehran clock in en', () => {
    expect(formatTime(at, 'en')).toBe('14:00');
    expect(formatTime(new Date('2024-08-01T20:30:00Z'), 'en')).toBe('00:00');
  });

  it('is independent of the machine zone', () => {
    for (const tz of ['America/Los_Angeles', 'UTC', 'Pacific/Kiritimati']) {
      process.env.TZ = tz;
      expect(formatTime(at, 'en')).toBe('14:00');
    }
  });

  it('uses Tehran daylight saving time for dates before 2022', () => {
    // Summer 2020: Tehran was UTC+04:30.
    expect(formatTime(new Date('2020-06-20T10:30:00Z'), 'en')).toBe('15:00');
  });

  it('combines date and time', () => {
    expect(formatDateTime(at, 'fa')).toBe('۱۲ مرداد ۱۴۰۳ ساعت ۱۴:۰۰');
    expect(formatDateTime(at, 'en')).toBe('2 August 2024 at 14:00');
  });
});

describe('toJalaliParts and toWallTime', () => {
  // Nowruz 1403 and 1404, the last day of 1403 (a leap year), and the day's change at Tehran
  // midnight (20:30 UTC), not at UTC midnight.
  it.each([
    ['2024-03-20T12:00:00Z', { year: 1403, month: 1, day: 1 }],
    ['2025-03-20T12:00:00Z', { year: 1403, month: 12, day: 30 }],
    ['2025-03-21T12:00:00Z', { year: 1404, month: 1, day: 1 }],
    ['2024-03-19T20:29:00Z', { year: 1402, month: 12, day: 29 }],
    ['2024-03-19T20:30:00Z', { year: 1403, month: 1, day: 1 }],
  ])('reads the Solar Hijri day in Tehran of %s', (instant, day) => {
    expect(toJalaliParts(new Date(instant))).toEqual(day);
  });

  it.each([
    ['2024-08-02T10:30:00Z', { year: 2024, month: 8, day: 2, minutes: 840 }],
    ['2024-08-01T20:30:00Z', { year: 2024, month: 8, day: 2, minutes: 0 }],
  ])('reads the Tehran wall clock at %s', (instant, wall) => {
    expect(toWallTime(new Date(instant))).toEqual(wall);
  });

  it('returns undefined for an invalid Date', () => {
    expect(toJalaliParts(new Date(Number.NaN))).toBeUndefined();
    expect(toWallTime(new Date(Number.NaN))).toBeUndefined();
  });
});

describe('fromWallTime', () => {
  it.each([
    // +03:30 today, and +04:30 during past daylight saving.
    [{ year: 2024, month: 8, day: 2, minutes: 840 }, '2024-08-02T10:30:00.000Z'],
    [{ year: 2020, month: 6, day: 20, minutes: 900 }, '2020-06-20T10:30:00.000Z'],
    // On 21 March 2008 Tehran clocks went from 00:00 straight to 01:00: a skipped time gives
    // the first real instant, and a skipped 00:30 moves forward by the hour, to 01:30
    // (Temporal's `compatible`).
    [{ year: 2008, month: 3, day: 21, minutes: 0 }, '2008-03-20T20:30:00.000Z'],
    [{ year: 2008, month: 3, day: 21, minutes: 30 }, '2008-03-20T21:00:00.000Z'],
    // On 20 September 2008 at 24:00 Tehran clocks went back to 23:00: 23:30 happened twice,
    // and the earlier instant is returned.
    [{ year: 2008, month: 9, day: 20, minutes: 1410 }, '2008-09-20T19:00:00.000Z'],
  ])('converts Tehran wall time %j to %s', (wall, instant) => {
    expect(fromWallTime(wall).toISOString()).toBe(instant);
  });
});

describe('addDays and formatIsoDay', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays({ year: 2024, month: 2, day: 28 }, 1)).toEqual({
      year: 2024,
      month: 2,
      day: 29,
    });
    expect(addDays({ year: 2023, month: 2, day: 28 }, 1)).toEqual({ year: 2023, month: 3, day: 1 });
    expect(addDays({ year: 2024, month: 12, day: 31 }, 1)).toEqual({
      year: 2025,
      month: 1,
      day: 1,
    });
    expect(addDays({ year: 2025, month: 1, day: 1 }, -1)).toEqual({
      year: 2024,
      month: 12,
      day: 31,
    });
  });

  it('pads to YYYY-MM-DD', () => {
    expect(formatIsoDay({ year: 2024, month: 3, day: 5 })).toBe('2024-03-05');
  });
});

describe('jalaliToGregorian and gregorianToJalali', () => {
  // Known conversions (Iranian official calendar; Nowruz boundaries and leap years).
  const known: [string, string][] = [
    ['1403-01-01', '2024-03-20'],
    ['1404-01-01', '2025-03-21'],
    ['1402-12-29', '2024-03-19'], // 1402 is a common year: Esfand ends on the 29th
    ['1403-12-30', '2025-03-20'], // 1403 is a leap year
    ['1399-12-30', '2021-03-20'], // 1399 is a leap year
    ['1400-01-01', '2021-03-21'],
    ['1403-05-12', '2024-08-02'],
    ['1403-06-31', '2024-09-21'], // last 31-day month's last day
    ['1403-07-01', '2024-09-22'],
    ['1403-10-11', '2024-12-31'],
    ['1403-10-12', '2025-01-01'],
    ['1357-11-22', '1979-02-11'],
    ['1387-01-02', '2008-03-21'],
  ];

  it.each(known)('%s is %s', (jalali, gregorian) => {
    const [jy, jm, jd] = jalali.split('-').map(Number) as [number, number, number];
    const [gy, gm, gd] = gregorian.split('-').map(Number) as [number, number, number];
    expect(jalaliToGregorian({ year: jy, month: jm, day: jd })).toEqual({
      year: gy,
      month: gm,
      day: gd,
    });
    expect(gregorianToJalali({ year: gy, month: gm, day: gd })).toEqual({
      year: jy,
      month: jm,
      day: jd,
    });
  });

  it.each([
    [1403, 13, 1],
    [1403, 0, 1],
    [1403, 1, 0],
    [1403, 1, 32],
    [1403, 7, 31], // months 7–11 have 30 days
    [1403, 11, 31],
    [1402, 12, 30], // common year
    [1404, 12, 30], // common year
    [1403, 12, 31],
    [1403.5, 1, 1],
    [0, 1, 1],
  ])('rejects %d-%d-%d', (year, month, day) => {
    expect(jalaliToGregorian({ year, month, day })).toBeUndefined();
  });

  it('rejects impossible Gregorian days', () => {
    expect(gregorianToJalali({ year: 2023, month: 2, day: 29 })).toBeUndefined();
    expect(gregorianToJalali({ year: 2024, month: 13, day: 1 })).toBeUndefined();
  });
});

describe('parseJalaliDate', () => {
  it('returns 00:00 Tehran of the day (UTC 20:30 the evening before)', () => {
    expect(parseJalaliDate('1403-05-12')?.toISOString()).toBe('2024-08-01T20:30:00.000Z');
    expect(parseJalaliDate('1403-01-01')?.toISOString()).toBe('2024-03-19T20:30:00.000Z');
    expect(parseJalaliDate('1404-01-01')?.toISOString()).toBe('2025-03-20T20:30:00.000Z');
    expect(parseJalaliDate('1403-12-30')?.toISOString()).toBe('2025-03-19T20:30:00.000Z');
  });

  it('accepts every digit set, slashes, short fields, spaces and bidi marks', () => {
    const expected = '2024-08-01T20:30:00.000Z';
    for (const text of [
      '1403/5/12',
      '1403/05/12',
      '۱۴۰۳-۰۵-۱۲',
      '۱۴۰۳/۵/۱۲',
      '١٤٠٣-٠٥-١٢',
      '١٤٠٣/٥/١٢',
      '۱۴۰3-٠5-12',
      '  1403-05-12 ',
      '\u200F۱۴۰۳/۰۵/۱۲\u200F',
      '\u2067۱۴۰۳/۰۵/۱۲\u2069',
    ]) {
      expect(parseJalaliDate(text)?.toISOString(), text).toBe(expected);
    }
  });

  it('uses the daylight-saving offset Tehran had in summer before 2022', () => {
    // 1399-05-12 = 2 August 2020; Tehran was UTC+04:30.
    expect(parseJalaliDate('1399-05-12')?.toISOString()).toBe('2020-08-01T19:30:00.000Z');
  });

  it('gives the same answer on machines in other zones', () => {
    for (const tz of ['America/Los_Angeles', 'UTC', 'Pacific/Kiritimati']) {
      process.env.TZ = tz;
      expect(parseJalaliDate('1403-05-12')?.toISOString()).toBe('2024-08-01T20:30:00.000Z');
    }
  });

  it.each([
    '1403-13-01',
    '1402-12-30',
    '1404-12-30',
    '1403-07-31',
    '1403-00-10',
    '1403-05-00',
    '1403-05',
    '1403-05-12-01',
    '1403-5/12',
    '1403.05.12',
    '03-05-12',
    '۱۴۰۳-الف-۱۲',
    'abcd-ef-gh',
    '',
    '1403-05-123',
  ])('rejects %j', (text) => {
    expect(parseJalaliDate(text)).toBeUndefined();
  });
});

describe('parseContentDate', () => {
  it('reads years below 1700 as Solar Hijri', () => {
    expect(parseContentDate('1403-05-12')?.toISOString()).toBe('2024-08-01T20:30:00.000Z');
    expect(parseContentDate('۱۴۰۳/۰۵/۱۲')?.toISOString()).toBe('2024-08-01T20:30:00.000Z');
  });

  it('reads years from 1700 on as Gregorian, at 00:00 Tehran', () => {
    expect(parseContentDate('2024-08-02')?.toISOString()).toBe('2024-08-01T20:30:00.000Z');
    expect(parseContentDate('۲۰۲۴-۰۸-۰۲')?.toISOString()).toBe('2024-08-01T20:30:00.000Z');
    expect(parseContentDate('2024-02-29')?.toISOString()).toBe('2024-02-28T20:30:00.000Z');
  });

  it('reads a time as Tehran wall time', () => {
    expect(parseContentDate('1403-05-12 14:30')?.toISOString()).toBe('2024-08-02T11:00:00.000Z');
    expect(parseContentDate('2024-08-02T14:30:15')?.toISOString()).toBe('2024-08-02T11:00:15.000Z');
  });

  it('honours an explicit offset on Gregorian dates', () => {
    expect(parseContentDate('2024-08-02T10:00:00Z')?.toISOString()).toBe(
      '2024-08-02T10:00:00.000Z',
    );
    expect(parseContentDate('2024-08-02T10:00:00+03:30')?.toISOString()).toBe(
      '2024-08-02T06:30:00.000Z',
    );
    expect(parseContentDate('2024-08-02T10:00:00.000-0500')?.toISOString()).toBe(
      '2024-08-02T15:00:00.000Z',
    );
  });

  it('passes a valid Date through and rejects an invalid one', () => {
    const d = new Date('2024-08-02T10:00:00Z');
    expect(parseContentDate(d)?.toISOString()).toBe(d.toISOString());
    expect(parseContentDate(new Date(Number.NaN))).toBeUndefined();
  });

  it.each([
    '2023-02-29',
    '2024-13-01',
    '1402-12-30',
    '1403-05-12T10:00:00Z',
    '2024-08-02 24:00',
    '2024-08-02 10:60',
    '2024-08-02T10',
    'yesterday',
    '',
    '2024-8',
  ])('rejects %j', (text) => {
    expect(parseContentDate(text)).toBeUndefined();
  });
});
