import { describe, expect, it } from 'vitest';
import {
  exactTerms,
  noResultsHelp,
  orderResults,
  type Place,
  placesInQuery,
} from './search-rank.ts';

const results = [
  { id: 'news-long', score: 10 },
  { id: 'base', score: 4 },
  { id: 'news-phrase', score: 2 },
  { id: 'news-exact', score: 1 },
];
const none = new Set<string>();

describe('orderResults', () => {
  it('keeps Pagefind order without boosts', () => {
    expect(
      orderResults(results, { phrase: none, services: none, exact: none }).map((r) => r.id),
    ).toEqual(['news-long', 'base', 'news-phrase', 'news-exact']);
  });

  it('puts phrase matches first, then the form typed, and boosts base and programme pages', () => {
    const ordered = orderResults(results, {
      phrase: new Set(['news-phrase']),
      services: new Set(['base']),
      exact: new Set(['news-exact']),
    });
    expect(ordered.map((r) => r.id)).toEqual(['news-phrase', 'news-exact', 'base', 'news-long']);
  });
});

const places: Place[] = [
  { names: ['کرمان', 'Kerman'], label: 'کرمان', href: '/directory/kerman/' },
  { names: ['کرمانشاه', 'Kermanshah'], label: 'کرمانشاه', href: '/directory/' },
  { names: ['قلعه‌گنج', 'Qaleh Ganj'], label: 'قلعه‌گنج', href: '/directory/kerman/qaleh-ganj/' },
  { names: ['اصفهان', 'Isfahan'], label: 'اصفهان', href: '/directory/isfahan/' },
];

describe('placesInQuery', () => {
  it('finds the places a query names, in any spelling', () => {
    expect(placesInQuery('پایگاه خدمات اجتماعی قلعه گنج', places).map((p) => p.label)).toEqual([
      'قلعه‌گنج',
    ]);
    expect(placesInQuery('بهزيستي كرمان', places).map((p) => p.label)).toEqual(['کرمان']);
    expect(placesInQuery('Isfahan counselling', places).map((p) => p.label)).toEqual(['اصفهان']);
    expect(placesInQuery('مشاوره', places)).toEqual([]);
  });
});

describe('noResultsHelp', () => {
  const vocabulary = ['پایگاه', 'خدمات', 'مشاوره', 'سکونت', 'گاه', 'سکونتگاه'];

  it('offers the query with the closest indexed words, and compounds joined or split', () => {
    expect(noResultsHelp('بایگاه خدمات', vocabulary, places).queries).toEqual(['پایگاه خدمات']);
    expect(noResultsHelp('سکونت گاه', vocabulary, places).queries).toContain('سکونتگاه');
  });

  it('offers the closest place names', () => {
    expect(noResultsHelp('اسفهان', vocabulary, places).places.map((p) => p.label)).toEqual([
      'اصفهان',
    ]);
  });

  it('offers nothing it cannot back', () => {
    expect(noResultsHelp('زرافه', vocabulary, places)).toEqual({ queries: [], places: [] });
  });
});

describe('exactTerms', () => {
  it('normalizes without stemming', () => {
    expect(exactTerms('پايگاه‌هاي  ١٢٣')).toEqual(['پایگاههای', '123']);
  });
});
