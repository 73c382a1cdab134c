import { describe, expect, it } from 'vitest';
import {
  dammDigit,
  formatTrackingCode,
  generateTrackingCode,
  isTrackingCode,
  parseTrackingCode,
  TRACKING_CODE_LENGTH,
} from './tracking-code.ts';

describe('generateTrackingCode', () => {
  it('makes 16 Latin digits whose Damm check digit agrees', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateTrackingCode();
      expect(code).toMatch(/^\d{16}$/);
      expect(dammDigit(code)).toBe(0);
      expect(isTrackingCode(code)).toBe(true);
    }
  });

  it('has at least 48 bits of randomness (15 free decimal digits)', () => {
    expect((TRACKING_CODE_LENGTH - 1) * Math.log2(10)).toBeGreaterThanOrEqual(48);
  });

  it('does not repeat and uses every digit in every position', () => {
    const codes = Array.from({ length: 2000 }, generateTrackingCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (let position = 0; position < 15; position++) {
      const seen = new Set(codes.map((code) => code[position]));
      expect(seen.size).toBe(10);
    }
  });
});

describe('Damm check digit', () => {
  it('matches the published example (572 → check digit 4)', () => {
    expect(dammDigit('572')).toBe(4);
    expect(dammDigit('5724')).toBe(0);
  });

  it('catches every single-digit error and every adjacent transposition', () => {
    for (let sample = 0; sample < 50; sample++) {
      const code = generateTrackingCode();
      for (let i = 0; i < code.length; i++) {
        for (let d = 0; d < 10; d++) {
          if (String(d) === code[i]) continue;
          const typo = code.slice(0, i) + String(d) + code.slice(i + 1);
          expect(parseTrackingCode(typo)).toEqual({ ok: false, error: 'CHECK_DIGIT' });
        }
        if (i + 1 < code.length && code[i] !== code[i + 1]) {
          const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
          expect(parseTrackingCode(swapped)).toEqual({ ok: false, error: 'CHECK_DIGIT' });
        }
      }
    }
  });
});

describe('parseTrackingCode', () => {
  const code = generateTrackingCode();
  const grouped = formatTrackingCode(code, 'en');

  it('accepts Latin, Persian and Arabic-Indic digits with spaces, dashes and bidi marks', () => {
    expect(parseTrackingCode(code)).toEqual({ ok: true, code });
    expect(parseTrackingCode(grouped)).toEqual({ ok: true, code });
    expect(parseTrackingCode(formatTrackingCode(code, 'fa'))).toEqual({ ok: true, code });
    const arabic = code.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)] ?? d);
    expect(parseTrackingCode(arabic)).toEqual({ ok: true, code });
    expect(parseTrackingCode(`  ${grouped.replace(/-/g, ' – ')}\u200F `)).toEqual({
      ok: true,
      code,
    });
  });

  it('names what is wrong', () => {
    expect(parseTrackingCode(' - ')).toEqual({ ok: false, error: 'EMPTY' });
    expect(parseTrackingCode('1234-abcd')).toEqual({ ok: false, error: 'INVALID_CHARACTERS' });
    expect(parseTrackingCode(code.slice(0, 15))).toEqual({ ok: false, error: 'WRONG_LENGTH' });
    expect(parseTrackingCode(`${code}0`)).toEqual({ ok: false, error: 'WRONG_LENGTH' });
  });
});

describe('formatTrackingCode', () => {
  it('groups in fours in the locale digits', () => {
    const code = generateTrackingCode();
    const en = formatTrackingCode(code, 'en');
    expect(en).toMatch(/^\d{4}-\d{4}-\d{4}-\d{4}$/);
    expect(en.replace(/-/g, '')).toBe(code);
    const fa = formatTrackingCode(code, 'fa-IR');
    expect(fa).toMatch(/^[۰-۹]{4}-[۰-۹]{4}-[۰-۹]{4}-[۰-۹]{4}$/);
  });

  it('only converts digits of something that is not a code', () => {
    expect(formatTrackingCode('123', 'fa')).toBe('۱۲۳');
  });
});
