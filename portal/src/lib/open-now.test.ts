import { describe, expect, it } from 'vitest';
import { t } from '../i18n/ui';
import { openNowText } from './open-now';

const strings = (locale: 'fa' | 'en') =>
  Object.fromEntries(
    (['open.now', 'open.soon', 'open.closedUntil', 'open.closed', 'open.always'] as const).map(
      (key) => [key, t(locale, key)],
    ),
  ) as Parameters<typeof openNowText>[1];

const weekdays = {
  schedules: [{ byday: 'SA,SU,MO,TU,WE', opens_at: '07:30', closes_at: '14:00' }],
  closures: [],
};
/** Saturday 21 November 2026 in Tehran (UTC+03:30). */
const at = (time: string) => new Date(`2026-11-21T${time}+03:30`);

describe('openNowText', () => {
  it('says open until the closing time, in the locale’s digits', () => {
    expect(openNowText(weekdays, strings('fa'), 'fa', at('09:30'))).toEqual({
      text: 'اکنون باز است تا ساعت ۱۴:۰۰',
      open: true,
    });
    expect(openNowText(weekdays, strings('en'), 'en', at('13:30')).text).toBe(
      'Closes soon, at 14:00',
    );
  });

  it('says closed and when it opens next, on the right weekday', () => {
    const evening = openNowText(weekdays, strings('en'), 'en', at('18:00'));
    expect(evening).toEqual({ text: 'Closed now; opens Sunday 07:30', open: false });
    expect(openNowText(weekdays, strings('fa'), 'fa', at('18:00')).text).toMatch(
      /^اکنون بسته است؛ یکشنبه.*۰۷:۳۰ باز می‌شود$/,
    );
  });

  it('says nothing for unknown hours, and "day and night" for 24/7', () => {
    expect(openNowText({ schedules: [], closures: [] }, strings('en'), 'en', at('09:00'))).toEqual({
      text: '',
      open: false,
    });
    const always = {
      schedules: [{ byday: 'SA,SU,MO,TU,WE,TH,FR', opens_at: '00:00', closes_at: '24:00' }],
      closures: [],
    };
    expect(openNowText(always, strings('en'), 'en', at('03:00')).text).toBe('Open day and night');
  });
});
