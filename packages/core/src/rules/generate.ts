import { addDays, formatIsoDay } from '../dates.ts';
import type { Programme } from '../schemas/programme.ts';
import { ProgrammeSchema } from '../schemas/programme.ts';
import type { Condition } from '../schemas/programme-condition.ts';
import type { MemberQuestion, Question } from '../schemas/programme-question.ts';
import { type RuleBook, toRuleBook } from './rule-book.ts';
import type { Answers, AnswerValue, MemberAnswers, SimpleAnswer } from './types.ts';

/**
 * Generated programmes and answer sets, for the property-based tests and the bench. Not part
 * of the public API (not exported from index.ts). Every function takes its random source, so
 * a seed reproduces a run.
 */

import type { Random } from '../random.ts';

export { type Random, seededRandom } from '../random.ts';

const int = (random: Random, min: number, max: number) =>
  min + Math.floor(random() * (max - min + 1));
function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}
const text = (id: string) => ({ fa: `پرسش ${id}`, en: `Question ${id}` });
const OPTIONS = ['a', 'b', 'c', 'd'];
const options = (n: number) =>
  OPTIONS.slice(0, n).map((value) => ({ value, label: { fa: value, en: value } }));

/** Number-like questions compare against these, so answers near them hit every boundary. */
const NUMBERS = [0, 5, 10, 18, 30, 65];

function memberQuestions(): MemberQuestion[] {
  return [
    { id: 'm_age', type: 'age', text: text('m_age') },
    { id: 'm_flag', type: 'yes-no', text: text('m_flag') },
  ] as MemberQuestion[];
}

/**
 * A pool of `size` questions: the first `core` are yes-no or one-of with no follow-up; later
 * ones are any type and some are follow-ups of a core question. Question 10 is a household.
 */
export function syntheticQuestions(random: Random, size: number, core = 10): Question[] {
  const pool: Question[] = [];
  for (let i = 0; i < size; i++) {
    const id = `q${i}`;
    let question: Record<string, unknown>;
    if (i < core)
      question =
        i % 2 === 0
          ? { id, type: 'yes-no', text: text(id) }
          : { id, type: 'one-of', text: text(id), options: options(3) };
    else if (i === core)
      question = {
        id,
        type: 'household',
        text: text(id),
        member_questions: memberQuestions(),
        max_members: 6,
      };
    else {
      const type = pick(random, [
        'yes-no',
        'number',
        'age',
        'one-of',
        'several-of',
        'date',
      ] as const);
      question = { id, type, text: text(id) };
      if (type === 'one-of') question.options = options(3);
      if (type === 'several-of') question.options = options(4);
      if (random() < 0.3) {
        const parent = pool[int(random, 0, core - 1)] as Question;
        question.ask_if =
          parent.type === 'yes-no'
            ? { question: parent.id, equals: random() < 0.5 }
            : { question: parent.id, one_of: ['a', 'b'] };
      }
    }
    pool.push(question as unknown as Question);
  }
  return pool;
}

function leaf(random: Random, question: Question | MemberQuestion, depth: number): Condition {
  const id = question.id;
  switch (question.type) {
    case 'yes-no':
      return { question: id, equals: random() < 0.5 };
    case 'one-of':
      return random() < 0.5
        ? { question: id, equals: pick(random, ['a', 'b', 'c']) }
        : { question: id, one_of: ['a', pick(random, ['b', 'c'])] };
    case 'several-of':
      return { question: id, includes: pick(random, OPTIONS) };
    case 'number':
    case 'age':
    case 'date': {
      const op = pick(random, ['less_than', 'at_most', 'greater_than', 'at_least', 'between']);
      const n = pick(random, question.type === 'date' ? [1, 2, 5, 10] : NUMBERS);
      return op === 'between'
        ? { question: id, between: { min: n, max: n + 10 } }
        : ({ question: id, [op]: n } as Condition);
    }
    case 'household': {
      const members = question.member_questions;
      const where =
        depth > 0 && random() < 0.8 ? leaf(random, pick(random, members), 0) : undefined;
      return {
        count: where ? { household: id, where } : { household: id },
        at_least: int(random, 0, 2),
      };
    }
  }
}

function condition(random: Random, questions: readonly Question[], depth: number): Condition {
  const roll = random();
  if (depth === 0 || roll < 0.4) return leaf(random, pick(random, questions), 1);
  const parts = Array.from({ length: int(random, 2, 3) }, () =>
    condition(random, questions, depth - 1),
  );
  if (roll < 0.65) return { all: parts };
  if (roll < 0.9) return { any: parts };
  return { not: parts[0] as Condition };
}

/**
 * `count` programmes of `perProgramme` questions each, drawn from a shared pool (so questions
 * are shared as in real rule sets), with 3–6 first-match rules of nested conditions.
 */
export function syntheticProgrammes(
  random: Random,
  count: number,
  perProgramme = 40,
  poolSize = Math.max(perProgramme * 4, 40),
): Programme[] {
  const core = 10;
  const pool = syntheticQuestions(random, poolSize, core);
  const outcomes = ['likely', 'maybe', 'unlikely'] as const;
  return Array.from({ length: count }, (_, p) => {
    const chosen = new Set<number>(Array.from({ length: core + 1 }, (_, i) => i));
    while (chosen.size < Math.min(perProgramme, poolSize))
      chosen.add(int(random, core + 1, poolSize - 1));
    const questions = [...chosen].sort((a, b) => a - b).map((i) => pool[i] as Question);
    const rules = Array.from({ length: int(random, 3, 6) }, () => ({
      when: condition(random, questions, 3),
      outcome: pick(random, outcomes),
      reason: { fa: 'دلیل', en: 'reason' },
    }));
    return ProgrammeSchema.parse({
      id: `programme-${p}`,
      title: { fa: `برنامه ${p}` },
      summary: { fa: 'برنامهٔ ساختگی' },
      questions,
      rules,
      otherwise: { outcome: pick(random, outcomes), reason: { fa: 'دلیل' } },
      next_step: { text: { fa: 'مراجعه به پایگاه' } },
    });
  });
}

function simpleAnswer(
  random: Random,
  question: Question | MemberQuestion,
  today: string,
): SimpleAnswer {
  switch (question.type) {
    case 'yes-no':
      return random() < 0.5;
    case 'one-of':
      return pick(random, question.options).value;
    case 'several-of':
      return question.options.filter(() => random() < 0.4).map((option) => option.value);
    case 'number':
    case 'age': {
      const near = pick(random, NUMBERS) + int(random, -1, 1);
      const value = random() < 0.7 ? near : int(random, 0, 90);
      const min = question.min ?? 0;
      const max = question.max ?? 1e9;
      return Math.min(max, Math.max(min, value));
    }
    case 'date': {
      const [y, m, d] = today.split('-').map(Number) as [number, number, number];
      return formatIsoDay(addDays({ year: y, month: m, day: d }, -int(random, 0, 12 * 366)));
    }
    default:
      throw new TypeError('household answers are lists of members');
  }
}

/**
 * A full answer set: every question of the rule book answered (follow-ups too, whether or not
 * their `ask_if` holds; the engine ignores answers to questions not asked).
 */
export function randomFullAnswers(
  programmes: readonly Programme[] | RuleBook,
  random: Random,
  today: string,
): Answers {
  const book = toRuleBook(programmes);
  const answers: Answers = {};
  for (const question of book.questions.values()) {
    let value: AnswerValue;
    if (question.type === 'household') {
      const size = int(random, 0, Math.min(5, question.max_members));
      value = Array.from({ length: size }, () => {
        const member: MemberAnswers = {};
        for (const memberQuestion of question.member_questions)
          member[memberQuestion.id] = simpleAnswer(random, memberQuestion, today);
        return member;
      });
    } else value = simpleAnswer(random, question, today);
    answers[question.id] = value;
  }
  return answers;
}
