import { describe, expect, it } from 'vitest';
import { pageWindow, paginate } from './pagination.ts';

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

describe('pageWindow', () => {
  it('links the first, the last and two pages either side of the current one', () => {
    expect(pageWindow(6, 40)).toEqual([1, 'gap', 4, 5, 6, 7, 8, 'gap', 40]);
    expect(pageWindow(1, 1000)).toEqual([1, 2, 3, 'gap', 1000]);
    expect(pageWindow(1000, 1000)).toEqual([1, 'gap', 998, 999, 1000]);
  });
  it('lists every page when there are few, and never hides a single page behind a gap', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(3, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageWindow(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(pageWindow(5, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(pageWindow(6, 9)).toEqual([1, 'gap', 4, 5, 6, 7, 8, 9]);
  });
});
