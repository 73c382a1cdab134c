import { z } from 'zod';
import { LocalizedTextSchema } from './localized-text.ts';
import { IdentifierSchema } from './primitives.ts';
import { ConditionSchema } from './programme-condition.ts';
import { strictObject } from './strict.ts';

/**
 * Questions of the eligibility checker. A question id is global across programme files: two
 * programmes that ask `age` ask it once, so both must define it identically (check-rules
 * verifies that). `ask_if` makes a follow-up question; beyond that the engine skips any
 * question that can no longer change an outcome.
 */

/** Question types, as the data team writes them. */
export const questionTypes = [
  'yes-no',
  'number',
  'age',
  'date',
  'one-of',
  'several-of',
  'household',
] as const;

/** A question type. */
export type QuestionType = (typeof questionTypes)[number];

const common = {
  id: IdentifierSchema.describe('Question id, referenced by conditions (e.g. household_income).'),
  text: LocalizedTextSchema.describe('The question as asked, one idea, plain words.'),
  help: LocalizedTextSchema.optional().describe('Hint shown under the question.'),
  ask_if: ConditionSchema.optional().describe(
    'Ask only when this condition holds (a follow-up question).',
  ),
};

/** An option of a one-of or several-of question. */
export const OptionSchema = strictObject({
  value: IdentifierSchema.describe('Option value used in conditions (e.g. wheelchair_user).'),
  label: LocalizedTextSchema.describe('Option label shown to the person.'),
}).describe('An answer option.');

const options = (min: number) =>
  z
    .array(OptionSchema)
    .min(min, { error: `give at least ${min} options` })
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((item, index) => {
        if (seen.has(item.value)) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'value'],
            input: item.value,
            message: `option value '${item.value}' is used twice`,
          });
        }
        seen.add(item.value);
      });
    });

const bounds = {
  min: z.number().optional().describe('Smallest accepted answer.'),
  max: z.number().optional().describe('Largest accepted answer.'),
};

const YesNoQuestionSchema = strictObject({ ...common, type: z.literal('yes-no') }).describe(
  'Answered yes (true) or no (false).',
);
const NumberQuestionSchema = strictObject({
  ...common,
  type: z.literal('number'),
  ...bounds,
  integer: z.boolean().default(false).describe('Accept whole numbers only.'),
  unit: LocalizedTextSchema.optional().describe('Unit shown beside the field, e.g. toman, people.'),
}).describe('Answered with a number (any digit set).');
const AgeQuestionSchema = strictObject({ ...common, type: z.literal('age'), ...bounds }).describe(
  'Answered with an age in whole years.',
);
const DateQuestionSchema = strictObject({ ...common, type: z.literal('date') }).describe(
  'Answered with a date (Solar Hijri in fa). Numeric comparisons use whole years since that date.',
);
const OneOfQuestionSchema = strictObject({
  ...common,
  type: z.literal('one-of'),
  options: options(2).describe('The choices; the person picks one.'),
}).describe('Answered by choosing one option.');
const SeveralOfQuestionSchema = strictObject({
  ...common,
  type: z.literal('several-of'),
  options: options(1).describe('The choices; the person picks any number, including none.'),
}).describe('Answered by choosing any number of options.');

const memberQuestionVariants = [
  YesNoQuestionSchema,
  NumberQuestionSchema,
  AgeQuestionSchema,
  DateQuestionSchema,
  OneOfQuestionSchema,
  SeveralOfQuestionSchema,
] as const;

/** A question asked about each household member (any type except household). */
export const MemberQuestionSchema = z
  .discriminatedUnion('type', memberQuestionVariants)
  .describe('A question asked about each household member.');

const HouseholdQuestionSchema = strictObject({
  ...common,
  type: z.literal('household'),
  member_questions: z
    .array(MemberQuestionSchema)
    .min(1, { error: 'a household question needs at least one member question' })
    .describe('Questions asked for each member; count conditions refer to these ids.'),
  max_members: z
    .number()
    .int()
    .min(1)
    .max(50)
    .default(20)
    .describe('Most members a person can add.'),
}).describe('The person lists household members and answers member_questions for each.');

/** One question of the checker. */
export const QuestionSchema = z
  .discriminatedUnion('type', [...memberQuestionVariants, HouseholdQuestionSchema])
  .meta({
    id: 'Question',
    description: `A question; type is one of ${questionTypes.join(', ')}.`,
  });

/** One question of the checker. */
export type Question = z.output<typeof QuestionSchema>;
/** A question asked about each household member. */
export type MemberQuestion = z.output<typeof MemberQuestionSchema>;
/** An answer option. */
export type QuestionOption = z.output<typeof OptionSchema>;
