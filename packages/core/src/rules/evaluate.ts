import type { Programme } from '../schemas/programme.ts';
import type { Condition } from '../schemas/programme-condition.ts';
import { applies, createScope, evaluateCondition, type Scope, type Truth } from './condition.ts';
import { type RuleBook, toRuleBook } from './rule-book.ts';
import type { Answers, EvaluateOptions, ProgrammeResult, WhyEntry } from './types.ts';

/**
 * Per-programme outcomes with first-match rules: rules are read top to bottom, one that is
 * false is passed over, the first true one decides, and one that cannot be told yet blocks
 * the rules after it (the outcome waits for it) so a result never changes once shown.
 */

/** A scope over the programme-level answers of a rule book. */
export function bookScope(book: RuleBook, answers: Answers, options: EvaluateOptions = {}): Scope {
  return createScope(book.questions, answers, options.today, book.members);
}

/** Where first-match stands for one programme: the deciding rule, or the blocking one. */
export interface RuleStatus {
  /** Index of the first rule that is not false; `rules.length` when all are false. */
  index: number;
  /** Truth of that rule (true when every rule is false: `otherwise` applies). */
  truth: Truth;
}

/** Finds the first rule of `programme` that is not false. */
export function ruleStatus(programme: Programme, scope: Scope): RuleStatus {
  const { rules } = programme;
  for (let index = 0; index < rules.length; index++) {
    const rule = rules[index];
    if (!rule) continue;
    const truth = evaluateCondition(rule.when, scope);
    if (truth !== false) return { index, truth };
  }
  return { index: rules.length, truth: true };
}

/**
 * Adds to `out` the questions whose answers make `condition` come out as `want`: for a true
 * `all` every part, for a false one the first false part; the reverse for `any`. A question
 * that was not asked brings the answers that made its `ask_if` false.
 */
function collectWhy(condition: Condition, want: boolean, scope: Scope, out: Set<string>): void {
  if ('all' in condition || 'any' in condition) {
    const parts = 'all' in condition ? condition.all : condition.any;
    const every = 'all' in condition === want;
    for (const part of parts) {
      const truth = evaluateCondition(part, scope);
      if (every) collectWhy(part, want, scope, out);
      else if (truth === want) {
        collectWhy(part, want, scope, out);
        return;
      }
    }
    return;
  }
  if ('not' in condition) {
    collectWhy(condition.not, !want, scope, out);
    return;
  }
  const id = 'count' in condition ? condition.count.household : condition.question;
  out.add(id);
  const askIf = scope.questions.get(id)?.ask_if;
  if (askIf && applies(scope, id) === false) collectWhy(askIf, false, scope, out);
}

function whyEntries(ids: Iterable<string>, book: RuleBook, scope: Scope): WhyEntry[] {
  const byOrder = (a: string, b: string) => (book.order.get(a) ?? 0) - (book.order.get(b) ?? 0);
  return [...ids].sort(byOrder).map((question) => {
    const value = scope.answers[question];
    return applies(scope, question) === false || value === undefined
      ? { question, asked: false }
      : { question, asked: true, answer: value };
  });
}

/** The result of one programme for the answers in `scope`. */
export function programmeResult(
  programme: Programme,
  book: RuleBook,
  scope: Scope,
): ProgrammeResult {
  const status = ruleStatus(programme, scope);
  if (status.truth === undefined)
    return { programme: programme.id, decided: false, rule: status.index };
  const rule = programme.rules[status.index];
  const deciding = new Set<string>();
  if (rule) collectWhy(rule.when, true, scope, deciding);
  const earlier = new Set<string>();
  for (const passed of programme.rules.slice(0, status.index))
    collectWhy(passed.when, false, scope, earlier);
  const why = [
    ...whyEntries(deciding, book, scope),
    ...whyEntries(
      [...earlier].filter((id) => !deciding.has(id)),
      book,
      scope,
    ),
  ];
  const cited = new Set(rule?.sources ?? []);
  return {
    programme: programme.id,
    decided: true,
    outcome: rule?.outcome ?? programme.otherwise.outcome,
    rule: rule ? status.index : null,
    reason: rule?.reason ?? programme.otherwise.reason,
    why,
    documents: programme.documents.filter(
      (document) => !document.when || evaluateCondition(document.when, scope) !== false,
    ),
    nextStep: rule?.next_step ?? programme.next_step,
    sources: programme.sources.filter((source) => cited.has(source.id)),
  };
}

/**
 * Evaluates every programme over `answers` (partial answers welcome): each is decided, with
 * its outcome, deciding rule, reason and the answers that decided it, or still undecided.
 * Pass the same programmes array each time (or a `RuleBook`): it is indexed once.
 */
export function evaluate(
  programmes: readonly Programme[] | RuleBook,
  answers: Answers,
  options: EvaluateOptions = {},
): ProgrammeResult[] {
  const book = toRuleBook(programmes);
  const scope = bookScope(book, answers, options);
  return book.programmes.map((programme) => programmeResult(programme, book, scope));
}
