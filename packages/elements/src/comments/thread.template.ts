import { formatDate } from '@behzisti/core/dates';
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../shared/locale.ts';
import type { PublishedComment, ThreadNode } from './api.ts';
import { displayName } from './messages.ts';

export interface ThreadView {
  locale: Locale;
  startReply: (comment: PublishedComment) => void;
}

/** Comments as a thread: each with the office's answer and a reply button, replies indented. */
export function threadTemplate(
  view: ThreadView,
  nodes: readonly ThreadNode[],
  depth: number,
): TemplateResult | typeof nothing {
  if (nodes.length === 0) return nothing;
  return html`<ol class="thread ${depth > 0 ? 'replies' : ''}" part="list">
    ${nodes.map((node) => commentTemplate(view, node, depth))}
  </ol>`;
}

function commentTemplate(view: ThreadView, node: ThreadNode, depth: number): TemplateResult {
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
