import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Programme } from '../schemas/programme.ts';
import { evaluate } from './evaluate.ts';
import { randomFullAnswers, seededRandom, syntheticProgrammes } from './generate.ts';
import { nextQuestion } from './next-question.ts';
import { changeAnswer, emptyState } from './state.ts';
import { sampleProgrammes } from './test-programmes.ts';
import type { Answers } from './types.ts';

/**
 * The pruned questionnaire (answer only what nextQuestion asks, taking each answer from a
 * full answer set) must reach the same outcome and deciding rule for every programme as
 * answering every question. Random seeds come from fast-check so a failure is reproducible.
 */

const TODAY = '2025-06-01';
const options = { today: TODAY };

function pruned(programmes: readonly Programme[], full: Answers) {
  let state = emptyState();
  for (
    let q = nextQuestion(programmes, state, options);
    q;
    q = nextQuestion(programmes, state, options)
  ) {
    expect(state.answers[q.id]).toBeUndefined(); // never asks the same question twice
    state = changeAnswer(programmes, state, q.id, full[q.id], options);
  }
  return state;
}

const summary = (programmes: readonly Programme[], answers: Answers) =>
  evaluate(programmes, answers, options).map((r) =>
    r.decided ? `${r.programme}:${r.outcome}:${r.rule}` : `${r.programme}:undecided`,
  );

function checkSeed(programmes: readonly Programme[], seed: number): void {
  const full = randomFullAnswers(programmes, seededRandom(seed), TODAY);
  const expected = summary(programmes, full);
  expect(expected.some((line) => line.endsWith('undecided'))).toBe(false);
  const state = pruned(programmes, full);
  expect(summary(programmes, state.answers)).toEqual(expected);
  expect(state.asked.length).toBeLessThanOrEqual(Object.keys(full).length);
}

describe('pruned questionnaire = asking everything', () => {
  const samples = sampleProgrammes();

  it('on the sample programmes, together', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => checkSeed(samples, seed)),
      { numRuns: 300 },
    );
  });

  it('on each sample programme alone (as on a programme page)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: samples.length - 1 }), (seed, i) =>
        checkSeed([samples[i] as Programme], seed),
      ),
      { numRuns: 200 },
    );
  });

  it('on generated programmes with nested conditions, follow-ups and households', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), (programmeSeed, answerSeed) => {
        const programmes = syntheticProgrammes(seededRandom(programmeSeed), 4, 12, 24);
        checkSeed(programmes, answerSeed);
      }),
      { numRuns: 150 },
    );
  });

  it('asks fewer questions than there are', () => {
    const samplesAsked = Array.from({ length: 200 }, (_, seed) => {
      const full = randomFullAnswers(samples, seededRandom(seed), TODAY);
      return pruned(samples, full).asked.length;
    });
    const total = new Set(samples.flatMap((p) => p.questions.map((q) => q.id))).size;
    const average = samplesAsked.reduce((a, b) => a + b, 0) / samplesAsked.length;
    expect(average).toBeLessThan(total);
  });
});
