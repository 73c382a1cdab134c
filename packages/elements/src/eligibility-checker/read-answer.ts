import {
  type AnswerValue,
  checkAnswer,
  createScope,
  evaluateCondition,
  type MemberAnswers,
  type ParseAnswerOptions,
  type ParsedAnswer,
  parseAnswerInput,
} from '@behzisti/core/rules';
import type { Question } from '@behzisti/core/schemas';
import type { Raw } from './answers.ts';
import type { AnyQuestion, Problem } from './messages.ts';

// The answer a field's content gives (the engine's checks and parsing), for the steps add-on
// (steps.ts): a question is read only when Continue is pressed, so this stays out of the
// widget's first load. No DOM: the component reads the form.

/** The answer in a field, or the problem with it (the engine's checks and parsing). */
export function readField(
  question: AnyQuestion,
  raw: Raw,
  options: ParseAnswerOptions,
): ParsedAnswer {
  if (question.type === 'several-of') return { ok: true, value: (raw as string[]) ?? [] };
  const text = typeof raw === 'string' ? raw : '';
  if (question.type === 'yes-no' || question.type === 'one-of') {
    if (!text) return { ok: false, problem: { code: 'required' } };
    const value = question.type === 'yes-no' ? text === 'yes' : text;
    const problem = checkAnswer(question, value);
    return problem ? { ok: false, problem } : { ok: true, value };
  }
  return parseAnswerInput(question as Question, text, options);
}

/**
 * The answer the form gives for `question`, or the problems with it, each by field name.
 * `field(question, name)` reads one field; `members` holds what was typed for each member of a
 * household (member questions asked only if their `ask_if` holds are skipped otherwise).
 */
export function readAnswer(
  question: Question,
  field: (question: AnyQuestion, name: string) => Raw,
  members: Record<string, Raw>[],
  options: ParseAnswerOptions,
): { value: AnswerValue; problems: Problem[] } {
  const problems: Problem[] = [];
  if (question.type !== 'household') {
    const parsed = readField(question, field(question, question.id), options);
    if (!parsed.ok) problems.push({ ...parsed.problem, name: question.id, question });
    return { value: parsed.ok ? parsed.value : '', problems };
  }
  const byId = new Map(question.member_questions.map((mq) => [mq.id, mq]));
  const value = members.map((member, i) => {
    const answers: MemberAnswers = {};
    for (const mq of question.member_questions) {
      if (mq.ask_if && evaluateCondition(mq.ask_if, createScope(byId, answers)) === false) continue;
      const parsed = readField(mq, member[mq.id], options);
      if (parsed.ok) answers[mq.id] = parsed.value;
      else problems.push({ ...parsed.problem, name: `m${i}-${mq.id}`, question: mq, member: i });
    }
    return answers;
  });
  return { value, problems };
}
