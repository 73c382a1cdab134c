import type { Programme } from '../schemas/programme.ts';
import { checkAnswer, checkMemberAnswers } from './answers.ts';
import { applies, createScope } from './condition.ts';
import { bookScope } from './evaluate.ts';
import { type RuleBook, toRuleBook } from './rule-book.ts';
import type {
  Answers,
  AnswerValue,
  CheckerState,
  EvaluateOptions,
  MemberAnswers,
} from './types.ts';

/**
 * The questionnaire state as plain JSON, and the one way to change it. Changing an answer
 * keeps every other answer that still applies and drops those whose `ask_if` no longer holds
 * (and, in turn, follow-ups of those), as the GOV.UK "change answer" pattern expects.
 */

/** A questionnaire with no answers. */
export function emptyState(): CheckerState {
  return { answers: {}, asked: [] };
}

/** Drops member answers whose member `ask_if` does not hold for that member. */
function cleanMembers(book: RuleBook, id: string, members: MemberAnswers[]): MemberAnswers[] {
  const questions = book.members.get(id);
  if (!questions) return members;
  return members.map((member) => {
    const scope = createScope(questions, member);
    const kept: MemberAnswers = {};
    for (const [key, value] of Object.entries(member))
      if (applies(scope, key) === true) kept[key] = value;
    return kept;
  });
}

/**
 * Drops answers to questions that are not asked for these answers (an `ask_if` that is false
 * or can no longer be told), repeating until nothing changes since each drop can affect
 * further follow-ups.
 */
function pruneAnswers(book: RuleBook, answers: Answers, options: EvaluateOptions): Answers {
  let current = answers;
  for (;;) {
    const scope = bookScope(book, current, options);
    const stale = Object.keys(current).filter((id) => applies(scope, id) !== true);
    if (stale.length === 0) return current;
    current = Object.fromEntries(Object.entries(current).filter(([id]) => !stale.includes(id)));
  }
}

/**
 * Sets (or with `undefined` clears) the answer to `questionId` and returns the new state;
 * the state passed in is not changed. Answers that no longer apply are dropped.
 * @throws RangeError when no programme has the question.
 */
export function changeAnswer(
  programmes: readonly Programme[] | RuleBook,
  state: CheckerState,
  questionId: string,
  value: AnswerValue | undefined,
  options: EvaluateOptions = {},
): CheckerState {
  const book = toRuleBook(programmes);
  const question = book.questions.get(questionId);
  if (!question) throw new RangeError(`no programme has the question '${questionId}'`);
  const answers: Answers = { ...state.answers };
  if (value === undefined) delete answers[questionId];
  else
    answers[questionId] =
      question.type === 'household' && Array.isArray(value)
        ? cleanMembers(book, questionId, value as MemberAnswers[])
        : value;
  const pruned = pruneAnswers(book, answers, options);
  const asked = state.asked.filter((id) => id !== questionId || value !== undefined);
  if (value !== undefined && !asked.includes(questionId)) asked.push(questionId);
  return { answers: pruned, asked: asked.filter((id) => id in pruned) };
}

/**
 * Rebuilds a state saved earlier (e.g. in sessionStorage) against the current rules: answers
 * to questions that no longer exist or no longer fit their question are dropped, so a session
 * survives a rules update without crashing. Accepts anything; returns a valid state.
 */
export function restoreState(
  programmes: readonly Programme[] | RuleBook,
  saved: unknown,
  options: EvaluateOptions = {},
): CheckerState {
  const book = toRuleBook(programmes);
  const record =
    typeof saved === 'object' && saved !== null ? (saved as Record<string, unknown>) : {};
  const raw =
    typeof record.answers === 'object' && record.answers !== null && !Array.isArray(record.answers)
      ? (record.answers as Record<string, unknown>)
      : {};
  const answers: Answers = {};
  for (const [id, value] of Object.entries(raw)) {
    const question = book.questions.get(id);
    if (!question || checkAnswer(question, value)) continue;
    if (question.type === 'household') {
      const members = value as MemberAnswers[];
      if (checkMemberAnswers(question, members).length > 0) continue;
      answers[id] = cleanMembers(book, id, members);
    } else answers[id] = value as AnswerValue;
  }
  const pruned = pruneAnswers(book, answers, options);
  const asked = Array.isArray(record.asked)
    ? record.asked.filter((id): id is string => typeof id === 'string' && id in pruned)
    : [];
  for (const id of Object.keys(pruned)) if (!asked.includes(id)) asked.push(id);
  return { answers: pruned, asked: [...new Set(asked)] };
}
