import { formatDate } from '@behzisti/core/dates';
import { type DayCode, weeklyHours, weekOrder } from '@behzisti/core/hours';
import { type ProvinceId, provinceName, provinces } from '@behzisti/core/provinces';
import type { LocalizedText, Programme, ScheduleEntry, ServiceBase } from '@behzisti/core/schemas';
import { toLocaleDigits } from '@behzisti/core/text';
import { format, type Locale, t } from '../i18n/ui.ts';

/**
 * What the directory and programme pages show, computed from validated records: pure
 * functions (no Astro), so they are unit-tested here and the pages stay markup.
 */

/** The text in the locale, falling back to Persian (the source language, always present). */
export const localized = (text: LocalizedText, locale: Locale): string =>
  (locale === 'en' ? text.en : undefined) ?? text.fa;

/** `fa` when the text is shown in Persian on an English page (for a `lang` attribute). */
export const fallbackLang = (text: LocalizedText, locale: Locale): 'fa' | undefined =>
  locale === 'en' && !text.en ? 'fa' : undefined;

const collator = (locale: Locale) => new Intl.Collator(locale === 'fa' ? 'fa' : 'en');

export interface CountyGroup {
  id: string;
  name: LocalizedText;
  bases: ServiceBase[];
}

export interface ProvinceGroup {
  id: ProvinceId;
  name: { fa: string; en: string };
  counties: CountyGroup[];
  /** Every base of the province, in county order. */
  bases: ServiceBase[];
}

/**
 * Bases grouped province → county → base, each level sorted by name with Intl.Collator in the
 * locale (Persian alphabetical order in fa, never the ids' Latin order). A county's name is
 * taken from its first record.
 */
export function groupBases(bases: readonly ServiceBase[], locale: Locale): ProvinceGroup[] {
  const compare = collator(locale).compare;
  const byProvince = new Map<string, Map<string, CountyGroup>>();
  for (const base of bases) {
    const counties = byProvince.get(base.province) ?? new Map<string, CountyGroup>();
    byProvince.set(base.province, counties);
    const county = counties.get(base.county.id) ?? {
      id: base.county.id,
      name: base.county.name,
      bases: [],
    };
    counties.set(base.county.id, county);
    county.bases.push(base);
  }
  const groups: ProvinceGroup[] = [];
  for (const province of provinces) {
    const counties = byProvince.get(province.id);
    if (!counties) continue;
    const sorted = [...counties.values()]
      .map((county) => ({
        ...county,
        bases: county.bases.toSorted((a, b) =>
          compare(localized(a.name, locale), localized(b.name, locale)),
        ),
      }))
      .sort((a, b) => compare(localized(a.name, locale), localized(b.name, locale)));
    groups.push({
      id: province.id,
      name: provinceName(province.id),
      counties: sorted,
      bases: sorted.flatMap((county) => county.bases),
    });
  }
  groups.sort((a, b) => compare(a.name[locale], b.name[locale]));
  return groups;
}

/** All 31 provinces in the locale's order, each with its bases when the dataset has any. */
export function provinceIndex(
  groups: readonly ProvinceGroup[],
  locale: Locale,
): { id: ProvinceId; name: string; group: ProvinceGroup | undefined }[] {
  const list = provinces.map((province) => ({
    id: province.id,
    name: province.name[locale],
    group: groups.find((group) => group.id === province.id),
  }));
  list.sort((a, b) => collator(locale).compare(a.name, b.name));
  return list;
}

/** `07:30` → `۰۷:۳۰` in fa; times are written as in the data, never regrouped. */
const clock = (time: string, locale: Locale) => toLocaleDigits(time, locale);

function intervalsText(intervals: readonly { opens: string; closes: string }[], locale: Locale) {
  return intervals
    .map(({ opens, closes }) =>
      opens === '00:00' && closes === '24:00'
        ? t(locale, 'hours.allDay')
        : format(locale, 'hours.range', {
            opens: clock(opens, locale),
            closes: clock(closes, locale),
          }),
    )
    .join(t(locale, 'hours.separator'));
}

export interface HoursRow {
  weekday: DayCode;
  day: string;
  hours: string;
  closed: boolean;
}

/**
 * The typical week, Saturday first (core's weeklyHours), one row per day with its intervals
 * in the locale's digits; undefined when there is no usable schedule (unknown is not closed).
 */
export function hoursRows(
  schedules: readonly ScheduleEntry[],
  locale: Locale,
): HoursRow[] | undefined {
  const week = weeklyHours(schedules);
  if (week.every((day) => day.intervals.length === 0)) return undefined;
  return week.map(({ weekday, intervals }) => ({
    weekday,
    day: t(locale, `day.${weekday}`),
    hours: intervals.length > 0 ? intervalsText(intervals, locale) : t(locale, 'hours.closed'),
    closed: intervals.length === 0,
  }));
}

/** Schedule entries that carry a note, as "days, hours: note" (e.g. evening appointments). */
export function scheduleNotes(schedules: readonly ScheduleEntry[], locale: Locale): string[] {
  return schedules.flatMap((entry) => {
    if (!entry.description) return [];
    const days = weekOrder
      .filter((code) =>
        entry.byday
          .split(',')
          .map((d) => d.trim())
          .includes(code),
      )
      .map((code) => t(locale, `day.${code}`))
      .join(t(locale, 'hours.separator'));
    const hours = intervalsText([{ opens: entry.opens_at, closes: entry.closes_at }], locale);
    return [
      format(locale, 'hours.note', { days, hours, note: localized(entry.description, locale) }),
    ];
  });
}

export interface ClosureRow {
  /** `YYYY-MM-DD`, for `<time datetime>`. */
  date: string;
  /** Solar Hijri with Persian digits in fa, Gregorian in en. */
  label: string;
  /** Closed, or the special hours. */
  hours: string;
  description: string | undefined;
}

/**
 * Dated closures and special hours from `today` (a Tehran `YYYY-MM-DD`) on, one row per date,
 * earliest first. A static page cannot know the day it is read, so the build day is the cut.
 */
export function upcomingClosures(
  closures: ServiceBase['closures'],
  locale: Locale,
  today: string,
): ClosureRow[] {
  const byDate = new Map<string, ServiceBase['closures']>();
  for (const closure of closures) {
    if (closure.date < today) continue;
    byDate.set(closure.date, [...(byDate.get(closure.date) ?? []), closure]);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, entries]) => {
      const special = entries.filter((entry) => entry.opens_at && entry.closes_at);
      const closed = special.length === 0 || special.length < entries.length;
      const hours = closed
        ? t(locale, 'hours.closedAllDay')
        : format(locale, 'hours.special', {
            hours: intervalsText(
              special
                .map((entry) => ({ opens: entry.opens_at ?? '', closes: entry.closes_at ?? '' }))
                .sort((a, b) => (a.opens < b.opens ? -1 : 1)),
              locale,
            ),
          });
      const described = entries.find((entry) => entry.description)?.description;
      return {
        date,
        label: format(locale, 'hours.dateWithDay', {
          day: t(locale, `day.${weekdayOfIsoDay(date)}`),
          date: formatDate(new Date(`${date}T12:00:00+03:30`), locale),
        }),
        hours,
        description: described ? localized(described, locale) : undefined,
      };
    });
}

const JS_DAY_TO_CODE: readonly DayCode[] = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** The weekday of a Gregorian `YYYY-MM-DD` calendar day. */
export function weekdayOfIsoDay(date: string): DayCode {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return JS_DAY_TO_CODE[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] ?? 'SA';
}

/** A plain link to the position on openstreetmap.org (nothing is loaded from it on our pages). */
export function mapUrl(location: ServiceBase['location']): string {
  const { latitude: lat, longitude: lng } = location;
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=16/${lat}/${lng}`;
}

/** `tel:` target for a number as stored (Latin digits, optional +). */
export const telHref = (number: string) => `tel:${number}`;

/** Bases offering a service that names the programme (`services[].program_id`). */
export function basesForProgramme(
  bases: readonly ServiceBase[],
  programme: Pick<Programme, 'id'>,
): ServiceBase[] {
  return bases.filter((base) =>
    base.services.some((service) => service.program_id === programme.id),
  );
}

/** Today in Tehran as `YYYY-MM-DD`; SOURCE_DATE_EPOCH (seconds) fixes it for reproducible builds. */
export function buildDay(env: Record<string, string | undefined> = process.env): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  const now = Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date();
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tehran' }).format(now);
}
