// Eligibility rules rows for `pnpm bench`: re-evaluation time after one answer on a large
// synthetic rule set (issue 4: ≤ 2 ms for 50 programmes × 40 questions), and how many
// questions the pruned questionnaire asks against the total, over generated households.
// Exported as one async function so bench/run.mjs can add the rows to its table.

import {
  randomFullAnswers,
  seededRandom,
  syntheticProgrammes,
} from '../packages/core/src/rules/generate.ts';
import {
  changeAnswer,
  createRuleBook,
  emptyState,
  evaluate,
  nextQuestion,
} from '../packages/core/src/rules/index.ts';
import { sampleProgrammes } from '../packages/core/src/rules/test-programmes.ts';
import { percentile, time } from './lib.mjs';

const TODAY = '2025-06-01';
const options = { today: TODAY };

/**
 * Answers only what nextQuestion asks, taking each answer from `full`.
 * @param {import('../packages/core/src/rules/rule-book.ts').RuleBook} book
 * @param {import('../packages/core/src/rules/types.ts').Answers} full
 */
function askPruned(book, full) {
  let state = emptyState();
  for (let q = nextQuestion(book, state, options); q; q = nextQuestion(book, state, options))
    state = changeAnswer(book, state, q.id, full[q.id], options);
  return state;
}

/** @returns {Promise<{ figure: string, value: string, note?: string }[]>} */
export async function rulesRows() {
  /** @type {{ figure: string, value: string, note?: string }[]} */
  const rows = [];

  // Re-evaluation after one answer: evaluate every programme and pick the next question.
  {
    const random = seededRandom(4);
    const programmes = syntheticProgrammes(random, 50, 40);
    const book = createRuleBook(programmes);
    const questionCount = book.questions.size;
    const states = Array.from({ length: 400 }, () => {
      const full = randomFullAnswers(book, random, TODAY);
      // A session a few answers in: the first question answered, plus a few others.
      let state = emptyState();
      const first = nextQuestion(book, state, options);
      if (first) state = changeAnswer(book, state, first.id, full[first.id], options);
      return { state, full };
    });
    for (const { state } of states.slice(0, 50)) evaluate(book, state.answers, options); // warm up
    const samples = states.map(
      ({ state }) =>
        time(() => {
          evaluate(book, state.answers, options);
          nextQuestion(book, state, options);
        }).ms * 1000,
    );
    rows.push({
      figure: 'rules: evaluate + nextQuestion, 50 programmes × 40 questions',
      value: `${percentile(samples, 50).toFixed(0)} µs median, ${percentile(samples, 99).toFixed(0)} µs p99`,
      note: `after one answer; ${questionCount} distinct questions, ${states.length} sessions; target ≤ 2 ms`,
    });
    const sessions = states.slice(0, 100).map(({ full }) => askPruned(book, full).asked.length);
    const average = sessions.reduce((a, b) => a + b, 0) / sessions.length;
    rows.push({
      figure: 'rules: questions asked, synthetic 50 × 40',
      value: `${average.toFixed(1)} of ${questionCount} on average`,
      note: `${sessions.length} generated answer sets`,
    });
  }

  // The sample programmes, together and one at a time (as on a programme page).
  {
    const programmes = sampleProgrammes();
    const book = createRuleBook(programmes);
    const random = seededRandom(11);
    const households = Array.from({ length: 1000 }, () => randomFullAnswers(book, random, TODAY));
    const asked = households.map((full) => askPruned(book, full).asked.length);
    const average = asked.reduce((a, b) => a + b, 0) / asked.length;
    rows.push({
      figure: 'rules: questions asked, 5 sample programmes',
      value: `${average.toFixed(1)} of ${book.questions.size} on average`,
      note: `${households.length} generated households; max ${Math.max(...asked)}`,
    });
    const perProgramme = programmes.map((programme) => {
      const single = createRuleBook([programme]);
      const counts = households.map((full) => askPruned(single, full).asked.length);
      return `${programme.id} ${(counts.reduce((a, b) => a + b, 0) / counts.length).toFixed(1)}/${single.questions.size}`;
    });
    rows.push({
      figure: 'rules: questions asked per programme page',
      value: perProgramme.map((entry) => entry.split(' ')[1]).join(', '),
      note: perProgramme.join('; '),
    });
  }
  return rows;
}
