import { provinces } from '@behzisti/core/provinces';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { basesPerProvince } from './base-stats.ts';

const ids = provinces.map((province) => province.id);

describe('bases per province', () => {
  it('counts every base once, lists every province once, most first', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...ids), { maxLength: 300 }),
        fc.constantFrom('fa' as const, 'en' as const),
        (chosen, locale) => {
          const { counted, none } = basesPerProvince(
            chosen.map((province) => ({ province })),
            locale,
          );
          expect(counted.reduce((sum, row) => sum + row.count, 0)).toBe(chosen.length);
          expect([...counted, ...none].map((row) => row.id).sort()).toEqual([...ids].sort());
          for (const row of counted) {
            expect(row.count).toBe(chosen.filter((id) => id === row.id).length);
            expect(row.percent).toBeGreaterThan(0);
            expect(row.percent).toBeLessThanOrEqual(100);
          }
          for (let i = 1; i < counted.length; i++) {
            expect(counted[i - 1]?.count).toBeGreaterThanOrEqual(counted[i]?.count ?? 0);
          }
          if (counted.length > 0) expect(counted[0]?.percent).toBe(100);
        },
      ),
    );
  });

  it('orders equal counts and the provinces without bases alphabetically in the locale', () => {
    const { counted, none } = basesPerProvince(
      [
        { province: 'tehran' },
        { province: 'isfahan' },
        { province: 'isfahan' },
        { province: 'ardabil' },
      ],
      'fa',
    );
    expect(counted.map((row) => row.name)).toEqual(['اصفهان', 'اردبیل', 'تهران']);
    expect(counted.map((row) => row.percent)).toEqual([100, 50, 50]);
    expect(none[0]?.name).toBe('آذربایجان شرقی');
    expect(none).toHaveLength(28);
  });
});
