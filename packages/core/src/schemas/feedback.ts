import { z } from 'zod';
import { normalizeDigits, stripBidiMarks } from '../text.ts';
import { notOneOf } from './enum-error.ts';
import { HttpUrlSchema, SlugSchema } from './primitives.ts';
import { strictObject } from './strict.ts';

/**
 * A feedback submission as the form posts it (issue 8). Field names are camelCase because this
 * is a JSON API body written by JavaScript, not a data file. Texts are kept as given; the service
 * normalizes to NFC and escapes on output.
 */

/** Feedback categories. */
export const feedbackCategories = ['complaint', 'suggestion', 'appreciation', 'question'] as const;

/** A feedback category. */
export type FeedbackCategory = (typeof feedbackCategories)[number];

const MOBILE_RE = /^(?:\+98|0098|0)?(9\d{9})$/;

/**
 * An Iranian mobile number in any digit set (`09xxxxxxxxx`, `+989…`, `00989…`, with spaces or
 * dashes), output as `09xxxxxxxxx`; or an e-mail address (anything with an @), output as
 * written. Deciding by the @ gives one precise message instead of "neither of two things".
 */
export const ContactSchema = z
  .string()
  .max(254, { error: 'too long for a phone number or e-mail address' })
  .transform((text, ctx) => {
    const contact = stripBidiMarks(text).trim();
    if (contact.includes('@')) {
      if (!z.regexes.email.test(contact)) {
        ctx.addIssue({
          code: 'custom',
          input: text,
          message: `'${contact}' is not an e-mail address`,
        });
      }
      return contact;
    }
    const mobile = MOBILE_RE.exec(normalizeDigits(contact).replace(/[\s\-()]/g, ''));
    if (!mobile) {
      ctx.addIssue({
        code: 'custom',
        input: text,
        message: `'${contact}' is not an Iranian mobile number (09xxxxxxxxx or +989xxxxxxxxx, any digits) or an e-mail address`,
      });
      return contact;
    }
    return `0${mobile[1]}`;
  })
  .describe(
    'How the office may reply: an Iranian mobile number (09xxxxxxxxx or +989xxxxxxxxx, any digit set) or an e-mail address.',
  );

/** What the feedback is about: a service base, the page it was sent from, or both. */
export const FeedbackAboutSchema = strictObject({
  serviceBaseId: SlugSchema.optional().describe('Id of the service base (set by the host page).'),
  pageUrl: HttpUrlSchema.optional().describe(
    'Address of the page the form was on (set by the host page).',
  ),
})
  .refine((about) => about.serviceBaseId !== undefined || about.pageUrl !== undefined, {
    error: 'give serviceBaseId or pageUrl (or both)',
  })
  .describe('What the feedback is about: { serviceBaseId } and/or { pageUrl }.');

/** One feedback submission. */
export const FeedbackSchema = strictObject({
  category: z
    .enum(feedbackCategories, { error: notOneOf('a category', feedbackCategories.join(', ')) })
    .describe('complaint, suggestion, appreciation or question.'),
  message: z
    .string()
    .min(1, { error: 'the message is empty' })
    .max(4000, {
      error: (issue) =>
        `the message is too long (${String(issue.input).length} characters; at most 4000)`,
    })
    .refine((text) => text === '' || text.trim().length > 0, {
      error: 'the message is only spaces',
    })
    .describe('The message, 1 to 4000 characters.'),
  name: z
    .string()
    .max(100, { error: 'the name is too long (at most 100 characters)' })
    .refine((text) => text.trim().length > 0, {
      error: 'the name is empty; leave the field out instead',
    })
    .optional()
    .describe('Name, optional; absent when anonymous.'),
  contact: ContactSchema.optional(),
  anonymous: z
    .boolean()
    .default(false)
    .describe('true to send without name or contact; then both must be absent.'),
  about: FeedbackAboutSchema,
  consent: z
    .literal(true, { error: 'consent must be true: the person has to agree before sending' })
    .describe('The person agreed to the consent sentence; must be true.'),
  lang: z
    .enum(['fa', 'en'])
    .default('fa')
    .describe('Language the form was used in, for the reply.'),
  idempotencyKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,128}$/, {
      error: 'idempotencyKey must be 16 to 128 letters, digits, - or _',
    })
    .optional()
    .describe(
      'Random key the form makes once per message; a retried submit with the same key returns the first code instead of a duplicate.',
    ),
  website: z
    .string()
    .max(1000)
    .optional()
    .describe(
      'Honeypot: a field hidden from people. Any text here marks the submission as automated; the service then answers as if accepted and stores nothing, so the schema accepts it.',
    ),
  elapsedMs: z
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe(
      'Milliseconds from showing the form to submitting; the service rejects implausibly fast submissions.',
    ),
})
  .superRefine(
    (feedback, ctx) => {
      // Runs even when other fields are invalid (`when` below): personal data in an anonymous
      // submission must always be pointed out. So the value may be partial; read it loosely.
      const fields = feedback as Partial<Record<'anonymous' | 'name' | 'contact', unknown>>;
      if (fields.anonymous !== true) return;
      for (const field of ['name', 'contact'] as const) {
        if (fields[field] !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [field],
            input: fields[field],
            message: `an anonymous submission must not include ${field}; remove it or set anonymous to false`,
          });
        }
      }
    },
    // Any object, even one with other invalid fields; not null or a non-object body.
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  )
  .meta({
    title: 'Behzisti feedback submission',
    description: 'Body of POST /api/feedback: a complaint, suggestion, appreciation or question.',
  });

/** One feedback submission (validated; contact normalized). */
export type Feedback = z.output<typeof FeedbackSchema>;
/** A feedback submission as posted. */
export type FeedbackInput = z.input<typeof FeedbackSchema>;
