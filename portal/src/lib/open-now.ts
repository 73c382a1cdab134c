// The sentence "Open now, until 14:00" for a base's page, from its schedule and core's
// openingState (Asia/Tehran whatever the device's zone). Pure, so it is tested in Node; the
// browser script scripts/open-now.ts runs it at the moment the citizen looks.
import { formatTime } from '@behzisti/core/dates';
import { type DatedClosure, openingState, type WeeklyInterval } from '@behzisti/core/hours';

export type OpenStrings = Record<
  'open.now' | 'open.soon' | 'open.closedUntil' | 'open.closed' | 'open.always',
  string
>;

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

/** The sentence for `now`, or '' when the schedule says nothing (unknown hours). */
export function openNowText(
  hours: { schedules: WeeklyInterval[]; closures: DatedClosure[] },
  strings: OpenStrings,
  locale: 'fa' | 'en',
  now: Date,
): { text: string; open: boolean } {
  const state = openingState(hours.schedules, hours.closures, now);
  const time = (date: Date) => formatTime(date, locale);
  switch (state.status) {
    case 'always-open':
      return { text: strings['open.always'], open: true };
    case 'open':
      return {
        text: fill(strings[state.closingSoon ? 'open.soon' : 'open.now'], {
          time: time(state.closesAt),
        }),
        open: true,
      };
    case 'closed': {
      if (!state.opensAt) return { text: strings['open.closed'], open: false };
      const when = new Intl.DateTimeFormat(locale === 'fa' ? 'fa-IR-u-ca-persian' : 'en-GB', {
        weekday: 'long',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone: 'Asia/Tehran',
      }).format(state.opensAt);
      return { text: fill(strings['open.closedUntil'], { when }), open: false };
    }
    default:
      return { text: '', open: false };
  }
}
