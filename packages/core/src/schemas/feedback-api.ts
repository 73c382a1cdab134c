import { z } from 'zod';
import { FeedbackSchema } from './feedback.ts';

/**
 * The contract of the feedback API (docs/feedback-service.md) between the service and its
 * clients (`bz-feedback-form`, `bz-comments`): the request bodies, the answers and the error
 * body. The service validates and builds these; the elements import the types only (`import
 * type`), so no schema library reaches a widget script. The schemas let tests check that what
 * the service answers is what the elements expect.
 */

/** A sentence in each language. */
export const ServiceMessageSchema = z.object({ fa: z.string(), en: z.string() });
export type ServiceMessage = z.infer<typeof ServiceMessageSchema>;

/** Stable error codes of the feedback API. Clients switch on these, never on messages. */
export const errorCodes = [
  'BAD_REQUEST',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'MALFORMED_JSON',
  'INVALID_FIELDS',
  'TOO_FAST',
  'RATE_LIMITED',
  'ORIGIN_NOT_ALLOWED',
  'INVALID_TRACKING_CODE',
  'UNKNOWN_TRACKING_CODE',
  'UNAUTHORIZED',
  'INVALID_QUERY',
  'BAD_CREDENTIALS',
  'SIGNED_OUT',
  'SESSION_EXPIRED',
  'TOKEN_SCOPE',
  'UNKNOWN_ARTICLE',
  'FORBIDDEN',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** One bad field: where (`about.pageUrl`), and what is wrong in plain English. */
export const FieldErrorSchema = z.object({ field: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldErrorSchema>;

/** The JSON body of every error response. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z
      .enum(errorCodes)
      .describe('Stable error code: clients switch on it, never on messages.'),
    message: ServiceMessageSchema.describe('A sentence for the person, in Persian and English.'),
    fields: z
      .array(FieldErrorSchema)
      .optional()
      .describe('Each bad field (`about.pageUrl`) and what is wrong with it.'),
    /** On a 500: the id of the request in the server's log, to quote to the operators. */
    requestId: z
      .string()
      .optional()
      .describe("On a 500: the request's id in the server's log, to quote to the operators."),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** `POST /api/feedback` with a feedback message: core's FeedbackSchema, as the form sends it. */
export const FeedbackRequestSchema = FeedbackSchema;
export type FeedbackRequest = z.input<typeof FeedbackRequestSchema>;

/** `POST /api/feedback` with a comment on a news article (`kind: "comment"`). */
export const CommentRequestSchema = z.object({
  kind: z.literal('comment'),
  article: z
    .string()
    .regex(/^(?:fa|en)\/[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .describe('The news article, `<lang>/<file name>` (`fa/hesseh-service-base`).'),
  parent: z
    .string()
    .optional()
    .describe('Tracking code of the published comment this one replies to, on the same article.'),
  name: z
    .string()
    .max(100)
    .optional()
    .describe('Optional; when given, it is published with the comment.'),
  message: z.string().min(1).max(4000).describe('The comment, 1 to 4000 characters.'),
  lang: z.enum(['fa', 'en']).describe('Language the comment was written in.'),
  idempotencyKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,128}$/)
    .describe('Random key made once per comment; a retry with it returns the first code.'),
  website: z
    .string()
    .max(1000)
    .optional()
    .describe('Honeypot hidden from people: any text marks the request as automated.'),
  elapsedMs: z
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe('Milliseconds from showing the form to sending; implausibly fast is refused.'),
});
export type CommentRequest = z.infer<typeof CommentRequestSchema>;

/** The answer to an accepted `POST` (201): the tracking code, `4831-0967-2254-7195`. */
export const SubmitAnswerSchema = z.object({
  code: z.string().describe('The tracking code, `4831-0967-2254-7195`: what the citizen keeps.'),
});
export type SubmitAnswer = z.infer<typeof SubmitAnswerSchema>;

/** Where a message is in the office's work. */
export const feedbackStatuses = ['received', 'in-review', 'answered', 'closed'] as const;
export type FeedbackStatus = (typeof feedbackStatuses)[number];

/** The public answer of `GET /api/feedback/{code}`: never any personal data. */
export const FeedbackStatusAnswerSchema = z.object({
  code: z.string().describe('The tracking code.'),
  status: z.enum(feedbackStatuses).describe("Where the message is in the office's work."),
  receivedAt: z.string().describe('When it arrived (ISO 8601, UTC).'),
  updatedAt: z.string().describe('When its status or reply last changed (ISO 8601, UTC).'),
  publicReply: z.string().optional().describe("The office's reply, shown to whoever has the code."),
  repliedAt: z.string().optional().describe('When the reply was written (ISO 8601, UTC).'),
  /** Feedback only: whether the office still holds a name or contact the citizen may erase. */
  contactHeld: z
    .boolean()
    .optional()
    .describe('Feedback only: whether a name or contact is still held (and may be erased).'),
});
export type FeedbackStatusAnswer = z.infer<typeof FeedbackStatusAnswerSchema>;

/** The answer of `DELETE /api/feedback/{code}/contact`: whether anything was erased now. */
export const ContactErasedAnswerSchema = z.object({
  code: z.string().describe('The tracking code.'),
  erased: z.boolean().describe('Whether anything was erased now (false: nothing was left).'),
});
export type ContactErasedAnswer = z.infer<typeof ContactErasedAnswerSchema>;

/** One published comment, as `GET /api/comments?article=` gives it (never personal data). */
export const PublishedCommentSchema = z.object({
  code: z.string(),
  /** Code of the comment this one replies to, or null. */
  parent: z.string().nullable().describe('Code of the comment this one replies to, or null.'),
  /** Only when the commenter gave one. */
  name: z.string().optional().describe('Only when the commenter gave one.'),
  message: z.string(),
  createdAt: z.string().describe('When it was sent (ISO 8601, UTC).'),
  /** The office's public answer, if any. */
  reply: z.string().optional().describe("The office's public answer, if any."),
});
export type PublishedComment = z.infer<typeof PublishedCommentSchema>;

/** The answer of `GET /api/comments?article=`. */
export const CommentsAnswerSchema = z.object({
  article: z.string(),
  count: z.number().int().nonnegative().describe('How many comments are published.'),
  comments: z.array(PublishedCommentSchema).describe('Oldest first.'),
});
export type CommentsAnswer = z.infer<typeof CommentsAnswerSchema>;

/** The answer of `GET /api/comments/counts?articles=a,b`: each asked id with its approved count. */
export const CommentCountsAnswerSchema = z.object({
  counts: z.record(z.string(), z.number().int().nonnegative()),
});
export type CommentCountsAnswer = z.infer<typeof CommentCountsAnswerSchema>;
