/**
 * Whether a news item is on the site at a given moment: ONE rule, used wherever the site is made
 * from the news (the collection in news-collection.ts, the publish pipeline's plan in
 * server/publish/plan.ts, and the on-demand news store). Pure: the caller says what "now" is, so
 * a build, a scheduled rebuild and a test all agree on the same answer.
 *
 * - `draft` (or the older `draft: true`) and `review` are not public. A `review` item becomes
 *   public once approved (a second account with the right to publish; docs/publishing.md,
 *   "Review"): the caller passes `approved`.
 * - `published` (the default, so files written before statuses existed stay public) is public
 *   from its publish moment: the start of its `date` in Tehran, or `time` (HH:MM, Tehran) on that
 *   date. Before that it is hidden and `at` says when it goes live, for the scheduled rebuild.
 * - `withdrawn` is gone: off every list, and its address answers 410 (server/gone.ts).
 */

export const NEWS_STATUSES = ['draft', 'review', 'published', 'withdrawn'] as const;
export type NewsStatus = (typeof NEWS_STATUSES)[number];

export interface VisibilityInput {
  status?: NewsStatus | undefined;
  /** The older boolean; true means draft whatever the status says. */
  draft?: boolean | undefined;
  /** The publish date: the start of its day in Tehran (core's ContentDateSchema). */
  date: Date;
  /** Time of day in Tehran, `HH:MM` (Latin digits, as core's schema leaves it); default 00:00. */
  time?: string | undefined;
  /** A `review` item approved by a publisher (the approval matches this very content). */
  approved?: boolean | undefined;
}

export type Visibility =
  | { state: 'public' }
  /** Not on the site; `at` is when it will be (a scheduled item), if ever by itself. */
  | { state: 'hidden'; at?: Date }
  | { state: 'gone' };

const MINUTE = 60_000;

/** The moment an item is published: its date (Tehran midnight) plus its time of day. */
export function publishMoment(date: Date, time?: string): Date {
  const match = time === undefined ? undefined : /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (time !== undefined && !match) throw new RangeError(`not a time of day (HH:MM): ${time}`);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : 0;
  // Tehran has had no daylight saving since 2022: a day is always 24 hours there.
  return new Date(date.getTime() + minutes * MINUTE);
}

export function newsVisibility(item: VisibilityInput, now: Date): Visibility {
  const status = item.draft ? 'draft' : (item.status ?? 'published');
  if (status === 'withdrawn') return { state: 'gone' };
  if (status === 'draft') return { state: 'hidden' };
  if (status === 'review' && !item.approved) return { state: 'hidden' };
  const at = publishMoment(item.date, item.time);
  return at.getTime() <= now.getTime() ? { state: 'public' } : { state: 'hidden', at };
}

/** Shorthand: is the item on the site at `now`? */
export const isPublic = (item: VisibilityInput, now: Date): boolean =>
  newsVisibility(item, now).state === 'public';
