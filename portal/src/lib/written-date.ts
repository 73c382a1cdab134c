/**
 * The `date:` of a Markdown file's front matter exactly as written.
 *
 * Why: Astro reads front matter with js-yaml, which turns an unquoted `1403-02-31` into a
 * JavaScript Date by Gregorian rules and silently rolls impossible days over (Gregorian
 * February has no 31st, so it becomes 3 March). A Solar Hijri date is then shifted without a
 * word, and a typo such as `1403-13-40` becomes a real-looking day. Core's schema can only
 * judge the text the editor wrote, so the content config hands it this text instead.
 */
export function writtenDate(source: string): string | undefined {
  const frontMatter = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1];
  if (frontMatter === undefined) return undefined;
  const line = /^date[ \t]*:[ \t]*(.*)$/m.exec(frontMatter)?.[1];
  if (line === undefined) return undefined;
  // A YAML comment needs a space before `#`; dates never contain one.
  const value = line.replace(/\s+#.*$/, '').trim();
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return quoted ? quoted[2] : value;
}
