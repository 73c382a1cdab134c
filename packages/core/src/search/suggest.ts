// When a search finds nothing: the closest words the index holds, and the query with its
// compounds joined or split. Never a verdict on the spelling, only other ways to search.
import { searchKey } from '../text.ts';
import { allowedDistance, persianDistance } from './distance.ts';
import { wordSegments } from './words.ts';

export interface Suggestion {
  word: string;
  distance: number;
}

/**
 * The words of `vocabulary` (most used first) closest to `word` by the Persian-aware distance,
 * within what the word's length allows; ties keep the vocabulary's order. The word itself is
 * never suggested.
 */
export function closestWords(word: string, vocabulary: readonly string[], limit = 3): Suggestion[] {
  const key = searchKey(word);
  if (key === '') return [];
  const max = allowedDistance(key);
  const found: Suggestion[] = [];
  for (const candidate of vocabulary) {
    if (candidate === key) continue;
    const distance = persianDistance(key, candidate, max);
    if (distance <= max) found.push({ word: candidate, distance });
  }
  // A stable sort: equal distances stay in vocabulary order (the more used word first).
  return found.sort((a, b) => a.distance - b.distance).slice(0, Math.max(0, limit));
}

/**
 * The query with a compound typed apart joined («سکونت گاه» → «سکونتگاه») or one typed joined
 * split in two («سکونتگاه» → «سکونت گاه»), where the vocabulary holds the result; each variant
 * changes one place. Words are normalized; the order is joins, then splits.
 */
export function compoundVariants(query: string, vocabulary: ReadonlySet<string>): string[] {
  const words = query
    .split(/[\s\u00A0]+/u)
    .map((word) => wordSegments(word).join(''))
    .filter((word) => word !== '');
  const variants = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) {
    const joined = `${words[i]}${words[i + 1]}`;
    if (vocabulary.has(joined)) {
      variants.add([...words.slice(0, i), joined, ...words.slice(i + 2)].join(' '));
    }
  }
  words.forEach((word, i) => {
    const letters = [...word];
    let best: { split: string; score: number } | undefined;
    for (let at = 2; at <= letters.length - 2; at++) {
      const left = letters.slice(0, at).join('');
      const right = letters.slice(at).join('');
      if (!vocabulary.has(left) || !vocabulary.has(right)) continue;
      // Prefer the most even split: «سکونت گاه» rather than «سک ونتگاه».
      const score = Math.min(left.length, right.length);
      if (!best || score > best.score) best = { split: `${left} ${right}`, score };
    }
    if (best) variants.add([...words.slice(0, i), best.split, ...words.slice(i + 1)].join(' '));
  });
  variants.delete(words.join(' '));
  return [...variants];
}
