/**
 * Markdown a person typed in the rich-text mode, as Markdown. Decap's rich-text editor keeps
 * what is typed as plain text and, when it saves, escapes every character Markdown would read
 * (`## Subheading` is saved as `\## Subheading` and the site shows "##"). The office was told
 * to type `## ` for a subheading, and people type `**bold**` and `- ` lists from habit, so
 * those escapes are undone before saving: the saved file then reads as they meant it.
 * Only the forms below are undone; any other backslash stays as Decap wrote it.
 */
export function unescapeTypedMarkdown(body: string): string {
  return body
    .split('\n')
    .map((line) =>
      line
        // Line starts: a heading, a list item, a numbered item, a quote.
        .replace(
          /^(\s{0,3})((?:\\?#){1,6})(?=\s)/,
          (_, indent: string, marks: string) => `${indent}${marks.replaceAll('\\', '')}`,
        )
        .replace(/^(\s*)\\([-+*])(?=\s)/, '$1$2')
        .replace(/^(\s*\d{1,9})\\([.)])(?=\s)/, '$1$2')
        .replace(/^(\s{0,3})\\>(?=\s)/, '$1>')
        // Inline: bold, italic, links, as typed in one line.
        .replace(/\\\*\\\*(\S(?:.*?\S)?)\\\*\\\*/g, '**$1**')
        .replace(/\\_\\_(\S(?:.*?\S)?)\\_\\_/g, '__$1__')
        .replace(/\\\*(\S(?:.*?\S)?)\\\*/g, '*$1*')
        .replace(/\\_(\S(?:.*?\S)?)\\_/g, '_$1_')
        .replace(/\\\[([^\]\n]+?)\\?\]\(([^)\s]+)\)/g, '[$1]($2)'),
    )
    .join('\n');
}
