import { normalizeForSearch } from '@behzisti/core/text';

/**
 * Persian-aware text for the Pagefind index, and the way back to the text as written.
 *
 * Pagefind does not fold ي/ی, ك/ک, ة/ه or digit sets, so the index must hold text that went
 * through core's `normalizeForSearch`, and so must every query. But Pagefind builds its excerpts
 * from the indexed text, and a citizen must read «۱۲۳» and «می‌روم» as the page wrote them, not
 * «123» and «میروم». So the indexer normalizes *word by word*: the indexed content has exactly
 * as many words as the page's text, and the few words that changed are kept as written in a meta
 * field. Pagefind reports matches as word positions; the search page takes the words around them
 * from the indexed content and puts the originals back (see `displayWords`).
 */

/**
 * How Pagefind splits content into word positions (pagefind.js `word_separators`: whitespace
 * except U+FEFF). The indexer and the excerpt builder must split the same way or the positions
 * Pagefind reports would point at the wrong words.
 */
export const WORD_SEPARATORS = /[^\S\uFEFF]+/u;

/** The meta field that carries the changed words as written: JSON `{ "<position>": "<word>" }`. */
export const ORIGINALS_META = 'originals';

/**
 * One word as the index holds it.
 *
 * A word joined with ZWNJ («می‌روم») becomes its normalized parts joined by a hyphen
 * («می-روم»): Pagefind indexes a hyphenated word both whole («میروم», the ZWNJ-less form that
 * `normalizeForSearch` gives) and by its parts («می», «روم»), so a query typed with the joiner,
 * without it or with a space all find the page. Anything NFKC expands into several words (the
 * ligature ﷲ…) is joined the same way so one page word stays one index word.
 *
 * Returns the word unchanged when normalizing would only lower-case it (Pagefind lower-cases
 * both sides itself), so English pages carry almost no originals.
 */
export function indexedWord(word: string): string {
  let indexed = wordCache.get(word);
  if (indexed === undefined) {
    indexed = normalizeWord(word);
    // Words repeat a lot across pages; the cache makes a 10,000-page index several times faster.
    if (wordCache.size >= 200_000) wordCache.clear();
    wordCache.set(word, indexed);
  }
  return indexed;
}

const wordCache = new Map<string, string>();

function normalizeWord(word: string): string {
  const parts = word
    .split('\u200C')
    .map((part) => normalizeForSearch(part).replace(/ /g, '-'))
    .filter((part) => part !== '');
  // A word of only marks, tatweel or invisible characters: a neutral placeholder that Pagefind
  // indexes as nothing, still counted as one word so positions stay aligned.
  if (parts.length === 0) return '-';
  const indexed = parts.join('-');
  return indexed === word.toLowerCase() ? word : indexed;
}

export interface IndexedText {
  /** The text to index: the page's words, each through `indexedWord`, one space between. */
  content: string;
  /** Word position → the word as written, for every word that changed. */
  originals: Record<number, string>;
}

/** The page's extracted text (as Pagefind reads it from the HTML) → what the index holds. */
export function indexedText(text: string): IndexedText {
  const words = text.split(WORD_SEPARATORS).filter((word) => word !== '');
  const originals: Record<number, string> = {};
  const indexed = words.map((word, position) => {
    const result = indexedWord(word);
    if (result !== word) originals[position] = word;
    return result;
  });
  return { content: indexed.join(' '), originals };
}

/** The page's words as written, from the indexed content and its originals meta field. */
export function displayWords(content: string, originalsJson: string | undefined): string[] {
  const words = content.split(WORD_SEPARATORS).filter((word) => word !== '');
  if (!originalsJson) return words;
  let originals: Record<string, string>;
  try {
    originals = JSON.parse(originalsJson) as Record<string, string>;
  } catch {
    // A damaged field must not break the results: show the indexed words instead.
    return words;
  }
  for (const [position, word] of Object.entries(originals)) {
    const index = Number(position);
    if (Number.isInteger(index) && index >= 0 && index < words.length) words[index] = word;
  }
  return words;
}

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/**
 * An excerpt of `length` words around the densest run of matches, as parts to render (marked
 * parts are the matched words), with an ellipsis where the text was cut.
 */
export function excerptParts(
  words: readonly string[],
  locations: readonly number[],
  length = 30,
): ExcerptPart[] {
  const hits = new Set(locations.filter((location) => location >= 0 && location < words.length));
  let start = 0;
  if (words.length > length && hits.size > 0) {
    let best = -1;
    const sorted = [...hits].sort((a, b) => a - b);
    for (const first of sorted) {
      // Start a few words before the match so it reads in context.
      const candidate = Math.max(0, Math.min(first - 5, words.length - length));
      const count = sorted.filter((hit) => hit >= candidate && hit < candidate + length).length;
      if (count > best) {
        best = count;
        start = candidate;
      }
    }
  }
  const end = Math.min(words.length, start + length);
  const parts: ExcerptPart[] = [];
  const push = (text: string, mark: boolean) => {
    const last = parts.at(-1);
    if (last && last.mark === mark && !mark) last.text += text;
    else parts.push({ text, mark });
  };
  if (start > 0) push('… ', false);
  for (let position = start; position < end; position++) {
    if (position > start) push(' ', false);
    push(words[position] ?? '', hits.has(position));
  }
  if (end < words.length) push(' …', false);
  return parts;
}
