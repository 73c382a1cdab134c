import { answer, body, codeParameter, errors, jsonSchema } from './openapi-parts.ts';
import { SESSION_COOKIE } from './sessions.ts';
import {
  AuditAnswerSchema,
  CreatedTokenSchema,
  SecretChangeRequestSchema,
  SessionsEndedAnswerSchema,
  SignInRequestSchema,
  StaffListAnswerSchema,
  StaffRecordSchema,
  StaffUpdateRequestSchema,
  TokenListAnswerSchema,
  TokenRequestSchema,
  TokenSchema,
  WhoAmIAnswerSchema,
} from './staff-api.ts';

// The office's endpoints in the OpenAPI document: the staff inbox's and scripts' routes, from
// the zod schemas of staff-api.ts. They exist only where staff accounts or a token are
// configured (otherwise every one answers 404, as if absent).

export const staffSchemas = {
  StaffRecord: jsonSchema(StaffRecordSchema, 'output'),
  StaffListAnswer: jsonSchema(StaffListAnswerSchema, 'output'),
  StaffUpdateRequest: jsonSchema(StaffUpdateRequestSchema, 'input'),
  SignInRequest: jsonSchema(SignInRequestSchema, 'input'),
  WhoAmIAnswer: jsonSchema(WhoAmIAnswerSchema, 'output'),
  SecretChangeRequest: jsonSchema(SecretChangeRequestSchema, 'input'),
  SessionsEndedAnswer: jsonSchema(SessionsEndedAnswerSchema, 'output'),
  TokenRequest: jsonSchema(TokenRequestSchema, 'input'),
  Token: jsonSchema(TokenSchema, 'output'),
  CreatedToken: jsonSchema(CreatedTokenSchema, 'output'),
  TokenListAnswer: jsonSchema(TokenListAnswerSchema, 'output'),
  AuditAnswer: jsonSchema(AuditAnswerSchema, 'output'),
};

export const staffSecuritySchemes = {
  staffSession: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description:
      'The session cookie set by signing in (`POST /api/staff/session`). Changes with it must be sent as `application/json`.',
  },
  staffToken: {
    type: 'http',
    scheme: 'bearer',
    description:
      'A scoped, expiring API token (`bzt_…`) made by a signed-in person for a script; `read` or `export`, never changes.',
  },
};

/** A person or a script's token. */
const staffOrToken = [{ staffSession: [] }, { staffToken: [] }];
/** A person only (changes, and managing tokens). */
const personOnly = [{ staffSession: [] }];

/** The answers any staff route can give besides its own. */
const staffErrors = (codes: Record<number, string> = {}) =>
  errors({
    401: '`UNAUTHORIZED` (no or a wrong credential), `SIGNED_OUT` or `SESSION_EXPIRED`: sign in again.',
    403: '`FORBIDDEN` (the role may not do this), `TOKEN_SCOPE` (the token may not) or `ORIGIN_NOT_ALLOWED`.',
    404: '`NOT_FOUND`: no staff account or token is configured, so the office’s routes are absent.',
    ...codes,
  });

const query = (name: string, description: string, schema: Record<string, unknown>) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});

const listFilters = [
  query('kind', 'Feedback or comments (a role works on its own kind).', {
    type: 'string',
    enum: ['feedback', 'comment'],
  }),
  query('article', 'Comments on one news article, `fa/<file name>`.', { type: 'string' }),
  query('category', 'Feedback of one category.', { type: 'string' }),
  query('status', 'Records with this status.', { type: 'string' }),
  {
    ...query('serviceBaseId', 'Records about these bases (repeat the parameter for several).', {
      type: 'array',
      items: { type: 'string' },
      maxItems: 500,
    }),
    style: 'form',
    explode: true,
  },
  query('from', 'Received at or after: a day (`2025-03-21`, in Tehran) or an ISO 8601 time.', {
    type: 'string',
  }),
  query('to', 'Received before the end of this day, or before this ISO 8601 time.', {
    type: 'string',
  }),
];
const page = [
  query('limit', 'Page size, 1 to 200 (default 50).', {
    type: 'integer',
    minimum: 1,
    maximum: 200,
  }),
  query('offset', 'Records to skip (default 0).', { type: 'integer', minimum: 0 }),
];

const noContent = (description: string) => ({ description });
/** An answer that also sets (or clears) the session cookie. */
const withCookie = <T extends object>(response: T) => ({
  ...response,
  headers: {
    'Set-Cookie': {
      description: 'The session cookie (HttpOnly, SameSite=Strict, Path=/api).',
      schema: { type: 'string' },
    },
  },
});

/** Every change must be sent as JSON (a session cookie alone cannot make a cross-site change). */
const notJson = { 415: '`UNSUPPORTED_MEDIA_TYPE`: not `application/json`.' };
/** What reading a JSON request body can refuse. */
const bodyErrors = { 400: '`MALFORMED_JSON`.', 413: '`PAYLOAD_TOO_LARGE`.', ...notJson };

/** The office's routes, merged by the caller with the public routes of the same paths. */
export function staffPaths(base: string, staff: string) {
  return {
    [base]: {
      get: {
        operationId: 'list',
        tags: ['staff'],
        summary: "A page of records in the caller's scope, newest first",
        security: staffOrToken,
        parameters: [...listFilters, ...page],
        responses: {
          200: answer('The page.', 'StaffListAnswer'),
          ...staffErrors({ 422: '`INVALID_QUERY`: each bad filter in `fields`.' }),
        },
      },
    },
    [`${base}.csv`]: {
      get: {
        operationId: 'exportCsv',
        tags: ['staff'],
        summary: 'Every record the filters select, as CSV for a spreadsheet (audited)',
        security: staffOrToken,
        parameters: listFilters,
        responses: {
          200: {
            description:
              'UTF-8 with a byte-order mark; codes grouped with dashes; cells that a spreadsheet would run as formulas are neutralised.',
            content: { 'text/csv': { schema: { type: 'string' } } },
          },
          ...staffErrors({ 422: '`INVALID_QUERY`: each bad filter in `fields`.' }),
        },
      },
    },
    [`${base}/{code}`]: {
      patch: {
        operationId: 'update',
        tags: ['staff'],
        summary: "Change a record's status or its public reply (audited)",
        security: personOnly,
        parameters: [codeParameter],
        requestBody: body('StaffUpdateRequest'),
        responses: {
          200: answer('The record as it is now.', 'StaffRecord'),
          ...staffErrors({
            404: '`UNKNOWN_TRACKING_CODE` (none, or outside your scope), or `NOT_FOUND` (no staff configured).',
            ...bodyErrors,
            422: '`INVALID_FIELDS` (each in `fields`) or `INVALID_TRACKING_CODE`.',
          }),
        },
      },
    },
    [`${staff}/session`]: {
      get: {
        operationId: 'whoAmI',
        tags: ['staff'],
        summary: 'Who is signed in, with which role and provinces, until when',
        security: staffOrToken,
        responses: { 200: answer('The account.', 'WhoAmIAnswer'), ...staffErrors() },
      },
      post: {
        operationId: 'signIn',
        tags: ['staff'],
        summary: 'Sign in with a name and secret: sets the session cookie',
        requestBody: body('SignInRequest'),
        responses: {
          204: withCookie(noContent('Signed in.')),
          ...staffErrors({
            ...bodyErrors,
            401: '`BAD_CREDENTIALS`: the name or secret is wrong (attempts are limited per address and per account).',
            422: '`INVALID_FIELDS`: `name` and `secret` must be text.',
          }),
        },
      },
      delete: {
        operationId: 'signOut',
        tags: ['staff'],
        summary: 'Sign out (this session); send `Content-Type: application/json`',
        responses: {
          204: withCookie(noContent('Signed out; the cookie is cleared.')),
          ...staffErrors(notJson),
        },
      },
    },
    [`${staff}/secret`]: {
      put: {
        operationId: 'changeSecret',
        tags: ['staff'],
        summary: 'Change one’s own secret; every other session of the account ends',
        security: personOnly,
        requestBody: body('SecretChangeRequest'),
        responses: {
          200: withCookie(
            answer('Changed; `ended` other sessions were ended.', 'SessionsEndedAnswer'),
          ),
          ...staffErrors({ ...bodyErrors, 422: '`INVALID_FIELDS`: each bad field in `fields`.' }),
        },
      },
    },
    [`${staff}/sessions`]: {
      delete: {
        operationId: 'signOutEverywhere',
        tags: ['staff'],
        summary: 'End every session of the signed-in account (a lost phone, a shared computer)',
        security: personOnly,
        responses: {
          200: withCookie(answer('`ended` sessions were ended.', 'SessionsEndedAnswer')),
          ...staffErrors(notJson),
        },
      },
    },
    [`${staff}/tokens`]: {
      get: {
        operationId: 'listTokens',
        tags: ['staff'],
        summary: "The signed-in account's API tokens (never the tokens themselves)",
        security: personOnly,
        responses: { 200: answer('The tokens.', 'TokenListAnswer'), ...staffErrors() },
      },
      post: {
        operationId: 'createToken',
        tags: ['staff'],
        summary: 'Make a scoped, expiring API token for a script; it is shown once',
        security: personOnly,
        requestBody: body('TokenRequest'),
        responses: {
          201: answer('Made.', 'CreatedToken'),
          ...staffErrors({
            ...bodyErrors,
            422: '`INVALID_FIELDS`: each bad field in `fields` (a province beyond your own included).',
          }),
        },
      },
    },
    [`${staff}/tokens/{id}`]: {
      delete: {
        operationId: 'revokeToken',
        tags: ['staff'],
        summary: 'Revoke one of your tokens',
        security: personOnly,
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,32}$' },
          },
        ],
        responses: {
          204: noContent('Revoked.'),
          ...staffErrors({
            404: '`NOT_FOUND`: none of your tokens has this id.',
            ...notJson,
          }),
        },
      },
    },
    [`${staff}/audit`]: {
      get: {
        operationId: 'audit',
        tags: ['staff'],
        summary: 'The audit log, newest first: who did what, when, from where',
        security: staffOrToken,
        parameters: [
          ...page,
          query('target', 'Only entries on this tracking code.', { type: 'string' }),
        ],
        responses: {
          200: answer('The page.', 'AuditAnswer'),
          ...staffErrors({ 422: '`INVALID_QUERY`: each bad parameter in `fields`.' }),
        },
      },
    },
  };
}
