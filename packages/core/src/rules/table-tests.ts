import type { LocalizedText } from '../schemas/localized-text.ts';
import type { MemberQuestion, Question } from '../schemas/programme-question.ts';
import type { ExpectedOutcome, RuleTestCase } from '../schemas/programme-tests.ts';
import { parseNumber } from '../text.ts';
import {
  checkAnswer,
  checkMemberAnswers,
  describeAnswerProblem,
  parseDateAnswer,
} from './answers.ts';
import { evaluate } from './evaluate.ts';
import { nextQuestion } from './next-question.ts';
import { type RuleBook, toRuleBook } from './rule-book.ts';
import type { Answers, AnswerValue, MemberAnswers } from './types.ts';

/**
 * Runs table tests written as data (see `RuleTestCaseSchema`) against a rule book. Answers
 * are taken as a data team writes them: dates in either calendar and numbers in any digits
 * are read like the element reads what a person types.
 */

/** A problem with a case itself (not a wrong outcome): path inside the case, reason. */
export interface CaseProblem {
  path: (string | number)[];
  message: string;
}

/** A programme whose outcome differs from the expected one. */
export interface CaseFailure {
  programme: string;
  expected: ExpectedOutcome;
  actual: ExpectedOutcome;
  /** Deciding rule (index from 0), null for `otherwise`; for undecided, the blocking rule. */
  rule: number | null;
  reason?: LocalizedText | undefined;
  /** When undecided: the next question the checker would ask. */
  next?: string | undefined;
}

/** What running one case found. */
export interface CaseResult {
  problems: CaseProblem[];
  failures: CaseFailure[];
}

/** Reads a written answer into the engine's form (dates to ISO, digits to numbers). */
function normalize(question: Question | MemberQuestion, value: unknown): unknown {
  if (question.type === 'date' && typeof value === 'string') return parseDateAnswer(value) ?? value;
  if ((question.type === 'number' || question.type === 'age') && typeof value === 'string')
    return parseNumber(value) ?? value;
  return value;
}

function readAnswers(book: RuleBook, written: Record<string, unknown>, problems: CaseProblem[]) {
  const answers: Answers = {};
  for (const [id, raw] of Object.entries(written)) {
    const question = book.questions.get(id);
    if (!question) {
      problems.push({ path: ['answers', id], message: `no programme has a question '${id}'` });
      continue;
    }
    const value = normalize(question, raw);
    const problem = checkAnswer(question, value);
    if (problem) {
      problems.push({ path: ['answers', id], message: describeAnswerProblem(question, problem) });
      continue;
    }
    if (question.type === 'household') {
      const memberQuestions = new Map(question.member_questions.map((m) => [m.id, m]));
      const members = (value as Record<string, unknown>[]).map((member) =>
        Object.fromEntries(
          Object.entries(member).map(([key, v]) => {
            const memberQuestion = memberQuestions.get(key);
            return [key, memberQuestion ? normalize(memberQuestion, v) : v];
          }),
        ),
      ) as MemberAnswers[];
      const memberProblems = checkMemberAnswers(question, members);
      for (const p of memberProblems) {
        const memberQuestion = memberQuestions.get(p.question);
        problems.push({
          path: ['answers', id, p.member, p.question],
          message: memberQuestion
            ? describeAnswerProblem(memberQuestion, p.problem)
            : `'${question.id}' has no member question '${p.question}'`,
        });
      }
      if (memberProblems.length === 0) answers[id] = members;
    } else answers[id] = value as AnswerValue;
  }
  return answers;
}

/** Runs one case against `programmes`: problems with the case, then outcomes that differ. */
export function runRuleTestCase(
  programmes: Parameters<typeof toRuleBook>[0],
  testCase: RuleTestCase,
): CaseResult {
  const book = toRuleBook(programmes);
  const problems: CaseProblem[] = [];
  const known = new Set(book.programmes.map((programme) => programme.id));
  for (const id of Object.keys(testCase.expect))
    if (!known.has(id))
      problems.push({
        path: ['expect', id],
        message: `no programme has the id '${id}' (programmes: ${[...known].join(', ')})`,
      });
  const answers = readAnswers(book, testCase.answers, problems);
  if (problems.length > 0) return { problems, failures: [] };
  const options = { today: testCase.today };
  let results: ReturnType<typeof evaluate>;
  try {
    results = evaluate(book, answers, options);
  } catch (error) {
    // The one way evaluation throws: a date question compared without `today`.
    problems.push({
      path: ['today'],
      message: `${error instanceof Error ? error.message : String(error)}; add today: YYYY-MM-DD to the case`,
    });
    return { problems, failures: [] };
  }
  const failures: CaseFailure[] = [];
  for (const result of results) {
    const expected = testCase.expect[result.programme];
    if (expected === undefined) continue;
    const actual: ExpectedOutcome = result.decided ? result.outcome : 'undecided';
    if (actual === expected) continue;
    failures.push(
      result.decided
        ? {
            programme: result.programme,
            expected,
            actual,
            rule: result.rule,
            reason: result.reason,
          }
        : {
            programme: result.programme,
            expected,
            actual,
            rule: result.rule,
            next: nextQuestion(
              book.programmes.filter((programme) => programme.id === result.programme),
              { answers },
              options,
            )?.id,
          },
    );
  }
  return { problems, failures };
}
