import type { ServiceBase } from '@behzisti/core/schemas';
import { ServiceBaseSchema } from '@behzisti/core/schemas';
import { describe, expect, it } from 'vitest';
import {
  basesForProgramme,
  buildDay,
  groupBases,
  hoursRows,
  mapUrl,
  provinceIndex,
  scheduleNotes,
  upcomingClosures,
  weekdayOfIsoDay,
} from './directory.ts';

function base(id: string, overrides: Record<string, unknown> = {}): ServiceBase {
  return ServiceBaseSchema.parse({
    id,
    name: { fa: `پایگاه ${id}`, en: `Base ${id}` },
    organization: { name: { fa: 'اداره', en: 'Office' } },
    province: 'kerman',
    county: { id: 'kerman', name: { fa: 'کرمان', en: 'Kerman' } },
    location: { latitude: 30.28, longitude: 57.07 },
    address: { address_1: { fa: 'نشانی', en: 'Address' }, city: { fa: 'کرمان', en: 'Kerman' } },
    ...overrides,
  });
}

describe('directory helpers', () => {
  it('groups bases province → county → base, counties and bases by name', () => {
    const bases = [
      base('b', { county: { id: 'rigan', name: { fa: 'ریگان', en: 'Rigan' } } }),
      base('a', {
        province: 'ardabil',
        county: { id: 'khalkhal', name: { fa: 'خلخال', en: 'Khalkhal' } },
      }),
      base('c', { county: { id: 'anbarabad', name: { fa: 'عنبرآباد', en: 'Anbarabad' } } }),
    ];
    const fa = groupBases(bases, 'fa');
    expect(fa.map((group) => group.id)).toEqual(['ardabil', 'kerman']);
    expect(fa[1]?.counties.map((county) => county.id)).toEqual(['rigan', 'anbarabad']);
    const en = groupBases(bases, 'en');
    expect(en[1]?.counties.map((county) => county.id)).toEqual(['anbarabad', 'rigan']);
    const index = provinceIndex(fa, 'fa');
    expect(index).toHaveLength(31);
    expect(index.filter((entry) => entry.group).map((entry) => entry.id)).toEqual([
      'ardabil',
      'kerman',
    ]);
  });

  it('writes the week Saturday first with times in the locale digits', () => {
    const schedules = base('x', {
      schedules: [
        { byday: 'SA,SU,MO,TU,WE', opens_at: '07:30', closes_at: '14:00' },
        {
          byday: 'SA',
          opens_at: '16:00',
          closes_at: '19:00',
          description: { fa: 'با نوبت', en: 'By appointment' },
        },
      ],
    }).schedules;
    const fa = hoursRows(schedules, 'fa');
    expect(fa?.map((row) => row.day)).toEqual([
      'شنبه',
      'یکشنبه',
      'دوشنبه',
      'سه‌شنبه',
      'چهارشنبه',
      'پنجشنبه',
      'جمعه',
    ]);
    expect(fa?.[0]?.hours).toBe('۰۷:۳۰ تا ۱۴:۰۰، ۱۶:۰۰ تا ۱۹:۰۰');
    expect(fa?.[6]).toMatchObject({ hours: 'بسته', closed: true });
    expect(hoursRows(schedules, 'en')?.[1]?.hours).toBe('07:30–14:00');
    expect(scheduleNotes(schedules, 'en')).toEqual(['Saturday, 16:00–19:00: By appointment']);
    expect(hoursRows([], 'fa')).toBeUndefined();
    const allDay = hoursRows([{ byday: 'FR', opens_at: '00:00', closes_at: '24:00' }], 'en');
    expect(allDay?.[6]?.hours).toBe('Open 24 hours');
  });

  it('lists closures from the build day on, with Solar Hijri dates in fa', () => {
    const closures = base('x', {
      closures: [
        { date: '2027-03-21', description: { fa: 'نوروز', en: 'Nowruz' } },
        { date: '2020-01-01' },
        { date: '2027-03-25', opens_at: '08:00', closes_at: '12:00' },
      ],
    }).closures;
    const fa = upcomingClosures(closures, 'fa', '2026-01-01');
    expect(fa.map((row) => row.date)).toEqual(['2027-03-21', '2027-03-25']);
    expect(fa[0]?.label).toBe('یکشنبه ۱ فروردین ۱۴۰۶');
    expect(fa[0]).toMatchObject({ hours: 'تعطیل', description: 'نوروز' });
    expect(upcomingClosures(closures, 'en', '2026-01-01')[1]?.hours).toBe(
      'Special hours: 08:00–12:00',
    );
    expect(weekdayOfIsoDay('2027-03-21')).toBe('SU');
  });

  it('links the map, finds bases of a programme and fixes the build day', () => {
    expect(mapUrl({ latitude: 38.25, longitude: 48.29 })).toBe(
      'https://www.openstreetmap.org/?mlat=38.25&mlon=48.29#map=16/38.25/48.29',
    );
    const offering = base('y', {
      services: [
        { id: 'cbr', name: { fa: 'توانبخشی' }, program_id: 'community-based-rehabilitation' },
      ],
    });
    expect(
      basesForProgramme([base('x'), offering], { id: 'community-based-rehabilitation' }),
    ).toEqual([offering]);
    // 2024-03-19T21:00Z is already 20 March in Tehran (UTC+03:30).
    expect(buildDay({ SOURCE_DATE_EPOCH: String(Date.UTC(2024, 2, 19, 21) / 1000) })).toBe(
      '2024-03-20',
    );
  });
});
