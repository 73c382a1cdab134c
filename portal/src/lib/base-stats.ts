import { type ProvinceId, provinces } from '@behzisti/core/provinces';
import type { Locale } from '../i18n/ui.ts';

// The open-data page's statistics: how many service bases each province has in the published
// data. Pure, so the chart (components/BasesChart.astro) stays markup and this is unit-tested.

export interface ProvinceCount {
  id: ProvinceId;
  name: string;
  count: number;
  /** The bar's length: this count as a share of the largest, 0–100. */
  percent: number;
}

/**
 * Provinces with bases, most first (equal counts in the locale's alphabetical order), and the
 * provinces the data has none for yet, alphabetically: every one of the 31 is in one list.
 */
export function basesPerProvince(
  bases: readonly { province: string }[],
  locale: Locale,
): { counted: ProvinceCount[]; none: { id: ProvinceId; name: string }[] } {
  const counts = new Map<string, number>();
  for (const base of bases) counts.set(base.province, (counts.get(base.province) ?? 0) + 1);
  const most = Math.max(1, ...counts.values());
  const compare = new Intl.Collator(locale === 'fa' ? 'fa' : 'en').compare;
  const named = provinces
    .map((province) => ({
      id: province.id,
      name: province.name[locale],
      count: counts.get(province.id) ?? 0,
    }))
    .sort((a, b) => compare(a.name, b.name));
  return {
    counted: named
      .filter((province) => province.count > 0)
      .map((province) => ({ ...province, percent: (province.count / most) * 100 }))
      .sort((a, b) => b.count - a.count),
    none: named.filter((province) => province.count === 0).map(({ id, name }) => ({ id, name })),
  };
}
