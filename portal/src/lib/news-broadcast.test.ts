import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePurge, purgePayloads } from './news-broadcast.ts';
import { cacheHeaders } from './news-cache-provider.ts';
import { articleTag, newsCacheTags, tagTag } from './news-tags.ts';

describe('purge messages', () => {
  it('carry any set of tags in NOTIFY-sized parts, and read back the same tags', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 60 }), { maxLength: 400 }),
        (raw) => {
          const tags = raw.map((tag) => tagTag('fa', tag));
          const payloads = purgePayloads({ tags });
          for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThan(8000);
          const back = payloads.flatMap((payload) => [parsePurge(payload)?.tags ?? []].flat());
          expect(back).toEqual(tags);
        },
      ),
    );
  });

  it('ignore what is not a purge', () => {
    for (const payload of ['', 'x', '{}', '{"tags":[1]}', '[]', 'null', '{"path":3}']) {
      expect(parsePurge(payload)).toBeUndefined();
    }
    expect(parsePurge('{"path":"/news/"}')).toEqual({ path: '/news/' });
  });
});

describe('cache tags', () => {
  it('are header-safe (Latin-1, no commas) whatever the tag or slug', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (tag, slug) => {
        for (const value of [tagTag('en', tag), articleTag(slug)]) {
          expect(value).toMatch(/^[\x21-\x7e]+$/);
          expect(value).not.toContain(',');
          expect(() => new Headers({ 'cache-tag': value })).not.toThrow();
        }
      }),
    );
  });

  it('name every changed item, list, tag and province', () => {
    expect(
      newsCacheTags({
        added: [{ slug: 'a' }],
        updated: [],
        removed: [{ slug: 'b' }],
        tags: { fa: ['سکونتگاه-غیررسمی'], en: [] },
        provinces: { fa: [], en: ['kerman'] },
        locales: ['fa', 'en'],
      }).sort(),
    ).toEqual(
      [
        'news:a',
        'news:b',
        'news-list:fa',
        'news-list:en',
        `tag:fa:${encodeURIComponent('سکونتگاه-غیررسمی')}`,
        'province:en:kerman',
      ].sort(),
    );
  });
});

describe('cache headers', () => {
  it('tell a CDN a minute fresh and ten minutes stale, the memory cache the same', () => {
    const headers = cacheHeaders({ maxAge: 60, swr: 600, tags: ['news:a', 'news-list:fa'] });
    expect(headers.get('cache-control')).toBe('public, s-maxage=60, stale-while-revalidate=600');
    expect(headers.get('cdn-cache-control')).toBe('max-age=60, stale-while-revalidate=600');
    expect(headers.get('cache-tag')).toBe('news:a, news-list:fa');
  });
});
