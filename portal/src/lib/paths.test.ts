import { describe, expect, it } from 'vitest';
import {
  articlePath,
  directoryCountyPath,
  directoryPath,
  directoryProvincePath,
  localePath,
  newsIndexPath,
  pageParam,
  programmePath,
  programmesPath,
  provincePath,
  rssPath,
  serviceBasePath,
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
    expect(directoryPath('fa')).toBe('/directory/');
    expect(directoryProvincePath('en', 'kerman')).toBe('/en/directory/kerman/');
    expect(directoryCountyPath('fa', 'kerman', 'rigan')).toBe('/directory/kerman/rigan/');
    expect(serviceBasePath('en', 'kerman-rigan')).toBe('/en/directory/bases/kerman-rigan/');
    expect(programmesPath('en')).toBe('/en/programmes/');
    expect(programmePath('fa', 'social-emergency')).toBe('/programmes/social-emergency/');
  });

  it('gives page 1 no parameter so `[...page]` matches the bare list path', () => {
    expect(pageParam(1)).toBeUndefined();
    expect(pageParam(2)).toBe('2');
  });

  it('makes readable tag slugs that keep Persian letters and the ZWNJ', () => {
    expect(tagSlug(' سکونتگاه   غیررسمی ')).toBe('سکونتگاه-غیررسمی');
    // One slug for the ZWNJ and space spellings (issue 20; lib/tags.test.ts has the rest).
    expect(tagSlug('محله‌محور')).toBe('محله-محور');
    expect(tagSlug('Help Lines')).toBe('help-lines');
    expect(tagSlug('a/b?c#d%')).toBe('abcd');
  });
});
