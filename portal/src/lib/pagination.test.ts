import { describe, expect, it } from 'vitest';
import { paginate } from './pagination.ts';

describe('paginate', () => {
  it('splits into pages of the given size', () => {
    const pages = paginate([1, 2, 3, 4, 5], 2);
    expect(pages.map((page) => page.items)).toEqual([[1, 2], [3, 4], [5]]);
    expect(pages.map((page) => [page.page, page.total])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });
  it('has one empty page for an empty list, so the list page still exists', () => {
    expect(paginate([], 10)).toEqual([{ page: 1, total: 1, items: [] }]);
  });
  it('refuses a page size below one', () => {
    expect(() => paginate([1], 0)).toThrow(RangeError);
  });
});
