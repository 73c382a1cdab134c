import { call, type Outcome } from '../feedback-form/api.ts';

// The calls bz-comments makes to the feedback service (docs/feedback-service.md): the published
// comments of an article, and sending a comment (a submission of kind "comment"). Failures are
// the feedback form's typed outcomes; no UI text here.

/** One published comment, as `GET /api/comments?article=` gives it (never personal data). */
export interface PublishedComment {
  code: string;
  /** Code of the comment this one replies to, or null. */
  parent: string | null;
  /** Only when the commenter gave one. */
  name?: string;
  message: string;
  createdAt: string;
  /** The office's public answer, if any. */
  reply?: string;
}

/** The answer of `GET /api/comments?article=`. */
export interface CommentsAnswer {
  article: string;
  count: number;
  comments: PublishedComment[];
}

/** The body of a comment sent to `POST {endpoint}`. */
export interface CommentBody {
  kind: 'comment';
  article: string;
  parent?: string;
  name?: string;
  message: string;
  lang: 'fa' | 'en';
  idempotencyKey: string;
  website: string;
  elapsedMs: number;
}

/** The comments endpoint beside a feedback endpoint: `…/api/feedback` → `…/api/comments`. */
export function commentsEndpointOf(feedbackEndpoint: string): string {
  return feedbackEndpoint.replace(/\/+$/, '').replace(/\/feedback$/, '/comments');
}

export function loadComments(endpoint: string, article: string): Promise<Outcome<CommentsAnswer>> {
  const url = `${endpoint.replace(/\/+$/, '')}?article=${encodeURIComponent(article)}`;
  return call(url, { headers: { accept: 'application/json' } });
}

export function sendComment(
  endpoint: string,
  body: CommentBody,
): Promise<Outcome<{ code: string }>> {
  return call(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
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
