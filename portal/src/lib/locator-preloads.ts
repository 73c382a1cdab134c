import { parseIndex, placesUrl } from '@behzisti/core/locator';
// The locator's published index (written by scripts/publish-locator-data.ts before the build):
// its version is part of the places file's address, which a page with the locator preloads.
import locatorIndex from '../../public/data/locator/index.json';
import { locatorIndexDataPath } from './paths.ts';

/**
 * The first data `<bz-service-locator>` asks for, at the very addresses it asks for them (core's
 * placesUrl adds the data version), so the preloads declared in the page's head (Base.astro's
 * `preloadData`) are the responses the widget uses rather than a second download.
 */
export function locatorFirstData(): string[] {
  const origin = 'http://portal.invalid';
  const places = new URL(placesUrl(parseIndex(locatorIndex), origin + locatorIndexDataPath));
  return [locatorIndexDataPath, places.pathname + places.search];
}
