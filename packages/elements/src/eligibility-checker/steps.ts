// The checker's steps add-on: what comes after the first question is shown. Reading and checking
// an answer (and wording its problems), "check your answers", the results, and the rules
// engine's evaluation they need. The widget imports it (`import('./steps.ts')`) as soon as the
// rules have arrived, so the first question never waits for it, and it is in by the time the
// person has read the question and answered (if not, Continue waits for it). Vite splits it into
// a chunk of its own; the self-contained script build turns it into the sibling
// `bz-eligibility-checker-steps.js`, lent the widget's own Lit and translations (shared/add-on.ts,
// scripts/bundle.mjs `borrowLit`). The view objects it receives cross between two separately built
// scripts: their property names must not be in bundle.mjs's internalNames (those are shortened
// differently in each build).
import { type Answers, type EvaluateOptions, evaluate } from '@behzisti/core/rules';
import type { Programme } from '@behzisti/core/schemas';
import type { BzResultDetail } from './events.ts';

export { changeAnswer } from '@behzisti/core/rules';
export { errorSummary } from '../shared/error-summary.ts';
export { problemText } from './problem-text.ts';
export { readAnswer } from './read-answer.ts';
export { resultsTemplate } from './results.template.ts';
export { downloadText } from './save-text.ts';
export { summaryTemplate } from './summary.template.ts';

/** The outcome per programme, as `bz-result` tells it. */
export function outcomes(
  programmes: Programme[],
  answers: Answers,
  options: EvaluateOptions,
): BzResultDetail['outcomes'] {
  const outcomes: BzResultDetail['outcomes'] = {};
  for (const result of evaluate(programmes, answers, options))
    outcomes[result.programme] = result.decided ? result.outcome : 'undecided';
  return outcomes;
}
