// Persian text helpers: search normalization, digit conversion and number parsing.
//
// Persian text on the web arrives in many encodings of "the same" word: typed on an Arabic
// keyboard (ي, ك), with or without the zero-width non-joiner (ZWNJ) between a stem and its
// suffix, with vowel marks, with tatweel stretching, with Persian, Arabic-Indic or Latin digits.
// A citizen searching for a base must find it whichever way either side typed it.

/** The ten Persian (Extended Arabic-Indic) digits, U+06F0–U+06F9, indexed by value. */
export const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

/** The ten Arabic-Indic digits, U+0660–U+0669, indexed by value. */
export const ARABIC_INDIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';

const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;

/**
 * Letter variants mapped to the form used for matching. Arabic letters go to their Persian
 * counterparts; hamza carriers and alef variants go to their base letter, because users rarely
 * type the hamza and content authors are inconsistent about it. آ also becomes ا: for search
 * «آب» and «اب» should meet (a user on a phone often cannot type آ).
 */
const LETTER_MAP: Readonly<Record<string, string>> = {
  // yeh: Arabic yeh, alef maksura, yeh with hamza above, Pashto/Kurdish/Uyghur yeh forms
  '\u064A': 'ی', // ي
  '\u0649': 'ی', // ى
  '\u0626': 'ی', // ئ
  '\u06CD': 'ی', // ۍ
  '\u06D0': 'ی', // ې
  // kaf: Arabic kaf and swash kaf
  '\u0643': 'ک', // ك
  '\u06AA': 'ک', // ڪ
  // heh: teh marbuta, heh with yeh above, heh goal, heh doachashmee, ae
  '\u0629': 'ه', // ة
  '\u06C0': 'ه', // ۀ
  '\u06C1': 'ه', // ہ
  '\u06C2': 'ه', // ۂ
  '\u06BE': 'ه', // ھ
  '\u06D5': 'ه', // ە
  // alef: with hamza above/below, wasla, madda, wavy hamza above/below
  '\u0623': 'ا', // أ
  '\u0625': 'ا', // إ
  '\u0671': 'ا', // ٱ
  '\u0622': 'ا', // آ
  '\u0672': 'ا', // ٲ
  '\u0673': 'ا', // ٳ
  // waw with hamza above
  '\u0624': 'و', // ؤ
};

const LETTER_RE = new RegExp(`[${Object.keys(LETTER_MAP).join('')}]`, 'gu');

/**
 * Marks removed for matching: harakat and other combining Arabic marks (U+064B–U+065F,
 * including the hamza above/below that NFKC leaves as separate marks), superscript alef
 * (U+0670), Quranic annotation signs (U+0610–U+061A, U+06D6–U+06DC, U+06DF–U+06E4, U+06E7,
 * U+06E8, U+06EA–U+06ED), tatweel (U+0640, a purely typographic stretch) and the standalone
 * hamza ء (U+0621), which writers add or leave out at a word's end («اجزاء», «اجزا»; «ابتداء»,
 * «ابتدا»). With ئ → ی, ؤ → و and أ إ → ا below, every hamza spelling meets its hamza-less one.
 */
const MARKS_RE =
  /[\u064B-\u065F\u0670\u0610-\u061A\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED\u0640\u0621]/gu;

/**
 * Invisible characters that join or direct text but carry no meaning for matching:
 * ZWNJ, ZWJ and zero-width space (U+200B–U+200D), bidi marks (LRM, RLM, ALM), bidi
 * embeddings/overrides (U+202A–U+202E) and isolates (U+2066–U+2069), BOM/ZWNBSP (U+FEFF),
 * soft hyphen (U+00AD) and word joiner (U+2060).
 */
const INVISIBLE_RE = /[\u200B-\u200F\u061C\u202A-\u202E\u2066-\u2069\uFEFF\u00AD\u2060]/gu;

/** Bidi marks only; removed before parsing numbers and dates copied from RTL text. */
const BIDI_MARKS_RE = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/gu;

const NON_LATIN_DIGIT_RE = /[\u06F0-\u06F9\u0660-\u0669]/gu;

/**
 * Replaces Persian (۰–۹) and Arabic-Indic (٠–٩) digits with Latin digits (0–9); everything
 * else is kept. Use it before parsing any number, date or time a person typed.
 */
export function normalizeDigits(text: string): string {
  return text.replace(NON_LATIN_DIGIT_RE, (ch) => {
    const code = ch.charCodeAt(0);
    const zero = code >= PERSIAN_ZERO ? PERSIAN_ZERO : ARABIC_INDIC_ZERO;
    return String(code - zero);
  });
}

/** Removes bidi control marks (LRM, RLM, ALM, embeddings, isolates) that copy-paste from RTL text leaves behind. */
export function stripBidiMarks(text: string): string {
  return text.replace(BIDI_MARKS_RE, '');
}

/** C0 controls but tab and line feed, DEL, and C1 controls (ESC and CSI start terminal sequences). */
const CONTROL_RE = /(?![\t\n])\p{Cc}/gu;
/** Bidi embeddings, overrides and isolates: they reorder what follows ("Trojan Source"). */
const BIDI_FORMATTING_RE = /[\u202A-\u202E\u2066-\u2069]/gu;

/**
 * Text a person typed (a citizen's message or name), as it is stored: NFC; line ends as `\n`;
 * control characters and bidi embeddings, overrides and isolates removed; with `multiline:
 * false`, tabs and line breaks become one space. Kept: ZWNJ and ZWJ, which Persian spelling
 * needs, and the marks LRM, RLM and ALM, which cannot reorder beyond themselves.
 *
 * Removed rather than refused: these characters are invisible, so a person who pasted them
 * could not find them to fix a refusal, and removing them changes nothing they can see. They
 * could make a staff screen or a terminal show something other than what was sent.
 */
export function cleanTypedText(text: string, options: { multiline: boolean }): string {
  const clean = text
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL_RE, '')
    .replace(BIDI_FORMATTING_RE, '');
  // NFC last: removing a control between a letter and its mark lets them compose.
  return (options.multiline ? clean : clean.replace(/[\t\n]+/g, ' ')).normalize('NFC');
}

/**
 * Normalizes text for matching, never for display.
 *
 * Steps, in order:
 * 1. NFKC, so Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF), full-width Latin and
 *    ligatures become base letters;
 * 2. Arabic and variant letters to the Persian/base form (ي ى ئ ۍ ې → ی, ك ڪ → ک,
 *    ة ۀ ہ ۂ ھ ە → ه, أ إ ٱ آ ٲ ٳ → ا, ؤ → و);
 * 3. harakat, Quranic marks, tatweel and the standalone hamza ء removed;
 * 4. Persian and Arabic-Indic digits to Latin;
 * 5. ZWNJ, ZWJ and other invisible characters removed, so «برنامه‌ها» and «برنامهها» become
 *    identical (both without the joiner);
 * 6. every run of whitespace collapsed to one ASCII space, trimmed;
 * 7. lower-cased (for Latin text such as programme codes).
 *
 * The spaced form «برنامه ها» keeps its space here so word boundaries survive for indexing
 * (Pagefind splits on spaces). To make all three spellings find each other, compare with
 * {@link searchKey} or {@link matchesSearch}, which also drop spaces.
 */
export function normalizeForSearch(text: string): string {
  return normalizeDigits(
    text
      .normalize('NFKC')
      .replace(LETTER_RE, (ch) => LETTER_MAP[ch] ?? ch)
      .replace(MARKS_RE, ''),
  )
    .replace(INVISIBLE_RE, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase();
}

/**
 * The comparison key for substring search: {@link normalizeForSearch} with every space removed.
 * Persian writers join a suffix with ZWNJ, with a space or with nothing; without spaces all
 * three give the same key. The cost is that a query may match across a word boundary, which
 * for short lists of names (bases, programmes) finds more, never less.
 */
export function searchKey(text: string): string {
  return normalizeForSearch(text).replace(/ /g, '');
}

/**
 * True when `query` occurs in `haystack` after both are reduced with {@link searchKey}.
 * An empty (or whitespace-only) query matches everything, so an empty search box lists all.
 */
export function matchesSearch(haystack: string, query: string): boolean {
  return searchKey(haystack).includes(searchKey(query));
}

/** True for `fa`, `fa-IR`, `FA_ir` and other Persian tags. */
function isPersianLocale(locale: string): boolean {
  return /^fa(?:[-_]|$)/i.test(locale);
}

/** The Intl locale used for a kit locale: Persian always formats as fa-IR (Persian digits, ٬ and ٫). */
function intlNumberLocale(locale: string): string {
  if (isPersianLocale(locale)) return 'fa-IR';
  try {
    return Intl.getCanonicalLocales(locale.replace(/_/g, '-'))[0] ?? 'en';
  } catch {
    // An unknown or malformed tag must not break a page: fall back to English formatting.
    return 'en';
  }
}

/**
 * Writes digits for a locale.
 * - A string keeps its characters and only swaps digits of any set (Persian, Arabic-Indic,
 *   Latin): Persian digits for `fa*`, Latin digits for every other locale. Use it for codes,
 *   phone numbers and times such as `08:00` that must not be regrouped.
 * - A number is formatted with `Intl.NumberFormat` of the locale (`fa` → `fa-IR`: Persian
 *   digits, ٬ thousands and ٫ decimal separators); `options` are passed to Intl.
 */
export function toLocaleDigits(
  value: string | number,
  locale: string,
  options?: Intl.NumberFormatOptions,
): string {
  if (typeof value === 'number') {
    return new Intl.NumberFormat(intlNumberLocale(locale), options).format(value);
  }
  const latin = normalizeDigits(value);
  if (!isPersianLocale(locale)) return latin;
  return latin.replace(/[0-9]/g, (d) => PERSIAN_DIGITS[Number(d)] ?? d);
}

/**
 * Grammar of accepted numbers after digits are made Latin: optional sign (`-`, `+`, U+2212),
 * an integer part either plain or grouped in threes with ٬ (U+066C) or `,`, and an optional
 * fraction after ٫ (U+066B) or `.`. `/` is deliberately not a decimal separator even though
 * some Persian writers use it: `1403/05/12` must never read as a number.
 */
const NUMBER_RE = /^([-+\u2212])?(\d+|\d{1,3}(?:[\u066C,]\d{3})+)?(?:[\u066B.](\d+))?$/u;

/**
 * Parses a number typed in any digit set: Persian (۰–۹), Arabic-Indic (٠–٩) or Latin.
 * Accepts thousands separators ٬ and `,` (only in groups of three, so the European `1,5`
 * is rejected rather than read as 15), decimal separators ٫ and `.`, a leading minus
 * (`-` or U+2212) or plus, and surrounding whitespace and bidi marks.
 * Returns `undefined` for anything else, never `NaN` or an infinity.
 */
export function parseNumber(text: string): number | undefined {
  const cleaned = normalizeDigits(stripBidiMarks(text)).trim();
  const match = NUMBER_RE.exec(cleaned);
  if (!match) return undefined;
  const [, sign, integer, fraction] = match;
  if (integer === undefined && fraction === undefined) return undefined;
  const digits = `${(integer ?? '0').replace(/[\u066C,]/gu, '')}.${fraction ?? '0'}`;
  const magnitude = Number(digits);
  if (!Number.isFinite(magnitude)) return undefined;
  // `+ 0` turns -0 into 0 so "-0" does not leak a negative zero into comparisons or output.
  return (sign === '-' || sign === '\u2212' ? -magnitude : magnitude) + 0;
}
