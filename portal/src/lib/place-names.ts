// Lists and labels of place names as a reader of the page's language expects them.
import { format, type Locale } from '../i18n/ui';

/** Compares names in the alphabetical order of `locale` (Persian order in fa, not code points). */
export function nameOrder(locale: Locale): (a: string, b: string) => number {
  return new Intl.Collator(locale).compare;
}

/** `items` sorted by the name `nameOf` gives, in the order of `locale`; the input is left alone. */
export function sortByName<T>(
  items: readonly T[],
  nameOf: (item: T) => string,
  locale: Locale,
): T[] {
  const compare = nameOrder(locale);
  return [...items].sort((a, b) => compare(nameOf(a), nameOf(b)));
}

/**
 * The province and county labels of a breadcrumb. Many counties share their province's name
 * (Isfahan in Isfahan): then both say what they are («استان اصفهان ‹ شهرستان اصفهان»)
 * instead of one name twice.
 */
export function placeCrumbs(
  locale: Locale,
  province: string,
  county: string,
): { province: string; county: string } {
  if (province.trim() !== county.trim()) return { province, county };
  return {
    province: format(locale, 'directory.provinceCrumb', { name: province }),
    county: format(locale, 'directory.countyCrumb', { name: county }),
  };
}
