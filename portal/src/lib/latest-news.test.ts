import { provinces } from '@behzisti/core/schemas';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latestNewsScope } from './latest-news.ts';
import { listTag, provinceTag } from './news-tags.ts';
import { latestNewsPath } from './paths.ts';

const ids = provinces.map((province) => province.id);

describe('the latest news block route', () => {
  it('answers the home page with the locale news list tag, and a province with its own', () => {
    for (const locale of ['fa', 'en'] as const) {
      expect(latestNewsScope(locale, 'home')).toEqual({
        province: undefined,
        cacheTags: [listTag(locale)],
      });
      for (const id of ids) {
        expect(latestNewsScope(locale, id)).toEqual({
          province: id,
          cacheTags: [provinceTag(locale, id)],
        });
      }
    }
  });

  it('refuses every other parameter', () => {
    fc.assert(
      fc.property(fc.constantFrom('fa', 'en' as const), fc.string(), (locale, scope) => {
        fc.pre(scope !== 'home' && !(ids as string[]).includes(scope));
        expect(latestNewsScope(locale, scope)).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
    for (const scope of [undefined, '', 'Home', 'Isfahan', ' isfahan', 'isfahan/', '__proto__']) {
      expect(latestNewsScope('fa', scope)).toBeUndefined();
    }
  });

  it('is asked for at the path the route answers', () => {
    expect(latestNewsPath('fa')).toBe('/news/latest/home/');
    expect(latestNewsPath('en', 'isfahan')).toBe('/en/news/latest/isfahan/');
    for (const locale of ['fa', 'en'] as const) {
      for (const id of [undefined, ...ids]) {
        const scope = latestNewsPath(locale, id).split('/').at(-2);
        expect(latestNewsScope(locale, scope)?.province).toBe(id);
      }
    }
  });
});
