import type {
  CommentRequest,
  CommentsAnswer,
  PublishedComment,
  SubmitAnswer,
} from '@behzisti/core/feedback-api';
import type { Outcome } from '../shared/errors.ts';
import { getJson, postJson } from '../shared/form/client.ts';

// The calls bz-comments makes to the feedback service (docs/feedback-service.md): the published
// comments of an article, and sending a comment (a submission of kind "comment"). The contract is
// core's, shared with the service; failures are typed outcomes (shared/errors.ts); no UI text here.

export type { CommentsAnswer, PublishedComment } from '@behzisti/core/feedback-api';

/** The body of a comment sent to `POST {endpoint}`. */
export type CommentBody = CommentRequest & { website: string; elapsedMs: number };

/** The comments endpoint beside a feedback endpoint: `…/api/feedback` → `…/api/comments`. */
export function commentsEndpointOf(feedbackEndpoint: string): string {
  return feedbackEndpoint.replace(/\/+$/, '').replace(/\/feedback$/, '/comments');
}

export function loadComments(endpoint: string, article: string): Promise<Outcome<CommentsAnswer>> {
  const url = `${endpoint.replace(/\/+$/, '')}?article=${encodeURIComponent(article)}`;
  return getJson(url);
}

export function sendComment(endpoint: string, body: CommentBody): Promise<Outcome<SubmitAnswer>> {
  return postJson(endpoint, body);
}

/** Comments arranged as a thread: each with its replies, oldest first at every level. */
export interface ThreadNode {
  comment: PublishedComment;
  replies: ThreadNode[];
}

/** Builds the thread; a reply whose parent is not in the list is shown at the top level. */
export function thread(comments: readonly PublishedComment[]): ThreadNode[] {
  const nodes = new Map(
    comments.map((comment) => [comment.code, { comment, replies: [] as ThreadNode[] }]),
  );
  const roots: ThreadNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.comment.parent ? nodes.get(node.comment.parent) : undefined;
    if (parent && parent !== node) parent.replies.push(node);
    else roots.push(node);
  }
  return roots;
}
