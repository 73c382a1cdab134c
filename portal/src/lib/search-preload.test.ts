import { describe, expect, it } from 'vitest';
import {
  indexTag,
  searchMode,
  searchPreloads,
  withSearchPreloads,
} from '../../scripts/preload-search.ts';

// The files Pagefind fetches first, declared in the search pages' heads (scripts/preload-search.ts).
const entry = JSON.stringify({
  version: '1.6.0',
  languages: {
    en: { hash: 'en_bb60f3b936', wasm: 'en', page_count: 41 },
    fa: { hash: 'fa_f1b7464df3', wasm: null, page_count: 50 },
  },
});
const page = (lang: string) =>
  `<!DOCTYPE html><html lang="${lang}" dir="rtl"><head><title>x</title></head><body></body></html>`;

describe('search preloads', () => {
  it('names the entry under the index tag, the language’s metadata and WebAssembly', () => {
    const tag = indexTag(entry);
    expect(tag).toMatch(/^[0-9a-f]{12}$/);
    const fa = searchPreloads(entry, 'fa') ?? '';
    expect(fa).toContain(`<meta name="bz-search-index" content="${tag}">`);
    expect(fa).toContain('<link rel="modulepreload" href="/pagefind/pagefind.js">');
    expect(fa).toContain(`href="/pagefind/pagefind-entry.json?ts=${tag}"`);
    expect(fa).toContain('href="/pagefind/pagefind.fa_f1b7464df3.pf_meta"');
    // Persian has no stemmer of Pagefind's own: its WebAssembly is the language-neutral one.
    expect(fa).toContain('href="/pagefind/wasm.unknown.pagefind"');
    expect(searchPreloads(entry, 'en')).toContain('href="/pagefind/wasm.en.pagefind"');
    expect(searchPreloads(entry, 'de')).toBeUndefined();
  });

  it('changes the tag when the index changes', () => {
    expect(indexTag(entry)).not.toBe(indexTag(entry.replace('f1b7464df3', 'f1b7464df4')));
  });

  it('adds the links at the end of the head, once', () => {
    const once = withSearchPreloads(page('fa'), entry);
    expect(once.indexOf('wasm.unknown.pagefind')).toBeLessThan(once.indexOf('</head>'));
    expect(once.indexOf('<title>')).toBeLessThan(once.indexOf('bz-search-index'));
    expect(withSearchPreloads(once, entry)).toBe(once);
    expect(withSearchPreloads(page('de'), entry)).toBe(page('de'));
  });

  it('tells the page to ask the server, without Pagefind’s files, when the server searches', () => {
    const head = withSearchPreloads(page('fa'), entry, 'server');
    expect(head).toContain('<meta name="bz-search-api" content="/api/search">');
    expect(head).toContain(`<meta name="bz-search-index" content="${indexTag(entry)}">`);
    expect(head).not.toContain('/pagefind/');
    expect(withSearchPreloads(head, entry, 'server')).toBe(head);
    expect(searchMode(undefined)).toBe('server');
    expect(searchMode('pagefind')).toBe('pagefind');
    expect(() => searchMode('algolia')).toThrow(/PORTAL_SEARCH/);
  });
});
