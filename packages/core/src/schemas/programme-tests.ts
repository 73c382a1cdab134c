import { z } from 'zod';
import { GregorianDateSchema, IdentifierSchema, nonBlank, SlugSchema } from './primitives.ts';
import { outcomes } from './programme.ts';
import { strictObject } from './strict.ts';

/**
 * Table tests of eligibility rules, written as data by the team that writes the rules: a list
 * of cases, each some answers and the outcome expected per programme. check-rules runs them.
 */

/** What a case expects of a programme: an outcome, or `undecided` (the answers do not decide). */
export const expectedOutcomes = [...outcomes, 'undecided'] as const;

/** One table test case. */
export const RuleTestCaseSchema = strictObject({
  name: nonBlank(200).describe('What the case is about, e.g. "widow with two young children".'),
  today: GregorianDateSchema.optional().describe(
    'The day the case is evaluated on (YYYY-MM-DD, Gregorian); needed when a date question is compared.',
  ),
  answers: z
    .record(IdentifierSchema, z.unknown())
    .default({})
    .describe(
      'Answers by question id: true/false, numbers, option values, lists of option values, dates (YYYY-MM-DD, Solar Hijri or Gregorian), households as lists of members.',
    ),
  expect: z
    .record(
      SlugSchema,
      z.enum(expectedOutcomes, {
        error: (issue) =>
          `${JSON.stringify(issue.input)} is not an outcome; use likely, maybe, unlikely or undecided`,
      }),
    )
    .refine((expect) => Object.keys(expect).length > 0, {
      error: 'expect at least one programme: { programme-id: likely | maybe | unlikely }',
    })
    .describe('Expected outcome by programme id.'),
}).meta({
  id: 'RuleTestCase',
  description: 'A table test case: answers and the outcome expected for each programme named.',
});

/** One table test case (validated). */
export type RuleTestCase = z.output<typeof RuleTestCaseSchema>;

/** An outcome a case can expect. */
export type ExpectedOutcome = (typeof expectedOutcomes)[number];
