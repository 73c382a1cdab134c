import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { format, type Key, locales, stringsWithPrefix } from '../i18n/ui.ts';
import { StaffApiError, type StaffErrorKind } from '../scripts/staff-api.ts';
import { commentStatuses, feedbackStatuses, kinds } from '../scripts/staff-query.ts';
import { staffWords } from './words.ts';

// The staff elements get their strings from the page (data-strings), so TypeScript cannot check
// the keys they ask for: these tests do, against the real table in src/i18n/ui.ts.

const words = (locale: 'fa' | 'en') =>
  staffWords(locale, { ...stringsWithPrefix(locale, 'staff.'), 'staff.dateExample': 'x' });

describe('staff words', () => {
  it('has every key the elements ask for by name, in both locales', () => {
    const dir = new URL('./', import.meta.url);
    const asked = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')))
      for (const [, key] of readFileSync(new URL(file, dir), 'utf8').matchAll(
        /\btext\(\s*'([\w.-]+)'/g,
      ))
        asked.add(key as string);
    expect(asked.size).toBeGreaterThan(40);
    for (const locale of locales) {
      const missing = [...asked].filter((key) => words(locale).maybe(key) === undefined);
      expect(missing, locale).toEqual([]);
    }
  });

  it('names every status and kind the inbox offers, in both locales', () => {
    for (const locale of locales) {
      const w = words(locale);
      for (const status of [...feedbackStatuses, ...commentStatuses])
        expect(w.maybe(`status.${status}`), `${locale} ${status}`).toBeDefined();
      for (const kind of kinds) expect(w.maybe(`kind.${kind}`), `${locale} ${kind}`).toBeDefined();
    }
  });

  it('says what to do next for every kind of failure, never a key or a placeholder', () => {
    const kinds: StaffErrorKind[] = [
      'bad-credentials',
      'rate-limited',
      'session-expired',
      'signed-out',
      'unavailable',
      'network',
      'other',
    ];
    for (const locale of locales)
      for (const kind of kinds) {
        const sentence = words(locale).sentenceFor(
          new StaffApiError(kind, 400, { retryAfter: '120', serverMessage: { fa: 'پ', en: 'e' } }),
        );
        expect(sentence, `${locale} ${kind}`).not.toMatch(/^error\.|[{}]/);
        expect(sentence.length, `${locale} ${kind}`).toBeGreaterThan(3);
      }
    expect(
      words('en').sentenceFor(new StaffApiError('rate-limited', 429, { retryAfter: '120' })),
    ).toContain('2 minutes');
    expect(words('en').sentenceFor(new TypeError('boom'))).toContain('boom');
  });

  it('fills placeholders as the pages do (format() in ui.ts), digits in the locale', () => {
    const nat = fc.nat({ max: 10_000_000 });
    fc.assert(
      fc.property(fc.constantFrom(...locales), nat, nat, nat, (locale, from, to, total) => {
        const values = { from, to, total };
        expect(words(locale).text('list.count', values)).toBe(
          format(locale, 'staff.list.count' as Key, values),
        );
      }),
    );
    // A value that looks like a placeholder is written as given, not filled again.
    expect(words('en').text('signedInAs', { name: '{name}' })).toContain('{name}');
  });
});
