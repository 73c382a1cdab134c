// Text written by others, made safe to show or to open in a spreadsheet: the feedback service's
// staff views and CSV export (citizens' text is stored as given; only these outputs defuse it,
// so nothing the person wrote is lost) and the open-data CSV download.

/**
 * Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). They reorder what
 * follows them on screen, so a message could make a name, a code or a spreadsheet cell look
 * like something else ("Trojan Source"). The marks LRM, RLM and ALM are kept: they cannot nest
 * or leak, and Persian text uses them legitimately (as it does ZWNJ, which is untouched).
 */
const BIDI_CONTROLS_RE = /[\u202A-\u202E\u2066-\u2069]/gu;

/** Removes bidi embedding, override and isolate controls. */
export function neutraliseBidi(text: string): string {
  return text.replace(BIDI_CONTROLS_RE, '');
}

/**
 * Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection"), plus
 * their full-width forms, which some spreadsheet programs also accept.
 */
const FORMULA_START_RE = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/u;

/** A value safe to open in a spreadsheet: bidi neutralised, formulas prefixed with `'`. */
export function spreadsheetSafe(text: string): string {
  const clean = neutraliseBidi(text);
  return FORMULA_START_RE.test(clean) ? `'${clean}` : clean;
}

/** One CSV field (RFC 4180): quoted when it holds a quote, comma or line break. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? spreadsheetSafe(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV row ending in CRLF, as RFC 4180 and spreadsheet programs expect. */
export function csvRow(values: readonly (string | number | boolean | null | undefined)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
