import type { LatLng } from '@behzisti/core/geo';
import {
  type LocatorIndex,
  type LocatorPlaces,
  planNameSearch,
  searchNames,
  searchPlaces,
  suggestPlaces,
} from '@behzisti/core/locator';
import type { LocatorData } from './data.ts';
import type { Matches } from './types.ts';

/** Up to this many bases, a name search with no province loads every province's names file. */
const SEARCH_ALL_NAMES_UP_TO = 2000;

/**
 * Places and base names that match `text`: places first (from places.json), then base names
 * from the names files of the chosen province, of the provinces of the matching places, or of
 * every province while the dataset is small; nearest first when a position is known.
 */
export async function findMatches(
  data: LocatorData,
  index: LocatorIndex,
  lang: string,
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
  const lists = await Promise.all(wanted.map((province) => data.names(index, province, lang)));
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
