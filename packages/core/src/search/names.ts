// Matching short names (places, bases, programmes) against what someone typed: the one matcher
// behind the locator's place and name search, the portal's place links on the search page and
// its "closest place names" when nothing matched.
import { normalizeForSearch, searchKey } from '../text.ts';
import { allowedDistance, persianDistance } from './distance.ts';
import { queryTerms } from './words.ts';

/** How well a name matched: 0 whole name, 1 start of the name, 2 start of a word, 3 inside. */
export type MatchRank = 0 | 1 | 2 | 3;

/** A name's keys: whole (searchKey) and each word's. */
interface NameKeys {
  whole: string;
  words: string[];
}

// Names are matched again and again (every keystroke); their keys are computed once per string.
const keyCache = new Map<string, NameKeys>();

function keysOf(name: string): NameKeys {
  let keys = keyCache.get(name);
  if (!keys) {
    keys = { whole: searchKey(name), words: normalizeForSearch(name).split(' ').map(searchKey) };
    if (keyCache.size >= 50_000) keyCache.clear();
    keyCache.set(name, keys);
  }
  return keys;
}

function rankKey(names: readonly string[], key: string): MatchRank | undefined {
  let best: MatchRank | undefined;
  for (const name of names) {
    const { whole, words } = keysOf(name);
    const at = whole.indexOf(key);
    if (at < 0) continue;
    let rank: MatchRank = 3;
    if (whole === key) rank = 0;
    else if (at === 0) rank = 1;
    else if (words.some((word) => word.startsWith(key))) rank = 2;
    if (best === undefined || rank < best) best = rank;
  }
  return best;
}

/** The key of what someone typed, for {@link rankName}: spelling variants folded, spaces dropped. */
export const queryKey = (query: string): string => searchKey(query);

/**
 * The best rank of the query in any of `names` (e.g. a place's Persian and English names), or
 * undefined when none holds it. Letters, digits, ZWNJ and spaces fold (searchKey); when the query
 * as typed is not found, its stems are tried («کرمانی» finds «کرمان», «پایگاهها» «پایگاه …»), one
 * rank lower than the same match as typed.
 */
export function rankName(names: readonly string[], query: string): MatchRank | undefined {
  const key = queryKey(query);
  if (key === '') return undefined;
  const rank = rankKey(names, key);
  if (rank !== undefined) return rank;
  const stems = queryTerms(query).join('');
  if (stems === '' || stems === key) return undefined;
  // Found only through its stems: after every name that holds the query as typed.
  const stemRank = rankKey(names, stems);
  return stemRank === undefined ? undefined : (Math.min(3, stemRank + 1) as MatchRank);
}

/** The smallest Persian-aware distance from the query to a name or to one of its words. */
export function nameDistance(names: readonly string[], query: string): number {
  const key = queryKey(query);
  const max = allowedDistance(key);
  let best = Number.POSITIVE_INFINITY;
  for (const name of names) {
    const { whole, words } = keysOf(name);
    for (const candidate of [whole, ...words]) {
      best = Math.min(best, persianDistance(key, candidate, Math.min(best, max)));
    }
  }
  return best;
}

/**
 * Items whose names come closest to the query when none matched it: within the distance the
 * query's length allows, closest first (ties keep the items' order), at most `limit`.
 */
export function closestNames<T>(
  items: readonly T[],
  namesOf: (item: T) => readonly string[],
  query: string,
  limit = 3,
): T[] {
  if (queryKey(query) === '') return [];
  return items
    .map((item, order) => ({ item, order, distance: nameDistance(namesOf(item), query) }))
    .filter((entry) => Number.isFinite(entry.distance))
    .sort((a, b) => a.distance - b.distance || a.order - b.order)
    .slice(0, Math.max(0, limit))
    .map((entry) => entry.item);
}
