/**
 * Which locale and direction an element renders in. Pure functions; the DOM lookup
 * lives in locale-controller.ts.
 */
import { sourceLocale, targetLocales } from '../generated/locale-codes.ts';

export type Locale = typeof sourceLocale | (typeof targetLocales)[number];
export type Direction = 'rtl' | 'ltr';

const supported: readonly string[] = [sourceLocale, ...targetLocales];
const rtlLocales = new Set(['fa', 'ar', 'ckb', 'ps', 'ur', 'he']);

/**
 * Maps a BCP 47 tag (`fa-IR`, `EN_us`) to a supported locale, or undefined when none
 * matches so the caller can keep looking further up the tree.
 */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return supported.includes(primary) ? (primary as Locale) : undefined;
}

export function directionOf(locale: string): Direction {
  return rtlLocales.has(locale) ? 'rtl' : 'ltr';
}

/** An explicit `dir="rtl|ltr"` wins; `auto`, empty or junk fall back to the locale's direction. */
export function resolveDirection(dirAttribute: string | null, locale: Locale): Direction {
  const dir = dirAttribute?.trim().toLowerCase();
  return dir === 'rtl' || dir === 'ltr' ? dir : directionOf(locale);
}

export { sourceLocale };
