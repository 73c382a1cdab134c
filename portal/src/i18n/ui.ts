/**
 * The portal's one way to show text: `t()` and `format()` over one file per locale — fa.ts (the
 * source) and en.ts (a full translation, checked key for key by its type). `{name}` placeholders
 * are filled by `format()`; numbers passed to it are written in the locale's digits. Client
 * scripts get the strings they need from the page (`stringsWithPrefix`), never a copy of their
 * own. (The widgets are localised by @lit/localize in packages/elements; the news editor's own
 * interface text, Decap's, by src/cms/decap-fa.ts in Decap's format.)
 */
import { toLocaleDigits } from '@behzisti/core/text';
import { en } from './en.ts';
import { fa, type Key } from './fa.ts';

export type { Key };

export const locales = ['fa', 'en'] as const;
export type Locale = (typeof locales)[number];

const strings: Record<Locale, Record<Key, string>> = { fa, en };

export function t(locale: Locale, key: Key): string {
  return strings[locale][key];
}

/** `t()` with `{name}` placeholders filled; numbers are written in the locale's digits. */
export function format(locale: Locale, key: Key, values: Record<string, string | number>): string {
  return t(locale, key).replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? toLocaleDigits(value, locale) : value;
  });
}

/**
 * Every string whose key starts with `prefix` (e.g. `staff.`), for a client script that takes
 * its strings from the page (a data attribute) instead of bundling the whole table.
 */
export function stringsWithPrefix(locale: Locale, prefix: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(strings[locale]).filter(([key]) => key.startsWith(prefix)),
  );
}

export const directionOf = (locale: Locale) => (locale === 'fa' ? 'rtl' : 'ltr');

export const otherLocale = (locale: Locale): Locale => (locale === 'fa' ? 'en' : 'fa');

/** The same page in the other locale: fa lives at `/…`, en at `/en/…`. */
export function alternatePath(locale: Locale, path: string): string {
  const bare = path.replace(/^\/en(?=\/|$)/, '') || '/';
  return locale === 'fa' ? `/en${bare === '/' ? '/' : bare}` : bare;
}
