// Persian words for search: compounds and inflection.
//
// Persian writers join a compound («سکونتگاه»), put a ZWNJ inside it («سکونت‌گاه») or a space
// («سکونت گاه»); they do the same with plural and other endings («پایگاه‌ها», «پایگاهها»,
// «پایگاه ها»). The matcher reduces every spelling to the same parts: the stem, split into the
// parts of a compound, then the affixes. The index holds a word whole and by these parts (see
// portal/src/lib/search-text.ts), and a query is reduced to its stems, so «پایگاه», «پایگاهها»
// and «پایگاه‌های» all meet, and so do the three spellings of a compound.
//
// No maintained JavaScript library does Persian stemming or compound splitting (compared in
// docs/search.md); the affixes and compounds are data files (data/*.json) with their sources.
// The compound list is read by the indexer only (lexicon.ts), so browsers never download it.
import { normalizeForSearch } from '../text.ts';
import affixData from './data/affixes.json' with { type: 'json' };

type Glued = 'stem' | 'known' | 'never';
interface Suffix {
  form: string;
  glued: Glued;
  spaced: boolean;
  /** Letters that must remain to strip it from a query (default MIN_UNKNOWN_STEM). */
  queryStem?: number;
}

/** Longest first, so «های» is tried before «ی» and «ها». */
const SUFFIXES: readonly Suffix[] = (affixData.suffixes as Suffix[])
  .map(({ form, glued, spaced, queryStem }) => ({ form, glued, spaced, queryStem }))
  .sort((a, b) => b.form.length - a.form.length);
const SUFFIX_FORMS = new Set(SUFFIXES.map((suffix) => suffix.form));
const SPACED_SUFFIXES = new Set(SUFFIXES.filter((s) => s.spaced).map((s) => s.form));
const PREFIXES: readonly string[] = affixData.prefixes.map((prefix) => prefix.form);
const MIN_STEM = affixData.minStem;
const NOT_STEMS = new Set(affixData.notStems.words.map(normalizeForSearch));
/**
 * Without a word list (a query), a 'known' suffix is stripped when this much remains: Pagefind
 * matches the stem as the start of a word, so stripping too much loses no page, only order.
 */
const MIN_UNKNOWN_STEM = 3;

/** What the matcher knows about a body of text: the words it holds alone, and its compounds. */
export interface Lexicon {
  /** True when `word` (normalized) occurs on its own. */
  has(word: string): boolean;
  /** The parts of a compound, given its joined (normalized) form. */
  compound(joined: string): readonly string[] | undefined;
}

/**
 * The lexicon of no text: queries use it. A query needs no compound list: a compound typed with
 * a ZWNJ or joined is searched joined, one typed apart by its parts, and the index holds both.
 */
export const emptyLexicon: Lexicon = {
  has: () => false,
  compound: () => undefined,
};

/**
 * A written word's parts between ZWNJs, each through normalizeForSearch, empty ones dropped:
 * «پایگاه‌های» → ["پایگاه", "های"]. Words that NFKC turns into several (ligatures) stay one.
 */
export function wordSegments(written: string): string[] {
  return written
    .split(/[\u200C\u200D]/u)
    .map((segment) => normalizeForSearch(segment).replace(/ /g, ''))
    .filter((segment) => segment !== '');
}

function canStrip(suffix: Suffix, rest: string, lexicon: Lexicon | undefined): boolean {
  if (suffix.glued === 'never' || rest.length < 2 || NOT_STEMS.has(rest)) return false;
  const known = lexicon?.has(rest) ?? false;
  if (suffix.glued === 'stem') return rest.length >= MIN_STEM || known;
  // 'known': with a word list, only onto a word seen alone; without one (a query), when the rest
  // is long enough that matching it as a prefix still finds the inflected forms.
  return lexicon ? known : rest.length >= (suffix.queryStem ?? MIN_UNKNOWN_STEM);
}

/** Strips up to two glued suffixes («پایگاههایشان» → «پایگاه» + «های», «شان»). */
function stripGlued(
  word: string,
  lexicon: Lexicon | undefined,
): { stem: string; suffixes: string[] } {
  let stem = word;
  const suffixes: string[] = [];
  for (let round = 0; round < 2; round++) {
    // A whole word that is a compound stops here: «آسیب‌دیدگان» keeps its listed parts.
    if ((lexicon ?? emptyLexicon).compound(stem)) break;
    const suffix = SUFFIXES.find(
      (candidate) =>
        stem.endsWith(candidate.form) &&
        canStrip(candidate, stem.slice(0, -candidate.form.length), lexicon),
    );
    if (!suffix) break;
    stem = stem.slice(0, -suffix.form.length);
    suffixes.unshift(suffix.form);
  }
  return { stem, suffixes };
}

/** An analysed word: the parts a search index holds it by. */
export interface WordParts {
  /** A verbal prefix (می, نمی), when there is one. */
  prefix?: string;
  /** The stem, split into a compound's parts (one part for a simple word). */
  stem: string[];
  /** The endings, in order. */
  suffixes: string[];
}

/**
 * Splits a word (given as its ZWNJ segments, see wordSegments) into prefix, stem parts and
 * suffixes. With a lexicon (the indexer's), glued affixes are stripped only where the rest is a
 * word the text uses; without one (a query) by length alone (see data/affixes.json).
 */
export function analyzeSegments(segments: readonly string[], lexicon?: Lexicon): WordParts {
  const known = lexicon ?? emptyLexicon;
  let rest = [...segments];
  let prefix: string | undefined;
  const first = rest[0];
  if (first !== undefined && rest.length > 1 && PREFIXES.includes(first)) {
    prefix = first;
    rest = rest.slice(1);
  }
  // Endings written after a ZWNJ: every segment at the end that is an ending.
  const apart: string[] = [];
  while (rest.length > 1 && SUFFIX_FORMS.has(rest.at(-1) ?? '')) {
    apart.unshift(rest.pop() as string);
  }
  const joined = rest.join('');
  const listed = known.compound(joined);
  if (listed) return withPrefix(prefix, [...listed], apart);
  const { stem, suffixes } = stripGlued(joined, lexicon);
  let stemParts: string[];
  const compound = known.compound(stem);
  if (compound) stemParts = [...compound];
  else if (suffixes.length === 0 && rest.length > 1) stemParts = rest;
  else stemParts = [stem];
  // A verbal prefix joined to a verb the text also writes without it («میروم», «روم»).
  if (!prefix && lexicon && stemParts.length === 1) {
    const glued = PREFIXES.find(
      (form) =>
        stem.startsWith(form) &&
        stem.length - form.length >= 2 &&
        lexicon.has(stem.slice(form.length)),
    );
    if (glued) {
      prefix = glued;
      stemParts = [stem.slice(glued.length)];
    }
  }
  return withPrefix(prefix, stemParts, [...suffixes, ...apart]);
}

function withPrefix(prefix: string | undefined, stem: string[], suffixes: string[]): WordParts {
  return prefix ? { prefix, stem, suffixes } : { stem, suffixes };
}

/** The parts in reading order: prefix, stem parts, suffixes. */
export function partsOf(word: WordParts): string[] {
  return [...(word.prefix ? [word.prefix] : []), ...word.stem, ...word.suffixes];
}

/** True for a lone word that belongs to the word before it («پایگاه ها», «بزرگ تر»). */
export function isSpacedSuffix(segments: readonly string[]): boolean {
  return segments.length === 1 && SPACED_SUFFIXES.has(segments[0] ?? '');
}

/** True for a lone verbal prefix that belongs to the word after it («می روم»). */
export function isSpacedPrefix(segments: readonly string[]): boolean {
  return segments.length === 1 && PREFIXES.includes(segments[0] ?? '');
}

/**
 * The terms to search for: each word of the query reduced to its stem (compound parts joined),
 * with endings and prefixes typed apart put back on their word first. Pagefind matches a term
 * as a word or the start of one, so the stem finds every inflected form the index holds.
 * «پایگاه ها»، «پایگاههای»، «پایگاه‌ها» → ["پایگاه"]; «كم برخوردار» → ["کم", "برخوردار"].
 */
export function queryTerms(query: string): string[] {
  const words = query
    .split(/[\s\u00A0]+/u)
    .map(wordSegments)
    .filter((segments) => segments.length > 0);
  const terms: string[] = [];
  let pending: string[] | undefined;
  const flush = () => {
    if (!pending) return;
    const parts = analyzeSegments(pending);
    terms.push([...(parts.prefix ? [parts.prefix] : []), ...parts.stem].join(''));
    pending = undefined;
  };
  for (const segments of words) {
    if (pending && isSpacedSuffix(segments)) {
      pending = [...pending, ...segments];
      continue;
    }
    if (pending && isSpacedPrefix(pending)) {
      pending = [...pending, ...segments];
      continue;
    }
    flush();
    pending = [...segments];
  }
  flush();
  return terms;
}
