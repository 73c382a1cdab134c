import type { Lexicon } from '@behzisti/core/search';
import { type ExtractedPage, WEIGHT } from './search-extract.ts';
import { indexedText, SERVICE_FILTER } from './search-text.ts';

/**
 * One page as the server-side search (SQLite FTS5, src/lib/search-index.ts) holds it: the
 * same extracted page and the same matcher as the Pagefind records (src/lib/search-text.ts),
 * laid out for FTS5's columns.
 *
 * Every written word goes through core's matcher with the site's lexicon, as for Pagefind, and
 * becomes the tokens Pagefind would have indexed for its hyphenated index word: the whole
 * («سکونتگاههای») and each part («سکونت», «گاه», «های»), in that order. So a query's stem meets
 * the whole as a prefix, and a compound typed apart meets the parts; the phrase search allows
 * for the extra tokens (search-query.ts). Unlike the Pagefind records nothing is capped
 * (search-text.ts REPEATS): FTS5 reads only the postings of the query's words on the server,
 * so a common word costs the citizen nothing.
 */
export interface SearchRecord {
  url: string;
  language: string;
  title: string;
  /** The page type filter (news, programme, base), '' when none. */
  type: string;
  /** The province filter values. */
  provinces: string[];
  /** Base and programme pages: ranked above news that mention them (search-rank.ts). */
  service: boolean;
  /** FTS5 column texts: tokens separated by spaces. */
  columns: Record<SearchColumn, string>;
  /** The index words, one per written word (hyphenated parts), for excerpts. */
  content: string;
  /** Word position → the word as written, where it differs (search-text.ts displayWords). */
  originals: Record<number, string>;
}

/**
 * FTS5 columns, in table order, with their bm25 weights (search-extract.ts WEIGHT). The last,
 * `facets`, holds the filters as tokens (facetToken), weight 0: filtering and the services'
 * boost are then FTS5 lookups, with no join per matching page (at 100,000 pages a common word
 * matches most of them). Queries search the text columns only (TEXT_COLUMNS).
 */
export const COLUMNS = ['title', 'lede', 'headings', 'body', 'facets'] as const;
export type SearchColumn = (typeof COLUMNS)[number];
export const TEXT_COLUMNS = ['title', 'lede', 'headings', 'body'] as const;
export const COLUMN_WEIGHTS: Record<SearchColumn, number> = {
  title: WEIGHT.title,
  lede: WEIGHT.lede,
  headings: WEIGHT.heading,
  body: WEIGHT.body,
  facets: 0,
};

/** A filter as one token of the facets column: `facet` + kind + value, letters and digits only. */
export function facetToken(kind: 'lang' | 'type' | 'prov' | 'service', value = ''): string {
  return `facet${kind}${value}`.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function columnOf(weight: number): SearchColumn {
  if (weight >= WEIGHT.title) return 'title';
  if (weight >= WEIGHT.lede) return 'lede';
  if (weight > WEIGHT.body) return 'headings';
  return 'body';
}

/**
 * An index word's tokens: «سکونت-گاه-های» → «سکونتگاههای سکونت گاه های»; a simple word alone;
 * the placeholder of a word with no letters («-») nothing.
 */
export function wordTokens(indexWord: string): string[] {
  const parts = indexWord.split('-').filter((part) => part !== '');
  if (parts.length <= 1) return parts;
  return [parts.join(''), ...parts];
}

const SERVICE_TYPES = ['base', 'programme'];

/** The record of one extracted page, analysed with the site's (or the page's) lexicon. */
export function searchRecord(page: ExtractedPage, lexicon: Lexicon): SearchRecord {
  const columns: Record<SearchColumn, string[]> = {
    title: [],
    lede: [],
    headings: [],
    body: [],
    facets: [],
  };
  const words: string[] = [];
  const originals: Record<number, string> = {};
  for (const run of page.runs) {
    const indexed = indexedText(run.text, lexicon, words.length);
    if (indexed.content === '') continue;
    const runWords = indexed.content.split(' ');
    words.push(...runWords);
    Object.assign(originals, indexed.originals);
    columns[columnOf(run.weight)].push(runWords.flatMap(wordTokens).join(' '));
  }
  const type = page.filters.type?.[0] ?? '';
  const firstTitle = page.runs.find((run) => run.weight >= WEIGHT.title)?.text;
  const provinces = page.filters.province ?? [];
  const service =
    SERVICE_TYPES.includes(type) || (page.filters[SERVICE_FILTER] ?? []).includes('yes');
  columns.facets.push(
    facetToken('lang', page.language),
    ...(type ? [facetToken('type', type)] : []),
    ...provinces.map((id) => facetToken('prov', id)),
    ...(service ? [facetToken('service')] : []),
  );
  return {
    url: page.url,
    language: page.language,
    title: page.meta.title ?? firstTitle ?? page.url,
    type,
    provinces,
    service,
    columns: {
      title: columns.title.join(' '),
      lede: columns.lede.join(' '),
      headings: columns.headings.join(' '),
      body: columns.body.join(' '),
      facets: columns.facets.join(' '),
    },
    content: words.join(' '),
    originals,
  };
}
