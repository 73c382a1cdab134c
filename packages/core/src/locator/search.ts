// Text search for the locator: provinces, counties and neighbourhoods (places.json, national
// and small) and base names (names/<province>.json, one file per province). Matching uses
// core's Persian name matcher (search/names.ts), so ي/ی, ك/ک, ZWNJ, spaces inside words and
// Persian, Arabic or Latin digits all meet; ranking puts whole-name and prefix matches before
// inner matches. (Inflected queries, rankInflected, would bring the affix list into the widget.)

import { distanceKm, type LatLng } from '../geo.ts';
import type { ProvinceId } from '../provinces.ts';
import type { LocalizedText } from '../schemas/localized-text.ts';
import { closestNames, type MatchRank, rankName } from '../search/names.ts';
import { searchKey } from '../text.ts';
import { countiesCenter } from './center.ts';
import type { LocatorIndex, LocatorPlaces, NameEntry } from './format.ts';

/** How well a name matched: 0 whole name, 1 start of the name, 2 start of a word, 3 inside. */
export type { MatchRank };

/**
 * The best rank of `query` in the Persian or English name, or undefined: core's one Persian
 * name matcher (search/names.ts), shared with the portal's search page.
 */
export function matchRank(names: LocalizedText, query: string): MatchRank | undefined {
  return rankName(names.en === undefined ? [names.fa] : [names.fa, names.en], query);
}

/** A province, county or neighbourhood that matched. */
export interface PlaceMatch {
  kind: 'province' | 'county' | 'neighbourhood';
  province: ProvinceId;
  /** The county id, for counties and neighbourhoods. */
  county?: string;
  name: LocalizedText;
  /** Bases there. */
  count: number;
  /** Mean position of those bases: where "nearest to this place" starts from. */
  center: LatLng;
  rank: MatchRank;
}

const KIND_ORDER = { neighbourhood: 0, county: 1, province: 2 } as const;

const pick = (place: { name: LocalizedText; count: number; center: LatLng }) => ({
  name: place.name,
  count: place.count,
  center: place.center,
});

/**
 * Every province, county and neighbourhood of `places` as a match of rank 3, each county
 * followed by its neighbourhoods. A province without a centre (no counties in the data) is left
 * out. Province names come with the data (places.json), so the widget carries no list of them.
 */
function everyPlace(places: LocatorPlaces): PlaceMatch[] {
  const all: PlaceMatch[] = [];
  for (const province of places.provinces) {
    const at = { province: province.id, rank: 3 } as const;
    const center = countiesCenter(province.counties);
    if (center)
      all.push({ kind: 'province', ...at, name: province.name, count: province.count, center });
    for (const county of province.counties) {
      const inCounty = { ...at, county: county.id };
      all.push({ kind: 'county', ...inCounty, ...pick(county) });
      for (const place of county.neighbourhoods)
        all.push({ kind: 'neighbourhood', ...inCounty, ...pick(place) });
    }
  }
  return all;
}

/**
 * Places whose name contains the query, best first: by rank, then neighbourhood before county
 * before province (the more precise place), then more bases first. An empty query finds nothing.
 */
export function searchPlaces(places: LocatorPlaces, query: string, limit = 10): PlaceMatch[] {
  if (searchKey(query) === '') return [];
  return everyPlace(places)
    .flatMap((place) => {
      const rank = matchRank(place.name, query);
      return rank === undefined ? [] : [{ ...place, rank }];
    })
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        b.count - a.count ||
        a.name.fa.localeCompare(b.name.fa, 'fa'),
    )
    .slice(0, Math.max(0, limit));
}

/**
 * When {@link searchPlaces} finds nothing: the places whose names come closest to the query by
 * core's Persian-aware distance (a dot or a like-sounding letter costs half a slip), closest
 * first, at most `limit`, with rank 3. For «no place matched: did you mean …» — never a verdict
 * on the spelling. Places without bases are suggested too: choosing one shows the nearest bases
 * elsewhere. A province without a centre (no counties in the data) is left out.
 */
export function suggestPlaces(places: LocatorPlaces, query: string, limit = 3): PlaceMatch[] {
  const names = (place: PlaceMatch) =>
    place.name.en ? [place.name.fa, place.name.en] : [place.name.fa];
  return closestNames(everyPlace(places), names, query, limit);
}

/** A base whose name matched. */
export interface NameMatch {
  entry: NameEntry;
  rank: MatchRank;
  /** Distance from `near`, when given. */
  distanceKm?: number;
}

/**
 * Bases whose Persian or English name contains the query, best first: by rank, then nearest
 * to `near` when given, then by name. Pass the entries of the provinces loaded so far.
 */
export function searchNames(
  entries: readonly NameEntry[],
  query: string,
  options: { limit?: number; near?: LatLng } = {},
): NameMatch[] {
  const key = searchKey(query);
  if (key === '') return [];
  const { near, limit = 10 } = options;
  const matches: NameMatch[] = [];
  for (const entry of entries) {
    const rank = matchRank(entry.name, query);
    if (rank === undefined) continue;
    matches.push(
      near ? { entry, rank, distanceKm: distanceKm(near, entry.position) } : { entry, rank },
    );
  }
  return matches
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        (a.distanceKm ?? 0) - (b.distanceKm ?? 0) ||
        a.entry.name.fa.localeCompare(b.entry.name.fa, 'fa') ||
        (a.entry.id < b.entry.id ? -1 : 1),
    )
    .slice(0, Math.max(0, limit));
}

/**
 * Which names files a base-name search needs: the given provinces that have bases, or, with
 * none given, every province (the element should prefer asking for a province first: at
 * national scale all names are far more bytes than one province's).
 */
export function planNameSearch(index: LocatorIndex, provinces?: readonly string[]): ProvinceId[] {
  // Provinces listed without bases (from the gazetteer) have no names file.
  const have = index.provinces.filter((p) => p.count > 0).map((province) => province.id);
  if (!provinces || provinces.length === 0) return have;
  return have.filter((id) => provinces.includes(id));
}
