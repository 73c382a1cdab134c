import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeForSearch } from '../text.ts';
import {
  allowedDistance,
  analyzeText,
  closestNames,
  closestWords,
  compoundVariants,
  partsOf,
  persianDistance,
  queryTerms,
  rankName,
  TextLexicon,
  wordSegments,
} from './index.ts';

const ZWNJ = '\u200C';

/** The index words of a text, as the portal's indexer writes them (parts joined by "-"). */
const indexed = (text: string, lexicon = lexiconOf(text)) =>
  analyzeText(text, lexicon).map((word) => partsOf(word).join('-'));

function lexiconOf(...texts: string[]): TextLexicon {
  const lexicon = new TextLexicon();
  for (const text of texts) lexicon.add(text);
  return lexicon;
}

/**
 * What Pagefind indexes for a hyphenated index word: the word whole and each part. A query
 * term finds a page when it is one of these or the start of one (Pagefind's prefix match).
 */
const terms = (word: string) => new Set([word.replaceAll('-', ''), ...word.split('-')]);
const finds = (pageText: string, query: string, lexicon = lexiconOf(pageText)) => {
  const pageTerms = indexed(pageText, lexicon).flatMap((word) => [...terms(word)]);
  return queryTerms(query).every((term) => pageTerms.some((t) => t.startsWith(term)));
};

describe('wordSegments', () => {
  it('splits at the ZWNJ and normalizes each part', () => {
    expect(wordSegments(`پايگاه${ZWNJ}هاي`)).toEqual(['پایگاه', 'های']);
    expect(wordSegments('۱۲۳')).toEqual(['123']);
    expect(wordSegments(`${ZWNJ}ـ`)).toEqual([]);
  });
});

describe('queryTerms: inflected forms reduce to the stem', () => {
  it.each([
    ['پایگاه ها', ['پایگاه']],
    ['پایگاه‌ها', ['پایگاه']],
    ['پايگاههاي', ['پایگاه']],
    ['پایگاه‌هایشان', ['پایگاه']],
    ['کودکان', ['کودک']],
    ['معلولین', ['معلول']],
    ['نزدیک‌ترین', ['نزدیک']],
    ['بزرگ تر', ['بزرگ']],
    ['محله‌ی', ['محله']],
    ['خانه ای', ['خانه']],
    ['دانشجوئی', ['دانشجو']],
    ['خانه‌اش', ['خانه']],
    ['كم برخوردار', ['کم', 'برخوردار']],
    ['سکونت‌گاه‌ها', ['سکونتگاه']],
    ['می روم', ['میروم']],
    ['١٠٠ محلهي', ['100', 'محله']],
  ])('%s → %j', (query, expected) => {
    expect(queryTerms(query)).toEqual(expected);
  });

  it('keeps short words whole rather than strip them to a stub', () => {
    expect(queryTerms('استان')).toEqual(['استان']);
    expect(queryTerms('تنها')).toEqual(['تنها']);
    expect(queryTerms('ایران')).toEqual(['ایران']);
    expect(queryTerms('')).toEqual([]);
  });
});

describe('analyzeText: index words', () => {
  it('keeps one index word per written word', () => {
    const text = 'پایگاه ها در سکونت گاه های کم برخوردار';
    expect(indexed(text)).toHaveLength(text.split(' ').length);
  });

  it('strips a glued ending only where the rest is a word the text uses alone', () => {
    const lexicon = lexiconOf('کودک کودکان استان است پایگاههای');
    expect(indexed('کودکان استان پایگاههای', lexicon)).toEqual(['کودک-ان', 'استان', 'پایگاه-های']);
  });

  it('holds a compound whole and by its parts in all three spellings', () => {
    const lexicon = lexiconOf('سکونتگاه سکونت‌گاه سکونت گاه');
    expect(indexed('سکونتگاه', lexicon)).toEqual(['سکونت-گاه']);
    expect(indexed(`سکونت${ZWNJ}گاه`, lexicon)).toEqual(['سکونت-گاه']);
    expect(indexed('سکونت گاه', lexicon)).toEqual(['سکونت-گاه', 'گاه']);
  });

  it('learns a compound the text writes apart in one place and joined in another', () => {
    const lexicon = lexiconOf('خانواده‌های سرپناه یافته', 'سر پناه خانواده');
    expect(indexed('سر پناه خانواده', lexicon)[0]).toBe('سر-پناه');
  });

  it('handles three-part compounds', () => {
    const lexicon = lexiconOf('آموزش کم توان ذهنی');
    expect(indexed('آموزش کم توان ذهنی', lexicon)).toEqual([
      'اموزش', // آ is searched as ا
      'کم-توان-ذهنی',
      'توان',
      'ذهنی',
    ]);
    expect(indexed('کمتوانذهنی', lexicon)).toEqual(['کم-توان-ذهنی']);
  });

  it('joins endings and prefixes written apart to their word', () => {
    const lexicon = lexiconOf('پایگاه ها می روم روم');
    expect(indexed('پایگاه ها می روم', lexicon)).toEqual(['پایگاه-ها', 'ها', 'می-روم', 'روم']);
  });
});

describe('every spelling finds every other', () => {
  const spellings = (parts: string[]) => [parts.join(''), parts.join(ZWNJ), parts.join(' ')];
  const compounds = [
    ['سکونت', 'گاه'],
    ['حاشیه', 'نشین'],
    ['کم', 'برخوردار'],
    ['کم', 'توان', 'ذهنی'],
    ['توان', 'بخشی'],
  ];
  for (const parts of compounds) {
    for (const page of spellings(parts)) {
      for (const query of spellings(parts)) {
        it(`page «${page}» ← query «${query}»`, () => {
          // Other pages of the site write the compound the other ways (the lexicon is the site's).
          const lexicon = lexiconOf(page, ...spellings(parts).map((s) => `متن ${s} متن`));
          expect(finds(`در ${page} ها`, query, lexicon)).toBe(true);
        });
      }
    }
  }

  it('plural, ezafe and base forms meet in both directions', () => {
    const forms = ['پایگاه', 'پایگاه‌ها', 'پایگاهها', 'پایگاه ها', 'پایگاه‌های', 'پایگاههای'];
    for (const page of forms) {
      for (const query of forms) {
        expect(finds(`خبر ${page} استان`, query, lexiconOf(...forms)), `${page} ← ${query}`).toBe(
          true,
        );
      }
    }
  });

  // Random two-part compounds of Persian letters: the three spellings on a page are found by the
  // three spellings of the query, and Arabic letters or digits in the query change nothing.
  const letter = fc.constantFrom(...'ابپتجچحخدرزسشصطعفقکگلمنوهی');
  const part = fc.array(letter, { minLength: 3, maxLength: 6 }).map((l) => l.join(''));
  it('property: a compound written any way is found by any spelling of it', () => {
    fc.assert(
      fc.property(part, part, fc.nat(2), fc.nat(2), (a, b, pageWay, queryWay) => {
        const ways = spellings([a, b]);
        const page = `متن ${ways[pageWay]} متن`;
        const lexicon = lexiconOf(page, `${a}${ZWNJ}${b}`, a, b);
        const query = (ways[queryWay] ?? '').replaceAll('ی', 'ي').replaceAll('ک', 'ك');
        return finds(page, query, lexicon);
      }),
    );
  });

  it('property: index words stay aligned with written words', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(part, fc.constantFrom('ها', 'ی', 'می', ZWNJ, '۱۲')), { maxLength: 12 }),
        (words) => {
          const text = words.join(' ');
          const written = text.split(/\s+/u).filter((w) => w !== '');
          return analyzeText(text, lexiconOf(text)).length === written.length;
        },
      ),
    );
  });
});

describe('persianDistance', () => {
  it('makes dot and sound slips cheaper than other letters', () => {
    expect(persianDistance('مشاوره', 'مشاوره')).toBe(0);
    expect(persianDistance('مشاوره', 'مشاوزه')).toBe(0.5); // ر/ز: one dot
    expect(persianDistance('پایگاه', 'بایگاه')).toBe(0.5); // پ/ب
    expect(persianDistance('صحت', 'سحت')).toBe(0.5); // ص/س sound alike
    expect(persianDistance('مشاوره', 'مشاهده')).toBe(2);
    expect(persianDistance('کرمان', 'کرمنا')).toBe(1); // swapped letters
    expect(persianDistance('سکونتگاه', 'سکونت گاه')).toBe(0.25); // a space inside a compound
  });

  it('gives up past the limit', () => {
    expect(persianDistance('کرمان', 'اصفهان', 1)).toBe(Number.POSITIVE_INFINITY);
  });

  it('property: zero only for equal words, symmetric, at most the longer length', () => {
    const word = fc.string({
      unit: fc.constantFrom(...'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی '),
      maxLength: 8,
    });
    fc.assert(
      fc.property(word, word, (a, b) => {
        const d = persianDistance(a, b);
        return (
          (d === 0) === (a === b) &&
          d === persianDistance(b, a) &&
          d <= Math.max([...a].length, [...b].length)
        );
      }),
    );
  });

  it('allows more slips in longer words', () => {
    expect(allowedDistance('به')).toBe(0.5);
    expect(allowedDistance('کرمان')).toBe(1.5);
    expect(allowedDistance('سکونتگاههای')).toBe(2);
  });
});

describe('suggestions', () => {
  const vocabulary = ['پایگاه', 'مشاوره', 'مشاهده', 'سکونت', 'گاه', 'سکونتگاه', 'حاشیه', 'نشین'];

  it('offers the closest indexed words, closest first', () => {
    expect(closestWords('مشاوزه', vocabulary).map((s) => s.word)).toEqual(['مشاوره']);
    expect(closestWords('بايگاه', vocabulary).map((s) => s.word)).toEqual(['پایگاه']);
    expect(closestWords('زرافه', vocabulary)).toEqual([]);
    expect(closestWords('پایگاه', vocabulary)).toEqual([]);
  });

  it('joins or splits compounds where the index holds the result', () => {
    const words = new Set(vocabulary);
    expect(compoundVariants('سکونت گاه', words)).toEqual(['سکونتگاه']);
    expect(compoundVariants('حاشیهنشین', words)).toEqual(['حاشیه نشین']);
    expect(compoundVariants('مشاوره', words)).toEqual([]);
  });
});

describe('rankName and closestNames: the list matcher', () => {
  const places = [
    { id: 'kerman', names: ['کرمان', 'Kerman'] },
    { id: 'qaleh-ganj', names: ['قلعه‌گنج', 'Qaleh Ganj'] },
    { id: 'isfahan', names: ['اصفهان', 'Isfahan'] },
    { id: 'tehran', names: ['تهران', 'Tehran'] },
  ];

  it('ranks whole, start, word start and inside', () => {
    expect(rankName(['کرمان'], 'كرمان')).toBe(0);
    expect(rankName(['قلعه‌گنج'], 'قلعه')).toBe(1);
    expect(rankName(['پایگاه قلعه‌گنج'], 'قلعه گنج')).toBe(2);
    expect(rankName(['پایگاه قلعه‌گنج'], 'گنج')).toBe(3);
    expect(rankName(['کرمان'], 'اصفهان')).toBeUndefined();
    expect(rankName(['کرمان'], '  ')).toBeUndefined();
  });

  it('finds a name from an inflected query', () => {
    expect(rankName(['پایگاه خدمات'], 'پایگاه‌های خدمات')).toBeDefined();
    expect(rankName(['کرمان'], 'کرمانی')).toBe(1); // one rank below «کرمان» as typed
  });

  it('suggests the closest place names, never a far one', () => {
    const closest = (query: string) =>
      closestNames(places, (place) => place.names, query).map((place) => place.id);
    expect(closest('کرمن')).toEqual(['kerman']);
    expect(closest('اسفهان')).toEqual(['isfahan']);
    expect(closest('قلعه گنچ')).toEqual(['qaleh-ganj']);
    expect(closest('Tehrn')).toEqual(['tehran']);
    expect(closest('زرافه')).toEqual([]);
  });

  it('normalizes like normalizeForSearch', () => {
    fc.assert(
      fc.property(fc.constantFrom(...places), (place) => {
        const fa = place.names[0] ?? '';
        return rankName(place.names, normalizeForSearch(fa)) === 0;
      }),
    );
  });
});
