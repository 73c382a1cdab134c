import { msg } from '@lit/localize';
import { html, type PropertyValues, type TemplateResult } from 'lit';
import { BzElement } from '../shared/bz-element.ts';
import { errorSummaryStyles } from '../shared/error-summary.styles.ts';
import { focusErrorSummary } from '../shared/error-summary.ts';
import type { Failure } from '../shared/errors.ts';
import { postJson } from '../shared/form/client.ts';
import { formStyles } from '../shared/form/form.styles.ts';
import { SendKey } from '../shared/form/send-key.ts';
import { OutcomeTask } from '../shared/outcome-task.ts';
import {
  type CommentBody,
  type CommentsAnswer,
  commentsEndpointOf,
  loadComments,
  type PublishedComment,
  thread,
} from './api.ts';
import { commentsStyles } from './comments.styles.ts';
import './events.ts';
import { commentFormTemplate } from './form.template.ts';
import {
  countText,
  type Field,
  failureText,
  type Problem,
  problemsOfServerFields,
  validateComment,
} from './messages.ts';
import { threadTemplate } from './thread.template.ts';

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

  // ——— State ———
  declare private name: string;
  declare private message: string;
  declare private replyTo: PublishedComment | undefined;
  declare private problems: Partial<Record<Field, Problem>>;
  declare private failure: Failure | undefined;
  declare private sending: boolean;
  /** The last comment sent waits for review (cleared when the person starts another). */
  declare private sent: boolean;

  #website = '';
  #shownAt = 0;
  readonly #sendKey = new SendKey();
  #loadedFor = '';
  /** The published comments of the article (@lit/task: a newer load aborts an older one). */
  readonly #comments = new OutcomeTask<[string, string], CommentsAnswer>(
    this,
    ([url, article], signal) => loadComments(url, article, signal),
    (answer) => {
      this.answer = answer;
    },
  );

  constructor() {
    super();
    this.article = '';
    this.endpoint = '';
    this.commentsEndpoint = '';
    this.name = '';
    this.message = '';
    this.problems = {};
    this.sending = false;
    this.sent = false;
  }

  /** Loads the published comments again (e.g. after the office has approved some). */
  async reload(): Promise<void> {
    await this.#load();
  }

  // ——— Rendering: every sentence is produced here, in the element's locale. ———

  protected override renderContent(): TemplateResult {
    return html`
      <section aria-labelledby="comments-heading">
        <h2 part="heading" id="comments-heading" tabindex="-1">${msg('دیدگاه‌ها')}</h2>
        ${this.#renderList()}
        ${commentFormTemplate({
          locale: this.locale,
          digits: this.digits,
          problems: this.problems,
          replyTo: this.replyTo,
          sent: this.sent,
          failure: this.failure,
          sending: this.sending,
          message: this.message,
          name: this.name,
          onSubmit: this.#onSubmit,
          onInput: this.#onInput,
          cancelReply: this.#cancelReply,
        })}
      </section>
    `;
  }

  #renderList() {
    const failure = this.#comments.failure;
    if (failure) {
      return html`
        <div class="notice failure" part="notice error" role="alert">
          <p>${failureText(failure, false, this.locale, this.digits)}</p>
          <button type="button" part="button" class="secondary" @click=${this.#retryLoad}>
            ${msg('دوباره امتحان کنید')}
          </button>
        </div>
      `;
    }
    const answer = this.answer;
    if (!answer) return html`<p role="status">${msg('در حال بارگذاری دیدگاه‌ها…')}</p>`;
    return html`
      <p class="count" id="comment-count">${countText(answer.count, this.digits)}</p>
      ${threadTemplate(
        { locale: this.locale, startReply: this.#startReply },
        thread(answer.comments),
        0,
      )}
    `;
  }

  // ——— Loading ———

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Load once the attributes are known (they may come late), and again if the article changes.
    const key = `${this.#listUrl()}|${this.article}`;
    if (this.article && this.endpoint && key !== this.#loadedFor) {
      this.#loadedFor = key;
      // Comments given as a property (a preview) are shown as they are.
      if (!changed.has('answer')) void this.#load();
    }
    super.willUpdate(changed);
  }

  protected override firstUpdated(): void {
    this.#shownAt = performance.now();
  }

  #listUrl(): string {
    return this.commentsEndpoint || commentsEndpointOf(this.endpoint);
  }

  #load(): Promise<void> {
    return this.#comments.run([this.#listUrl(), this.article]);
  }

  readonly #retryLoad = async () => {
    await this.#load();
    await this.updateComplete;
    this.shadowRoot?.getElementById('comments-heading')?.focus();
  };

  // ——— Writing and sending ———

  readonly #onInput = (event: Event) => {
    const input = event.target as HTMLInputElement | HTMLTextAreaElement;
    if (input.name === 'name') this.name = input.value;
    else if (input.name === 'message') this.message = input.value;
    else if (input.name === 'website') this.#website = input.value;
    this.sent = false;
  };

  readonly #startReply = async (comment: PublishedComment) => {
    this.replyTo = comment;
    this.sent = false;
    await this.updateComplete;
    this.shadowRoot?.getElementById('comment-message')?.focus();
  };

  readonly #cancelReply = async () => {
    const code = this.replyTo?.code;
    this.replyTo = undefined;
    await this.updateComplete;
    // Back to the reply button the person came from.
    this.shadowRoot?.querySelector<HTMLElement>(`[data-reply="${code}"]`)?.focus();
  };

  readonly #onSubmit = async (event?: Event) => {
    event?.preventDefault();
    if (this.sending) return;
    this.failure = undefined;
    this.problems = validateComment(this.message, this.name);
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
      website: this.#website,
      elapsedMs: Math.round(performance.now() - this.#shownAt),
    };
    if (this.replyTo) body.parent = this.replyTo.code;
    if (name) body.name = name;
    // A retry of the same text reuses its key, so the service never stores it twice.
    body.idempotencyKey = this.#sendKey.for([body.parent, body.name, body.message]);

    this.sending = true;
    const outcome = await postJson(this.endpoint, body);
    this.sending = false;
    if (outcome.ok) {
      this.message = '';
      this.replyTo = undefined;
      this.#sendKey.reset();
      this.sent = true;
      this.#shownAt = performance.now();
      this.emit('bz-comment-sent', { code: outcome.value.code, parent: body.parent });
      await this.updateComplete;
      this.shadowRoot?.getElementById('sent')?.focus();
      return;
    }
    const failure = outcome.failure;
    if (failure.kind === 'service' && failure.code === 'INVALID_FIELDS') {
      const problems = problemsOfServerFields(failure.fields, this.message);
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
}
