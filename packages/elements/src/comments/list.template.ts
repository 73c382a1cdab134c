import { formatDate } from '@behzisti/core/dates';
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../shared/locale.ts';
import type { CommentsAnswer, PublishedComment } from './api.ts';

// The published comments and what answers one of them (the list add-on, list.ts): the count,
// the thread with the office's answers and reply buttons, and the form's "reply to" parts, which
// only a reply button of this list can start.

export interface ListView {
  locale: Locale;
  digits: (value: number) => string;
  startReply: (comment: PublishedComment) => void;
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

function countSentence(count: number, digits: ListView['digits']): string {
  if (count === 0) return msg('هنوز دیدگاهی منتشر نشده است.');
  if (count === 1) return msg('یک دیدگاه');
  return msg(str`${digits(count)} دیدگاه`);
}

function displayName(comment: PublishedComment): string {
  return comment.name ?? msg('خواننده‌ای بی‌نام');
}

/** The number of published comments, then the comments as a thread. */
export function listTemplate(view: ListView, answer: CommentsAnswer): TemplateResult {
  return html`
    <p class="count" id="comment-count">${countSentence(answer.count, view.digits)}</p>
    ${threadTemplate(view, thread(answer.comments), 0)}
  `;
}

/** Comments as a thread: each with the office's answer and a reply button, replies indented. */
function threadTemplate(
  view: ListView,
  nodes: readonly ThreadNode[],
  depth: number,
): TemplateResult | typeof nothing {
  if (nodes.length === 0) return nothing;
  return html`<ol class="thread ${depth > 0 ? 'replies' : ''}" part="list">
    ${nodes.map((node) => commentTemplate(view, node, depth))}
  </ol>`;
}

function commentTemplate(view: ListView, node: ThreadNode, depth: number): TemplateResult {
  const { comment } = node;
  const id = `c-${comment.code}`;
  return html`<li>
    <article class="comment" part="comment" id=${id} aria-labelledby="${id}-by">
      <p class="byline">
        <span class="author" id="${id}-by">${displayName(comment)}</span>
        <time datetime=${comment.createdAt}>${formatDate(new Date(comment.createdAt), view.locale)}</time>
      </p>
      <p class="text" dir="auto">${comment.message}</p>
      ${
        comment.reply
          ? html`<div class="office-reply" part="reply">
              <p class="label">${msg('پاسخ روابط عمومی')}</p>
              <p class="text" dir="auto">${comment.reply}</p>
            </div>`
          : nothing
      }
      <button
        type="button"
        part="button"
        class="secondary reply-button"
        data-reply=${comment.code}
        aria-describedby="${id}-by"
        @click=${() => view.startReply(comment)}
      >
        ${msg('پاسخ')}
      </button>
    </article>
    ${threadTemplate(view, node.replies, depth + 1)}
  </li>`;
}

/** The comment form's heading while it answers `replyTo`. */
export function replyHeading(replyTo: PublishedComment): string {
  return msg(str`پاسخ به ${displayName(replyTo)}`);
}

/** Above the message box while replying: the comment answered, and a way back. */
export function replyingTemplate(replyTo: PublishedComment, cancel: () => void): TemplateResult {
  return html`<div class="replying">
    <p>${msg('پاسخ به این دیدگاه:')} <q dir="auto">${replyTo.message.slice(0, 140)}</q></p>
    <button type="button" part="button" class="secondary" @click=${cancel}>
      ${msg('لغو پاسخ')}
    </button>
  </div>`;
}
