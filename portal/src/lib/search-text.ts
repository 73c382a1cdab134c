import {
  analyzeSegments,
  analyzeText,
  type Lexicon,
  listedLexicon,
  partsOf,
  wordSegments,
} from '@behzisti/core/search';
import { type ExtractedPage, WEIGHT } from './search-extract.ts';

/**
 * Persian-aware text for the Pagefind index, and the way back to the text as written.
 *
 * Pagefind does not fold ي/ی, ك/ک, ة/ه or digit sets, and knows nothing of Persian compounds
 * and endings. So every word goes through core's matcher (@behzisti/core/search) and so does
 * every query. But Pagefind builds its excerpts from the indexed text, and a citizen must read
 * «۱۲۳» and «می‌روم» as the page wrote them, not «123» and «می-روم». So the indexer works
 * *word by word*: the indexed content has exactly as many words as the page's text, and the
 * words that changed are kept as written in a meta field. Pagefind reports matches as word
 * positions; the search page takes the words around them from the indexed content and puts the
 * originals back (see `displayWords`).
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
 * One index word from the matcher's parts: the parts joined by a hyphen. Pagefind indexes a
 * hyphenated word both whole («پایگاههای», «میروم») and by its parts («پایگاه», «های»), so a
 * query for the stem, the inflected form, the compound joined or its parts apart all find it.
 * A word of only marks, tatweel or invisible characters becomes a neutral placeholder that
 * Pagefind indexes as nothing, still one word so positions stay aligned. The word is returned
 * unchanged when the matcher would only lower-case it (Pagefind lower-cases both sides itself),
 * so English pages carry almost no originals.
 */
function joinParts(word: string, allParts: readonly string[]): string {
  const parts = allParts.filter((part) => part !== '');
  if (parts.length === 0) return '-';
  const indexed = parts.join('-');
  return indexed === word.toLowerCase() ? word : indexed;
}

/**
 * One written word as the index holds it, without the rest of its text: «می‌روم» → «می-روم»,
 * «كيك» → «کیک», «۱۲۳» → «123». The indexer uses {@link indexedText}, which also joins compounds
 * and endings written apart and knows the site's words.
 */
export function indexedWord(word: string, lexicon: Lexicon = listedLexicon): string {
  return joinParts(word, partsOf(analyzeSegments(wordSegments(word), lexicon)));
}

export interface IndexedText {
  /** The text to index: the page's words through the matcher, one space between. */
  content: string;
  /** Word position → the word as written, for every word that changed. */
  originals: Record<number, string>;
}

/** A run of the page's text → what the index holds, positions counted from `offset`. */
export function indexedText(
  text: string,
  lexicon: Lexicon = listedLexicon,
  offset = 0,
): IndexedText {
  const words = text.split(WORD_SEPARATORS).filter((word) => word !== '');
  const analysed = analyzeText(words.join(' '), lexicon);
  const originals: Record<number, string> = {};
  const indexed = words.map((word, position) => {
    const result = joinParts(word, partsOf(analysed[position] ?? { stem: [], suffixes: [] }));
    if (result !== word) originals[offset + position] = word;
    return result;
  });
  return { content: indexed.join(' '), originals };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * The page Pagefind indexes for one extracted page: its runs through the matcher, each in an
 * element with its weight (the title in an h1), the title and originals as meta, the filters.
 * Pagefind's binary reads these minimal pages much faster than the built site, and never sees
 * anything the site's templates did not mark for search.
 */
export function searchRecordHtml(page: ExtractedPage, lexicon: Lexicon): string {
  const originals: Record<number, string> = {};
  let offset = 0;
  const blocks = page.runs.map((run) => {
    const { content, originals: changed } = indexedText(run.text, lexicon, offset);
    offset += content === '' ? 0 : content.split(' ').length;
    Object.assign(originals, changed);
    // Pagefind ends a block's text with a full stop (a heading's, as when it read the built
    // pages); other runs are spans separated by a space, so no word changes.
    const tag = run.weight === WEIGHT.title ? 'h1' : 'span';
    return `<${tag} data-pagefind-weight="${run.weight}">${escapeHtml(content)}</${tag}> `;
  });
  const meta = { ...page.meta };
  if (Object.keys(originals).length > 0) meta[ORIGINALS_META] = JSON.stringify(originals);
  const metaTags = Object.entries(meta).map(
    ([key, value]) =>
      `<span data-pagefind-meta="${escapeHtml(key)}[data-value]" data-value="${escapeHtml(value)}"></span>`,
  );
  const filterTags = Object.entries(page.filters).flatMap(([key, values]) =>
    values.map(
      (value) =>
        `<span data-pagefind-filter="${escapeHtml(key)}[data-value]" data-value="${escapeHtml(value)}"></span>`,
    ),
  );
  return `<!doctype html><html lang="${escapeHtml(page.language)}"><head><meta charset="utf-8"><title>-</title></head><body><main data-pagefind-body>${metaTags.join('')}${filterTags.join('')}${blocks.join('')}</main></body></html>`;
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
    if (!Number.isInteger(index) || index < 0 || index >= words.length) continue;
    // Pagefind ends a heading's last word with a full stop of its own: keep it.
    const stop = words[index]?.endsWith('.') && !word.endsWith('.') ? '.' : '';
    words[index] = word + stop;
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
