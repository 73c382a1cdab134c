import {
  closestNames,
  closestWords,
  compoundVariants,
  queryKey,
  rankName,
  wordSegments,
} from '@behzisti/core/search';

/**
 * The search page's ranking and its help when nothing is found: pure functions over Pagefind's
 * results (src/scripts/search.ts runs the searches), unit-tested here.
 *
 * One ranking (issues 15 and 21): Pagefind scores each page (title and lede weigh more than the
 * body, see search-extract.ts). On top of that, pages that hold the query as a phrase come
 * before pages that hold its words apart, and base and programme pages get a boost so that a
 * query naming a service, a programme or a place lists them before news that mention it.
 */

export interface Scored {
  id: string;
  score: number;
}

/** How much a base or programme page's score is multiplied by. */
export const SERVICE_BOOST = 3;

/** Pages found by the extra searches that reorder the main one. */
export interface Boosts {
  /** Pages holding the query as a phrase. */
  phrase: ReadonlySet<string>;
  /** Base and programme pages. */
  services: ReadonlySet<string>;
  /** Pages holding the words in the form typed («پایگاه‌ها» rather than only «پایگاه»). */
  exact: ReadonlySet<string>;
}

/**
 * Results in display order, in tiers: the query as a phrase in the form typed, as a phrase of
 * its stems, its words in the form typed, the rest; within a tier by score with the service
 * boost; ties keep Pagefind's order. Someone who typed «مددکاران» or «پایگاه‌ها» first sees the
 * pages that wrote that form, then those that wrote the stem («مددکاری», «پایگاه»).
 */
export function orderResults<T extends Scored>(results: readonly T[], boosts: Boosts): T[] {
  return results
    .map((result, order) => ({
      result,
      order,
      tier: (boosts.phrase.has(result.id) ? 2 : 0) + (boosts.exact.has(result.id) ? 1 : 0),
      score: result.score * (boosts.services.has(result.id) ? SERVICE_BOOST : 1),
    }))
    .sort((a, b) => b.tier - a.tier || b.score - a.score || a.order - b.order)
    .map((entry) => entry.result);
}

/** The query's words as typed, normalized but not stemmed: the exact-form search. */
export function exactTerms(query: string): string[] {
  return query
    .split(/[^\S\uFEFF]+/u)
    .map((word) => wordSegments(word).join(''))
    .filter((word) => word !== '');
}

/** A place the directory has a page for. */
export interface Place {
  /** Names in Persian and English. */
  names: string[];
  /** The name to show, in the page's language. */
  label: string;
  href: string;
}

/**
 * Places the query names: every run of one to three words of the query that is a place's whole
 * name (in any spelling core's matcher folds, or an inflected form of it), longest runs first.
 * «پایگاه خدمات اجتماعی قلعه گنج» names Qaleh Ganj; «کرمانی» names Kerman.
 */
export function placesInQuery(query: string, places: readonly Place[], limit = 3): Place[] {
  const words = query.split(/\s+/u).filter((word) => queryKey(word) !== '');
  const found: Place[] = [];
  for (const size of [3, 2, 1]) {
    for (let start = 0; start + size <= words.length; start++) {
      const run = words.slice(start, start + size).join(' ');
      if ([...queryKey(run)].length < 3) continue;
      for (const place of places) {
        const rank = rankName(place.names, run);
        if (
          rank !== undefined &&
          rank <= 1 &&
          queryKey(place.names[0] ?? '').length <= queryKey(run).length + 1
        ) {
          if (!found.includes(place)) found.push(place);
        }
      }
    }
  }
  return found.slice(0, limit);
}

export interface Help {
  /** Other queries to try: the query with its closest indexed words, and with compounds joined or split. */
  queries: string[];
  /** Places whose names come closest to a word of the query. */
  places: Place[];
}

/**
 * What to offer when nothing was found: the query with each word replaced by the closest word
 * the index holds (Persian-aware distance), the query with its compounds joined or split, and
 * the places whose names are closest to one of its words. Never a verdict on the spelling.
 */
export function noResultsHelp(
  query: string,
  vocabulary: readonly string[],
  places: readonly Place[],
  limit = 4,
): Help {
  const words = query.split(/\s+/u).filter((word) => queryKey(word) !== '');
  const queries: string[] = [];
  const known = new Set(vocabulary);
  queries.push(...compoundVariants(query, known));
  words.forEach((word, i) => {
    if (known.has(queryKey(word))) return;
    for (const suggestion of closestWords(word, vocabulary, 2)) {
      queries.push([...words.slice(0, i), suggestion.word, ...words.slice(i + 1)].join(' '));
    }
  });
  const nearPlaces: Place[] = [];
  for (const word of words) {
    for (const place of closestNames(places, (p) => p.names, word, 2)) {
      if (!nearPlaces.includes(place)) nearPlaces.push(place);
    }
  }
  return {
    queries: [...new Set(queries)]
      .filter((q) => exactTerms(q).join(' ') !== exactTerms(query).join(' '))
      .slice(0, limit),
    places: nearPlaces.slice(0, 3),
  };
}
