import { formatIsoDay, toWallTime } from '@behzisti/core/dates';
import { type CheckerState, type EvaluateOptions, progress } from '@behzisti/core/rules';
import type { Programme } from '@behzisti/core/schemas';

// The checker's state that is not the DOM's: where the person is, and what the engine needs.
// The answers themselves are the engine's CheckerState (core/rules).

/** Which step is shown: a question, "check your answers", or the results. */
export type View = 'question' | 'summary' | 'results';

const savedKey = (programme: string) =>
  programme ? `bz-eligibility-checker:${programme}` : 'bz-eligibility-checker';

/**
 * The answers kept in this tab's sessionStorage for a programme page (only while the person asks:
 * "keep my answers"). A damaged copy reads as none; with storage disabled nothing is kept.
 * Not StoredDraft: its generality costs this widget 0.1 kB it has no room for.
 */
export function readSaved(programme: string): unknown {
  try {
    return JSON.parse(sessionStorage.getItem(savedKey(programme)) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
}

/** Keeps `state`, or removes the kept copy when there is none to keep. */
export function keepSaved(programme: string, state: CheckerState | undefined): void {
  try {
    if (state) sessionStorage.setItem(savedKey(programme), JSON.stringify(state));
    else sessionStorage.removeItem(savedKey(programme));
  } catch {
    // storage disabled or full: resuming is simply not offered to work
  }
}

/** The day date questions are checked against: `today` (YYYY-MM-DD), else today in Tehran. */
export function ruleOptions(today: string): EvaluateOptions {
  const wall = toWallTime(new Date());
  return { today: today || (wall ? formatIsoDay(wall) : undefined) };
}

/** The question before `current` in the order they were answered (the last one when none). */
export function previousQuestion(asked: string[], current: string | undefined) {
  const at = current === undefined ? -1 : asked.indexOf(current);
  return at === -1 ? asked[asked.length - 1] : asked[at - 1];
}

/** The number of question `current`, and how many more may follow it at most. */
export function progressOf(
  list: Programme[],
  state: CheckerState,
  current: string,
  options: EvaluateOptions,
): { number: number; more: number } {
  const { asked } = state;
  const at = asked.indexOf(current);
  const more = progress(list, state, options).remainingAtMost - (at === -1 ? 1 : 0);
  return { number: at === -1 ? asked.length + 1 : at + 1, more };
}
