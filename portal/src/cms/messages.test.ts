import { NewsItemSchema, validateRecord } from '@behzisti/core/schemas';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listMark } from './list-marks.ts';
import {
  bilingual,
  fieldMessage,
  MAX_UPLOAD_BYTES,
  uploadTooLarge,
  withoutPaths,
} from './messages.ts';

const PERSIAN = /[\u0600-\u06FF]/;

describe('editor messages', () => {
  it('gives every message core can make about a news item a Persian sentence, and keeps the English', {
    timeout: 30_000,
  }, () => {
    const text = fc.oneof(
      fc.string(),
      fc.constantFrom('', '  ', 'x'.repeat(201), '1403-13-40', '12a'),
    );
    fc.assert(
      fc.property(
        fc.record({
          title: text,
          summary: text,
          date: text,
          code: text,
          office: text,
          province: text,
        }),
        (record) => {
          const check = validateRecord(NewsItemSchema, record);
          if (check.ok) return;
          for (const issue of check.issues) {
            const message = fieldMessage('عنوان', `${issue.field}: ${issue.message}`);
            expect(message.fa).toMatch(PERSIAN);
            expect(message.en).toBe(`${issue.field}: ${issue.message}`);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('says what to do for the common problems', () => {
    expect(fieldMessage('عنوان', 'title: too long (at most 200 characters; this has 201)').fa).toBe(
      '«عنوان» حداکثر ۲۰۰ نویسه است (اکنون ۲۰۱)؛ کوتاه‌ترش کنید.',
    );
    expect(fieldMessage('دفتر منتشرکننده', 'office: must not be empty').fa).toBe(
      '«دفتر منتشرکننده» را پر کنید.',
    );
  });

  it('puts the editor’s own language first', () => {
    expect(bilingual({ fa: 'الف', en: 'a' }, 'fa')).toBe('الف\na');
    expect(bilingual({ fa: 'الف', en: 'a' }, 'en')).toBe('a\nالف');
  });

  it('names no file of the server or the repository', () => {
    expect(
      withoutPaths(
        "field 'code' 1 is already used by src/content/news/fa/x-y.md; each news item needs its own code",
      ),
    ).toBe(
      "field 'code' 1 is already used by another news item; each news item needs its own code",
    );
    expect(withoutPaths('could not read /srv/portal/src/content/programmes/a.yaml')).toBe(
      'could not read a file',
    );
  });

  it('refuses uploads in megabytes, in both languages', () => {
    const message = uploadTooLarge(MAX_UPLOAD_BYTES + 1);
    expect(message.fa).toContain('۵٫۱ مگابایت');
    expect(message.en).toContain('5.1 MB; the limit is 5 MB');
  });
});

describe('list marks', () => {
  const now = new Date('2025-11-23T08:00:00Z'); // 1404-09-02 in Tehran
  it.each([
    ['1404-09-01|false|', undefined],
    ['1404-09-01|true|', 'draft'],
    ['1404-09-01||draft', 'draft'],
    ['1404-09-01||review', 'review'],
    ['1404-09-03|false|', 'scheduled'],
    ['1404-09-02 23:00||published', 'scheduled'],
    ['2026-01-01||', 'scheduled'],
    ['||', undefined],
  ])('%s → %s', (tail, mark) => {
    expect(listMark(tail, now)).toBe(mark);
  });
});
