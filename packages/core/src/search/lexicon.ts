// What a body of text teaches the matcher: which words it uses alone (so a glued ending is only
// stripped where the rest is a real word: «کودکان» → «کودک», never «استان» → «است») and which
// compounds it writes (a ZWNJ inside a word whose parts are not affixes, or two words apart that
// the text also writes joined). The indexer builds one from every page before indexing any.
import { normalizeForSearch } from '../text.ts';
import compoundData from './data/compounds.json' with { type: 'json' };
import {
  analyzeSegments,
  isSpacedPrefix,
  isSpacedSuffix,
  type Lexicon,
  type WordParts,
  wordSegments,
} from './words.ts';

/** Compounds from data/compounds.json: joined form → parts. */
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

/** Builds a lexicon from texts: add them all, then use it. */
export class TextLexicon implements Lexicon {
  /** Normalized word → how often it occurs on its own (one segment). */
  readonly counts = new Map<string, number>();
  private readonly compounds = new Map<string, readonly string[]>();
  private readonly pairs = new Map<string, readonly string[]>();

  add(text: string): void {
    const words = textWords(text);
    words.forEach((segments, i) => {
      for (const segment of segments) {
        this.counts.set(segment, (this.counts.get(segment) ?? 0) + 1);
      }
      const whole = segments.join('');
      if (segments.length > 1) this.counts.set(whole, (this.counts.get(whole) ?? 0) + 1);
      // A compound written with a ZWNJ: its parts once affixes are set aside.
      if (segments.length > 1) {
        const parts = analyzeSegments(segments).stem;
        if (parts.length > 1 && parts.every((part) => part.length >= 2)) {
          this.compounds.set(parts.join(''), parts);
        }
      }
      // Two or three words apart; kept as candidates until we know the text also joins them.
      for (const size of [2, 3]) {
        const run = words.slice(i, i + size);
        if (run.length < size || run.some((w) => w.length !== 1 || (w[0]?.length ?? 0) < 2)) {
          continue;
        }
        if (run.some((w) => isSpacedSuffix(w) || isSpacedPrefix(w))) continue;
        const parts = run.map((w) => w[0] as string);
        this.pairs.set(parts.join(''), parts);
      }
    });
  }

  has(word: string): boolean {
    return this.counts.has(word);
  }

  compound(joined: string): readonly string[] | undefined {
    const known = this.compounds.get(joined) ?? LISTED_COMPOUNDS.get(joined);
    if (known) return known;
    // Written apart somewhere and joined somewhere else («حاشیه نشین», «حاشیهنشین»).
    const pair = this.pairs.get(joined);
    return pair && this.counts.has(joined) ? pair : undefined;
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
    return analyzeSegments(group, lexicon);
  });
}
