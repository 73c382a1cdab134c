import { locatorIndexDataPath } from './paths.ts';

/**
 * The first data `<bz-service-locator>` asks for, at the address it asks for it, so the preload
 * declared in the page's head (Base.astro's `preloadData`) is the response the widget uses. Only
 * the index: it lists the provinces (names, counts, centres) and the chunks, which is all the
 * first screen shows; what comes next depends on the citizen (their position, the province they
 * choose) and is read then, one province's files in the page's language (docs/data.md).
 */
export function locatorFirstData(): string[] {
  return [locatorIndexDataPath];
}
