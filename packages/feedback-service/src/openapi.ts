import {
  CommentCountsAnswerSchema,
  CommentRequestSchema,
  CommentsAnswerSchema,
  ContactErasedAnswerSchema,
  ErrorBodySchema,
  FeedbackRequestSchema,
  FeedbackStatusAnswerSchema,
  SubmitAnswerSchema,
} from '@behzisti/core/feedback-api';
import { answer, codeParameter, errors, jsonSchema, ref } from './openapi-parts.ts';
import { staffPaths, staffSchemas, staffSecuritySchemes } from './openapi-staff.ts';

// The public feedback API as an OpenAPI 3.1 document, generated from the zod schemas of core's
// contract (`@behzisti/core/feedback-api`) by zod's own `z.toJSONSchema`: OpenAPI 3.1 schemas are
// JSON Schema 2020-12, which is what it writes, so no second library and no second description
// of the bodies. Request bodies are described as zod reads them (`io: 'input'`), answers as the
// service builds them (`io: 'output'`, closed objects: an answer with a field the contract does
// not have, such as personal data, fails the contract test). The portal serves it at
// /api/openapi.json; docs/feedback-service.md renders it; test/openapi.test.ts validates real
// answers against it. The office's routes (tag `staff`) come from openapi-staff.ts, whose
// schemas are the service's own (staff-api.ts): no widget needs them.

/** The contract's version: a major bump for any change that breaks an existing client. */
export const API_VERSION = '1.0.0';

export interface OpenApiOptions {
  /** Where the feedback routes are mounted (default `/api/feedback`). */
  basePath?: string;
  /** Where the comments routes are mounted (default `/api/comments`). */
  commentsPath?: string;
  /** Where the staff session, token and audit routes are mounted (default `/api/staff`). */
  staffPath?: string;
  /** The contract's version (default {@link API_VERSION}). */
  version?: string;
}

const schemas = {
  FeedbackRequest: jsonSchema(FeedbackRequestSchema, 'input'),
  CommentRequest: jsonSchema(CommentRequestSchema, 'input'),
  SubmitAnswer: jsonSchema(SubmitAnswerSchema, 'output'),
  FeedbackStatusAnswer: jsonSchema(FeedbackStatusAnswerSchema, 'output'),
  ContactErasedAnswer: jsonSchema(ContactErasedAnswerSchema, 'output'),
  CommentsAnswer: jsonSchema(CommentsAnswerSchema, 'output'),
  CommentCountsAnswer: jsonSchema(CommentCountsAnswerSchema, 'output'),
  ErrorBody: jsonSchema(ErrorBodySchema, 'output'),
  ...staffSchemas,
};
export type OpenApiSchemaName = keyof typeof schemas;

/** The OpenAPI 3.1 document of the public feedback API. */
export function feedbackOpenApi(options: OpenApiOptions = {}) {
  const base = (options.basePath ?? '/api/feedback').replace(/\/+$/, '');
  const comments = (options.commentsPath ?? '/api/comments').replace(/\/+$/, '');
  const staff = (options.staffPath ?? '/api/staff').replace(/\/+$/, '');
  return {
    openapi: '3.1.1',
    info: {
      title: 'Behzisti feedback API',
      version: options.version ?? API_VERSION,
      summary: "Citizens' feedback and comments on news, with tracking codes.",
      description:
        'Every error is JSON (`ErrorBody`) with a stable `code` and a message in Persian and English. ' +
        'Browsers on other sites may call it only from origins the operator allows (CORS). ' +
        "The office's routes (tag `staff`) exist only where staff accounts or a token are configured.",
      license: { name: 'MIT', identifier: 'MIT' },
    },
    paths: withStaffPaths(staffPaths(base, staff), {
      [base]: {
        post: {
          operationId: 'submit',
          summary: 'Send feedback, or a comment on a news article (`kind: "comment"`)',
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { oneOf: [ref('FeedbackRequest'), ref('CommentRequest')] },
              },
            },
          },
          responses: {
            201: {
              ...answer(
                'Stored (or the same idempotency key again: the same code). The code is what the citizen keeps.',
                'SubmitAnswer',
              ),
              headers: {
                Location: {
                  description: 'The status lookup of the new code.',
                  schema: { type: 'string' },
                },
              },
            },
            ...errors({
              400: '`MALFORMED_JSON`: the body is not JSON (or not UTF-8).',
              403: '`ORIGIN_NOT_ALLOWED`: a page of a site not allowed to send.',
              404: '`UNKNOWN_ARTICLE`: a comment on an article the site does not have.',
              413: '`PAYLOAD_TOO_LARGE`: the body is over 16 kB.',
              415: '`UNSUPPORTED_MEDIA_TYPE`: not `application/json`.',
              422: '`INVALID_FIELDS` (each in `fields`) or `TOO_FAST` (sent less than 3 s after the form appeared).',
            }),
          },
        },
      },
      [`${base}/{code}`]: {
        get: {
          operationId: 'status',
          summary: "A message's status and the office's public reply; never personal data",
          parameters: [codeParameter],
          responses: {
            200: answer('The status.', 'FeedbackStatusAnswer'),
            ...errors({
              404: '`UNKNOWN_TRACKING_CODE`: no message with this code.',
              422: '`INVALID_TRACKING_CODE`: the check digit is wrong (a digit mistyped or two swapped).',
            }),
          },
        },
      },
      [`${base}/{code}/contact`]: {
        delete: {
          operationId: 'eraseContact',
          summary: 'Erase the name and contact stored with a message, now',
          description: 'Send `Content-Type: application/json` and `{}`.',
          parameters: [codeParameter],
          requestBody: {
            required: false,
            content: { 'application/json': { schema: { type: 'object' } } },
          },
          responses: {
            200: answer('`erased` is false when nothing was left to erase.', 'ContactErasedAnswer'),
            ...errors({
              404: '`UNKNOWN_TRACKING_CODE`: no message with this code.',
              415: '`UNSUPPORTED_MEDIA_TYPE`: not `application/json`.',
              422: '`INVALID_TRACKING_CODE`: the check digit is wrong.',
            }),
          },
        },
      },
      [comments]: {
        get: {
          operationId: 'comments',
          summary: "An article's approved comments, oldest first",
          parameters: [
            {
              name: 'article',
              in: 'query',
              required: true,
              description: 'The news article id, `<lang>/<file name>`.',
              schema: { type: 'string', pattern: '^(?:fa|en)/[a-z0-9]+(?:-[a-z0-9]+)*$' },
            },
          ],
          responses: {
            200: answer('The published comments.', 'CommentsAnswer'),
            ...errors({
              404: '`UNKNOWN_ARTICLE`: the site has no such article.',
              422: '`INVALID_QUERY`: `article` is missing or not an article id.',
            }),
          },
        },
      },
      [`${comments}/counts`]: {
        get: {
          operationId: 'commentCounts',
          summary: 'Approved comment counts of several articles',
          parameters: [
            {
              name: 'articles',
              in: 'query',
              required: true,
              description: '1 to 200 article ids separated by commas.',
              schema: { type: 'string' },
            },
          ],
          responses: {
            200: answer('Each asked id with its count (0 for none).', 'CommentCountsAnswer'),
            ...errors({ 422: '`INVALID_QUERY`: no ids, too many, or not article ids.' }),
          },
        },
      },
    }),
    components: { schemas, securitySchemes: staffSecuritySchemes },
  };
}

type PathItems = Record<string, Record<string, unknown>>;

/** The public routes with the office's added: the same path's methods merged, new paths after. */
function withStaffPaths<T extends PathItems>(staff: PathItems, open: T): T {
  const merged: PathItems = { ...open };
  for (const [path, item] of Object.entries(staff)) merged[path] = { ...merged[path], ...item };
  return merged as T;
}
