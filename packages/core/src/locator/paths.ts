/**
 * A published file's path from its pattern: `{key}` (a chunk), `{province}` and `{lang}` are
 * filled in; a pattern without a placeholder (format 1's `places.json`) is returned as it is.
 */
export function locatorPath(
  pattern: string,
  values: { key?: string; province?: string; lang?: string },
): string {
  return pattern.replace(
    /\{(key|province|lang)\}/g,
    (_, name: keyof typeof values) => values[name] ?? '',
  );
}
