import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isPublic,
  NEWS_STATUSES,
  newsVisibility,
  publishMoment,
  type VisibilityInput,
} from './news-visibility.ts';

const DAY = 86_400_000;
// A Tehran midnight: 20:30 UTC the day before (UTC+03:30, no daylight saving since 2022).
const tehranMidnight = (isoDay: string) => new Date(`${isoDay}T00:00:00+03:30`);

const times = fc
  .record({ h: fc.integer({ min: 0, max: 23 }), m: fc.integer({ min: 0, max: 59 }) })
  .map(({ h, m }) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const items: fc.Arbitrary<VisibilityInput> = fc.record(
  {
    status: fc.constantFrom(...NEWS_STATUSES),
    draft: fc.boolean(),
    date: fc
      .integer({ min: 0, max: 40_000 })
      .map((days) => new Date(tehranMidnight('2000-01-01').getTime() + days * DAY)),
    time: times,
    approved: fc.boolean(),
  },
  { requiredKeys: ['date'] },
);
const moments = fc.date({
  min: new Date('1999-01-01'),
  max: new Date('2120-01-01'),
  noInvalidDate: true,
});

describe('newsVisibility', () => {
  it('publishes a published item at the start of its Tehran day, or at its time', () => {
    const date = tehranMidnight('2027-03-21'); // 1406/01/01
    expect(publishMoment(date).toISOString()).toBe('2027-03-20T20:30:00.000Z');
    expect(publishMoment(date, '09:30').toISOString()).toBe('2027-03-21T06:00:00.000Z');
    const item = { status: 'published', date, time: '09:30' } as const;
    expect(newsVisibility(item, new Date('2027-03-21T05:59:59.999Z'))).toEqual({
      state: 'hidden',
      at: new Date('2027-03-21T06:00:00.000Z'),
    });
    expect(newsVisibility(item, new Date('2027-03-21T06:00:00.000Z'))).toEqual({
      state: 'public',
    });
  });

  it('keeps drafts and unapproved reviews off the site, and answers gone for withdrawn', () => {
    const date = tehranMidnight('2024-01-01');
    const later = new Date('2030-01-01');
    expect(newsVisibility({ date, status: 'draft', approved: true }, later).state).toBe('hidden');
    expect(newsVisibility({ date, draft: true }, later).state).toBe('hidden');
    expect(newsVisibility({ date, status: 'review' }, later).state).toBe('hidden');
    expect(newsVisibility({ date, status: 'review', approved: true }, later).state).toBe('public');
    expect(newsVisibility({ date, status: 'withdrawn' }, later).state).toBe('gone');
    // Files written before statuses existed are published.
    expect(newsVisibility({ date }, later).state).toBe('public');
  });

  it('refuses a time that is not HH:MM', () => {
    for (const time of ['24:00', '9:30', '09:60', '۰۹:۳۰', '']) {
      expect(() => publishMoment(new Date(0), time)).toThrow(RangeError);
    }
  });

  it('is public only when published or approved, never before its moment, and stays public', () => {
    fc.assert(
      fc.property(items, moments, fc.nat({ max: 100 * 365 * DAY }), (item, now, wait) => {
        const seen = newsVisibility(item, now);
        const status = item.draft ? 'draft' : (item.status ?? 'published');
        const moment = publishMoment(item.date, item.time);
        if (seen.state === 'public') {
          expect(status === 'published' || (status === 'review' && item.approved)).toBe(true);
          expect(moment.getTime()).toBeLessThanOrEqual(now.getTime());
          // Time only moves an item onto the site, never off it.
          expect(isPublic(item, new Date(now.getTime() + wait))).toBe(true);
        }
        if (seen.state === 'gone') expect(status).toBe('withdrawn');
        if (seen.state === 'hidden' && seen.at) {
          // A scheduled item: hidden until exactly its moment, public from then on.
          expect(seen.at.getTime()).toBe(moment.getTime());
          expect(seen.at.getTime()).toBeGreaterThan(now.getTime());
          expect(isPublic(item, new Date(seen.at.getTime() - 1))).toBe(false);
          expect(isPublic(item, seen.at)).toBe(true);
        }
        // A hidden item without a moment waits for a person (draft, review), not for time.
        if (seen.state === 'hidden' && !seen.at) {
          expect(isPublic(item, new Date(now.getTime() + wait))).toBe(false);
        }
      }),
    );
  });
});
