import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cleanTypedText,
  matchesSearch,
  normalizeDigits,
  normalizeForSearch,
  parseNumber,
  searchKey,
  stripBidiMarks,
  toLocaleDigits,
} from './text.ts';

const ZWNJ = '\u200C';
const ZWJ = '\u200D';

describe('normalizeDigits', () => {
  it('turns Persian digits into Latin', () => {
    expect(normalizeDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
  });
  it('turns Arabic-Indic digits into Latin', () => {
    expect(normalizeDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
  });
  it('keeps Latin digits and other text', () => {
    expect(normalizeDigits('کد 12 و ۳٤')).toBe('کد 12 و 34');
  });
});

describe('stripBidiMarks', () => {
  it('removes LRM, RLM, ALM, embeddings and isolates', () => {
    expect(
      stripBidiMarks(
        '\u200E1\u200F2\u061C3\u202A4\u202B5\u202C6\u202D7\u202E8\u20669\u2067a\u2068b\u2069',
      ),
    ).toBe('123456789ab');
  });
});

describe('normalizeForSearch: letters', () => {
  // [variant, expected base] for every letter variant the function claims to handle.
  const letters: [string, string, string][] = [
    ['\u064A', 'ی', 'Arabic yeh ي'],
    ['\u0649', 'ی', 'alef maksura ى'],
    ['\u0626', 'ی', 'yeh with hamza ئ'],
    ['\u06CD', 'ی', 'yeh with tail ۍ'],
    ['\u06D0', 'ی', 'e ې'],
    ['\u0643', 'ک', 'Arabic kaf ك'],
    ['\u06AA', 'ک', 'swash kaf ڪ'],
    ['\u0629', 'ه', 'teh marbuta ة'],
    ['\u06C0', 'ه', 'heh with yeh above ۀ'],
    ['\u06C1', 'ه', 'heh goal ہ'],
    ['\u06C2', 'ه', 'heh goal with hamza ۂ'],
    ['\u06BE', 'ه', 'heh doachashmee ھ'],
    ['\u06D5', 'ه', 'ae ە'],
    ['\u0623', 'ا', 'alef with hamza above أ'],
    ['\u0625', 'ا', 'alef with hamza below إ'],
    ['\u0671', 'ا', 'alef wasla ٱ'],
    ['\u0622', 'ا', 'alef with madda آ'],
    ['\u0672', 'ا', 'alef with wavy hamza above ٲ'],
    ['\u0673', 'ا', 'alef with wavy hamza below ٳ'],
    ['\u0624', 'و', 'waw with hamza ؤ'],
  ];
  it.each(letters)('maps %s to %s (%s)', (variant, base) => {
    expect(normalizeForSearch(`ب${variant}ب`)).toBe(`ب${base}ب`);
  });

  it('leaves the Persian letters themselves alone', () => {
    const persian = 'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی';
    expect(normalizeForSearch(persian)).toBe(persian);
  });

  it('handles decomposed hamza and madda sequences', () => {
    expect(normalizeForSearch('\u064A\u0654')).toBe('ی'); // yeh + hamza above (NFKC composes to ئ)
    expect(normalizeForSearch('\u0627\u0653')).toBe('ا'); // alef + madda (composes to آ)
    expect(normalizeForSearch('\u0627\u0654')).toBe('ا'); // alef + hamza above (أ)
    expect(normalizeForSearch('\u0627\u0655')).toBe('ا'); // alef + hamza below (إ)
    expect(normalizeForSearch('\u0648\u0654')).toBe('و'); // waw + hamza above (ؤ)
    expect(normalizeForSearch('\u0647\u0654')).toBe('ه'); // heh + hamza above, a common way to type ۀ
  });

  it('maps Arabic presentation forms through NFKC', () => {
    // ﻛ (kaf initial, FEDB) ﺘ (teh medial, FE98) ﺎ (alef final, FE8E) ﺏ (beh isolated, FE8F)
    expect(normalizeForSearch('\uFEDB\uFE98\uFE8E\uFE8F')).toBe('کتاب');
    // ﯼ farsi yeh isolated (FBFC) and ﮎ keheh isolated (FB8E) from the FB50 block
    expect(normalizeForSearch('\uFBFC\uFB8E')).toBe('یک');
    // ﻯ alef maksura isolated (FEEF) → ى → ی; ﺓ teh marbuta isolated (FE93) → ة → ه
    expect(normalizeForSearch('\uFEEF\uFE93')).toBe('یه');
    // ﻻ lam-alef ligature (FEFB) splits into two letters
    expect(normalizeForSearch('\uFEFB')).toBe('لا');
  });

  it('treats Arabic and Persian spellings of a real name as equal', () => {
    expect(normalizeForSearch('بهزيستي كرمانشاه')).toBe(normalizeForSearch('بهزیستی کرمانشاه'));
    expect(normalizeForSearch('مشاورة')).toBe('مشاوره');
    expect(normalizeForSearch('خانهٔ سالمندان')).toBe('خانه سالمندان');
    expect(normalizeForSearch('خانۀ سالمندان')).toBe('خانه سالمندان');
    expect(normalizeForSearch('مسئول')).toBe('مسیول');
    expect(normalizeForSearch('مسؤول')).toBe('مسوول');
    expect(normalizeForSearch('اجزاء')).toBe(normalizeForSearch('اجزا')); // standalone hamza
    expect(normalizeForSearch('سؤال')).toBe(normalizeForSearch('سوال'));
    expect(normalizeForSearch('پائیز')).toBe(normalizeForSearch('پاییز'));
  });
});

describe('normalizeForSearch: marks, joiners, digits, spaces, case', () => {
  const harakat = [
    '\u064B', // fathatan
    '\u064C', // dammatan
    '\u064D', // kasratan
    '\u064E', // fatha
    '\u064F', // damma
    '\u0650', // kasra
    '\u0651', // shadda
    '\u0652', // sukun
    '\u0653', // maddah above
    '\u0654', // hamza above
    '\u0655', // hamza below
    '\u0656', // subscript alef
    '\u0657', // inverted damma
    '\u0658', // noon ghunna mark
    '\u065F', // wavy hamza below
    '\u0670', // superscript alef
    '\u0610', // Quranic sallallahou sign
    '\u061A', // Quranic small kasra
    '\u06D6', // small high ligature
    '\u06DC', // small high seen
    '\u06DF', // small high rounded zero
    '\u06E4', // small high madda
    '\u06E7', // small high yeh
    '\u06E8', // small high noon
    '\u06EA', // empty centre low stop
    '\u06ED', // small low meem
  ];
  it.each(harakat.map((m) => [m.codePointAt(0)?.toString(16), m]))(
    'removes mark U+%s',
    (_, mark) => {
      expect(normalizeForSearch(`د${mark}ر`)).toBe('در');
    },
  );

  it('removes harakat from a vowelled word', () => {
    expect(normalizeForSearch('مُعَلِّم')).toBe('معلم');
    expect(normalizeForSearch('کتاباً')).toBe('کتابا');
  });

  it('removes tatweel', () => {
    expect(normalizeForSearch('بهـــزیســتی')).toBe('بهزیستی');
  });

  it('removes ZWNJ, ZWJ and zero-width space so joined and unjoined forms are equal', () => {
    expect(normalizeForSearch(`برنامه${ZWNJ}ها`)).toBe('برنامهها');
    expect(normalizeForSearch(`برنامه${ZWJ}ها`)).toBe('برنامهها');
    expect(normalizeForSearch('برنامه\u200Bها')).toBe('برنامهها');
    expect(normalizeForSearch(`می${ZWNJ}${ZWNJ}خواهم`)).toBe('میخواهم');
  });

  it('keeps a real space as a word boundary', () => {
    expect(normalizeForSearch('برنامه ها')).toBe('برنامه ها');
  });

  it('removes BOM, soft hyphen, word joiner and bidi marks', () => {
    expect(
      normalizeForSearch('\uFEFFمر\u00ADکز\u2060\u200E\u200F\u061C\u202B\u202C\u2067\u2069'),
    ).toBe('مرکز');
  });

  it('unifies Persian, Arabic-Indic and Latin digits', () => {
    expect(normalizeForSearch('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(normalizeForSearch('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(normalizeForSearch('0123456789')).toBe('0123456789');
    // full-width digits go through NFKC
    expect(normalizeForSearch('１２３')).toBe('123');
  });

  it('collapses every kind of whitespace and trims', () => {
    expect(normalizeForSearch('  مرکز\t\n\u00A0 \u202F\u2009مشاوره  ')).toBe('مرکز مشاوره');
  });

  it('lower-cases Latin text', () => {
    expect(normalizeForSearch('Behzisti SMS 1480')).toBe('behzisti sms 1480');
  });

  it('returns an empty string for empty and invisible-only input', () => {
    expect(normalizeForSearch('')).toBe('');
    expect(normalizeForSearch(` ${ZWNJ}\u0640\u064E `)).toBe('');
  });
});

describe('searchKey and matchesSearch', () => {
  const forms = [`برنامه${ZWNJ}ها`, 'برنامهها', 'برنامه ها', `برنامه${ZWJ}ها`, 'برنامه  ها'];

  it('gives the three spellings of «برنامه‌ها» the same key', () => {
    const keys = new Set(forms.map(searchKey));
    expect([...keys]).toEqual(['برنامهها']);
  });

  it.each(forms.flatMap((h) => forms.map((q) => [h, q])))('«%s» finds «%s»', (haystack, query) => {
    expect(matchesSearch(`فهرست ${haystack} توانبخشی`, query)).toBe(true);
  });

  it('matches Arabic-keyboard queries and other digit sets', () => {
    expect(matchesSearch('مرکز بهزیستی شهرستان ۱۲', 'بهزيستي')).toBe(true);
    expect(matchesSearch('مرکز بهزیستی شهرستان ۱۲', 'شهرستان 12')).toBe(true);
    expect(matchesSearch('مرکز بهزیستی شهرستان ۱۲', 'شهرستان ١٢')).toBe(true);
    expect(matchesSearch('کمک هزینه', 'كمك‌هزينه')).toBe(true);
  });

  it('does not match unrelated text', () => {
    expect(matchesSearch('مرکز بهزیستی', 'مشاوره')).toBe(false);
    expect(matchesSearch('کد 12', '13')).toBe(false);
  });

  it('treats an empty query as matching everything', () => {
    expect(matchesSearch('هر چیزی', '')).toBe(true);
    expect(matchesSearch('هر چیزی', '  ')).toBe(true);
  });
});

describe('toLocaleDigits', () => {
  it('writes Persian digits for fa strings, whatever the input digit set', () => {
    expect(toLocaleDigits('08:00-14:00', 'fa')).toBe('۰۸:۰۰-۱۴:۰۰');
    expect(toLocaleDigits('٠١٢٣٤٥٦٧٨٩', 'fa')).toBe('۰۱۲۳۴۵۶۷۸۹');
    expect(toLocaleDigits('تلفن 123', 'fa-IR')).toBe('تلفن ۱۲۳');
  });

  it('writes Latin digits for en and other locales', () => {
    expect(toLocaleDigits('۰۸:۰۰', 'en')).toBe('08:00');
    expect(toLocaleDigits('٠١٢٣٤٥٦٧٨٩', 'en-GB')).toBe('0123456789');
    expect(toLocaleDigits('۱۲۳', 'de')).toBe('123');
  });

  it('formats numbers with Persian digits and separators for fa', () => {
    expect(toLocaleDigits(1234567.89, 'fa')).toBe('۱٬۲۳۴٬۵۶۷٫۸۹');
    expect(toLocaleDigits(0, 'fa')).toBe('۰');
    // Intl puts a left-to-right mark before the minus sign so it stays on the left in RTL text.
    expect(toLocaleDigits(-5, 'fa')).toBe('\u200E\u2212۵');
  });

  it('formats numbers for en and passes Intl options through', () => {
    expect(toLocaleDigits(1234567.89, 'en')).toBe('1,234,567.89');
    expect(toLocaleDigits(1403, 'fa', { useGrouping: false })).toBe('۱۴۰۳');
    expect(toLocaleDigits(0.256, 'en', { style: 'percent' })).toBe('26%');
  });

  it('falls back to English for a malformed locale tag instead of throwing', () => {
    expect(toLocaleDigits(1234, 'not a locale!')).toBe('1,234');
  });
});

describe('parseNumber', () => {
  it.each([
    ['123', 123],
    ['۱۲۳', 123],
    ['١٢٣', 123],
    ['۱2٣', 123],
    ['۱٬۲۳۴٬۵۶۷', 1234567],
    ['1,234,567', 1234567],
    ['۱٬۲۳۴,۵۶۷', 1234567],
    ['۳٫۵', 3.5],
    ['3.5', 3.5],
    ['٣٫٥', 3.5],
    ['۱٬۲۳۴٫۵', 1234.5],
    ['1,234.5', 1234.5],
    ['.5', 0.5],
    ['۰', 0],
    ['-۱۲', -12],
    ['\u2212۱۲', -12],
    ['+7', 7],
    ['  ۴۲ ', 42],
    ['\u200E\u2212۵', -5],
    ['\u200F۴۲\u200F', 42],
    ['\u061C۴۲', 42],
    ['007', 7],
  ])('parses %j as %d', (text, expected) => {
    expect(parseNumber(text)).toBe(expected);
  });

  it('turns -0 into 0', () => {
    expect(Object.is(parseNumber('-0'), 0)).toBe(true);
  });

  it.each([
    '',
    '   ',
    'abc',
    '۱۲a',
    '1,5',
    '12,34',
    '1,2345',
    ',123',
    '1.234,5',
    '1.2.3',
    '۳/۵',
    '1403/05/12',
    '5.',
    '-',
    '--5',
    '1e3',
    'Infinity',
    'NaN',
    '0x10',
    '1 234',
    '9'.repeat(400),
  ])('rejects %j', (text) => {
    expect(parseNumber(text)).toBeUndefined();
  });
});

describe('cleanTypedText', () => {
  it('removes controls and bidi overrides, keeps what Persian needs, normalises line ends', () => {
    const multiline = { multiline: true };
    expect(cleanTypedText('می\u200Cخواهم', multiline)).toBe('می\u200Cخواهم');
    expect(cleanTypedText('a\u202Egnp.exe\u202C b\u2066c\u2069', multiline)).toBe('agnp.exe bc');
    expect(cleanTypedText('\u001B[31mred\u009B0m\u0007', multiline)).toBe('[31mred0m');
    expect(cleanTypedText('one\r\ntwo\rthree\n\tfour', multiline)).toBe('one\ntwo\nthree\n\tfour');
    expect(cleanTypedText('\u200Fسلام\u200E\u061C', multiline)).toBe('\u200Fسلام\u200E\u061C');
    expect(cleanTypedText('Sara\n\tAhmadi', { multiline: false })).toBe('Sara Ahmadi');
    // NFC: one spelling of a letter, however it was typed.
    expect(cleanTypedText('e\u0301', multiline)).toBe('\u00E9');
    expect(cleanTypedText('e\u0007\u0301', multiline)).toBe('\u00E9');
  });

  it('never leaves a control or an override, and is idempotent (generated)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.boolean(), (text, multiline) => {
        // (also NFC: cleaning twice changes nothing)
        const clean = cleanTypedText(text, { multiline });
        expect(clean).not.toMatch(/(?![\t\n])\p{Cc}|[\u202A-\u202E\u2066-\u2069]/u);
        if (!multiline) expect(clean).not.toMatch(/[\t\n]/);
        expect(cleanTypedText(clean, { multiline })).toBe(clean);
        // ZWNJ and ZWJ survive.
        const joiners = (value: string) => value.replace(/[^\u200C\u200D]/g, '');
        expect(joiners(clean)).toBe(joiners(text.normalize('NFC')));
      }),
    );
  });
});
