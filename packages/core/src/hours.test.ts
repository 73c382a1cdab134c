import { afterEach, describe, expect, it } from 'vitest';
import {
  type DatedClosure,
  formatClock,
  type OpeningState,
  openingState,
  parseTime,
  tehranParts,
  type WeeklyInterval,
  weeklyHours,
  weekOrder,
  weekSchedule,
} from './hours.ts';

/** An instant given as Tehran wall time in 2024 or later (UTC+03:30, no DST). */
const tehran = (local: string) => new Date(`${local}+03:30`);
/** Compare states with Dates as ISO strings so failures read well. */
const iso = (state: OpeningState) =>
  JSON.parse(JSON.stringify(state)) as Record<string, string | boolean | undefined>;

/** The states as `iso` shows them: open until `closesAt`, or closed until `opensAt` (ISO). */
const openUntil = (closesAt: string, closingSoon: boolean) => ({
  status: 'open',
  closesAt,
  closingSoon,
});
const closedUntil = (opensAt: string, reason = 'outside-hours') => ({
  status: 'closed',
  opensAt,
  reason,
});

// The calendar used below: Friday 2 August 2024, so Sat 3, Sun 4, Mon 5, Tue 6, Wed 7,
// Thu 8, Fri 9, Sat 10, Sun 11, Mon 12 August.

/** A typical base: Saturday–Wednesday 08:00–14:00, Thursday half day 08:00–12:00, Friday closed. */
const office: WeeklyInterval[] = [
  { byday: 'SA,SU,MO,TU,WE', opens_at: '08:00', closes_at: '14:00' },
  { byday: 'TH', opens_at: '08:00', closes_at: '12:00' },
];

const zones = ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC', 'Asia/Tehran', 'Asia/Tokyo'];
const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('parseTime and formatClock', () => {
  it.each([
    ['00:00', 0],
    ['08:00', 480],
    ['8:05', 485],
    ['13:59', 839],
    ['23:59', 1439],
    ['24:00', 1440],
    ['۱۴:۳۰', 870],
    ['١٤:٣٠', 870],
    [' 09:15 ', 555],
  ])('parses %j as %d minutes', (text, minutes) => {
    expect(parseTime(text)).toBe(minutes);
  });

  it.each(['24:01', '25:00', '12:60', '9am', '0900', '9:5', '', '12:00:00', '-1:00'])(
    'rejects %j',
    (text) => {
      expect(parseTime(text)).toBeUndefined();
    },
  );

  it('formats minutes as HH:MM', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(485)).toBe('08:05');
    expect(formatClock(1440)).toBe('24:00');
  });
});

describe('weekOrder and tehranParts', () => {
  it('starts the week on Saturday and ends on Friday', () => {
    expect(weekOrder).toEqual(['SA', 'SU', 'MO', 'TU', 'WE', 'TH', 'FR']);
  });

  it('reads weekday, date and minutes in Tehran, not UTC', () => {
    // Thursday 21:00 UTC is Friday 00:30 in Tehran.
    expect(tehranParts(new Date('2024-08-08T21:00:00Z'))).toEqual({
      weekday: 'FR',
      date: '2024-08-09',
      year: 2024,
      month: 8,
      day: 9,
      minutes: 30,
    });
  });

  it('gives the same parts whatever the machine zone', () => {
    for (const tz of zones) {
      process.env.TZ = tz;
      expect(tehranParts(tehran('2024-08-07T13:59'))).toMatchObject({
        weekday: 'WE',
        date: '2024-08-07',
        minutes: 839,
      });
    }
  });

  it('returns undefined for an invalid Date', () => {
    expect(tehranParts(new Date(Number.NaN))).toBeUndefined();
  });
});

describe('openingState: a weekday office', () => {
  it('is open mid-morning and not closing soon', () => {
    expect(iso(openingState(office, [], tehran('2024-08-07T10:00')))).toEqual(
      openUntil('2024-08-07T10:30:00.000Z', false),
    );
  });

  it('is closing soon at 13:59 and exactly not at 13:00 (60 minutes left)', () => {
    expect(iso(openingState(office, [], tehran('2024-08-07T13:59')))).toEqual(
      openUntil('2024-08-07T10:30:00.000Z', true),
    );
    expect(openingState(office, [], tehran('2024-08-07T13:00'))).toMatchObject({
      closingSoon: false,
    });
    expect(openingState(office, [], tehran('2024-08-07T13:01'))).toMatchObject({
      closingSoon: true,
    });
  });

  it('is closed at 14:00 with the next opening tomorrow 08:00 Tehran', () => {
    expect(iso(openingState(office, [], tehran('2024-08-07T14:00')))).toEqual(
      closedUntil('2024-08-08T04:30:00.000Z'),
    );
  });

  it('is closed before opening with the opening later the same day', () => {
    expect(iso(openingState(office, [], tehran('2024-08-07T07:59')))).toEqual(
      closedUntil('2024-08-07T04:30:00.000Z'),
    );
  });

  it('opens exactly at 08:00', () => {
    expect(openingState(office, [], tehran('2024-08-07T08:00'))).toMatchObject({ status: 'open' });
  });

  it('keeps Thursday to a half day', () => {
    expect(iso(openingState(office, [], tehran('2024-08-08T11:30')))).toEqual(
      openUntil('2024-08-08T08:30:00.000Z', true),
    );
  });

  it('finds the next opening across the Friday weekend', () => {
    const saturday8 = '2024-08-10T04:30:00.000Z';
    expect(iso(openingState(office, [], tehran('2024-08-08T12:00')))).toEqual(
      closedUntil(saturday8),
    );
    expect(openingState(office, [], tehran('2024-08-09T10:00'))).toMatchObject({
      status: 'closed',
    });
    expect(iso(openingState(office, [], tehran('2024-08-09T10:00'))).opensAt).toBe(saturday8);
    expect(iso(openingState(office, [], tehran('2024-08-09T23:59'))).opensAt).toBe(saturday8);
  });

  it('gives the same answers on a machine in any time zone', () => {
    const cases: [string, Record<string, unknown>][] = [
      [
        '2024-08-07T13:59',
        { status: 'open', closesAt: '2024-08-07T10:30:00.000Z', closingSoon: true },
      ],
      [
        '2024-08-07T14:00',
        { status: 'closed', opensAt: '2024-08-08T04:30:00.000Z', reason: 'outside-hours' },
      ],
      [
        '2024-08-09T10:00',
        { status: 'closed', opensAt: '2024-08-10T04:30:00.000Z', reason: 'outside-hours' },
      ],
      // 00:30 Friday in Tehran is still Thursday in UTC and Los Angeles.
      [
        '2024-08-09T00:30',
        { status: 'closed', opensAt: '2024-08-10T04:30:00.000Z', reason: 'outside-hours' },
      ],
    ];
    for (const tz of zones) {
      process.env.TZ = tz;
      for (const [local, expected] of cases) {
        expect(iso(openingState(office, [], tehran(local))), `${tz} ${local}`).toEqual(expected);
      }
    }
  });

  it('uses the daylight-saving offset Tehran had before 2022', () => {
    // Saturday 20 June 2020, 13:59 at UTC+04:30 = 09:29 UTC; closes at 14:00 = 09:30 UTC.
    expect(iso(openingState(office, [], new Date('2020-06-20T09:29:00Z')))).toEqual(
      openUntil('2020-06-20T09:30:00.000Z', true),
    );
  });

  it('honours closingSoonMinutes', () => {
    expect(
      openingState(office, [], tehran('2024-08-07T12:30'), { closingSoonMinutes: 120 }),
    ).toMatchObject({
      closingSoon: true,
    });
  });
});

describe('openingState: split, past-midnight and 24-hour schedules', () => {
  const split: WeeklyInterval[] = [
    { byday: 'SA,SU,MO,TU,WE', opens_at: '08:00', closes_at: '12:00' },
    { byday: 'SA,SU,MO,TU,WE', opens_at: '16:00', closes_at: '19:00' },
  ];

  it('is closed in the gap of split hours and reopens the same afternoon', () => {
    expect(iso(openingState(split, [], tehran('2024-08-06T13:00')))).toEqual(
      closedUntil('2024-08-06T12:30:00.000Z'),
    );
  });

  it('closes at the end of the current part of split hours', () => {
    expect(iso(openingState(split, [], tehran('2024-08-06T11:15')))).toMatchObject({
      status: 'open',
      closesAt: '2024-08-06T08:30:00.000Z',
      closingSoon: true,
    });
    expect(iso(openingState(split, [], tehran('2024-08-06T17:00')))).toMatchObject({
      status: 'open',
      closesAt: '2024-08-06T15:30:00.000Z',
    });
  });

  it('merges touching intervals into one opening', () => {
    const touching: WeeklyInterval[] = [
      { byday: 'SA', opens_at: '08:00', closes_at: '12:00' },
      { byday: 'SA', opens_at: '12:00', closes_at: '16:00' },
    ];
    expect(iso(openingState(touching, [], tehran('2024-08-10T11:30')))).toEqual(
      openUntil('2024-08-10T12:30:00.000Z', false),
    );
  });

  it('runs an interval past midnight into the next day', () => {
    const night: WeeklyInterval[] = [{ byday: 'FR,SA', opens_at: '20:00', closes_at: '02:00' }];
    // Saturday 01:15 is inside Friday night's interval.
    expect(iso(openingState(night, [], tehran('2024-08-10T01:15')))).toEqual(
      openUntil('2024-08-09T22:30:00.000Z', true),
    );
    // Sunday 01:30 is inside Saturday night's interval.
    expect(iso(openingState(night, [], tehran('2024-08-11T01:30')))).toMatchObject({
      status: 'open',
      closesAt: '2024-08-10T22:30:00.000Z',
    });
    // Monday 01:00: Sunday has no interval; next is Friday 20:00.
    expect(iso(openingState(night, [], tehran('2024-08-12T01:00')))).toEqual(
      closedUntil('2024-08-16T16:30:00.000Z'),
    );
    // Friday 21:00 is open until Saturday 02:00.
    expect(iso(openingState(night, [], tehran('2024-08-09T21:00')))).toMatchObject({
      status: 'open',
      closesAt: '2024-08-09T22:30:00.000Z',
      closingSoon: false,
    });
  });

  it('reports always-open for 00:00–24:00 every day', () => {
    const allDay: WeeklyInterval[] = [
      { byday: weekOrder.join(','), opens_at: '00:00', closes_at: '24:00' },
    ];
    for (const tz of zones) {
      process.env.TZ = tz;
      expect(openingState(allDay, [], tehran('2024-08-09T00:00'))).toEqual({
        status: 'always-open',
      });
      expect(openingState(allDay, [], tehran('2024-08-07T23:59'))).toEqual({
        status: 'always-open',
      });
    }
  });

  it('ignores an interval whose closing time equals its opening time (ambiguous)', () => {
    const equal: WeeklyInterval[] = [
      { byday: 'SA,SU,MO,TU,WE,TH,FR', opens_at: '00:00', closes_at: '00:00' },
    ];
    expect(openingState(equal, [], tehran('2024-08-07T12:00'))).toEqual({ status: 'unknown' });
    const withOffice = [...office, { byday: 'FR', opens_at: '09:00', closes_at: '09:00' }];
    expect(openingState(withOffice, [], tehran('2024-08-09T10:00'))).toMatchObject({
      status: 'closed',
    });
  });

  it('gives the closing time of a 24-hour service that closes on Fridays', () => {
    const weekdays: WeeklyInterval[] = [
      { byday: 'SA,SU,MO,TU,WE,TH', opens_at: '00:00', closes_at: '24:00' },
    ];
    expect(iso(openingState(weekdays, [], tehran('2024-08-06T12:00')))).toEqual({
      status: 'open',
      closesAt: '2024-08-08T20:30:00.000Z', // Friday 00:00 Tehran
      closingSoon: false,
    });
  });

  it('gives the closing time of a 24/7 service with a dated closure ahead', () => {
    const allDay: WeeklyInterval[] = [
      { byday: weekOrder.join(','), opens_at: '00:00', closes_at: '24:00' },
    ];
    const closures: DatedClosure[] = [{ date: '2024-08-10' }];
    expect(iso(openingState(allDay, closures, tehran('2024-08-07T12:00')))).toEqual({
      status: 'open',
      closesAt: '2024-08-09T20:30:00.000Z', // Saturday 00:00 Tehran
      closingSoon: false,
    });
    expect(iso(openingState(allDay, closures, tehran('2024-08-10T12:00')))).toEqual(
      closedUntil('2024-08-10T20:30:00.000Z', 'closure'),
    );
  });
});

describe('openingState: dated closures and special hours', () => {
  it('is closed all day on a holiday, with the next regular opening', () => {
    const holiday: DatedClosure[] = [{ date: '2024-08-07' }];
    expect(iso(openingState(office, holiday, tehran('2024-08-07T10:00')))).toEqual(
      closedUntil('2024-08-08T04:30:00.000Z', 'closure'),
    );
    // The holiday does not affect the day before.
    expect(openingState(office, holiday, tehran('2024-08-06T10:00'))).toMatchObject({
      status: 'open',
    });
    // From the day before, the next opening skips the holiday.
    expect(iso(openingState(office, holiday, tehran('2024-08-06T15:00'))).opensAt).toBe(
      '2024-08-08T04:30:00.000Z',
    );
  });

  it('skips closures on both sides of the weekend when looking for the next opening', () => {
    const closures: DatedClosure[] = [{ date: '2024-08-08' }, { date: '2024-08-10' }];
    expect(iso(openingState(office, closures, tehran('2024-08-07T14:00')))).toEqual({
      status: 'closed',
      opensAt: '2024-08-11T04:30:00.000Z', // Sunday 08:00
      reason: 'outside-hours',
    });
  });

  it('uses special hours instead of the weekly ones', () => {
    const special: DatedClosure[] = [{ date: '2024-08-07', opens_at: '09:00', closes_at: '11:00' }];
    expect(iso(openingState(office, special, tehran('2024-08-07T08:30')))).toEqual(
      closedUntil('2024-08-07T05:30:00.000Z', 'special-hours'),
    );
    expect(iso(openingState(office, special, tehran('2024-08-07T10:30')))).toEqual(
      openUntil('2024-08-07T07:30:00.000Z', true),
    );
    expect(iso(openingState(office, special, tehran('2024-08-07T12:00')))).toEqual(
      closedUntil('2024-08-08T04:30:00.000Z', 'special-hours'),
    );
  });

  it('opens on a normally closed Friday with special hours', () => {
    const special: DatedClosure[] = [{ date: '2024-08-09', opens_at: '10:00', closes_at: '12:00' }];
    expect(iso(openingState(office, special, tehran('2024-08-08T15:00'))).opensAt).toBe(
      '2024-08-09T06:30:00.000Z',
    );
  });

  it('supports split special hours with several entries for one date', () => {
    const special: DatedClosure[] = [
      { date: '2024-08-07', opens_at: '08:00', closes_at: '10:00' },
      { date: '2024-08-07', opens_at: '11:00', closes_at: '12:00' },
    ];
    expect(iso(openingState(office, special, tehran('2024-08-07T10:30')))).toEqual(
      closedUntil('2024-08-07T07:30:00.000Z', 'special-hours'),
    );
  });

  it('lets an all-day closure win over special hours on the same date', () => {
    const mixed: DatedClosure[] = [
      { date: '2024-08-07', opens_at: '09:00', closes_at: '11:00' },
      { date: '2024-08-07' },
    ];
    expect(openingState(office, mixed, tehran('2024-08-07T10:00'))).toMatchObject({
      status: 'closed',
      reason: 'closure',
    });
  });

  it('treats special hours with only one time as a closure (never a wrong "open")', () => {
    const half: DatedClosure[] = [{ date: '2024-08-07', opens_at: '09:00' }];
    expect(openingState(office, half, tehran('2024-08-07T10:00'))).toMatchObject({
      status: 'closed',
      reason: 'closure',
    });
  });

  it('ignores closures with malformed dates', () => {
    const bad: DatedClosure[] = [{ date: '1403-05-17x' }, { date: '7/8/2024' }];
    expect(openingState(office, bad, tehran('2024-08-07T10:00'))).toMatchObject({ status: 'open' });
  });
});

describe('openingState: seasonal validity', () => {
  const seasonal: WeeklyInterval[] = [
    {
      byday: 'SA,SU,MO,TU,WE',
      opens_at: '07:00',
      closes_at: '13:00',
      valid_from: '2024-06-21',
      valid_to: '2024-09-22',
    },
    { byday: 'SA,SU,MO,TU,WE', opens_at: '08:00', closes_at: '14:00', valid_from: '2024-09-23' },
  ];

  it('uses summer hours up to and including valid_to', () => {
    // Sunday 22 September 2024 (last summer day): closed at 13:30, next opening Monday 08:00.
    expect(iso(openingState(seasonal, [], tehran('2024-09-22T13:30')))).toEqual(
      closedUntil('2024-09-23T04:30:00.000Z'),
    );
    expect(openingState(seasonal, [], tehran('2024-09-22T07:30'))).toMatchObject({
      status: 'open',
    });
  });

  it('uses winter hours from valid_from', () => {
    expect(iso(openingState(seasonal, [], tehran('2024-09-23T13:30')))).toEqual(
      openUntil('2024-09-23T10:30:00.000Z', true),
    );
    expect(openingState(seasonal, [], tehran('2024-09-23T07:30'))).toMatchObject({
      status: 'closed',
    });
  });

  it('has no next opening when every interval has expired', () => {
    const expired: WeeklyInterval[] = [
      { byday: 'SA', opens_at: '08:00', closes_at: '14:00', valid_to: '2024-01-01' },
    ];
    expect(openingState(expired, [], tehran('2024-08-07T10:00'))).toEqual({
      status: 'closed',
      reason: 'outside-hours',
    });
  });

  it('finds an opening up to the horizon and not beyond it', () => {
    const later: WeeklyInterval[] = [
      { byday: 'SA', opens_at: '08:00', closes_at: '14:00', valid_from: '2024-08-17' },
    ];
    expect(iso(openingState(later, [], tehran('2024-08-07T10:00'))).opensAt).toBe(
      '2024-08-17T04:30:00.000Z',
    );
    expect(openingState(later, [], tehran('2024-08-07T10:00'), { horizonDays: 5 })).toEqual({
      status: 'closed',
      reason: 'outside-hours',
    });
  });
});

describe('openingState: bad input', () => {
  it('is unknown without a weekly schedule', () => {
    expect(openingState([], [], tehran('2024-08-07T10:00'))).toEqual({ status: 'unknown' });
    expect(openingState([], [{ date: '2024-08-07' }], tehran('2024-08-07T10:00'))).toEqual({
      status: 'unknown',
    });
  });

  it('is unknown when every entry is unusable', () => {
    const broken: WeeklyInterval[] = [
      { byday: 'XX', opens_at: '08:00', closes_at: '14:00' },
      { byday: 'SA', opens_at: '8am', closes_at: '14:00' },
      { byday: 'SA', opens_at: '08:00', closes_at: '25:00' },
      { byday: 'SA', opens_at: '24:00', closes_at: '02:00' },
      { byday: '', opens_at: '08:00', closes_at: '14:00' },
    ];
    expect(openingState(broken, [], tehran('2024-08-07T10:00'))).toEqual({ status: 'unknown' });
  });

  it('is unknown for an invalid Date', () => {
    expect(openingState(office, [], new Date(Number.NaN))).toEqual({ status: 'unknown' });
  });

  it('skips unusable entries and keeps the good ones', () => {
    const mixed: WeeklyInterval[] = [
      ...office,
      { byday: 'FR', opens_at: 'noon', closes_at: '14:00' },
    ];
    expect(openingState(mixed, [], tehran('2024-08-09T12:00'))).toMatchObject({ status: 'closed' });
    expect(openingState(mixed, [], tehran('2024-08-07T12:00'))).toMatchObject({ status: 'open' });
  });

  it('accepts lower-case day codes, spaces and Persian digits', () => {
    const loose: WeeklyInterval[] = [{ byday: ' we , th', opens_at: '۰۸:۰۰', closes_at: '۱۴:۰۰' }];
    expect(iso(openingState(loose, [], tehran('2024-08-07T13:00')))).toMatchObject({
      status: 'open',
      closesAt: '2024-08-07T10:30:00.000Z',
    });
  });
});

describe('weeklyHours and weekSchedule', () => {
  it('lists a typical week from Saturday to Friday with sorted intervals', () => {
    const schedules: WeeklyInterval[] = [
      { byday: 'SA,WE', opens_at: '16:00', closes_at: '19:00' },
      { byday: 'SA,SU,MO,TU,WE', opens_at: '8:00', closes_at: '12:00' },
      { byday: 'TH', opens_at: '08:00', closes_at: '12:00' },
    ];
    expect(weeklyHours(schedules)).toEqual([
      {
        weekday: 'SA',
        intervals: [
          { opens: '08:00', closes: '12:00' },
          { opens: '16:00', closes: '19:00' },
        ],
      },
      { weekday: 'SU', intervals: [{ opens: '08:00', closes: '12:00' }] },
      { weekday: 'MO', intervals: [{ opens: '08:00', closes: '12:00' }] },
      { weekday: 'TU', intervals: [{ opens: '08:00', closes: '12:00' }] },
      {
        weekday: 'WE',
        intervals: [
          { opens: '08:00', closes: '12:00' },
          { opens: '16:00', closes: '19:00' },
        ],
      },
      { weekday: 'TH', intervals: [{ opens: '08:00', closes: '12:00' }] },
      { weekday: 'FR', intervals: [] },
    ]);
  });

  it('lists the actual Iranian week around a date with closures and special hours', () => {
    const closures: DatedClosure[] = [
      { date: '2024-08-06' },
      { date: '2024-08-08', opens_at: '09:00', closes_at: '11:00' },
    ];
    // Wednesday 7 August 2024: the week is Saturday 3 to Friday 9 August.
    const week = weekSchedule(office, closures, tehran('2024-08-07T10:00'));
    expect(week.map((d) => d.date)).toEqual([
      '2024-08-03',
      '2024-08-04',
      '2024-08-05',
      '2024-08-06',
      '2024-08-07',
      '2024-08-08',
      '2024-08-09',
    ]);
    expect(week.map((d) => d.weekday)).toEqual(weekOrder);
    expect(week[0]).toEqual({
      weekday: 'SA',
      date: '2024-08-03',
      intervals: [{ opens: '08:00', closes: '14:00' }],
    });
    expect(week[3]).toEqual({
      weekday: 'TU',
      date: '2024-08-06',
      intervals: [],
      exception: 'closed',
    });
    expect(week[5]).toEqual({
      weekday: 'TH',
      date: '2024-08-08',
      intervals: [{ opens: '09:00', closes: '11:00' }],
      exception: 'special',
    });
    expect(week[6]).toEqual({ weekday: 'FR', date: '2024-08-09', intervals: [] });
  });

  it('starts the week on Saturday even when now is Friday night in Tehran but Friday afternoon in UTC', () => {
    process.env.TZ = 'America/Los_Angeles';
    const week = weekSchedule(office, [], tehran('2024-08-09T23:30'));
    expect(week[0]?.date).toBe('2024-08-03');
    const saturday = weekSchedule(office, [], tehran('2024-08-10T00:30'));
    expect(saturday[0]?.date).toBe('2024-08-10');
  });

  it('applies valid_from/valid_to to the actual week', () => {
    const seasonal: WeeklyInterval[] = [
      { byday: 'SA,SU,MO,TU,WE', opens_at: '07:00', closes_at: '13:00', valid_to: '2024-09-22' },
      { byday: 'SA,SU,MO,TU,WE', opens_at: '08:00', closes_at: '14:00', valid_from: '2024-09-23' },
    ];
    const week = weekSchedule(seasonal, [], tehran('2024-09-22T10:00'));
    expect(week.map((d) => d.intervals[0]?.opens)).toEqual([
      '07:00',
      '07:00',
      '08:00',
      '08:00',
      '08:00',
      undefined,
      undefined,
    ]);
  });

  it('returns an empty list for an invalid Date', () => {
    expect(weekSchedule(office, [], new Date(Number.NaN))).toEqual([]);
  });
});
