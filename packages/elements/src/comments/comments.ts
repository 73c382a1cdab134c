import { formatDate } from '@behzisti/core/dates';
import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { BzElement } from '../shared/bz-element.ts';
import { defineElement } from '../shared/define.ts';
import { errorSummaryStyles } from '../shared/error-summary.styles.ts';
import { errorSummary, type FieldProblem, focusErrorSummary } from '../shared/error-summary.ts';
import {
  type Failure,
  serviceSentence,
  tryAgainInSentence,
  unreadableAnswerSentence,
} from '../shared/errors.ts';
import { describedBy, fieldError, MESSAGE_MAX, NAME_MAX } from '../shared/form/fields.ts';
import { formStyles } from '../shared/form/form.styles.ts';
import { SendKey } from '../shared/form/send-key.ts';
import {
  type CommentBody,
  type CommentsAnswer,
  commentsEndpointOf,
  loadComments,
  type PublishedComment,
  sendComment,
  type ThreadNode,
  thread,
} from './api.ts';
import { commentsStyles } from './comments.styles.ts';

export type { CommentsAnswer, PublishedComment } from './api.ts';

/** Detail of `bz-comment-sent`: the tracking code of the comment (it waits for review). */
export interface BzCommentSentDetail {
  code: string;
  /** Code of the comment replied to, if it is a reply. */
  parent: string | undefined;
}

type Problem = 'message-empty' | 'message-long' | 'name-long';
type Field = 'message' | 'name';

/**
 * Readers' comments on a news article: the published (approved) comments as a thread with
 * replies indented, their number, and a form to comment or reply. Nothing a reader sends shows
 * until the office has reviewed it, and the form says so. Text that could not be sent stays in
 * the form with a retry.
 *
 * @tag bz-comments
 * @fires {CustomEvent<BzCommentSentDetail>} bz-comment-sent - The service accepted a comment (201); it shows after review.
 * @csspart base - The panel around everything.
 * @csspart heading - The headings.
 * @csspart list - The list of comments (and each list of replies).
 * @csspart comment - One comment.
 * @csspart reply - The office's answer under a comment.
 * @csspart form - The comment form.
 * @csspart input - The name input and the message box.
 * @csspart button - Every button.
 * @csspart submit - The button that sends the comment.
 * @csspart error-summary - The list of problems shown after a failed send.
 * @csspart notice - Messages about loading and sending.
 * @csspart error - A notice that loading or sending failed, with its retry button (also `notice`).
 */
export class BzComments extends BzElement {
  static override styles = [...BzElement.styles, errorSummaryStyles, formStyles, commentsStyles];

  static override properties = {
    article: {},
    endpoint: {},
    commentsEndpoint: { attribute: 'comments-endpoint' },
    answer: { attribute: false },
    loadFailure: { state: true },
    name: { state: true },
    message: { state: true },
    replyTo: { state: true },
    problems: { state: true },
    failure: { state: true },
    sending: { state: true },
    sent: { state: true },
  };

  /** Id of the news article (`fa/hesseh-service-base`). */
  declare article: string;
  /** URL of the feedback API that takes comments, e.g. `/api/feedback`. */
  declare endpoint: string;
  /** URL of the published comments; default: `endpoint` with `/feedback` changed to `/comments`. */
  declare commentsEndpoint: string;
  /** The published comments; the element loads them, setting them yourself shows those (e.g. in previews). */
  declare answer: CommentsAnswer | undefined;

  declare private loadFailure: Failure | undefined;
  declare private name: string;
  declare private message: string;
  declare private replyTo: PublishedComment | undefined;
  declare private problems: Partial<Record<Field, Problem>>;
  declare private failure: Failure | undefined;
  declare private sending: boolean;
  /** The last comment sent waits for review (cleared when the person starts another). */
  declare private sent: boolean;

  private website = '';
  private shownAt = 0;
  private readonly sendKey = new SendKey();
  private loadedFor = '';

  constructor() {
    super();
    this.article = '';
    this.endpoint = '';
    this.commentsEndpoint = '';
    this.answer = undefined;
    this.loadFailure = undefined;
    this.name = '';
    this.message = '';
    this.replyTo = undefined;
    this.problems = {};
    this.failure = undefined;
    this.sending = false;
    this.sent = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Load once the attributes are known (they may come late), and again if the article changes.
    const key = `${this.listUrl()}|${this.article}`;
    if (this.article && this.endpoint && key !== this.loadedFor) {
      this.loadedFor = key;
      // Comments given as a property (a preview) are shown as they are.
      if (!changed.has('answer')) void this.load();
    }
    super.willUpdate(changed);
  }

  protected override firstUpdated(): void {
    this.shownAt = performance.now();
  }

  private listUrl(): string {
    return this.commentsEndpoint || commentsEndpointOf(this.endpoint);
  }

  /** Loads the published comments again (e.g. after the office has approved some). */
  async reload(): Promise<void> {
    await this.load();
  }

  private async load(): Promise<void> {
    this.loadFailure = undefined;
    const outcome = await loadComments(this.listUrl(), this.article);
    if (outcome.ok) this.answer = outcome.value;
    else this.loadFailure = outcome.failure;
  }

  private readonly retryLoad = async () => {
    await this.load();
    await this.updateComplete;
    this.shadowRoot?.getElementById('comments-heading')?.focus();
  };

  private readonly onInput = (event: Event) => {
    const input = event.target as HTMLInputElement | HTMLTextAreaElement;
    if (input.name === 'name') this.name = input.value;
    else if (input.name === 'message') this.message = input.value;
    else if (input.name === 'website') this.website = input.value;
    this.sent = false;
  };

  private readonly startReply = async (comment: PublishedComment) => {
    this.replyTo = comment;
    this.sent = false;
    await this.updateComplete;
    this.shadowRoot?.getElementById('comment-message')?.focus();
  };

  private readonly cancelReply = async () => {
    const code = this.replyTo?.code;
    this.replyTo = undefined;
    await this.updateComplete;
    // Back to the reply button the person came from.
    this.shadowRoot?.querySelector<HTMLElement>(`[data-reply="${code}"]`)?.focus();
  };

  private validate(): Partial<Record<Field, Problem>> {
    const problems: Partial<Record<Field, Problem>> = {};
    if (this.message.trim() === '') problems.message = 'message-empty';
    else if (this.message.length > MESSAGE_MAX) problems.message = 'message-long';
    if (this.name.trim().length > NAME_MAX) problems.name = 'name-long';
    return problems;
  }

  private readonly onSubmit = async (event?: Event) => {
    event?.preventDefault();
    if (this.sending) return;
    this.failure = undefined;
    this.problems = this.validate();
    if (Object.keys(this.problems).length > 0) {
      await this.updateComplete;
      focusErrorSummary(this.shadowRoot);
      return;
    }
    const name = this.name.trim();
    const body: CommentBody = {
      kind: 'comment',
      article: this.article,
      message: this.message,
      lang: this.locale === 'en' ? 'en' : 'fa',
      idempotencyKey: '',
      website: this.website,
      elapsedMs: Math.round(performance.now() - this.shownAt),
    };
    if (this.replyTo) body.parent = this.replyTo.code;
    if (name) body.name = name;
    // A retry of the same text reuses its key, so the service never stores it twice.
    body.idempotencyKey = this.sendKey.for([body.parent, body.name, body.message]);

    this.sending = true;
    const outcome = await sendComment(this.endpoint, body);
    this.sending = false;
    if (outcome.ok) {
      this.message = '';
      this.replyTo = undefined;
      this.sendKey.reset();
      this.sent = true;
      this.shownAt = performance.now();
      this.emit('bz-comment-sent', { code: outcome.value.code, parent: body.parent });
      await this.updateComplete;
      this.shadowRoot?.getElementById('sent')?.focus();
      return;
    }
    const failure = outcome.failure;
    if (failure.kind === 'service' && failure.code === 'INVALID_FIELDS') {
      const problems: Partial<Record<Field, Problem>> = {};
      for (const { field } of failure.fields) {
        if (field === 'message')
          problems.message = this.message.length > MESSAGE_MAX ? 'message-long' : 'message-empty';
        if (field === 'name') problems.name = 'name-long';
      }
      if (Object.keys(problems).length > 0) {
        this.problems = problems;
        await this.updateComplete;
        focusErrorSummary(this.shadowRoot);
        return;
      }
    }
    this.failure = failure;
    await this.updateComplete;
    this.shadowRoot?.getElementById('send-failure')?.focus();
  };

  // ——— Rendering: every sentence is produced here, in the element's locale. ———

  private countText(count: number): string {
    if (count === 0) return msg('هنوز دیدگاهی منتشر نشده است.');
    if (count === 1) return msg('یک دیدگاه');
    return msg(str`${this.digits(count)} دیدگاه`);
  }

  private failureText(failure: Failure, sending: boolean): string {
    if (failure.kind === 'network') {
      return sending
        ? msg('اتصال برقرار نشد و دیدگاه فرستاده نشد. متن شما در فرم مانده است؛ دوباره بفرستید.')
        : msg('دیدگاه‌ها بارگذاری نشدند. اتصال اینترنت را بررسی کنید و دوباره امتحان کنید.');
    }
    if (failure.kind === 'rate-limited')
      return tryAgainInSentence(failure.seconds ?? 60, this.digits);
    return serviceSentence(failure, this.locale) ?? unreadableAnswerSentence();
  }

  private problemText(problem: Problem): string {
    switch (problem) {
      case 'message-empty':
        return msg('دیدگاه خود را بنویسید');
      case 'message-long':
        return msg(str`دیدگاه را کوتاه‌تر کنید: حداکثر ${this.digits(MESSAGE_MAX)} حرف`);
      case 'name-long':
        return msg(str`نام را کوتاه‌تر بنویسید: حداکثر ${this.digits(NAME_MAX)} حرف`);
    }
  }

  private displayName(comment: PublishedComment): string {
    return comment.name ?? msg('خواننده‌ای بی‌نام');
  }

  protected override renderContent(): TemplateResult {
    const answer = this.answer;
    return html`
      <section aria-labelledby="comments-heading">
        <h2 part="heading" id="comments-heading" tabindex="-1">${msg('دیدگاه‌ها')}</h2>
        ${
          this.loadFailure
            ? html`<div class="notice failure" part="notice error" role="alert">
                <p>${this.failureText(this.loadFailure, false)}</p>
                <button type="button" part="button" class="secondary" @click=${this.retryLoad}>
                  ${msg('دوباره امتحان کنید')}
                </button>
              </div>`
            : answer
              ? html`<p class="count" id="comment-count">${this.countText(answer.count)}</p>
                  ${this.renderThread(thread(answer.comments), 0)}`
              : html`<p role="status">${msg('در حال بارگذاری دیدگاه‌ها…')}</p>`
        }
        ${this.renderForm()}
      </section>
    `;
  }

  private renderThread(
    nodes: readonly ThreadNode[],
    depth: number,
  ): TemplateResult | typeof nothing {
    if (nodes.length === 0) return nothing;
    return html`<ol class="thread ${depth > 0 ? 'replies' : ''}" part="list">
      ${nodes.map((node) => this.renderComment(node, depth))}
    </ol>`;
  }

  private renderComment(node: ThreadNode, depth: number): TemplateResult {
    const { comment } = node;
    const id = `c-${comment.code}`;
    return html`<li>
      <article class="comment" part="comment" id=${id} aria-labelledby="${id}-by">
        <p class="byline">
          <span class="author" id="${id}-by">${this.displayName(comment)}</span>
          <time datetime=${comment.createdAt}>${formatDate(new Date(comment.createdAt), this.locale)}</time>
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
          @click=${() => this.startReply(comment)}
        >
          ${msg('پاسخ')}
        </button>
      </article>
      ${this.renderThread(node.replies, depth + 1)}
    </li>`;
  }

  private renderForm(): TemplateResult {
    const { problems } = this;
    const order: Field[] = ['message', 'name'];
    const summary: FieldProblem[] = order.flatMap((field) => {
      const problem = problems[field];
      return problem ? [{ fieldId: `comment-${field}`, message: this.problemText(problem) }] : [];
    });
    const error = (field: Field) => {
      const problem = problems[field];
      return fieldError(`comment-${field}`, problem && this.problemText(problem));
    };
    const described = (field: Field, ...hints: string[]) =>
      describedBy(`comment-${field}`, problems[field] !== undefined, ...hints);
    const replyTo = this.replyTo;
    return html`
      <h3 part="heading" id="form-heading">
        ${replyTo ? msg(str`پاسخ به ${this.displayName(replyTo)}`) : msg('دیدگاه خود را بنویسید')}
      </h3>
      <p class="hint" id="review-note">
        ${msg('دیدگاه‌ها پس از بررسی روابط عمومی منتشر می‌شوند؛ دیدگاه شما بلافاصله نمایش داده نمی‌شود.')}
      </p>
      ${
        this.sent
          ? html`<div class="notice" part="notice" id="sent" tabindex="-1" role="status">
              <p>${msg('دیدگاه شما رسید. پس از بررسی روابط عمومی در این صفحه نمایش داده می‌شود.')}</p>
            </div>`
          : nothing
      }
      ${errorSummary(summary)}
      ${
        this.failure
          ? html`<div class="notice failure" part="notice error" role="alert" id="send-failure" tabindex="-1">
              <p>${this.failureText(this.failure, true)}</p>
              <button type="button" part="button" class="secondary" @click=${() => this.onSubmit()}>
                ${msg('دوباره بفرستید')}
              </button>
            </div>`
          : nothing
      }
      <form
        part="form"
        novalidate
        aria-labelledby="form-heading"
        aria-describedby="review-note"
        @submit=${this.onSubmit}
        @input=${this.onInput}
      >
        ${
          replyTo
            ? html`<div class="replying">
                <p>${msg('پاسخ به این دیدگاه:')} <q dir="auto">${replyTo.message.slice(0, 140)}</q></p>
                <button type="button" part="button" class="secondary" @click=${this.cancelReply}>
                  ${msg('لغو پاسخ')}
                </button>
              </div>`
            : nothing
        }
        <div class="field ${problems.message ? 'invalid' : ''}">
          <label class="label" for="comment-message">${msg('دیدگاه شما')}</label>
          ${error('message')}
          <textarea
            id="comment-message"
            name="message"
            part="input"
            rows="5"
            dir="auto"
            aria-invalid=${problems.message ? 'true' : 'false'}
            aria-describedby=${described('message')}
            .value=${this.message}
          ></textarea>
        </div>
        <div class="field ${problems.name ? 'invalid' : ''}">
          <label class="label" for="comment-name">${msg('نام شما (اختیاری)')}</label>
          <p class="hint" id="comment-name-hint">
            ${msg('نامی که بنویسید همراه دیدگاه نمایش داده می‌شود. اگر خالی بماند، دیدگاه بی‌نام منتشر می‌شود.')}
          </p>
          ${error('name')}
          <input
            type="text"
            id="comment-name"
            name="name"
            part="input"
            autocomplete="nickname"
            dir="auto"
            aria-invalid=${problems.name ? 'true' : 'false'}
            aria-describedby=${described('name', 'comment-name-hint')}
            .value=${this.name}
          />
        </div>
        <div class="honeypot" aria-hidden="true">
          <label for="comment-website">Website</label>
          <input type="text" id="comment-website" name="website" tabindex="-1" autocomplete="off" />
        </div>
        <button type="submit" part="submit button" class="primary" aria-disabled=${this.sending ? 'true' : 'false'}>
          ${this.sending ? msg('در حال ارسال…') : msg('ارسال دیدگاه')}
        </button>
      </form>
    `;
  }
}

defineElement('bz-comments', BzComments);

declare global {
  interface HTMLElementTagNameMap {
    'bz-comments': BzComments;
  }
  interface HTMLElementEventMap {
    'bz-comment-sent': CustomEvent<BzCommentSentDetail>;
  }
}
