import { describe, expect, it } from 'vitest';
import {
  CommentRequestSchema,
  CommentsAnswerSchema,
  ErrorBodySchema,
  FeedbackStatusAnswerSchema,
} from './feedback-api.ts';

describe('feedback API contract', () => {
  it('accepts the answers the service gives', () => {
    expect(
      FeedbackStatusAnswerSchema.parse({
        code: '4831-0967-2254-7195',
        status: 'answered',
        receivedAt: '2026-12-01T10:00:00.000Z',
        updatedAt: '2026-12-02T10:00:00.000Z',
        publicReply: 'Done',
        repliedAt: '2026-12-02T10:00:00.000Z',
      }).status,
    ).toBe('answered');
    expect(
      CommentsAnswerSchema.parse({
        article: 'fa/hesseh-service-base',
        count: 1,
        comments: [{ code: 'c', parent: null, message: 'hi', createdAt: '2026-12-01' }],
      }).count,
    ).toBe(1);
    expect(
      ErrorBodySchema.parse({
        error: { code: 'RATE_LIMITED', message: { fa: 'صبر کنید', en: 'Wait' } },
      }).error.code,
    ).toBe('RATE_LIMITED');
  });

  it('refuses what a client must not rely on', () => {
    expect(FeedbackStatusAnswerSchema.safeParse({ code: 'x', status: 'lost' }).success).toBe(false);
    expect(
      ErrorBodySchema.safeParse({ error: { code: 'SOMETHING_NEW', message: { fa: '', en: '' } } })
        .success,
    ).toBe(false);
    expect(
      CommentRequestSchema.safeParse({
        kind: 'comment',
        article: '../etc/passwd',
        message: 'hi',
        lang: 'fa',
        idempotencyKey: 'abcdefghijklmnop',
      }).success,
    ).toBe(false);
  });
});
