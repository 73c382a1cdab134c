import { describe, expect, it } from 'vitest';
import {
  articlePath,
  localePath,
  newsIndexPath,
  pageParam,
  provincePath,
  rssPath,
  tagPath,
  tagSlug,
} from './paths.ts';

describe('paths', () => {
  it('puts fa at the root and en under /en/, always with a trailing slash', () => {
    expect(localePath('fa', '/')).toBe('/');
    expect(localePath('en', '/')).toBe('/en/');
    expect(newsIndexPath('fa')).toBe('/news/');
    expect(newsIndexPath('en', 2)).toBe('/en/news/2/');
    expect(articlePath('en', 'hesseh')).toBe('/en/news/hesseh/');
    expect(tagPath('fa', 'محله‌محور', 3)).toBe('/news/tags/محله‌محور/3/');
    expect(provincePath('en', 'kerman')).toBe('/en/news/provinces/kerman/');
    expect(rssPath('en')).toBe('/en/rss.xml');
  });

  it('gives page 1 no parameter so `[...page]` matches the bare list path', () => {
    expect(pageParam(1)).toBeUndefined();
    expect(pageParam(2)).toBe('2');
  });

  it('makes readable tag slugs that keep Persian letters and the ZWNJ', () => {
    expect(tagSlug(' سکونتگاه   غیررسمی ')).toBe('سکونتگاه-غیررسمی');
    expect(tagSlug('محله‌محور')).toBe('محله\u200cمحور');
    expect(tagSlug('Help Lines')).toBe('help-lines');
    expect(tagSlug('a/b?c#d%')).toBe('abcd');
  });
});
