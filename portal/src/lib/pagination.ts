/** Splits a list into pages for static paths; an empty list still has one (empty) page. */
export interface PageOf<T> {
  /** 1-based page number. */
  page: number;
  /** Number of pages. */
  total: number;
  items: T[];
}

export const NEWS_PER_PAGE = 10;

export function paginate<T>(items: readonly T[], perPage: number = NEWS_PER_PAGE): PageOf<T>[] {
  if (!Number.isInteger(perPage) || perPage < 1) throw new RangeError('perPage must be ≥ 1');
  const total = Math.max(1, Math.ceil(items.length / perPage));
  return Array.from({ length: total }, (_, index) => ({
    page: index + 1,
    total,
    items: items.slice(index * perPage, (index + 1) * perPage),
  }));
}

/**
 * The page numbers a pagination bar links to: the first, the last and `around` pages either
 * side of the current one, with `'gap'` where numbers are left out (1 … 4 5 [6] 7 8 … 40).
 * Linking every page would put a thousand links on each of a thousand list pages at 10,000
 * news items: a long list to tab through, and a build that grows with the square of the news.
 */
export function pageWindow(page: number, total: number, around = 2): (number | 'gap')[] {
  const shown: (number | 'gap')[] = [];
  for (let n = 1; n <= total; n++) {
    const near = Math.abs(n - page) <= around;
    if (n === 1 || n === total || near) shown.push(n);
    else if (shown.at(-1) !== 'gap') shown.push('gap');
    // Jump over the long stretch between the window and the last page.
    if (n > page + around && n < total) n = total - 1;
  }
  // A gap standing for a single page is no shorter than the page itself.
  return shown.map((entry, i) =>
    entry === 'gap' && (shown[i + 1] as number) - (shown[i - 1] as number) === 2
      ? (shown[i - 1] as number) + 1
      : entry,
  );
}
