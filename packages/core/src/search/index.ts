// Persian search matching: one matcher for the site search (index and queries), the portal's
// place links and the locator's place and name search. See docs/search.md.
export { allowedDistance, persianDistance } from './distance.ts';
export { analyzeText, listedLexicon, TextLexicon, textWords } from './lexicon.ts';
export { closestNames, type MatchRank, nameDistance, queryKey, rankName } from './names.ts';
export { closestWords, compoundVariants, type Suggestion } from './suggest.ts';
export {
  analyzeSegments,
  emptyLexicon,
  type Lexicon,
  partsOf,
  queryTerms,
  type WordParts,
  wordSegments,
} from './words.ts';
