import type { LocalizedText } from '../schemas/localized-text.ts';
import type {
  CriterionSource,
  NextStep,
  Outcome,
  ProgrammeDocument,
} from '../schemas/programme.ts';

/**
 * The engine's data, all plain JSON so a session can be saved (sessionStorage) and resumed,
 * and so table tests written as YAML are the same shape as the element's state.
 */

/**
 * The answer to one question, by type: yes-no → boolean; number and age → number; date →
 * Gregorian day `YYYY-MM-DD`; one-of → option value; several-of → option values.
 */
export type SimpleAnswer = boolean | number | string | string[];

/** One household member: member question id → answer. */
export type MemberAnswers = Record<string, SimpleAnswer>;

/** An answer: a simple answer, or for a household question the list of members. */
export type AnswerValue = SimpleAnswer | MemberAnswers[];

/** Answers keyed by question id; a question not listed is not answered (yet). */
export type Answers = Record<string, AnswerValue>;

/** A questionnaire in progress. */
export interface CheckerState {
  answers: Answers;
  /** Ids of answered questions in the order they were answered (for "back" and the summary). */
  asked: string[];
}

/** Options every evaluation takes. */
export interface EvaluateOptions {
  /**
   * Today's date as a Gregorian day `YYYY-MM-DD` (Asia/Tehran), for date questions (whole
   * years since a date). Injected so evaluation stays pure; needed only when a date question
   * is compared.
   */
  today?: string | undefined;
}

/** One answer that decided a programme's outcome, for the "why" of a result. */
export interface WhyEntry {
  /** Question id. */
  question: string;
  /** False when the question was not asked because its `ask_if` did not hold. */
  asked: boolean;
  /** The answer given (absent when not asked). */
  answer?: AnswerValue;
}

/** The result for a programme whose outcome the answers decide. */
export interface DecidedResult {
  programme: string;
  decided: true;
  outcome: Outcome;
  /** Index (from 0) of the rule that decided, or null when no rule held (`otherwise`). */
  rule: number | null;
  reason: LocalizedText;
  /** The answers that decided it: the deciding rule's and those that ruled out earlier rules. */
  why: WhyEntry[];
  /** Documents to bring (those whose `when` holds or cannot be told yet). */
  documents: ProgrammeDocument[];
  nextStep: NextStep;
  /** Sources the deciding rule cites. */
  sources: CriterionSource[];
}

/** The result for a programme that still needs answers. */
export interface UndecidedResult {
  programme: string;
  decided: false;
  /** Index (from 0) of the first rule whose condition cannot be told yet. */
  rule: number;
}

/** The result for one programme. */
export type ProgrammeResult = DecidedResult | UndecidedResult;
