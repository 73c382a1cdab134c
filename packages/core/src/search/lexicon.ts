// What a body of text teaches the matcher: which words it uses alone (so a glued ending is only
// stripped where the rest is a real word: «کودکان» → «کودک», never «استان» → «است») and which
// compounds it writes (a ZWNJ inside a word whose parts are not affixes, or two words apart that
// the text also writes joined). The indexer builds one from every page before indexing any.
import { normalizeForSearch } from '../text.ts';
import compoundData from './word-lists/compounds.json' with { type: 'json' };
import {
  analyzeSegments,
  emptyLexicon,
  isSpacedPrefix,
  isSpacedSuffix,
  type Lexicon,
  type WordParts,
  wordSegments,
} from './words.ts';

/** Compounds from word-lists/compounds.json: joined form → parts. */
const LISTED_COMPOUNDS: ReadonlyMap<string, readonly string[]> = new Map(
  compoundData.compounds.map((entry) => {
    const parts = entry.split(' ').map(normalizeForSearch);
    return [parts.join(''), parts] as const;
  }),
);

/** The listed compounds as a lexicon of no text (for tests and single pages). */
export const listedLexicon: Lexicon = {
  has: () => false,
  compound: (joined) => LISTED_COMPOUNDS.get(joined),
};

/**
 * A text's words, each as its ZWNJ segments (normalized), in order. Words are split where
 * Pagefind splits them (whitespace except U+FEFF), so positions match the index's.
 */
export function textWords(text: string): string[][] {
  return text
    .split(/[^\S\uFEFF]+/u)
    .filter((word) => word !== '')
    .map(wordSegments);
}

/**
 * Builds a lexicon from texts in two passes over them: words and ZWNJ compounds first, then the
 * runs of two or three words apart whose joined form the first pass saw (`TextLexicon.of`).
 */
export class TextLexicon implements Lexicon {
  /** Normalized word → how often it occurs on its own (one segment). */
  readonly counts = new Map<string, number>();
  private readonly compounds = new Map<string, readonly string[]>();

  /** The lexicon of these texts (all of them: pass 2 needs the words of pass 1). */
  static of(texts: Iterable<string>): TextLexicon {
    const lexicon = new TextLexicon();
    const all = [...texts];
    for (const text of all) lexicon.add(text);
    for (const text of all) lexicon.learnApart(text);
    return lexicon;
  }

  /** Pass 1: counts the words and learns the compounds written with a ZWNJ. */
  add(text: string): void {
    for (const segments of textWords(text)) {
      for (const segment of segments) {
        this.counts.set(segment, (this.counts.get(segment) ?? 0) + 1);
      }
      if (segments.length < 2) continue;
      const whole = segments.join('');
      this.counts.set(whole, (this.counts.get(whole) ?? 0) + 1);
      // A compound written with a ZWNJ: its parts once affixes written apart are set aside (with
      // a lexicon that knows no word, so only the unambiguous glued plural comes off the last).
      const parts = analyzeSegments(segments, emptyLexicon).stem;
      if (parts.length > 1 && parts.every((part) => part.length >= 2)) {
        this.compounds.set(parts.join(''), parts);
      }
    }
  }

  /**
   * Pass 2: two or three words written apart that the text also writes joined («حاشیه نشین»
   * here, «حاشیهنشین» there) are a compound.
   */
  learnApart(text: string): void {
    const words = textWords(text);
    words.forEach((_, i) => {
      for (const size of [2, 3]) {
        const run = words.slice(i, i + size);
        if (run.length < size || run.some((w) => w.length !== 1 || (w[0]?.length ?? 0) < 2)) {
          continue;
        }
        if (run.some((w) => isSpacedSuffix(w) || isSpacedPrefix(w))) continue;
        const parts = run.map((w) => w[0] as string);
        const joined = parts.join('');
        if (this.counts.has(joined) && !this.compounds.has(joined))
          this.compounds.set(joined, parts);
      }
    });
  }

  has(word: string): boolean {
    return this.counts.has(word);
  }

  /** The compounds this text taught (joined form → parts), e.g. to store beside an index. */
  learnedCompounds(): ReadonlyMap<string, readonly string[]> {
    return this.compounds;
  }

  compound(joined: string): readonly string[] | undefined {
    return this.compounds.get(joined) ?? LISTED_COMPOUNDS.get(joined);
  }

  /** The text's words, most used first (ties by code point): for "did you mean" suggestions. */
  vocabulary(minCount = 1): string[] {
    return [...this.counts]
      .filter(([, count]) => count >= minCount)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([word]) => word);
  }
}

/**
 * Each word of a text, analysed for indexing: one entry per written word, so positions stay
 * those of the text. A word starts a group with the endings or prefix written apart from it
 * («پایگاه ها») and with the next one or two words when together they are a compound the
 * lexicon knows («سکونت گاه»); the group's first position carries the whole group, the others
 * keep their own parts.
 */
export function analyzeText(text: string, lexicon: Lexicon = listedLexicon): WordParts[] {
  const words = textWords(text);
  return words.map((segments, i) => {
    if (segments.length === 0) return { stem: [], suffixes: [] };
    let group = [...segments];
    let next = i + 1;
    if (isSpacedPrefix(segments) && words[next]?.length) {
      group = [...group, ...(words[next] as string[])];
      next++;
    }
    // A compound written apart: the longest run (3, then 2 words) the lexicon knows.
    for (const size of [2, 1]) {
      const run = words.slice(next, next + size);
      if (run.length < size || run.some((w) => w.length === 0 || isSpacedSuffix(w))) continue;
      const joined = [...group, ...run.flat()].join('');
      if (lexicon.compound(joined)) {
        group = [joined];
        next += size;
        break;
      }
    }
    while (words[next] && isSpacedSuffix(words[next] as string[])) {
      group = [...group, ...(words[next] as string[])];
      next++;
    }
    return analyzed(group, lexicon);
  });
}

// A site's words repeat across its pages: each group is analysed once per lexicon.
const analyses = new WeakMap<Lexicon, Map<string, WordParts>>();

function analyzed(group: readonly string[], lexicon: Lexicon): WordParts {
  let memo = analyses.get(lexicon);
  if (!memo) {
    memo = new Map();
    analyses.set(lexicon, memo);
  }
  const key = group.join('\u200C');
  let parts = memo.get(key);
  if (!parts) {
    parts = analyzeSegments(group, lexicon);
    if (memo.size >= 200_000) memo.clear();
    memo.set(key, parts);
  }
  return parts;
}
