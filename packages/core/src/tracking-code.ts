import { normalizeDigits, stripBidiMarks, toLocaleDigits } from './text.ts';

// Feedback tracking codes (issue 8): unguessable, short enough to read aloud over the phone,
// and self-checking so a mistyped code is caught before it is looked up.
//
// A code is 15 random decimal digits plus one Damm check digit, written in four groups of four:
// `4831-0967-2254-7190`. 10^15 ≈ 2^49.8, so there are just under 50 bits of randomness (the
// issue asks for at least 48). Digits only, because digits read the same in Persian and English
// over the phone and every keyboard has them. The Damm check digit catches every single-digit
// error and every swap of two neighbouring digits, the two commonest slips when a code is
// copied or dictated.

/** Number of random digits in a code. */
const RANDOM_DIGITS = 15;
/** Digits in a whole code, check digit included. */
export const TRACKING_CODE_LENGTH = RANDOM_DIGITS + 1;

/** A tracking code in canonical form: 16 Latin digits, no separators. */
export type TrackingCode = string;

/** Why a typed tracking code was refused. */
export type TrackingCodeError =
  /** Nothing but spaces and dashes was typed. */
  | 'EMPTY'
  /** Something other than digits, spaces and dashes. */
  | 'INVALID_CHARACTERS'
  /** Too few or too many digits. */
  | 'WRONG_LENGTH'
  /** The digits do not agree with the check digit: a digit was mistyped or two were swapped. */
  | 'CHECK_DIGIT';

/** The result of {@link parseTrackingCode}. */
export type TrackingCodeParse =
  | { ok: true; code: TrackingCode }
  | { ok: false; error: TrackingCodeError };

// Damm's totally anti-symmetric quasigroup of order 10 (H. Michael Damm, 2004).
const DAMM_TABLE: readonly (readonly number[])[] = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

/** The Damm interim digit of a string of Latin digits; a string ending in its check digit gives 0. */
export function dammDigit(digits: string): number {
  let interim = 0;
  for (const ch of digits) interim = DAMM_TABLE[interim]?.[ch.charCodeAt(0) - 48] ?? 0;
  return interim;
}

/**
 * Random bytes from the platform's CSPRNG, fetched a pool at a time: one `getRandomValues` call
 * costs more than the bytes it returns (it was a tenth of the feedback service's CPU per
 * submission in issue 13's profile), so a code takes its bytes from the pool and each byte is
 * used once.
 */
const pool = new Uint8Array(4096);
let poolOffset = pool.length;

function randomByte(): number {
  if (poolOffset === pool.length) {
    crypto.getRandomValues(pool);
    poolOffset = 0;
  }
  return pool[poolOffset++] as number;
}

/** Uniform random decimal digits from the platform's CSPRNG (rejection sampling, no modulo bias). */
function randomDigits(count: number): string {
  let out = '';
  while (out.length < count) {
    const byte = randomByte();
    // 250 is the largest multiple of 10 ≤ 256; bytes 250–255 would favour digits 0–5.
    if (byte < 250) out += String(byte % 10);
  }
  return out;
}

/** A new random tracking code (canonical form: 16 Latin digits). */
export function generateTrackingCode(): TrackingCode {
  const body = randomDigits(RANDOM_DIGITS);
  return body + String(dammDigit(body));
}

/** True when `code` is 16 Latin digits whose check digit agrees. */
export function isTrackingCode(code: string): code is TrackingCode {
  return /^\d{16}$/.test(code) && dammDigit(code) === 0;
}

/**
 * Separators people type or paste inside a code: spaces of every kind, ASCII and Unicode dashes
 * and hyphens, the minus sign, tatweel (Persian keyboards stretch with it), dots and slashes.
 */
const SEPARATORS_RE = /[\s\-\u2010-\u2015\u2212\u0640\u00AD\u200B-\u200D.\u066B\u066C/_]/gu;

/**
 * Reads a tracking code as a person typed it: Persian, Arabic-Indic or Latin digits, with or
 * without spaces and dashes, with bidi marks from copy-paste. Returns the canonical code, or why
 * it cannot be one; `CHECK_DIGIT` means "a digit is wrong or two are swapped — check the code".
 */
export function parseTrackingCode(text: string): TrackingCodeParse {
  const digits = normalizeDigits(stripBidiMarks(text).normalize('NFKC')).replace(SEPARATORS_RE, '');
  if (digits === '') return { ok: false, error: 'EMPTY' };
  if (!/^\d+$/.test(digits)) return { ok: false, error: 'INVALID_CHARACTERS' };
  if (digits.length !== TRACKING_CODE_LENGTH) return { ok: false, error: 'WRONG_LENGTH' };
  if (dammDigit(digits) !== 0) return { ok: false, error: 'CHECK_DIGIT' };
  return { ok: true, code: digits };
}

/**
 * Writes a code for people: four groups of four joined by `-`, in the locale's digits (Persian
 * for `fa`, Latin otherwise). Show it left to right (`dir="ltr"` or `<bdi>`): after Persian
 * letters, Persian digits count as Arabic numbers in the Unicode bidi algorithm and a hyphen
 * does not join them, so without that the groups read in reverse order. A string that is not a
 * canonical code is only converted to the locale's digits, never regrouped.
 */
export function formatTrackingCode(code: string, locale = 'fa'): string {
  const parsed = parseTrackingCode(code);
  if (!parsed.ok) return toLocaleDigits(code, locale);
  const groups = parsed.code.match(/\d{4}/g) ?? [parsed.code];
  return toLocaleDigits(groups.join('-'), locale);
}
