import { describe, expect, it } from 'vitest';
import { placeCrumbs, sortByName } from './place-names';

describe('sortByName', () => {
  it('orders Persian names in Persian alphabetical order, not by their English ids', () => {
    const counties = [
      { id: 'kashan', fa: 'کاشان' },
      { id: 'aran-va-bidgol', fa: 'آران و بیدگل' },
      { id: 'isfahan', fa: 'اصفهان' },
      { id: 'pir-bakran', fa: 'پیربکران' },
      { id: 'chadegan', fa: 'چادگان' },
      { id: 'zarrin-shahr', fa: 'زرین‌شهر' },
      { id: 'golpayegan', fa: 'گلپایگان' },
    ];
    expect(sortByName(counties, (c) => c.fa, 'fa').map((c) => c.fa)).toEqual([
      'آران و بیدگل',
      'اصفهان',
      'پیربکران',
      'چادگان',
      'زرین‌شهر',
      'کاشان',
      'گلپایگان',
    ]);
    expect(counties[0]?.id).toBe('kashan'); // not sorted in place
  });
});

describe('placeCrumbs', () => {
  it('names a county that shares its province’s name as a county, and the province as one', () => {
    expect(placeCrumbs('fa', 'اصفهان', 'اصفهان')).toEqual({
      province: 'استان اصفهان',
      county: 'شهرستان اصفهان',
    });
    expect(placeCrumbs('en', 'Isfahan', 'Isfahan')).toEqual({
      province: 'Isfahan province',
      county: 'Isfahan county',
    });
    expect(placeCrumbs('fa', 'اصفهان', 'کاشان')).toEqual({ province: 'اصفهان', county: 'کاشان' });
  });
});
