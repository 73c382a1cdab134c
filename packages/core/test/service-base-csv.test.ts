import { describe, expect, it } from 'vitest';
import { parseCompactClosures, parseCompactSchedules } from '../src/cli/compact-hours.ts';
import { formatFromPath, kindFromPath } from '../src/cli/formats.ts';
import {
  checkServiceBaseCsvHeader,
  csvColumnForPath,
  serviceBaseFromCsvRow,
} from '../src/cli/service-base-csv.ts';

describe('compact opening hours', () => {
  it('reads day ranges, day lists and split hours in week order', () => {
    expect(parseCompactSchedules('SA-WE 08:00-14:00; TH 08:00-12:00')).toEqual({
      entries: [
        { byday: 'SA,SU,MO,TU,WE', opens_at: '08:00', closes_at: '14:00' },
        { byday: 'TH', opens_at: '08:00', closes_at: '12:00' },
      ],
      errors: [],
    });
    expect(parseCompactSchedules('mo,sa 8:00-12:00,16:00-19:00').entries).toEqual([
      { byday: 'SA,MO', opens_at: '08:00', closes_at: '12:00' },
      { byday: 'SA,MO', opens_at: '16:00', closes_at: '19:00' },
    ]);
    expect(parseCompactSchedules('TH-SA ۲۲:۰۰-۰۲:۰۰').entries).toEqual([
      { byday: 'SA,TH,FR', opens_at: '22:00', closes_at: '02:00' },
    ]);
  });

  it('explains what it cannot read', () => {
    expect(parseCompactSchedules('SA-XX 08:00-14:00; 08:00-14:00; SA 8-14').errors).toEqual([
      "could not read 'SA-XX 08:00-14:00': unknown day 'XX' (days: SA SU MO TU WE TH FR)",
      "could not read '08:00-14:00': write days then times, e.g. SA-WE 08:00-14:00",
      "could not read 'SA 8-14': '8-14' is not a time range like 08:00-14:00",
    ]);
  });

  it('reads closures with and without special hours', () => {
    expect(parseCompactClosures('2025-03-21; 2025-03-19 07:30-12:00')).toEqual({
      entries: [
        { date: '2025-03-21' },
        { date: '2025-03-19', opens_at: '07:30', closes_at: '12:00' },
      ],
      errors: [],
    });
    expect(parseCompactClosures('2025-03-19 morning').errors).toHaveLength(1);
  });
});

describe('service-base CSV layout', () => {
  it('flags unknown, repeated and missing columns', () => {
    const problems = checkServiceBaseCsvHeader(['id', 'id', 'name_fa', 'latitud']);
    expect(problems.map((problem) => problem.message)).toEqual([
      "column 'id' appears twice",
      "unknown column 'latitud' — check the spelling (did you mean 'latitude'?)",
      "required column 'organization_fa' is missing",
      "required column 'province' is missing",
      "required column 'county' is missing",
      "required column 'county_fa' is missing",
      "required column 'latitude' is missing",
      "required column 'longitude' is missing",
      "required column 'address_fa' is missing",
      "required column 'city_fa' is missing",
    ]);
  });

  it('builds nested records and leaves empty cells out', () => {
    const { record, problems } = serviceBaseFromCsvRow({
      id: 'x',
      sample: 'yes',
      name_fa: 'نام',
      county: 'arak',
      latitude: '۳۴٫۰۹',
      phones: '123; 1480',
      services: 'a; b',
      services_fa: 'الف; ب',
      accessibility_fa: 'ورودی بدون پله',
    });
    expect(problems).toEqual([]);
    expect(record).toEqual({
      id: 'x',
      sample: true,
      name: { fa: 'نام' },
      county: { id: 'arak' },
      location: { latitude: 34.09 },
      phones: [{ number: '123' }, { number: '1480' }],
      services: [
        { id: 'a', name: { fa: 'الف' } },
        { id: 'b', name: { fa: 'ب' } },
      ],
      accessibility: [{ description: { fa: 'ورودی بدون پله' } }],
    });
  });

  it('maps record paths back to the columns people edit', () => {
    expect(csvColumnForPath(['location', 'latitude'])).toBe('latitude');
    expect(csvColumnForPath(['name', 'en'])).toBe('name_en');
    expect(csvColumnForPath(['name'])).toBe('name_fa');
    expect(csvColumnForPath(['county', 'name', 'fa'])).toBe('county_fa');
    expect(csvColumnForPath(['address', 'city'])).toBe('city_fa');
    expect(csvColumnForPath(['phones', 1, 'number'])).toBe('phones[2]');
    expect(csvColumnForPath(['services', 0, 'name', 'en'])).toBe('services_en[1]');
    expect(csvColumnForPath(['schedules', 2, 'opens_at'])).toBe('schedules[3]');
    expect(csvColumnForPath(['organization', 'url'])).toBe('organization_url');
  });
});

describe('format and kind from the path', () => {
  it('knows the extensions and the content folder names', () => {
    expect(formatFromPath('a/b.YML')).toBe('yaml');
    expect(formatFromPath('a/b.txt')).toBeUndefined();
    expect(kindFromPath('portal/src/content/service-bases/isfahan/x.json')).toBe('service-base');
    expect(kindFromPath('portal/src/content/programmes/x.yaml')).toBe('programme');
    expect(kindFromPath('news/2024/x.md')).toBe('news');
    expect(kindFromPath('data/x.json')).toBeUndefined();
    // The file name itself does not count, only folders.
    expect(kindFromPath('data/news.json')).toBeUndefined();
  });
});
