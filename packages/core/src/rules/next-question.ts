import type { Condition } from '../schemas/programme-condition.ts';
import type { Question } from '../schemas/programme-question.ts';
import { applies, evaluateCondition, memberScope, type Scope } from './condition.ts';
import { bookScope, ruleStatus } from './evaluate.ts';
import { type RuleBook, toRuleBook } from './rule-book.ts';
import type { CheckerState, EvaluateOptions, MemberAnswers } from './types.ts';

/**
 * Which question to ask next. Only the undecided parts of blocking rules matter: a condition
 * already true or false cannot change (evaluation is monotone), and a rule after the blocking
 * one is read only once the blocking one is decided. So the candidates are the questions in
 * the undecided leaves of each undecided programme's blocking rule; a follow-up whose `ask_if`
 * is still open brings the questions of that `ask_if` first. The earliest in question order
 * wins, so the questionnaire reads in the order the rule authors wrote.
 */

/** True when some member of a listed household still lacks an answer a count needs. */
function householdIncomplete(scope: Scope, id: string, condition: Condition): boolean {
  if (!('count' in condition) || !condition.count.where) return false;
  const members = scope.answers[id];
  if (!Array.isArray(members)) return false;
  const where = condition.count.where;
  return (members as MemberAnswers[]).some(
    (member) => evaluateCondition(where, memberScope(scope, id, member)) === undefined,
  );
}

/**
 * Calls `visit` with each leaf of `condition` reached through undecided parts, and the
 * question (or household) it reads. The caller has found `condition` itself undecided.
 */
function forEachOpenLeaf(
  condition: Condition,
  scope: Scope,
  visit: (id: string, leaf: Condition) => void,
): void {
  if ('all' in condition || 'any' in condition || 'not' in condition) {
    const parts =
      'all' in condition ? condition.all : 'any' in condition ? condition.any : [condition.not];
    for (const part of parts)
      if (evaluateCondition(part, scope) === undefined) forEachOpenLeaf(part, scope, visit);
    return;
  }
  visit('count' in condition ? condition.count.household : condition.question, condition);
}

/** Adds to `out` the questions that can decide the undecided leaves of `condition`. */
function collectNeeded(
  condition: Condition,
  scope: Scope,
  out: Set<string>,
  seen: Set<string>,
): void {
  forEachOpenLeaf(condition, scope, (id, leaf) => needQuestion(id, leaf, scope, out, seen));
}

function needQuestion(
  id: string,
  condition: Condition,
  scope: Scope,
  out: Set<string>,
  seen: Set<string>,
): void {
  if (seen.has(id)) return;
  seen.add(id);
  const asked = applies(scope, id);
  const askIf = scope.questions.get(id)?.ask_if;
  if (asked === undefined && askIf) collectNeeded(askIf, scope, out, seen);
  else if (asked === true) {
    // A household asked already but with a member answer missing is asked again to complete it.
    if (scope.answers[id] === undefined || householdIncomplete(scope, id, condition)) out.add(id);
  }
}

/** Ids of the questions that can change an undecided programme's outcome now, in asking order. */
export function pendingQuestions(
  programmes: Parameters<typeof toRuleBook>[0],
  state: Pick<CheckerState, 'answers'>,
  options: EvaluateOptions = {},
): string[] {
  const book: RuleBook = toRuleBook(programmes);
  const scope = bookScope(book, state.answers, options);
  const out = new Set<string>();
  for (const programme of book.programmes) {
    const status = ruleStatus(programme, scope);
    const rule = programme.rules[status.index];
    if (status.truth !== undefined || !rule) continue;
    collectNeeded(rule.when, scope, out, new Set());
  }
  return [...out].sort((a, b) => (book.order.get(a) ?? 0) - (book.order.get(b) ?? 0));
}

/**
 * The next question to ask: one that can still change some undecided programme's outcome,
 * the earliest in question order; undefined when every programme is decided.
 */
export function nextQuestion(
  programmes: Parameters<typeof toRuleBook>[0],
  state: Pick<CheckerState, 'answers'>,
  options: EvaluateOptions = {},
): Question | undefined {
  const book = toRuleBook(programmes);
  const [first] = pendingQuestions(book, state, options);
  return first === undefined ? undefined : book.questions.get(first);
}

/**
 * An estimate for the progress indicator: questions answered, and at most how many more
 * could be asked (questions in every undecided rule still open; the real number is often
 * lower because earlier answers decide later rules).
 */
export function progress(
  programmes: Parameters<typeof toRuleBook>[0],
  state: CheckerState,
  options: EvaluateOptions = {},
): { answered: number; remainingAtMost: number } {
  const book = toRuleBook(programmes);
  const scope = bookScope(book, state.answers, options);
  const out = new Set<string>();
  for (const programme of book.programmes) {
    const status = ruleStatus(programme, scope);
    if (status.truth !== undefined) continue;
    for (const rule of programme.rules.slice(status.index)) {
      const truth = evaluateCondition(rule.when, scope);
      if (truth === true) break;
      if (truth === undefined) collectOpen(rule.when, scope, out, book);
    }
  }
  return { answered: state.asked.length, remainingAtMost: out.size };
}

/** Every unanswered question an open condition refers to, follow-ups' `ask_if` included. */
function collectOpen(condition: Condition, scope: Scope, out: Set<string>, book: RuleBook): void {
  forEachOpenLeaf(condition, scope, (id) => {
    if (out.has(id) || applies(scope, id) === false) return;
    if (scope.answers[id] === undefined) out.add(id);
    const askIf = book.questions.get(id)?.ask_if;
    if (askIf && applies(scope, id) === undefined) collectOpen(askIf, scope, out, book);
  });
}
