/**
 * @lit/localize in reentrant runtime mode. The stock runtime mode has one active locale per
 * page, but our widgets each follow their own `lang` (a Persian widget on an English page
 * next to an English one), so msg() asks which element is rendering right now.
 * BzElement sets that around every update; strings are therefore produced only while
 * rendering (handlers store codes, render() turns them into text).
 */
import type { LocaleModule } from '@lit/localize';
import { configureReentrantLocalization } from '@lit/localize/init/reentrant.js';
import { sourceLocale, targetLocales } from '../generated/locale-codes.ts';
import type { Locale } from './locale.ts';

type TargetLocale = (typeof targetLocales)[number];

// LocaleModule are fetched the first time an element renders in that locale, so a Persian page
// (the source locale) never downloads English strings. The self-contained widget scripts turn
// this import into a sibling file beside the script (see scripts/bundle.mjs).
const loaders: Record<TargetLocale, () => Promise<LocaleModule>> = {
  en: () => import('../generated/locales/en.ts'),
};
const loaded = new Map<Locale, LocaleModule>();
const loading = new Map<Locale, Promise<void>>();

let renderingLocale: Locale = sourceLocale;

configureReentrantLocalization({
  sourceLocale,
  targetLocales: [...targetLocales],
  getLocale: () => renderingLocale,
  loadLocaleSync: (locale) => loaded.get(locale as Locale),
});

/**
 * Undefined when msg() can already answer in `locale`; else a promise settled once its
 * translations are loaded. If they cannot be loaded the widget stays usable in Persian.
 */
export function localeLoading(locale: Locale): Promise<void> | undefined {
  if (locale === sourceLocale || loaded.has(locale)) return undefined;
  let promise = loading.get(locale);
  if (!promise) {
    promise = loaders[locale as TargetLocale]().then(
      (translations) => void loaded.set(locale, translations),
      (error: unknown) => console.warn(`bz: the ${locale} translations did not load`, error),
    );
    loading.set(locale, promise);
  }
  return promise;
}

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
