import { msg, str } from '@lit/localize';
import { html } from 'lit';

// A widget's add-on: a part of it loaded after its first screen (the locator's answer, the
// checker's results), so the widget's own script stays small. Vite splits `import('./x.ts')` into
// a chunk of its own; the self-contained script build turns it into a sibling file that borrows
// the widget script's Lit and translations (scripts/bundle.mjs, `borrowLit`).

/**
 * Lends what an add-on borrows when the two are built apart: Lit's template tag and this
 * script's translations, under `Symbol.for('<tag>.lit')`, rather than a second copy of each.
 * `msg` is called through, as localization replaces it once configured; typed as a plain function
 * here, because lit-localize's extractor takes every call of a `msg`-typed function for a message
 * and wants its text literal.
 */
export function lendLit(tag: string): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for(`${tag}.lit`)] ??= {
    html,
    msg: (...args: unknown[]) => (msg as unknown as (...args: unknown[]) => unknown)(...args),
    str,
  };
}

/** An add-on module, loaded once for every element of the page. */
export interface AddOn<T> {
  /** The module, once it is in. */
  readonly module: T | undefined;
  /** Loads it (once); a failed load is forgotten, so the next call asks again. */
  load(): Promise<T>;
}

/** The add-on that `load` imports (`() => import('./x.ts')`). */
export function addOn<T>(load: () => Promise<T>): AddOn<T> {
  let loading: Promise<T> | undefined;
  const addOn: { module: T | undefined; load(): Promise<T> } = {
    module: undefined,
    load: () =>
      (loading ??= load().then(
        (module) => {
          addOn.module = module;
          return module;
        },
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      )),
  };
  return addOn;
}
