import type { Programme } from '../schemas/programme.ts';
import type { MemberQuestion, Question } from '../schemas/programme-question.ts';

/**
 * The questions of a set of programmes, indexed once. A question id is global (two programmes
 * that ask `age` ask it once), so the first definition stands for all; check-rules reports
 * definitions that differ. Question order is the order of first appearance, programme by
 * programme, which is the order the checker asks in.
 */
export interface RuleBook {
  readonly programmes: readonly Programme[];
  /** Every question by id (first definition wins). */
  readonly questions: ReadonlyMap<string, Question>;
  /** Position of each question in asking order. */
  readonly order: ReadonlyMap<string, number>;
  /** Member questions of each household question, by household id then member question id. */
  readonly members: ReadonlyMap<string, ReadonlyMap<string, MemberQuestion>>;
}

const cache = new WeakMap<readonly Programme[], RuleBook>();

/** Indexes `programmes` (validated by `ProgrammeSchema`). */
export function createRuleBook(programmes: readonly Programme[]): RuleBook {
  const questions = new Map<string, Question>();
  const order = new Map<string, number>();
  const members = new Map<string, Map<string, MemberQuestion>>();
  for (const programme of programmes) {
    for (const question of programme.questions) {
      if (questions.has(question.id)) continue;
      questions.set(question.id, question);
      order.set(question.id, order.size);
      if (question.type === 'household')
        members.set(question.id, new Map(question.member_questions.map((m) => [m.id, m])));
    }
  }
  return { programmes, questions, order, members };
}

/**
 * The rule book of `programmes`, built once per array: the element and the bench call the
 * engine after every answer with the same array, and indexing is the costly part.
 */
export function toRuleBook(programmes: readonly Programme[] | RuleBook): RuleBook {
  if (!Array.isArray(programmes)) return programmes as RuleBook;
  const list = programmes as readonly Programme[];
  let book = cache.get(list);
  if (!book) {
    book = createRuleBook(list);
    cache.set(list, book);
  }
  return book;
}
