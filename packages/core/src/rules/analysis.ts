import type { Programme } from '../schemas/programme.ts';
import type { Condition } from '../schemas/programme-condition.ts';
import type { MemberQuestion, Question } from '../schemas/programme-question.ts';
import { addRefs, emptyRefs } from './references.ts';
import { canBeTrue } from './satisfiable.ts';

/**
 * Checks over valid programmes that the schema alone cannot make: a question id defined
 * differently in two programmes, follow-ups that depend on each other in a circle or can never
 * be asked, questions no rule uses (never asked), and rules that never apply. Pure: the
 * check-rules CLI reads the files and prints what this returns.
 */

/** One problem, at a path inside a programme (as zod paths: list positions from 0). */
export interface RuleIssue {
  /** Index of the programme in the list checked. */
  programme: number;
  path: (string | number)[];
  message: string;
}

type AnyQuestion = Question | MemberQuestion;

/** The top-level fields in which two definitions of one question differ. */
function differences(a: Question, b: Question): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter(
    (key) =>
      JSON.stringify((a as Record<string, unknown>)[key]) !==
      JSON.stringify((b as Record<string, unknown>)[key]),
  );
}

function checkSharedQuestions(programmes: readonly Programme[], issues: RuleIssue[]): void {
  const first = new Map<string, { question: Question; programme: number }>();
  programmes.forEach((programme, p) => {
    programme.questions.forEach((question, q) => {
      const earlier = first.get(question.id);
      if (!earlier) {
        first.set(question.id, { question, programme: p });
        return;
      }
      const differ = differences(earlier.question, question);
      if (differ.length > 0)
        issues.push({
          programme: p,
          path: ['questions', q],
          message: `question '${question.id}' is also defined by programme '${programmes[earlier.programme]?.id}' with a different ${differ.join(', ')}; one id means one question everywhere, so copy that definition or use a new id`,
        });
    });
  });
}

/** Each circle of `ask_if` dependencies once, as the ids in order (first = earliest). */
function circles(list: readonly AnyQuestion[]): string[][] {
  const ids = new Set(list.map((question) => question.id));
  const edges = new Map(
    list.map((question) => [
      question.id,
      [...addRefs(question.ask_if, emptyRefs()).questions].filter((id) => ids.has(id)),
    ]),
  );
  const found: string[][] = [];
  const done = new Set<string>();
  const walk = (id: string, path: string[]): void => {
    const at = path.indexOf(id);
    if (at >= 0) {
      const cycle = path.slice(at);
      const key = [...cycle].sort().join(' ');
      if (!found.some((c) => [...c].sort().join(' ') === key)) found.push(cycle);
      return;
    }
    if (done.has(id)) return;
    for (const next of edges.get(id) ?? []) walk(next, [...path, id]);
    done.add(id);
  };
  for (const question of list) walk(question.id, []);
  return found;
}

/** Checks one list of questions (a programme's, or a household's member questions). */
function checkQuestionList(
  list: readonly AnyQuestion[],
  used: ReadonlySet<string>,
  at: (index: number) => (string | number)[],
  what: { unused: (id: string) => string; context: readonly (Condition | undefined)[] },
  report: (path: (string | number)[], message: string) => void,
): void {
  const byId = new Map<string, AnyQuestion>(list.map((question) => [question.id, question]));
  const index = new Map(list.map((question, i) => [question.id, i]));
  const inCircle = new Set<string>();
  for (const cycle of circles(list)) {
    for (const id of cycle) inCircle.add(id);
    const start = cycle[0] as string;
    report(
      [...at(index.get(start) ?? 0), 'ask_if'],
      `follow-up questions depend on each other in a circle (${[...cycle, start].join(' → ')}), so none of them can be asked; remove one of these ask_if conditions`,
    );
  }
  // A question is asked when a rule uses it, or when it is the ask_if of one that is asked.
  const asked = new Set<string>();
  const queue = [...used];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (asked.has(id)) continue;
    asked.add(id);
    queue.push(...addRefs(byId.get(id)?.ask_if, emptyRefs()).questions);
  }
  list.forEach((question, i) => {
    if (!asked.has(question.id)) report([...at(i), 'id'], what.unused(question.id));
    if (
      question.ask_if &&
      !inCircle.has(question.id) &&
      !canBeTrue(question.ask_if, byId, what.context)
    )
      report(
        [...at(i), 'ask_if'],
        `this ask_if can never be true for any answers, so '${question.id}' is never asked; fix the condition or remove the question`,
      );
  });
}

/** Member questions any rule of any programme uses, by household id (households are shared). */
type MemberUse = ReadonlyMap<string, ReadonlySet<string>>;

function checkProgramme(
  programme: Programme,
  p: number,
  issues: RuleIssue[],
  memberUse: MemberUse,
  firstHousehold: ReadonlyMap<string, number>,
): void {
  const report = (path: (string | number)[], message: string) =>
    issues.push({ programme: p, path, message });
  const ruleRefs = emptyRefs();
  for (const rule of programme.rules) addRefs(rule.when, ruleRefs);
  const documentRefs = emptyRefs();
  for (const document of programme.documents) addRefs(document.when, documentRefs);
  const context = [
    ...programme.rules.map((rule) => rule.when),
    ...programme.questions.map((question) => question.ask_if),
  ];
  const questions = new Map<string, AnyQuestion>(programme.questions.map((q) => [q.id, q]));

  checkQuestionList(
    programme.questions,
    ruleRefs.questions,
    (i) => ['questions', i],
    {
      unused: (id) =>
        documentRefs.questions.has(id)
          ? `no rule uses '${id}', so it is never asked and the document that depends on it always shows as "may be needed"; use it in a rule or change the document's when`
          : `no rule uses '${id}', so it is never asked; use it in a rule's when or remove it`,
      context,
    },
    report,
  );
  programme.questions.forEach((question, i) => {
    // A household is one question for every programme that asks it: check its members once.
    if (question.type !== 'household' || firstHousehold.get(question.id) !== p) return;
    const memberContext = [...context, ...question.member_questions.map((member) => member.ask_if)];
    checkQuestionList(
      question.member_questions,
      memberUse.get(question.id) ?? new Set(),
      (j) => ['questions', i, 'member_questions', j],
      {
        unused: (id) =>
          `no count in any programme's rules uses the member question '${id}', so it is never asked; use it in a count's where or remove it`,
        context: memberContext,
      },
      report,
    );
  });

  // A rule applies only when every rule above it is false and its own condition is true.
  const above: Condition[] = [];
  programme.rules.forEach((rule, r) => {
    const reached: Condition = { all: [...above.map((when) => ({ not: when })), rule.when] };
    if (!canBeTrue(rule.when, questions, context))
      report(
        ['rules', r, 'when'],
        'this condition can never be true for any answers, so the rule never applies; fix it or remove the rule',
      );
    else if (above.length > 0 && !canBeTrue(reached, questions, context))
      report(
        ['rules', r, 'when'],
        'this rule is never reached: for every answer that makes it true, a rule above it applies first; move it up or remove it',
      );
    above.push(rule.when);
  });
}

/**
 * Checks valid programmes (as `ProgrammeSchema` parsed them) together: every problem, with
 * the programme's position in `programmes` and the path inside it.
 */
export function analyseProgrammes(programmes: readonly Programme[]): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const ids = new Map<string, number>();
  programmes.forEach((programme, p) => {
    const earlier = ids.get(programme.id);
    if (earlier !== undefined)
      issues.push({
        programme: p,
        path: ['id'],
        message: `programme id '${programme.id}' is already used by another programme file; each programme needs its own id`,
      });
    else ids.set(programme.id, p);
  });
  checkSharedQuestions(programmes, issues);
  const memberUse = new Map<string, Set<string>>();
  const firstHousehold = new Map<string, number>();
  programmes.forEach((programme, p) => {
    for (const question of programme.questions)
      if (question.type === 'household' && !firstHousehold.has(question.id))
        firstHousehold.set(question.id, p);
    // Counts in rules and in follow-ups' ask_if both need member answers.
    const refs = emptyRefs();
    for (const rule of programme.rules) addRefs(rule.when, refs);
    for (const question of programme.questions) addRefs(question.ask_if, refs);
    for (const [household, ids] of refs.members) {
      const set = memberUse.get(household) ?? new Set();
      for (const id of ids) set.add(id);
      memberUse.set(household, set);
    }
  });
  programmes.forEach((programme, p) => {
    checkProgramme(programme, p, issues, memberUse, firstHousehold);
  });
  return issues;
}
