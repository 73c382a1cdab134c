import { parse as parseCsv } from 'csv-parse/sync';

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
const FORMULA_START = /[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/u;
/**
 * What a spreadsheet may skip before deciding a cell is a formula: spaces (Unicode Zs),
 * invisible format characters (Cf: ZWNJ, ZWJ, the BOM, bidi marks, word joiners…) and the
 * double quote, which opens a quoted field when a spreadsheet splits inside one.
 */
const IGNORABLE = /[\p{Zs}\p{Cf}"]/u;
/**
 * Where a cell may start: the field's start, and after any separator a spreadsheet could split
 * on (`,` `;` tab, and line breaks) when it guesses another delimiter or ignores the quotes.
 */
const SEPARATOR = /[,;\t\r\n]/u;
/**
 * C0 and C1 control characters a terminal acts on (ESC and CSI start escape sequences; BEL, BS
 * and the like too), shown as the Unicode control pictures instead (ESC → ␛). Tab and line
 * breaks are kept. The stored text is untouched; only the file is made safe.
 */
const TERMINAL_CONTROL_RE = /(?![\t\n\r])\p{Cc}/gu;

const picture = (char: string): string => {
  const code = char.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  return code === 0x7f ? '\u2421' : '\uFFFD';
};

/** True when `text` at `at`, after ignorable characters, starts with a formula character or `'`. */
function needsQuote(text: string, at: number): boolean {
  let i = at;
  for (let point = text.codePointAt(i); point !== undefined; point = text.codePointAt(i)) {
    const char = String.fromCodePoint(point);
    if (!IGNORABLE.test(char)) break;
    i += char.length; // tag characters (U+E0000…) and other astral ones are two code units
  }
  const char = text[i];
  return char !== undefined && (char === "'" || FORMULA_START.test(char));
}

/**
 * A value safe to open in a spreadsheet or print in a terminal: bidi neutralised, terminal
 * controls shown as pictures, and a `'` put before every place a cell could start (the field's
 * start and after each `,` `;` tab or line break) that a spreadsheet could read as a formula,
 * even after spaces or invisible characters. A `'` already there gets another, so
 * {@link fromSpreadsheetCell} can take off exactly what was added: what is read back equals
 * what was written.
 */
export function spreadsheetSafe(text: string): string {
  const clean = neutraliseBidi(text).replace(TERMINAL_CONTROL_RE, picture);
  let out = '';
  for (let i = 0; i <= clean.length; i++) {
    if ((i === 0 || SEPARATOR.test(clean[i - 1] as string)) && needsQuote(clean, i)) out += "'";
    if (i < clean.length) out += clean[i];
  }
  return out;
}

/** The inverse of {@link spreadsheetSafe}'s `'` prefixes, for reading a cell back. */
export function fromSpreadsheetCell(cell: string): string {
  let out = '';
  for (let i = 0; i < cell.length; i++) {
    const atStart = i === 0 || SEPARATOR.test(cell[i - 1] as string);
    if (atStart && cell[i] === "'" && needsQuote(cell, i + 1)) continue;
    out += cell[i];
  }
  return out;
}

/**
 * One CSV field (RFC 4180): quoted when it holds a quote, a separator a spreadsheet might use
 * (`,` `;` tab) or a line break.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? spreadsheetSafe(value) : String(value);
  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV row ending in CRLF, as RFC 4180 and spreadsheet programs expect. */
export function csvRow(values: readonly (string | number | boolean | null | undefined)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/**
 * Reads a CSV file this project wrote (or a spreadsheet saved): the rows of cells, with the
 * byte-order mark dropped and {@link spreadsheetSafe}'s `'` prefixes taken off each cell.
 * Throws csv-parse's error for a file that is not CSV.
 */
export function readCsvCells(text: string): string[][] {
  const rows: string[][] = parseCsv(text, {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: false,
  });
  return rows.map((row) => row.map(fromSpreadsheetCell));
}
