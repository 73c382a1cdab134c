// A Persian-aware edit distance, for "did you mean" suggestions.
//
// Typing mistakes in Persian are rarely random letters: a missed or extra dot turns ب into پ or
// ت, ج into چ or خ, ر into ز; letters that sound alike are swapped (س ص ث, ز ذ ض ظ, ت ط, ه ح,
// ق غ, ا ع); a compound is typed with or without its space. Those cost half an edit here, so
// «مشاوره» is closer to «مشاوزه» than to «مشاهده». Both strings should have been through
// normalizeForSearch (one form per letter, Latin digits); ZWNJ and spaces inside a word cost a
// quarter of an edit to add or remove.

/** Letters that differ by dots or share a sound; a swap inside one group costs 0.5. */
const CONFUSABLE_GROUPS = [
  'بپتث',
  'جچحخ',
  'دذ',
  'رزژ',
  'سشصث',
  'زذضظ',
  'تط',
  'عغ',
  'فق',
  'قغ',
  'کگ',
  'هح',
  'اع',
];

const confusable = new Set<string>();
for (const group of CONFUSABLE_GROUPS) {
  for (const a of group) for (const b of group) if (a !== b) confusable.add(a + b);
}

const JOINERS = new Set([' ', '\u200C']);

function substitution(a: string, b: string): number {
  if (a === b) return 0;
  return confusable.has(a + b) ? 0.5 : 1;
}

const indel = (ch: string) => (JOINERS.has(ch) ? 0.25 : 1);

/**
 * The weighted optimal-string-alignment distance between two words: insertions, deletions and
 * substitutions (0.5 between confusable letters), and swaps of two neighbouring letters (1).
 * Stops early and returns `Infinity` once the distance must exceed `max`.
 */
export function persianDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > max * 4) return Number.POSITIVE_INFINITY;
  let before: number[] = [];
  let previous: number[] = [0];
  for (let j = 1; j <= y.length; j++) previous[j] = (previous[j - 1] ?? 0) + indel(y[j - 1] ?? '');
  for (let i = 1; i <= x.length; i++) {
    const xi = x[i - 1] ?? '';
    const current: number[] = [(previous[0] ?? 0) + indel(xi)];
    let rowMin = current[0] ?? 0;
    for (let j = 1; j <= y.length; j++) {
      const yj = y[j - 1] ?? '';
      let cost = Math.min(
        (previous[j] ?? 0) + indel(xi),
        (current[j - 1] ?? 0) + indel(yj),
        (previous[j - 1] ?? 0) + substitution(xi, yj),
      );
      if (i > 1 && j > 1 && xi === y[j - 2] && x[i - 2] === yj && xi !== yj) {
        cost = Math.min(cost, (before[j - 2] ?? 0) + 1);
      }
      current[j] = cost;
      if (cost < rowMin) rowMin = cost;
    }
    if (rowMin > max) return Number.POSITIVE_INFINITY;
    before = previous;
    previous = current;
  }
  const distance = previous[y.length] ?? 0;
  return distance > max ? Number.POSITIVE_INFINITY : distance;
}

/** How far a suggestion may be from a typed word of this length: longer words allow more. */
export function allowedDistance(word: string): number {
  const length = [...word].length;
  if (length <= 2) return 0.5;
  if (length <= 4) return 1;
  if (length <= 7) return 1.5;
  return 2;
}
