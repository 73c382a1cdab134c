import { describe, expect, it } from 'vitest';
import { apiDay, articleHref, filterParams, retryMinutes, statusesFor } from './staff-query.ts';

const empty = { kind: '', category: '', status: '', province: '', base: '', from: '', to: '' };

describe('apiDay', () => {
  it('reads Solar Hijri days in any digits and Gregorian ISO days', () => {
    expect(apiDay('۱۴۰۵/۰۹/۰۱')).toBe('2026-11-22');
    expect(apiDay('1405-9-1')).toBe('2026-11-22');
    expect(apiDay('2026-11-22')).toBe('2026-11-22');
    expect(apiDay(' 1403/12/30 ')).toBe('2025-03-20');
  });
  it('refuses what is not a real day', () => {
    expect(apiDay('۱۴۰۵/۱۳/۰۱')).toBeUndefined();
    expect(apiDay('1404/12/30')).toBeUndefined(); // 1404 is not a leap year
    expect(apiDay('2026-02-30')).toBeUndefined();
    expect(apiDay('yesterday')).toBeUndefined();
    expect(apiDay('2026-11-22T10:00')).toBeUndefined();
    expect(apiDay('')).toBeUndefined();
  });
});

describe('filterParams', () => {
  it('sends only what is chosen', () => {
    expect(filterParams(empty, []).params.toString()).toBe('');
    const { params } = filterParams(
      { ...empty, kind: 'feedback', category: 'question', status: 'received', from: '۱۴۰۵/۰۹/۰۱' },
      [],
    );
    expect(params.toString()).toBe(
      'kind=feedback&category=question&status=received&from=2026-11-22',
    );
  });
  it('sends a province as its bases, and a chosen base alone', () => {
    expect(
      filterParams({ ...empty, province: 'isfahan' }, ['a', 'b']).params.getAll('serviceBaseId'),
    ).toEqual(['a', 'b']);
    expect(
      filterParams({ ...empty, province: 'isfahan', base: 'b' }, ['a', 'b']).params.getAll(
        'serviceBaseId',
      ),
    ).toEqual(['b']);
  });
  it('leaves the category out for comments', () => {
    expect(
      filterParams({ ...empty, kind: 'comment', category: 'question' }, []).params.has('category'),
    ).toBe(false);
  });
  it('names each unreadable date and a range that ends before it starts', () => {
    expect(filterParams({ ...empty, from: 'x', to: '1405/09/01' }, []).problems).toEqual([
      { field: 'from', problem: 'date' },
    ]);
    expect(filterParams({ ...empty, from: '1405/09/02', to: '1405/09/01' }, []).problems).toEqual([
      { field: 'to', problem: 'dateOrder' },
    ]);
  });
});

describe('helpers', () => {
  it('offers the statuses of a kind', () => {
    expect(statusesFor('comment')).toEqual(['pending', 'approved', 'rejected']);
    expect(statusesFor('feedback')).toContain('answered');
    expect(statusesFor('')).toHaveLength(7);
  });
  it('links an article id to its page', () => {
    expect(articleHref('fa/hesseh-service-base')).toBe('/news/hesseh-service-base/');
    expect(articleHref('en/hesseh-service-base')).toBe('/en/news/hesseh-service-base/');
    expect(articleHref('javascript:alert(1)')).toBeUndefined();
  });
  it('turns Retry-After into whole minutes, at least one', () => {
    expect(retryMinutes('30')).toBe(1);
    expect(retryMinutes('600')).toBe(10);
    expect(retryMinutes('601')).toBe(11);
    expect(retryMinutes(null)).toBe(15);
    expect(retryMinutes(new Date(61_000).toUTCString(), 0)).toBe(2);
  });
});
