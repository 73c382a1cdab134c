import { z } from 'zod';

/**
 * Strict objects for data files: an unknown key is an error, not silently dropped, because in
 * hand-edited data an unknown key is nearly always a typo of a real one (`phon` for `phones`)
 * and dropping it would lose the value without a word.
 */

/**
 * Edit distance between two short names, counting a swap of neighbours as one edit (optimal
 * string alignment), since `emial` for `email` is a typical slip.
 */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      const row = d[i];
      if (row) row[j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * The known name closest to `name`, when it is close enough to be a plausible typo: at most
 * two edits (one for names of three letters or fewer), or a cut-short name (`phon`).
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const tolerance = lower.length <= 3 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const target = candidate.toLowerCase();
    const distance =
      lower.length >= 3 && target.startsWith(lower) ? 1 : editDistance(lower, target);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= tolerance ? best : undefined;
}

/** The plain-language sentence for one unknown key, with a suggestion when one is close. */
export function unknownFieldMessage(key: string, known: readonly string[]): string {
  const suggestion = closestName(key, known);
  return suggestion
    ? `unknown field '${key}' — check the spelling (did you mean '${suggestion}'?)`
    : `unknown field '${key}' — check the spelling (allowed here: ${known.join(', ')})`;
}

/**
 * Error map for strict objects. Zod reports all unknown keys of one object as a single issue;
 * we write one sentence per key, one per line, so `explainIssues` can report each key on its
 * own line at its own path.
 */
function strictObjectError(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code !== 'unrecognized_keys') return undefined;
  const shape = (issue.inst as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def
    ?.shape;
  const known = Object.keys(shape ?? {});
  return issue.keys.map((key) => unknownFieldMessage(key, known)).join('\n');
}

/** `z.strictObject` with plain-language messages for unknown keys. */
export function strictObject<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.strictObject(shape, { error: strictObjectError });
}
