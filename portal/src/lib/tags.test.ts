import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalTag,
  canonicalTagRedirect,
  earlierTagSlug,
  earlierTagSlugs,
  tidyTag,
  tidyTags,
} from './tags.ts';

const ZWNJ = '\u200C';

/** Persian words, and the ways the same word arrives from other keyboards. */
const persianLetters = 'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی';
const persianWord = fc
  .array(fc.constantFrom(...persianLetters), { minLength: 1, maxLength: 8 })
  .map((letters) => letters.join(''));
const digitsOf = (n: number, set: string) =>
  String(n).replace(/\d/g, (d) => set[Number(d)] as string);
const LATIN = '0123456789';
const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC = '٠١٢٣٤٥٦٧٨٩';

/** The same tag as a person on another keyboard, or in a hurry, might write it. */
function variant(parts: string[], choice: { arabic: boolean; joiner: string; pad: string }) {
  const joined = parts.join(choice.joiner);
  const letters = choice.arabic ? joined.replace(/ی/g, 'ي').replace(/ک/g, 'ك') : joined;
  return `${choice.pad}${letters}${choice.pad}`;
}
const choice = fc.record({
  arabic: fc.boolean(),
  joiner: fc.constantFrom(' ', ZWNJ, '  ', ` ${ZWNJ}`, '-', '\u00A0'),
  pad: fc.constantFrom('', ' ', '\t'),
});

describe('canonicalTag', () => {
  it('is idempotent, for any text', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (tag) => {
        const slug = canonicalTag(tag);
        expect(canonicalTag(slug)).toBe(slug);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (tag) => {
        const slug = canonicalTag(tag);
        expect(canonicalTag(slug)).toBe(slug);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives a path segment: no separator, slash, query or fragment, no empty part', {
    timeout: 30_000,
  }, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (tag) => {
        const slug = canonicalTag(tag);
        expect(slug).not.toMatch(/[\s/?#%\\\u200C]/u);
        expect(slug).not.toMatch(/^-|-$|--/);
      }),
      { numRuns: 2000 },
    );
  });

  it('maps Arabic ي/ك, ZWNJ/space/hyphen joins and padding of one tag to one slug', () => {
    fc.assert(
      fc.property(
        fc.array(persianWord, { minLength: 1, maxLength: 4 }),
        choice,
        choice,
        (parts, a, b) => {
          expect(canonicalTag(variant(parts, a))).toBe(canonicalTag(variant(parts, b)));
        },
      ),
    );
  });

  it('maps Persian, Arabic-Indic and Latin digits to one slug', () => {
    fc.assert(
      fc.property(fc.nat(99999), persianWord, (n, word) => {
        const slugs = [LATIN, PERSIAN, ARABIC].map((set) =>
          canonicalTag(`${word} ${digitsOf(n, set)}`),
        );
        expect(new Set(slugs).size).toBe(1);
      }),
    );
  });

  it('keeps distinct words distinct', () => {
    fc.assert(
      fc.property(
        fc.array(persianWord, { minLength: 1, maxLength: 3 }),
        fc.array(persianWord, { minLength: 1, maxLength: 3 }),
        (a, b) => {
          fc.pre(a.join(' ') !== b.join(' '));
          expect(canonicalTag(a.join(' '))).not.toBe(canonicalTag(b.join(' ')));
        },
      ),
    );
    fc.assert(
      fc.property(fc.nat(99999), fc.nat(99999), (a, b) => {
        fc.pre(a !== b);
        expect(canonicalTag(`سال ${a}`)).not.toBe(canonicalTag(`سال ${b}`));
      }),
    );
  });

  it.each([
    ['سکونتگاه غیررسمی', 'سکونتگاه-غیررسمی'],
    ['  سکونتگاه   غیررسمی ', 'سکونتگاه-غیررسمی'],
    ['كودكان كار', 'کودکان-کار'],
    ['برنامه‌ها', 'برنامه-ها'],
    ['برنامه ها', 'برنامه-ها'],
    ['طرح ۱۴۰۴', 'طرح-1404'],
    ['طرح ١٤٠٤', 'طرح-1404'],
    ['Social Emergency', 'social-emergency'],
    ['a/b?c#d%e', 'abcde'],
    ['   ', ''],
  ])('%s → %s', (tag, slug) => {
    expect(canonicalTag(tag)).toBe(slug);
  });
});

describe('tidyTag and tidyTags (what the editor stores)', () => {
  it('writes Arabic ي/ك as Persian, one space between words, keeps ZWNJ and digits', () => {
    expect(tidyTag(' كودكان   كار ')).toBe('کودکان کار');
    expect(tidyTag(`برنامه${ZWNJ}ها`)).toBe(`برنامه${ZWNJ}ها`);
    expect(tidyTag(`برنامه${ZWNJ} ها`)).toBe('برنامه ها');
    expect(tidyTag('طرح ۱۴۰۴')).toBe('طرح ۱۴۰۴');
  });

  it('keeps the slug of what it tidies, and is idempotent', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (tag) => {
        expect(canonicalTag(tidyTag(tag))).toBe(canonicalTag(tag));
        expect(tidyTag(tidyTag(tag))).toBe(tidyTag(tag));
      }),
      { numRuns: 2000 },
    );
  });

  it('lists a tag once whatever its spellings, in the order first written, without empties', () => {
    expect(tidyTags(['كودكان كار', 'توانمندسازی', 'کودکان‌کار', '  ', 'کودکان کار'])).toEqual([
      'کودکان کار',
      'توانمندسازی',
    ]);
  });
});

describe('earlier tag addresses', () => {
  it('tells an on-demand tag page where a variant address belongs', () => {
    expect(canonicalTagRedirect('محله\u200cمحور')).toBe('محله-محور');
    expect(canonicalTagRedirect('كودكان-كار')).toBe('کودکان-کار');
    expect(canonicalTagRedirect('محله-محور')).toBeUndefined();
    expect(canonicalTagRedirect('%')).toBeUndefined();
    fc.assert(
      fc.property(fc.string(), (slug) => {
        const target = canonicalTagRedirect(slug);
        if (target !== undefined) expect(canonicalTagRedirect(target)).toBeUndefined();
      }),
    );
  });

  it('lists the tags whose address changed, to redirect them', () => {
    const moved = earlierTagSlugs(['سکونتگاه غیررسمی', 'كودكان كار', 'طرح ۱۴۰۴']);
    expect([...moved]).toEqual([
      ['كودكان-كار', 'کودکان-کار'],
      ['طرح-۱۴۰۴', 'طرح-1404'],
    ]);
    expect(earlierTagSlug('سکونتگاه غیررسمی')).toBe(canonicalTag('سکونتگاه غیررسمی'));
  });
});
