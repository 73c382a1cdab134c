import { z } from 'zod';
import { notOneOf } from './enum-error.ts';
import { LocalizedTextSchema } from './localized-text.ts';
import {
  ContentDateSchema,
  HttpUrlSchema,
  IdentifierSchema,
  LinkSchema,
  SlugSchema,
} from './primitives.ts';
import { ConditionSchema } from './programme-condition.ts';
import { QuestionSchema } from './programme-question.ts';
import { checkProgrammeReferences } from './programme-references.ts';
import { strictObject } from './strict.ts';

/**
 * A programme page and its eligibility rules (issue 4), as data the team edits without code.
 * Rules are read top to bottom and the first that holds gives the outcome; `otherwise` applies
 * when none does. Outcome names avoid verdicts on the person: the page words `unlikely` as
 * "this programme may not fit your answers; a base can advise".
 */

/** Outcomes of a programme for a person's answers. */
export const outcomes = ['likely', 'maybe', 'unlikely'] as const;

/** `likely` (likely eligible), `maybe` (may be eligible — confirm at a base), `unlikely` (may not fit). */
export type Outcome = (typeof outcomes)[number];

const OutcomeSchema = z
  .enum(outcomes, { error: notOneOf('an outcome', 'likely, maybe or unlikely') })
  .describe(
    'likely = likely eligible; maybe = may be eligible, confirm at a base; unlikely = may not fit (never worded as a verdict).',
  );

/** Where a criterion comes from: regulation and date in force. */
export const CriterionSourceSchema = strictObject({
  id: IdentifierSchema.describe('Source id, cited by rules[].sources.'),
  regulation: LocalizedTextSchema.describe(
    'The regulation, circular or decision, by name and number.',
  ),
  in_force: ContentDateSchema.optional().describe(
    'Date in force (Solar Hijri or Gregorian, any digits).',
  ),
  url: HttpUrlSchema.optional().describe('Where the text can be read.'),
}).describe('The source of a criterion.');

/** What the person can do next. */
export const NextStepSchema = strictObject({
  text: LocalizedTextSchema.describe(
    'The step in plain words, e.g. "Visit a service base with the documents".',
  ),
  url: LinkSchema.optional().describe(
    'Programme page or form (a site path or an https:// address).',
  ),
  nearest_base: z
    .boolean()
    .default(false)
    .describe('Offer "find the nearest service base" (the locator) with this step.'),
}).describe('What to do next.');

/** One rule: when the condition holds, the outcome and the reason. */
export const RuleSchema = strictObject({
  when: ConditionSchema.describe('The condition, over the answers.'),
  outcome: OutcomeSchema,
  reason: LocalizedTextSchema.describe('Why, in plain words, shown with the result ("why").'),
  sources: z
    .array(IdentifierSchema)
    .optional()
    .describe('Ids of the sources (programme sources) behind this rule.'),
  next_step: NextStepSchema.optional().describe(
    "Replaces the programme's next_step for this outcome.",
  ),
}).describe('A rule; the first rule whose condition holds decides the outcome.');

/** A document to bring. */
export const DocumentSchema = strictObject({
  name: LocalizedTextSchema.describe(
    'The document, e.g. "national ID card of each household member".',
  ),
  note: LocalizedTextSchema.optional().describe('Detail, e.g. "original and one copy".'),
  when: ConditionSchema.optional().describe('Needed only when this condition holds.'),
}).describe('A document to bring.');

/** A programme page with its eligibility rules. */
export const ProgrammeSchema = strictObject({
  id: SlugSchema.describe(
    'Stable programme id, used in URLs and by service bases (services[].program_id).',
  ),
  sample: z
    .boolean()
    .default(false)
    .describe('true while criteria are illustrative examples, not official rules.'),
  draft: z.boolean().default(false).describe('true to keep the programme off the site.'),
  title: LocalizedTextSchema.describe('Programme name.'),
  summary: LocalizedTextSchema.describe('One or two sentences: what it is.'),
  audience: LocalizedTextSchema.optional().describe('Who it is for, in plain words.'),
  how_to_apply: LocalizedTextSchema.optional().describe('How to apply, in plain words.'),
  questions: z
    .array(QuestionSchema)
    .min(1, { error: 'a programme needs at least one question' })
    .describe(
      'Questions its rules use. Same id in two programmes = same question (define it identically).',
    ),
  rules: z
    .array(RuleSchema)
    .min(1, { error: 'a programme needs at least one rule' })
    .describe('Rules, read top to bottom; the first that holds decides.'),
  otherwise: strictObject({
    outcome: OutcomeSchema,
    reason: LocalizedTextSchema.describe('Why, when no rule applies.'),
  }).describe('Outcome when no rule holds.'),
  documents: z.array(DocumentSchema).default([]).describe('Documents to bring.'),
  next_step: NextStepSchema,
  sources: z
    .array(CriterionSourceSchema)
    .default([])
    .describe('Regulations the criteria come from.'),
})
  // `when`: check references even when other fields are invalid, so every error shows at once.
  .superRefine(checkProgrammeReferences, { when: () => true })
  .meta({
    title: 'Behzisti programme',
    description:
      'A programme page and its eligibility rules: questions, conditions, outcomes with reasons, documents, next step and the sources of the criteria.',
  });

/** A programme with its rules (validated, defaults applied). */
export type Programme = z.output<typeof ProgrammeSchema>;
/** A programme as written in a data file (before defaults). */
export type ProgrammeInput = z.input<typeof ProgrammeSchema>;
/** One eligibility rule. */
export type Rule = z.output<typeof RuleSchema>;
/** A document to bring. */
export type ProgrammeDocument = z.output<typeof DocumentSchema>;
/** What to do next. */
export type NextStep = z.output<typeof NextStepSchema>;
/** The source of a criterion. */
export type CriterionSource = z.output<typeof CriterionSourceSchema>;
