import { feedbackCategories } from '@behzisti/core';
import { ProvinceIdSchema } from '@behzisti/core/schemas';
import { z } from 'zod';
import { MAX_TOKEN_DAYS, MAX_TOKEN_LABEL } from './api-tokens.ts';
import { MIN_SECRET_LENGTH } from './hash-secret.ts';
import { STAFF_ROLES } from './scope.ts';
import { MAX_REPLY } from './staff.ts';
import { apiTokenScopes, commentStatuses, feedbackStatuses, recordKinds } from './store/types.ts';

// The contract of the office's endpoints (the staff inbox, scripts with API tokens): their
// request bodies and answers as zod schemas, for the OpenAPI document (openapi.ts) and its
// contract test. The handler keeps its own parsers (staff.ts, api-tokens.ts, own-secret.ts),
// which name each bad field in words; test/staff-api.test.ts proves on generated bodies that
// they accept exactly what these schemas accept, so the two cannot drift apart.

const instant = z.string().describe('An instant (ISO 8601, UTC).');
const anyStatus = z.enum([...feedbackStatuses, ...commentStatuses]);

/** A record as the office sees it (everything but the idempotency key; texts bidi-neutralised). */
export const StaffRecordSchema = z.strictObject({
  code: z.string().describe('The tracking code, `4831-0967-2254-7195`.'),
  kind: z.enum(recordKinds),
  category: z.enum(feedbackCategories).optional().describe('Feedback only.'),
  article: z.string().optional().describe('Comments only: the news article, `fa/<file name>`.'),
  parent: z.string().optional().describe('Comments only: the code of the comment replied to.'),
  message: z.string(),
  name: z.string().optional(),
  contact: z.string().optional(),
  anonymous: z.boolean(),
  serviceBaseId: z.string().optional(),
  pageUrl: z.string().optional(),
  province: z.string().optional().describe('Resolved by the service; decides who sees it.'),
  lang: z.enum(['fa', 'en']),
  receivedAt: instant,
  status: anyStatus,
  contactErasedAt: instant.optional(),
  publicReply: z.string().optional(),
  repliedAt: instant.optional(),
  updatedAt: instant,
});

/** `GET /api/feedback` (staff): a page of records, newest first. */
export const StaffListAnswerSchema = z.strictObject({
  items: z.array(StaffRecordSchema),
  total: z.number().int().nonnegative().describe('How many records match the filters.'),
  limit: z.number().int().positive(),
  offset: z.number().int().nonnegative(),
  nextOffset: z.number().int().nonnegative().nullable().describe('The next page, or null.'),
});

/** `PATCH /api/feedback/{code}` (staff): a new status, a public reply, or both. */
export const StaffUpdateRequestSchema = z
  .strictObject({
    status: anyStatus.optional().describe('Feedback and comments take their own statuses.'),
    publicReply: z
      .string()
      .max(MAX_REPLY)
      .refine((text) => text.trim() !== '', 'write the reply as text')
      .nullable()
      .optional()
      .describe('Shown to whoever holds the code (published under a comment); null removes it.'),
  })
  .refine((body) => body.status !== undefined || body.publicReply !== undefined, {
    message: 'give status, publicReply or both',
  });

/** `POST /api/staff/session`: sign in. */
export const SignInRequestSchema = z.object({ name: z.string(), secret: z.string() });

/** `GET /api/staff/session`: who is signed in, with what role, until when. */
export const WhoAmIAnswerSchema = z.strictObject({
  name: z.string(),
  expiresAt: instant.nullable().describe('When the session ends; null for a token.'),
  role: z.enum(STAFF_ROLES).nullable(),
  provinces: z.union([z.literal('all'), z.array(z.string())]),
});

/** `PUT /api/staff/secret`: change one's own secret. */
export const SecretChangeRequestSchema = z
  .strictObject({
    oldSecret: z.string().min(1),
    newSecret: z
      .string()
      .refine((text) => [...text].length >= MIN_SECRET_LENGTH, {
        message: `at least ${MIN_SECRET_LENGTH} characters`,
      })
      .describe(`At least ${MIN_SECRET_LENGTH} characters (e.g. four unrelated words).`),
  })
  .refine((body) => body.newSecret !== body.oldSecret, {
    message: 'the new secret must differ from the current one',
  });

/** How many other sessions a secret change or "sign out everywhere" ended. */
export const SessionsEndedAnswerSchema = z.strictObject({ ended: z.number().int().nonnegative() });

/** `POST /api/staff/tokens`: a scoped, expiring API token for a script. */
export const TokenRequestSchema = z.strictObject({
  scope: z.enum(apiTokenScopes).describe('`read` lists records; `export` also downloads CSV.'),
  days: z.number().int().min(1).max(MAX_TOKEN_DAYS).optional().describe('Lifetime (default 30).'),
  label: z
    .string()
    .max(MAX_TOKEN_LABEL)
    .regex(/^[^\p{Cc}\p{Cf}]*$/u)
    .optional()
    .describe('What the token is for.'),
  provinces: z
    .array(ProvinceIdSchema)
    .min(1)
    .refine((ids) => new Set(ids).size === ids.length, 'distinct ids')
    .optional()
    .describe("Only some of the maker's provinces."),
});

/** A token as listed: never the token itself. */
export const TokenSchema = z.strictObject({
  id: z.string(),
  scope: z.enum(apiTokenScopes),
  label: z.string(),
  createdAt: instant,
  expiresAt: instant,
  revokedAt: instant.nullable(),
  provinces: z.array(z.string()).nullable(),
  live: z.boolean().describe('Neither expired nor revoked.'),
});

/** The answer to `POST /api/staff/tokens`: the token, shown this once. */
export const CreatedTokenSchema = TokenSchema.extend({
  token: z.string().describe('The bearer token. It is shown once and stored only as a digest.'),
});

/** `GET /api/staff/tokens`: the signed-in account's tokens. */
export const TokenListAnswerSchema = z.strictObject({ items: z.array(TokenSchema) });

/** `GET /api/staff/audit`: a page of the audit log, newest first. */
export const AuditAnswerSchema = z.strictObject({
  items: z.array(
    z.strictObject({
      at: instant,
      actor: z.string().describe('An account name, `staff` (the shared token) or `citizen`.'),
      action: z.string().describe('sign-in, status-change, approve, reply, csv-export, …'),
      target: z.string().optional().describe('The tracking code or token id acted on.'),
      client: z.string().describe('The client key (address) the request came from.'),
    }),
  ),
  total: z.number().int().nonnegative(),
  limit: z.number().int().positive(),
  offset: z.number().int().nonnegative(),
});
