// The locator's text search, loaded only when someone searches: the widget imports it with
// `import('./search.ts')`, which Vite splits into a chunk of its own and the self-contained
// script build turns into the sibling `bz-service-locator-search.js` (scripts/bundle.mjs), so
// core's Persian name matching and edit distance never weigh on the first answer. What it found
// is drawn by its own template (matches.template.ts), which borrows the widget script's Lit and
// translations in the self-contained build, as the answer add-on does.
// Keep it free of the element's mangled property names (the two scripts are built apart): it
// gets what it needs as arguments.
import type { LatLng } from '@behzisti/core/geo';
import {
  type LocatorIndex,
  type LocatorPlaces,
  namesUrl,
  parseNames,
  planNameSearch,
  searchNames,
  searchPlaces,
  suggestPlaces,
} from '@behzisti/core/locator';
import type { Matches } from './types.ts';

export { matchesSaid, matchesTemplate } from './search/matches.template.ts';

/** Reads one data file once (LocatorData's `file`): its URL and how to parse it. */
export type ReadFile = <T>(url: string, parse: (json: unknown) => T) => Promise<T>;

/** Up to this many bases, a name search with no province loads every province's names file. */
const SEARCH_ALL_NAMES_UP_TO = 2000;

/**
 * Places and base names that match `text`: places first (from places.json), then base names
 * from the names files of the chosen province, of the provinces of the matching places, or of
 * every province while the dataset is small; nearest first when a position is known.
 */
export async function findMatches(
  read: ReadFile,
  index: LocatorIndex,
  indexUrl: string,
  places: LocatorPlaces,
  text: string,
  chosenProvince: string,
  near: LatLng | undefined,
): Promise<Matches> {
  const placeMatches = searchPlaces(places, text, 8);
  let provinces = chosenProvince
    ? [chosenProvince]
    : [...new Set(placeMatches.map((match) => match.province))];
  let needProvince = false;
  if (provinces.length === 0) {
    if (index.count <= SEARCH_ALL_NAMES_UP_TO) provinces = planNameSearch(index);
    else needProvince = true;
  }
  const wanted = needProvince ? [] : planNameSearch(index, provinces);
  const lists = await Promise.all(
    wanted.map((province) => read(namesUrl(index, indexUrl, province), parseNames)),
  );
  const names = searchNames(lists.flat(), text, near ? { limit: 8, near } : { limit: 8 });
  const none = placeMatches.length === 0 && names.length === 0;
  return {
    text,
    places: placeMatches,
    names,
    needProvince: needProvince && names.length === 0,
    // Nothing matched: offer the closest place names (the same Persian matcher as site search).
    suggested: none ? suggestPlaces(places, text, 3) : [],
  };
}
