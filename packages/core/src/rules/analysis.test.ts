import { describe, expect, it } from 'vitest';
import { analyseProgrammes } from './analysis.ts';
import { programme, sampleProgrammes, t } from './test-programmes.ts';

/** A question whose text is its id. */
const question = (id: string, type: string, extra: Record<string, unknown> = {}) => ({
  id,
  type,
  text: t(id),
  ...extra,
});
const yesNo = (id: string, extra: Record<string, unknown> = {}) => question(id, 'yes-no', extra);

describe('analyseProgrammes', () => {
  it('finds nothing wrong in the sample programmes', () => {
    expect(analyseProgrammes(sampleProgrammes())).toEqual([]);
  });

  it('does not report a follow-up that only a household count could open', () => {
    const p = programme({
      questions: [
        question('home', 'household', { member_questions: [yesNo('m')] }),
        yesNo('x', {
          ask_if: {
            count: { household: 'home', where: { question: 'm', equals: true } },
            at_least: 2,
          },
        }),
      ],
      rules: [{ when: { question: 'x', equals: true }, outcome: 'likely', reason: t('r') }],
    });
    expect(analyseProgrammes([p])).toEqual([]);
  });

  it('reports a programme id used twice and a member question no count uses', () => {
    const p = programme({
      questions: [question('home', 'household', { member_questions: [yesNo('m')] })],
      rules: [
        { when: { count: { household: 'home' }, at_least: 1 }, outcome: 'likely', reason: t('r') },
      ],
    });
    expect(
      analyseProgrammes([p, p]).map((issue) => [issue.programme, issue.path.join('.')]),
    ).toEqual([
      [1, 'id'],
      [0, 'questions.0.member_questions.0.id'],
    ]);
  });

  it('finds an option subset that no several-of answer can give', () => {
    const p = programme({
      questions: [
        question('s', 'several-of', {
          options: ['a', 'b'].map((value) => ({ value, label: t(value) })),
        }),
      ],
      rules: [
        {
          when: {
            all: [{ question: 's', includes: 'a' }, { not: { question: 's', includes: 'a' } }],
          },
          outcome: 'likely',
          reason: t('r'),
        },
        { when: { question: 's', includes: 'b' }, outcome: 'maybe', reason: t('r') },
      ],
    });
    expect(analyseProgrammes([p]).map((issue) => issue.path.join('.'))).toEqual(['rules.0.when']);
  });
});
