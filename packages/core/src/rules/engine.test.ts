import { describe, expect, it } from 'vitest';
import { parseAnswerInput } from './answers.ts';
import { createScope, evaluateCondition } from './condition.ts';
import { evaluate } from './evaluate.ts';
import { nextQuestion, pendingQuestions, progress } from './next-question.ts';
import { createRuleBook } from './rule-book.ts';
import { changeAnswer, emptyState, restoreState } from './state.ts';
import { programme, sampleProgrammes, t } from './test-programmes.ts';
import type { Answers, MemberAnswers } from './types.ts';
import { ageOn, wholeYearsBetween } from './years.ts';

const questions = [
  { id: 'yes', type: 'yes-no', text: t('yes?') },
  { id: 'n', type: 'number', text: t('n?') },
  { id: 'dob', type: 'date', text: t('born?') },
  {
    id: 'area',
    type: 'one-of',
    text: t('area?'),
    options: ['city', 'village'].map((value) => ({ value, label: t(value) })),
  },
  {
    id: 'needs',
    type: 'several-of',
    text: t('needs?'),
    options: ['a', 'b'].map((value) => ({ value, label: t(value) })),
  },
  { id: 'income', type: 'number', text: t('income?'), ask_if: { question: 'yes', equals: true } },
  {
    id: 'home',
    type: 'household',
    text: t('home?'),
    max_members: 5,
    member_questions: [
      { id: 'm_age', type: 'age', text: t('age?') },
      {
        id: 'm_sick',
        type: 'yes-no',
        text: t('sick?'),
        ask_if: { question: 'm_age', at_least: 18 },
      },
    ],
  },
];
const base = programme({
  questions,
  rules: [{ when: { question: 'yes', equals: true }, outcome: 'likely', reason: t('r1') }],
});
const book = createRuleBook([base]);
const truth = (condition: unknown, answers: Answers, today = '2025-06-01') =>
  evaluateCondition(condition as never, createScope(book.questions, answers, today, book.members));

describe('three-valued conditions', () => {
  it.each([
    // condition, answers, expected
    [
      {
        all: [
          { question: 'yes', equals: true },
          { question: 'n', at_least: 3 },
        ],
      },
      {},
      undefined,
    ],
    [
      {
        all: [
          { question: 'yes', equals: true },
          { question: 'n', at_least: 3 },
        ],
      },
      { yes: false },
      false,
    ],
    [
      {
        all: [
          { question: 'yes', equals: true },
          { question: 'n', at_least: 3 },
        ],
      },
      { yes: true },
      undefined,
    ],
    [
      {
        all: [
          { question: 'yes', equals: true },
          { question: 'n', at_least: 3 },
        ],
      },
      { yes: true, n: 3 },
      true,
    ],
    [
      {
        any: [
          { question: 'yes', equals: true },
          { question: 'n', at_least: 3 },
        ],
      },
      { n: 4 },
      true,
    ],
    [
      {
        any: [
          { question: 'yes', equals: true },
          { question: 'n', at_least: 3 },
        ],
      },
      { n: 2 },
      undefined,
    ],
    [
      {
        any: [
          { question: 'yes', equals: true },
          { question: 'n', at_least: 3 },
        ],
      },
      { n: 2, yes: false },
      false,
    ],
    [{ not: { question: 'yes', equals: true } }, {}, undefined],
    [{ not: { question: 'yes', equals: true } }, { yes: false }, true],
    [{ question: 'n', between: { min: 2, max: 4 } }, { n: 4 }, true],
    [{ question: 'n', less_than: 4 }, { n: 4 }, false],
    [{ question: 'n', at_most: 4 }, { n: 4 }, true],
    [{ question: 'n', greater_than: 4 }, { n: 4 }, false],
    [{ question: 'area', one_of: ['village'] }, { area: 'village' }, true],
    [{ question: 'area', equals: 'city' }, { area: 'village' }, false],
    [{ question: 'needs', includes: 'b' }, { needs: ['a', 'b'] }, true],
    [{ question: 'needs', includes: 'b' }, { needs: [] }, false],
  ])('%j over %j is %s', (condition, answers, expected) => {
    expect(truth(condition, answers as Answers)).toBe(expected);
  });

  it('treats a question not asked as false, and an open follow-up as unknown', () => {
    const income = { question: 'income', at_most: 100 };
    expect(truth(income, {})).toBeUndefined();
    expect(truth(income, { yes: false, income: 50 })).toBe(false);
    expect(truth({ not: income }, { yes: false })).toBe(true);
    expect(truth(income, { yes: true, income: 50 })).toBe(true);
    // Answered, but whether it is asked is still open: only a false comparison is known.
    expect(truth(income, { income: 500 })).toBe(false);
    expect(truth(income, { income: 50 })).toBeUndefined();
  });

  it('compares whole years since a date against the injected today', () => {
    const adult = { question: 'dob', at_least: 18 };
    expect(truth(adult, { dob: '2007-06-01' }, '2025-06-01')).toBe(true);
    expect(truth(adult, { dob: '2007-06-02' }, '2025-06-01')).toBe(false);
    const noToday = createScope(book.questions, { dob: '2007-06-01' }, undefined, book.members);
    expect(() => evaluateCondition(adult, noToday)).toThrow(/today/);
  });

  it('counts household members as a range until every member is known', () => {
    const adults = { count: { household: 'home', where: { question: 'm_age', at_least: 18 } } };
    expect(truth({ ...adults, at_least: 0 }, {})).toBe(true);
    expect(truth({ ...adults, at_least: 1 }, {})).toBeUndefined();
    expect(truth({ ...adults, at_least: 6 }, {})).toBe(false); // max_members is 5
    const home: MemberAnswers[] = [{ m_age: 30 }, {}, { m_age: 4 }];
    expect(truth({ ...adults, at_least: 1 }, { home })).toBe(true);
    expect(truth({ ...adults, at_least: 2 }, { home })).toBeUndefined();
    expect(truth({ ...adults, at_most: 2 }, { home })).toBe(true);
    expect(truth({ ...adults, equals: 0 }, { home })).toBe(false);
    expect(truth({ ...adults, between: { min: 1, max: 2 } }, { home })).toBe(true);
    expect(truth({ count: { household: 'home' }, equals: 3 }, { home })).toBe(true);
    // A member question not asked for a child (ask_if) is false for that member.
    const sick = { count: { household: 'home', where: { question: 'm_sick', equals: true } } };
    expect(truth({ ...sick, at_least: 1 }, { home: [{ m_age: 4, m_sick: true }] })).toBe(false);
    expect(truth({ ...sick, at_least: 1 }, { home: [{ m_age: 40, m_sick: true }] })).toBe(true);
  });
});

describe('first-match outcomes', () => {
  const two = programme({
    questions,
    rules: [
      { when: { question: 'n', at_least: 10 }, outcome: 'unlikely', reason: t('big') },
      { when: { question: 'yes', equals: true }, outcome: 'likely', reason: t('yes') },
    ],
  });

  it('blocks later rules while an earlier one is unknown', () => {
    const [result] = evaluate([two], { yes: true });
    expect(result).toEqual({ programme: 'test-programme', decided: false, rule: 0 });
  });

  it('decides with the first true rule and explains which answers decided', () => {
    const [result] = evaluate([two], { yes: true, n: 3, area: 'city' });
    expect(result).toMatchObject({
      decided: true,
      outcome: 'likely',
      rule: 1,
      reason: t('yes'),
      why: [
        { question: 'yes', asked: true, answer: true },
        { question: 'n', asked: true, answer: 3 },
      ],
    });
  });

  it('falls back to otherwise when every rule is false', () => {
    const [result] = evaluate([two], { yes: false, n: 3 });
    expect(result).toMatchObject({ decided: true, outcome: 'maybe', rule: null });
  });

  it('fixes the outcome as soon as the answers decide it', () => {
    const [result] = evaluate([two], { n: 12 });
    expect(result).toMatchObject({ decided: true, outcome: 'unlikely', rule: 0 });
  });
});

describe('nextQuestion', () => {
  const programmes = sampleProgrammes();
  const women = programmes.filter((p) => p.id === 'women-heads-of-household');

  it('asks in question order and skips questions that cannot change the outcome', () => {
    let state = emptyState();
    expect(nextQuestion(women, state)?.id).toBe('woman_head_of_household');
    state = changeAnswer(women, state, 'woman_head_of_household', false);
    // Decided "unlikely" at once: age, income and household are never asked.
    expect(nextQuestion(women, state)).toBeUndefined();
  });

  it('asks a follow-up only once its ask_if holds', () => {
    let state = changeAnswer(women, emptyState(), 'woman_head_of_household', true);
    expect(nextQuestion(women, state)?.id).toBe('age');
    state = changeAnswer(women, state, 'age', 30);
    expect(nextQuestion(women, state)?.id).toBe('monthly_income');
    state = changeAnswer(women, state, 'monthly_income', 5_000_000);
    expect(pendingQuestions(women, state)).toEqual(['household']);
    state = changeAnswer(women, state, 'household', [{ member_age: 3, member_disability: false }]);
    expect(nextQuestion(women, state)).toBeUndefined();
    expect(evaluate(women, state.answers)[0]).toMatchObject({ outcome: 'likely', rule: 2 });
  });

  it('reports progress as answered and at most how many remain', () => {
    const state = changeAnswer(women, emptyState(), 'woman_head_of_household', true);
    expect(progress(women, state)).toEqual({ answered: 1, remainingAtMost: 3 });
  });
});

describe('state', () => {
  const women = sampleProgrammes().filter((p) => p.id === 'women-heads-of-household');

  it('drops follow-up answers that no longer apply when an answer changes', () => {
    let state = emptyState();
    state = changeAnswer(women, state, 'woman_head_of_household', true);
    state = changeAnswer(women, state, 'monthly_income', 1000);
    state = changeAnswer(women, state, 'age', 40);
    state = changeAnswer(women, state, 'woman_head_of_household', false);
    expect(state).toEqual({
      answers: { woman_head_of_household: false, age: 40 },
      asked: ['woman_head_of_household', 'age'],
    });
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('clears an answer with undefined and refuses unknown questions', () => {
    const state = changeAnswer(women, emptyState(), 'age', 40);
    expect(changeAnswer(women, state, 'age', undefined)).toEqual(emptyState());
    expect(() => changeAnswer(women, state, 'nope', 1)).toThrow(RangeError);
  });

  it('restores a saved session, dropping what no longer fits the rules', () => {
    const saved = {
      answers: { age: 40, monthly_income: 5, gone: true, woman_head_of_household: 'yes' },
      asked: ['age', 'gone'],
    };
    expect(restoreState(women, saved)).toEqual({ answers: { age: 40 }, asked: ['age'] });
    expect(restoreState(women, 'garbage')).toEqual(emptyState());
  });
});

describe('answers typed by a person', () => {
  const number = {
    id: 'n',
    type: 'number',
    integer: true,
    min: 0,
    max: 100,
    text: t('n'),
  } as const;
  const date = { id: 'd', type: 'date', text: t('d') } as const;

  it('reads numbers in any digits and names each problem', () => {
    expect(parseAnswerInput(number, '۴۲')).toEqual({ ok: true, value: 42 });
    expect(parseAnswerInput(number, '٤٢')).toEqual({ ok: true, value: 42 });
    expect(parseAnswerInput(number, '')).toEqual({ ok: false, problem: { code: 'required' } });
    expect(parseAnswerInput(number, 'abc')).toMatchObject({ problem: { code: 'not_a_number' } });
    expect(parseAnswerInput(number, '1.5')).toMatchObject({ problem: { code: 'not_whole' } });
    expect(parseAnswerInput(number, '101')).toMatchObject({
      problem: { code: 'too_large', limit: 100 },
    });
  });

  it('reads Solar Hijri and Gregorian dates and refuses dates after today', () => {
    expect(parseAnswerInput(date, '۱۳۶۵/۰۴/۱۲')).toEqual({ ok: true, value: '1986-07-03' });
    expect(parseAnswerInput(date, '1986-07-03')).toEqual({ ok: true, value: '1986-07-03' });
    expect(parseAnswerInput(date, '1404/13/01')).toMatchObject({ problem: { code: 'not_a_date' } });
    expect(parseAnswerInput(date, '2030-01-01', { today: '2025-06-01' })).toMatchObject({
      problem: { code: 'in_future' },
    });
  });

  it('counts ages on the Solar Hijri calendar', () => {
    // Born 1365-04-12 (1986-07-03): turns 39 on 1404-04-12 (2025-07-03).
    expect(ageOn('1986-07-03', '2025-07-02')).toBe(38);
    expect(ageOn('1986-07-03', '2025-07-03')).toBe(39);
    expect(wholeYearsBetween('2025-02-30', '2025-07-03')).toBeUndefined();
  });
});
