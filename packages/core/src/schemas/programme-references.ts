import type { z } from 'zod';

/**
 * Checks inside one programme that every id a condition or rule uses exists and fits: the
 * question, its type, its option values, the household a count runs over and the sources a
 * rule cites. It runs even when other fields of the programme are invalid (so a data team sees
 * every error at once), hence it reads the data as `unknown` and skips what is malformed;
 * the schema reports that part. Questions asked in the wrong order, unreachable or circular
 * ones need the engine and are left to `check-rules`.
 */

type Path = (string | number)[];
type Ctx = z.core.$RefinementCtx;
type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const items = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The parts of a question the checks need; malformed questions are left out. */
interface KnownQuestion {
  id: string;
  type: string;
  options: Set<string>;
  members: Map<string, KnownQuestion>;
}

const NUMERIC_TYPES = new Set(['number', 'age', 'date']);
const NUMERIC_OPERATORS = ['less_than', 'at_most', 'greater_than', 'at_least', 'between'] as const;

/** The operators that make sense for each question type, for the error message. */
const OPERATORS_FOR: Record<string, string> = {
  'yes-no': 'equals: true or equals: false',
  number: 'equals, less_than, at_most, greater_than, at_least or between',
  age: 'equals, less_than, at_most, greater_than, at_least or between',
  date: 'less_than, at_most, greater_than, at_least or between (whole years since the date)',
  'one-of': 'equals or one_of with option values',
  'several-of': 'includes with an option value',
  household: 'a count: { count: { household, where }, at_least: … }',
};

function knownQuestions(list: unknown): Map<string, KnownQuestion> {
  const known = new Map<string, KnownQuestion>();
  for (const question of items(list)) {
    if (!isFields(question) || typeof question.id !== 'string' || typeof question.type !== 'string')
      continue;
    if (known.has(question.id)) continue; // reported as a duplicate id
    const options = new Set(
      items(question.options).flatMap((option) =>
        isFields(option) && typeof option.value === 'string' ? [option.value] : [],
      ),
    );
    known.set(question.id, {
      id: question.id,
      type: question.type,
      options,
      members:
        question.type === 'household' ? knownQuestions(question.member_questions) : new Map(),
    });
  }
  return known;
}

interface Scope {
  questions: Map<string, KnownQuestion>;
  /** False inside a condition about one household member, where counts make no sense. */
  countsAllowed: boolean;
  label: string;
}

function duplicates(list: unknown, at: (index: number) => Path, what: string, ctx: Ctx) {
  const seen = new Set<string>();
  items(list).forEach((item, index) => {
    const id = isFields(item) ? item.id : undefined;
    if (typeof id !== 'string') return;
    if (seen.has(id))
      ctx.addIssue({
        code: 'custom',
        path: at(index),
        input: id,
        message: `${what} '${id}' is used twice`,
      });
    seen.add(id);
  });
}

function checkComparison(condition: Fields, path: Path, scope: Scope, ctx: Ctx) {
  const id = condition.question;
  if (typeof id !== 'string') return;
  const question = scope.questions.get(id);
  if (!question) {
    ctx.addIssue({
      code: 'custom',
      path: [...path, 'question'],
      input: id,
      message: `no ${scope.label} question has the id '${id}'`,
    });
    return;
  }
  const type = question.type;
  const bad = (operator: string, message?: string) =>
    ctx.addIssue({
      code: 'custom',
      path: [...path, operator],
      input: condition[operator],
      message:
        message ??
        `'${operator}' does not fit the ${type} question '${id}'; use ${OPERATORS_FOR[type] ?? 'an operator that fits its type'}`,
    });
  const unknownOption = (value: string) =>
    `'${value}' is not an option of '${id}' (options: ${[...question.options].join(', ')})`;
  if (!(type in OPERATORS_FOR)) return; // an unknown type is reported on the question itself

  const equals = condition.equals;
  if (equals !== undefined) {
    if (type === 'yes-no') {
      if (typeof equals !== 'boolean')
        bad('equals', `the yes-no question '${id}' is compared with true or false`);
    } else if (type === 'one-of') {
      if (typeof equals !== 'string')
        bad('equals', `the one-of question '${id}' is compared with an option value`);
      else if (!question.options.has(equals)) bad('equals', unknownOption(equals));
    } else if (type === 'number' || type === 'age') {
      if (typeof equals !== 'number')
        bad('equals', `the ${type} question '${id}' is compared with a number`);
    } else bad('equals');
  }
  if (condition.one_of !== undefined) {
    if (type !== 'one-of') bad('one_of');
    else
      items(condition.one_of).forEach((value, index) => {
        if (typeof value === 'string' && !question.options.has(value))
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'one_of', index],
            input: value,
            message: unknownOption(value),
          });
      });
  }
  const includes = condition.includes;
  if (includes !== undefined) {
    if (type !== 'several-of') bad('includes');
    else if (typeof includes === 'string' && !question.options.has(includes))
      bad('includes', unknownOption(includes));
  }
  for (const operator of NUMERIC_OPERATORS) {
    if (condition[operator] !== undefined && !NUMERIC_TYPES.has(type)) bad(operator);
  }
}

function checkCount(condition: Fields, path: Path, scope: Scope, ctx: Ctx) {
  const count = condition.count;
  if (!isFields(count)) return;
  if (!scope.countsAllowed) {
    ctx.addIssue({
      code: 'custom',
      path: [...path, 'count'],
      input: count,
      message: 'a count cannot be used inside a condition about one household member',
    });
    return;
  }
  const id = count.household;
  if (typeof id !== 'string') return;
  const household = scope.questions.get(id);
  if (household?.type !== 'household') {
    ctx.addIssue({
      code: 'custom',
      path: [...path, 'count', 'household'],
      input: id,
      message: household
        ? `'${id}' is a ${household.type} question, not a household question`
        : `no question has the id '${id}'`,
    });
    return;
  }
  if (count.where !== undefined) {
    const members: Scope = {
      questions: household.members,
      countsAllowed: false,
      label: `member question of '${id}'`,
    };
    checkCondition(count.where, [...path, 'count', 'where'], members, ctx);
  }
}

function checkCondition(condition: unknown, path: Path, scope: Scope, ctx: Ctx): void {
  if (!isFields(condition)) return;
  for (const key of ['all', 'any'] as const) {
    items(condition[key]).forEach((part, i) => {
      checkCondition(part, [...path, key, i], scope, ctx);
    });
  }
  if (condition.not !== undefined) checkCondition(condition.not, [...path, 'not'], scope, ctx);
  if (condition.count !== undefined) checkCount(condition, path, scope, ctx);
  else if (condition.question !== undefined) checkComparison(condition, path, scope, ctx);
}

/** Adds an issue to `ctx` for each dangling or ill-fitting reference in a programme. */
export function checkProgrammeReferences(programme: unknown, ctx: Ctx): void {
  if (!isFields(programme)) return;
  const { questions, rules, documents, sources } = programme;
  duplicates(questions, (i) => ['questions', i, 'id'], 'question id', ctx);
  duplicates(sources, (i) => ['sources', i, 'id'], 'source id', ctx);

  const known = knownQuestions(questions);
  const scope: Scope = { questions: known, countsAllowed: true, label: 'programme' };
  items(questions).forEach((question, i) => {
    if (!isFields(question)) return;
    checkCondition(question.ask_if, ['questions', i, 'ask_if'], scope, ctx);
    if (question.type !== 'household' || typeof question.id !== 'string') return;
    const members = items(question.member_questions);
    duplicates(
      members,
      (j) => ['questions', i, 'member_questions', j, 'id'],
      'member question id',
      ctx,
    );
    const memberScope: Scope = {
      questions: known.get(question.id)?.members ?? new Map(),
      countsAllowed: false,
      label: `member question of '${question.id}'`,
    };
    members.forEach((member, j) => {
      if (isFields(member))
        checkCondition(
          member.ask_if,
          ['questions', i, 'member_questions', j, 'ask_if'],
          memberScope,
          ctx,
        );
    });
  });

  const sourceIds = new Set(
    items(sources).flatMap((source) =>
      isFields(source) && typeof source.id === 'string' ? [source.id] : [],
    ),
  );
  items(rules).forEach((rule, i) => {
    if (!isFields(rule)) return;
    checkCondition(rule.when, ['rules', i, 'when'], scope, ctx);
    items(rule.sources).forEach((id, j) => {
      if (typeof id === 'string' && !sourceIds.has(id))
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'sources', j],
          input: id,
          message: `no source has the id '${id}'; add it under sources`,
        });
    });
  });
  items(documents).forEach((document, i) => {
    if (isFields(document)) checkCondition(document.when, ['documents', i, 'when'], scope, ctx);
  });
}
