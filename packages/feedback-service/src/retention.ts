import type { FeedbackStore } from './store/types.ts';

// Retention: the name and contact of closed feedback are erased once it has been closed (and
// left unchanged) for the retention period; the code, category, province, status and dates stay
// for statistics. Run by the `erase-contacts` command and by the service itself, once at start
// and then once a day. The erasure is one idempotent UPDATE (store.eraseContacts), so several
// instances running it at the same moment change nothing more than one would.

/** Months a closed message keeps its contact details, unless FEEDBACK_RETENTION_MONTHS says. */
export const DEFAULT_RETENTION_MONTHS = 12;
/** How often the service runs it. */
export const RETENTION_INTERVAL_MS = 24 * 60 * 60 * 1000;

/**
 * The instant `months` calendar months before `now` (UTC): closed feedback last changed before
 * it loses its contact details. The day is clamped to the month's end (31 March − 1 month is
 * 28 or 29 February, not 3 March).
 */
export function retentionCutoff(now: Date, months: number): string {
  const cutoff = new Date(now.getTime());
  const day = cutoff.getUTCDate();
  cutoff.setUTCDate(1);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  const lastDay = new Date(
    Date.UTC(cutoff.getUTCFullYear(), cutoff.getUTCMonth() + 1, 0),
  ).getUTCDate();
  cutoff.setUTCDate(Math.min(day, lastDay));
  return cutoff.toISOString();
}

/** Erases the contacts that have passed the retention period; returns how many records changed. */
export async function eraseExpiredContacts(
  store: FeedbackStore,
  months: number,
  now: Date,
): Promise<{ erased: number; closedBefore: string }> {
  const closedBefore = retentionCutoff(now, months);
  const erased = await store.eraseContacts({ closedBefore }, now.toISOString());
  return { erased, closedBefore };
}

/** Options of {@link scheduleRetention}. */
export interface RetentionSchedule {
  months: number;
  now?: () => Date;
  /** Told of each run (a JSON log line without personal data). */
  onRun?: (result: { erased: number; closedBefore: string }) => void;
  onError?: (error: unknown) => void;
}

/**
 * Runs the erasure now and then every day until stopped. The timer does not keep the process
 * alive, and a failed run (the database away for a moment) is reported and tried again the next
 * day rather than stopping the service.
 */
export function scheduleRetention(
  store: FeedbackStore,
  options: RetentionSchedule,
): { stop(): void; ran: Promise<void> } {
  const now = options.now ?? (() => new Date());
  const run = () =>
    eraseExpiredContacts(store, options.months, now()).then(options.onRun, options.onError);
  const ran = run();
  const timer = setInterval(run, RETENTION_INTERVAL_MS);
  timer.unref();
  return { stop: () => clearInterval(timer), ran };
}
