/**
 * @lit/localize in reentrant runtime mode. The stock runtime mode has one active locale per
 * page, but our widgets each follow their own `lang` (a Persian widget on an English page
 * next to an English one), so msg() asks which element is rendering right now.
 * BzElement sets that around every update; strings are therefore produced only while
 * rendering (handlers store codes, render() turns them into text).
 */
import { configureReentrantLocalization } from '@lit/localize/init/reentrant.js';
import { sourceLocale, targetLocales } from '../generated/locale-codes.ts';
import * as en from '../generated/locales/en.ts';
import type { Locale } from './locale.ts';

const modules = { en } as const satisfies Record<(typeof targetLocales)[number], unknown>;

let renderingLocale: Locale = sourceLocale;

configureReentrantLocalization({
  sourceLocale,
  targetLocales: [...targetLocales],
  getLocale: () => renderingLocale,
  loadLocaleSync: (locale) => modules[locale as keyof typeof modules],
});

/** Runs `fn` with msg() answering in `locale`; nested calls restore the outer locale. */
export function inLocale<T>(locale: Locale, fn: () => T): T {
  const outer = renderingLocale;
  renderingLocale = locale;
  try {
    return fn();
  } finally {
    renderingLocale = outer;
  }
}
