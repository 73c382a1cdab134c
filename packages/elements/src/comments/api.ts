import type { CommentRequest, CommentsAnswer } from '@behzisti/core/feedback-api';
import type { Outcome } from '../shared/errors.ts';
import { endpointUrl, getJson } from '../shared/form/client.ts';

// Where bz-comments finds its comments (docs/feedback-service.md; list.template.ts threads them). A
// comment is sent like feedback, as a submission (shared/form/client.ts postJson); the contract
// is core's, shared with the service; failures are typed outcomes (shared/errors.ts).

export type { CommentsAnswer, PublishedComment } from '@behzisti/core/feedback-api';

/** The body of a comment sent to `POST {endpoint}`. */
export type CommentBody = CommentRequest & { website: string; elapsedMs: number };

/** The comments endpoint beside a feedback endpoint: `…/api/feedback` → `…/api/comments`. */
export function commentsEndpointOf(feedbackEndpoint: string): string {
  return endpointUrl(feedbackEndpoint, '').replace(/\/feedback$/, '/comments');
}

export function loadComments(
  endpoint: string,
  article: string,
  signal?: AbortSignal,
): Promise<Outcome<CommentsAnswer>> {
  return getJson(endpointUrl(endpoint, `?article=${encodeURIComponent(article)}`), signal);
}
