import { z } from 'zod';
import { IdentifierSchema } from './primitives.ts';
import { strictObject } from './strict.ts';

/**
 * The condition language of eligibility rules, as data: `all` / `any` / `not` over comparisons
 * of one answer, and counts over household members. Structure only; the engine evaluates it
 * with three values (true, false, not known yet) so an outcome is fixed as soon as it can be.
 */

/** Inclusive numeric range. */
export interface NumberRange {
  min: number;
  max: number;
}

/** Compares the answer to one question; exactly one operator. */
export interface Comparison {
  question: string;
  equals?: string | number | boolean | undefined;
  one_of?: string[] | undefined;
  includes?: string | undefined;
  less_than?: number | undefined;
  at_most?: number | undefined;
  greater_than?: number | undefined;
  at_least?: number | undefined;
  between?: NumberRange | undefined;
}

/** Counts the household members for whom `where` holds (all members without `where`). */
export interface MemberCount {
  count: { household: string; where?: Condition | undefined };
  equals?: number | undefined;
  at_least?: number | undefined;
  at_most?: number | undefined;
  between?: NumberRange | undefined;
}

/** A rule condition (recursive). */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | Comparison
  | MemberCount;

/** Operators of a comparison, in the order we document them. */
export const comparisonOperators = [
  'equals',
  'one_of',
  'includes',
  'less_than',
  'at_most',
  'greater_than',
  'at_least',
  'between',
] as const;

/** Operators of a household count. */
export const countOperators = ['equals', 'at_least', 'at_most', 'between'] as const;

const NumberRangeSchema = strictObject({
  min: z.number().describe('Lowest value included.'),
  max: z.number().describe('Highest value included.'),
})
  .refine((range) => range.min <= range.max, {
    error: (issue) => {
      const range = issue.input as NumberRange;
      return `between: min ${range.min} is greater than max ${range.max}`;
    },
  })
  .describe('Inclusive range { min, max }.');

/** Adds an error unless exactly one of `operators` is present on `value`. */
function exactlyOneOperator(operators: readonly string[]) {
  return (value: object, ctx: z.core.$RefinementCtx<object>) => {
    const present = operators.filter(
      (operator) => (value as Record<string, unknown>)[operator] !== undefined,
    );
    if (present.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        input: value,
        message:
          present.length === 0
            ? `add one comparison: ${operators.join(', ')}`
            : `use one comparison per condition, not ${present.join(' and ')}; combine conditions with all or any`,
      });
    }
  };
}

/**
 * Run the operator check only when the object is otherwise valid: with a misspelled operator
 * (`equal`) "unknown field" already says it all, and "add one comparison" would be noise.
 */
const onlyWhenClean = { when: (payload: z.core.ParsePayload) => payload.issues.length === 0 };

const count = (what: string) =>
  z
    .number()
    .int({ error: `${what} must be a whole number` })
    .min(0, { error: `${what} cannot be negative` });

/**
 * The recursion point. The getter returns the one `ConditionSchema` instance (built once below)
 * so tools that walk the schema (JSON Schema generation) see a finite graph.
 */
const ConditionRef: z.ZodType<Condition> = z.lazy(() => ConditionSchema);

/** A rule condition: `{ all: [...] }`, `{ any: [...] }`, `{ not: ... }`, a comparison or a count. */
export const ConditionSchema: z.ZodType<Condition> = z
  .union([
    strictObject({
      all: z
        .array(ConditionRef)
        .min(1, { error: 'all needs at least one condition' })
        .describe('True when every condition is true.'),
    }),
    strictObject({
      any: z
        .array(ConditionRef)
        .min(1, { error: 'any needs at least one condition' })
        .describe('True when at least one condition is true.'),
    }),
    strictObject({ not: ConditionRef.describe('True when the condition is false.') }),
    strictObject({
      question: IdentifierSchema.describe('Id of the question whose answer is compared.'),
      equals: z
        .union([z.string(), z.number(), z.boolean()])
        .optional()
        .describe(
          'Answer equals this: true/false for yes-no, an option value for one-of, a number.',
        ),
      one_of: z
        .array(IdentifierSchema)
        .min(1)
        .optional()
        .describe('Answer (one-of) is one of these option values.'),
      includes: IdentifierSchema.optional().describe(
        'Answer (several-of) includes this option value.',
      ),
      less_than: z.number().optional().describe('Number, age or years since a date is below this.'),
      at_most: z.number().optional().describe('Number, age or years since a date is at most this.'),
      greater_than: z
        .number()
        .optional()
        .describe('Number, age or years since a date is above this.'),
      at_least: z
        .number()
        .optional()
        .describe('Number, age or years since a date is at least this.'),
      between: NumberRangeSchema.optional().describe(
        'Number, age or years since a date is within the range.',
      ),
    }).superRefine(exactlyOneOperator(comparisonOperators), onlyWhenClean),
    strictObject({
      count: strictObject({
        household: IdentifierSchema.describe('Id of a household question.'),
        where: ConditionRef.optional().describe(
          "Condition on each member, over that household question's member_questions; all members when absent.",
        ),
      }).describe('Counts the household members for whom where holds.'),
      equals: count('equals').optional(),
      at_least: count('at_least').optional(),
      at_most: count('at_most').optional(),
      between: NumberRangeSchema.optional(),
    }).superRefine(exactlyOneOperator(countOperators), onlyWhenClean),
  ])
  .meta({
    id: 'Condition',
    description:
      'A condition: { all: [..] }, { any: [..] }, { not: .. }, a comparison { question, <one operator> } or a household count { count: { household, where? }, <one operator> }.',
  });
