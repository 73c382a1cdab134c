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
