import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexSearch, pageUrl, readFragment, spaceCells } from '../../scripts/index-search.ts';
import { openSearchIndex } from './search-index.ts';
import { searchIndex } from './search-query.ts';
import {
  displayWords,
  excerptParts,
  indexedText,
  indexedWord,
  ORIGINALS_META,
} from './search-text.ts';

describe('indexedWord', () => {
  it('folds Arabic letters and digit sets to what normalizeForSearch gives', () => {
    expect(indexedWord('كيك')).toBe('کیک');
    expect(indexedWord('مدرسة')).toBe('مدرسه');
    expect(indexedWord('۱۲۳')).toBe('123');
    expect(indexedWord('١٢٣')).toBe('123');
    expect(indexedWord('بـــهزیستی')).toBe('بهزیستی');
  });

  it('turns a ZWNJ into a hyphen, so Pagefind indexes the joined word and its parts', () => {
    expect(indexedWord('می‌روم')).toBe('می-روم');
    expect(indexedWord('کم‌برخوردار')).toBe('کم-برخوردار');
  });

  it('keeps words that normalizing would only lower-case', () => {
    expect(indexedWord('Welfare')).toBe('Welfare');
    expect(indexedWord('خانه')).toBe('خانه');
  });

  it('never returns an empty word (positions must stay aligned)', () => {
    expect(indexedWord('ـــ')).toBe('-');
    expect(indexedWord('\u200C')).toBe('-');
  });
});

describe('indexedText and displayWords', () => {
  const written = 'بازدید از ۱۰۰ محله‌ی کم‌برخوردار در كرمان — Social Welfare';

  it('keeps one index word per page word and remembers the changed ones as written', () => {
    const { content, originals } = indexedText(written);
    expect(content).toBe('بازدید از 100 محله-ی کم-برخوردار در کرمان — Social Welfare');
    expect(content.split(' ')).toHaveLength(written.split(' ').length);
    expect(originals).toEqual({ 2: '۱۰۰', 3: 'محله‌ی', 4: 'کم‌برخوردار', 6: 'كرمان' });
  });

  it('gives the words back as written', () => {
    const { content, originals } = indexedText(written);
    expect(displayWords(content, JSON.stringify(originals)).join(' ')).toBe(written);
  });

  it('shows the indexed words when the originals are missing or damaged', () => {
    expect(displayWords('a b', undefined)).toEqual(['a', 'b']);
    expect(displayWords('a b', '{not json')).toEqual(['a', 'b']);
    expect(displayWords('a b', '{"7":"x","-1":"y"}')).toEqual(['a', 'b']);
  });
});

describe('excerptParts', () => {
  const words = Array.from({ length: 100 }, (_, i) => `w${i}`);
  const text = (parts: { text: string }[]) => parts.map((part) => part.text).join('');

  it('marks the matched words', () => {
    const parts = excerptParts(['a', 'b', 'c'], [1]);
    expect(parts).toEqual([
      { text: 'a ', mark: false },
      { text: 'b', mark: true },
      { text: ' c', mark: false },
    ]);
  });

  it('leaves punctuation after a matched word out of the mark', () => {
    expect(excerptParts(['عنوان.', 'متن'], [0])).toEqual([
      { text: 'عنوان', mark: true },
      { text: '. متن', mark: false },
    ]);
  });

  it('cuts a window around the densest matches, with ellipses', () => {
    const parts = excerptParts(words, [3, 60, 62, 64], 10);
    expect(text(parts)).toBe('… w55 w56 w57 w58 w59 w60 w61 w62 w63 w64 …');
    expect(parts.filter((part) => part.mark).map((part) => part.text)).toEqual([
      'w60',
      'w62',
      'w64',
    ]);
  });

  it('starts at the beginning without matches (a filter-only search)', () => {
    expect(text(excerptParts(words, [], 3))).toBe('w0 w1 w2 …');
  });
});

describe('index-search helpers', () => {
  it('maps built files to page addresses', () => {
    expect(pageUrl('index.html')).toBe('/');
    expect(pageUrl('news/x/index.html')).toBe('/news/x/');
    expect(pageUrl('en/search/index.html')).toBe('/en/search/');
  });

  it('keeps words in neighbouring cells apart', () => {
    expect(spaceCells('<dt>Address</dt><dd>Tehran</dd>')).toBe('<dt>Address </dt><dd>Tehran </dd>');
  });

  it('refuses a file that is not a Pagefind fragment', () => {
    expect(() => readFragment('fragment/fa_1.pf_fragment', new Uint8Array([1, 2]))).toThrow();
  });
});

describe('index-search on a small built site (real Pagefind)', () => {
  it('indexes only marked pages, per language, normalized, with the text as written kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bz-search-index-'));
    try {
      const page = (path: string, html: string) => {
        mkdirSync(join(dir, path), { recursive: true });
        writeFileSync(join(dir, path, 'index.html'), html);
      };
      page('', '<html lang="fa"><body><h1>خانه</h1><p>فهرست</p></body></html>');
      page(
        'news/a',
        `<html lang="fa"><body><article data-pagefind-body data-pagefind-filter="type:news">
          <h1 data-pagefind-meta="title">بازدید از ۱۰۰ محله‌ی کم‌برخوردار</h1>
          <p class="sample-notice">محتوای نمونه</p>
          <dl><dt>استان</dt><dd data-pagefind-filter="province:kerman">کرمان</dd></dl>
        </article></body></html>`,
      );
      page(
        'en/news/a',
        '<html lang="en"><body><article data-pagefind-body data-pagefind-filter="type:news"><h1>Visits</h1></article></body></html>',
      );
      const sqlitePath = join(dir, 'search.sqlite');
      const pages = await indexSearch(dir, { sqlitePath });
      expect(pages.map((p) => [p.url, p.language])).toEqual([
        ['/en/news/a/', 'en'],
        ['/news/a/', 'fa'],
      ]);
      const fragments = readdirSync(join(dir, 'pagefind/fragment')).map((name) =>
        readFragment(`fragment/${name}`, readFileSync(join(dir, 'pagefind/fragment', name))),
      );
      const fa = fragments.find((fragment) => fragment.url === '/news/a/');
      expect(fa?.content).toBe('بازدید از 100 محله-ی کم-برخوردار. استان کرمان');
      expect(fa?.content).not.toContain('نمونه');
      expect(fa?.meta.title).toBe('بازدید از ۱۰۰ محله‌ی کم‌برخوردار');
      expect(fa?.filters).toEqual({ type: ['news'], province: ['kerman'] });
      const words = displayWords(fa?.content ?? '', fa?.meta[ORIGINALS_META]);
      expect(words.join(' ')).toBe('بازدید از ۱۰۰ محله‌ی کم‌برخوردار. استان کرمان');
      // The same pass wrote the server's index (src/lib/search-index.ts).
      const db = openSearchIndex(sqlitePath);
      const found = searchIndex(db, {
        q: 'محله كمبرخوردار',
        lang: 'fa',
        page: 1,
        type: '',
        province: 'kerman',
      });
      db.close();
      expect(found.results.map((result) => result.url)).toEqual(['/news/a/']);
      // Pagefind's ready-made UI files are not shipped.
      expect(readdirSync(join(dir, 'pagefind')).some((name) => name.includes('-ui'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
