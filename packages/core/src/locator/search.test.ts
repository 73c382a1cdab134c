import { describe, expect, it } from 'vitest';
import { buildLocatorData } from './build.ts';
import { parseIndex, parseNames, parsePlaces } from './read.ts';
import { matchRank, planNameSearch, searchNames, searchPlaces, suggestPlaces } from './search.ts';
import { base } from './test-helpers.ts';

const kerman = (id: string, fa: string, en: string) => ({
  province: 'kerman' as const,
  county: { id, name: { fa, en } },
});

const bases = [
  base('isfahan-hesseh', 32.7, 51.69, {
    name: { fa: 'پایگاه خدمات اجتماعی حصه', en: 'Hesseh social services base' },
    neighbourhood: { fa: 'حصه', en: 'Hesseh' },
  }),
  base('isfahan-arzanan', 32.69, 51.715, {
    name: { fa: 'مرکز مشاوره‌ی ارزنان ۲', en: 'Arzanan counselling centre 2' },
    neighbourhood: { fa: 'ارزنان', en: 'Arzanan' },
  }),
  base('kerman-qaleh-ganj', 27.52, 57.88, {
    name: { fa: 'پایگاه‌های خدمات قلعه‌گنج', en: 'Qaleh Ganj services base' },
    ...kerman('qaleh-ganj', 'قلعه‌گنج', 'Qaleh Ganj'),
  }),
  base('kerman-kuhbanan', 31.41, 56.28, {
    name: { fa: 'پایگاه کوهبنان', en: 'Kuhbanan base' },
    ...kerman('kuhbanan', 'کوهبنان', 'Kuhbanan'),
  }),
];
const out = buildLocatorData(bases, { generated: '2026-11-23' });
const index = parseIndex(JSON.parse(out.files.get('index.json') ?? ''));
const places = parsePlaces(JSON.parse(out.files.get('places.json') ?? ''));
const names = ['isfahan', 'kerman'].flatMap((p) =>
  parseNames(JSON.parse(out.files.get(`provinces/${p}/names.json`) ?? '')),
);
const ids = (query: string) => searchNames(names, query).map((m) => m.entry.id);

describe('searchNames', () => {
  it('matches Arabic letters, ZWNJ, spaces and any digit set', () => {
    expect(ids('پايگاه هاي خدمات')).toEqual(['kerman-qaleh-ganj']); // Arabic yeh, space for ZWNJ
    expect(ids('پایگاههای')).toEqual(['kerman-qaleh-ganj']); // no joiner at all
    expect(ids('قلعه گنج')).toEqual(['kerman-qaleh-ganj']);
    expect(ids('كوهبنان')).toEqual(['kerman-kuhbanan']); // Arabic kaf
    expect(ids('ارزنان 2')).toEqual(['isfahan-arzanan']);
    expect(ids('ارزنان ٢')).toEqual(['isfahan-arzanan']); // Arabic-Indic digit
    expect(ids('مشاوره ی')).toEqual(['isfahan-arzanan']);
    expect(ids('حَصّه')).toEqual(['isfahan-hesseh']); // harakat and shadda
    expect(ids('HESSEH')).toEqual(['isfahan-hesseh']);
  });

  it('ranks the start of a name before the middle, then by distance when near is given', () => {
    // All three start with the query: same rank, then Persian alphabetical order (خ before ک).
    expect(ids('پایگاه')).toEqual(['isfahan-hesseh', 'kerman-kuhbanan', 'kerman-qaleh-ganj']);
    expect(searchNames(names, 'خدمات').map((m) => m.rank)).toEqual([2, 2]);
    const near = searchNames(names, 'پایگاه', { near: { lat: 27.5, lng: 57.9 } });
    expect(near.map((m) => m.entry.id)[0]).toBe('kerman-qaleh-ganj');
    expect(near[0]?.distanceKm).toBeLessThan(5);
  });

  it('finds nothing for an empty query and honours the limit', () => {
    expect(ids('  ')).toEqual([]);
    expect(searchNames(names, 'ا', { limit: 2 })).toHaveLength(2);
  });
});

describe('searchPlaces', () => {
  it('finds neighbourhoods, counties and provinces in either language', () => {
    const hesseh = searchPlaces(places, 'حصّه');
    expect(hesseh[0]).toMatchObject({
      kind: 'neighbourhood',
      province: 'isfahan',
      county: 'isfahan',
    });
    expect(hesseh[0]?.center).toEqual({ lat: 32.7, lng: 51.69 });
    expect(searchPlaces(places, 'قلعه گنج')[0]).toMatchObject({
      kind: 'county',
      county: 'qaleh-ganj',
    });
    expect(searchPlaces(places, 'qaleh')[0]).toMatchObject({
      kind: 'county',
      county: 'qaleh-ganj',
    });
    const province = searchPlaces(places, 'كرمان');
    expect(province.map((m) => m.kind)).toContain('province');
    expect(province.find((m) => m.kind === 'province')?.count).toBe(2);
  });

  it('puts an exact name before a longer one', () => {
    expect(matchRank({ fa: 'اصفهان' }, 'اصفهان')).toBe(0);
    expect(matchRank({ fa: 'اصفهان شمالی' }, 'اصفهان')).toBe(1);
    expect(matchRank({ fa: 'شمال اصفهان' }, 'اصفهان')).toBe(2);
    expect(matchRank({ fa: 'شمالاصفهان' }, 'اصفهان')).toBe(3);
    expect(matchRank({ fa: 'یزد' }, 'اصفهان')).toBeUndefined();
  });
});

describe('suggestPlaces', () => {
  it('offers the closest place names when nothing matched', () => {
    expect(searchPlaces(places, 'کرمن')).toEqual([]);
    expect(suggestPlaces(places, 'کرمن').map((m) => m.name.fa)).toEqual(['کرمان']);
    expect(suggestPlaces(places, 'حسه').map((m) => m.name.fa)).toEqual(['حصه']); // ص/س sound alike
    expect(suggestPlaces(places, 'Kuhbanon').map((m) => m.county)).toEqual(['kuhbanan']);
    expect(suggestPlaces(places, 'زرافه')).toEqual([]);
  });
});

describe('name files', () => {
  it('plans names files for the provinces asked, or all', () => {
    expect(planNameSearch(index, ['kerman', 'tehran'])).toEqual(['kerman']);
    expect(planNameSearch(index)).toEqual(['isfahan', 'kerman']);
  });
});
