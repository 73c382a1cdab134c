import { msg } from '@lit/localize';
import { html, type PropertyValues, type TemplateResult } from 'lit';
import { addOn, lendLit } from '../shared/add-on.ts';
import { postJson } from '../shared/form/client.ts';
import { FormElement } from '../shared/form/form-element.ts';
import { OutcomeTask } from '../shared/outcome-task.ts';
import {
  type CommentBody,
  type CommentsAnswer,
  commentsEndpointOf,
  loadComments,
  type PublishedComment,
} from './api.ts';
import { commentsStyles } from './comments.styles.ts';
import './events.ts';
import { commentFormTemplate } from './form.template.ts';
import {
  type CommentValues,
  type Field,
  failureText,
  type Problem,
  problemsOfServerFields,
  validateComment,
} from './messages.ts';

/** What is shown once the published comments are in (list.ts), read beside their request. */
const list = addOn(() => import('./list.ts'));
lendLit('bz-comments');

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
export class BzComments extends FormElement<CommentValues, Partial<Record<Field, Problem>>> {
  static override styles = [...FormElement.styles, commentsStyles];

  static override properties = {
    article: {},
    endpoint: {},
    commentsEndpoint: { attribute: 'comments-endpoint' },
    answer: { attribute: false },
    replyTo: { state: true },
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

  // ——— State (and the form's, see FormElement) ———
  declare private replyTo: PublishedComment | undefined;
  /** The last comment sent waits for review (cleared when the person starts another). */
  declare private sent: boolean;

  #loadedFor = '';
  /** The published comments of the article (@lit/task: a newer load aborts an older one). */
  readonly #comments = new OutcomeTask<[string, string], CommentsAnswer>(
    this,
    async ([url, article], signal) => {
      const [outcome, module] = await Promise.all([
        loadComments(url, article, signal),
        list.load().catch(() => undefined),
      ]);
      // Comments without the add-on that shows them (the connection went since the page came)
      // did not load: the person is told so, with a retry that asks for both again.
      return module || !outcome.ok ? outcome : { ok: false, failure: { kind: 'network' } };
    },
    (answer) => {
      this.answer = answer;
    },
  );

  constructor() {
    super();
    this.article = '';
    this.endpoint = '';
    this.commentsEndpoint = '';
    this.values = { message: '', name: '' };
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
          reply: this.#reply(),
          sent: this.sent,
          failure: this.failure,
          sending: this.sending,
          values: this.values,
          onSubmit: this.#onSubmit,
          onInput: this.#onInput,
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
    if (answer && this.#listIn()) {
      return list.module?.listTemplate(
        { locale: this.locale, digits: this.digits, startReply: this.#startReply },
        answer,
      );
    }
    return html`<p role="status">${msg('در حال بارگذاری دیدگاه‌ها…')}</p>`;
  }

  /**
   * Whether the list add-on is in; if not, it is asked for and this renders again once it comes.
   * The element's own loads bring it beside the comments; comments set by the page (a preview)
   * ask for it here.
   */
  #listIn(): boolean {
    if (!list.module)
      list.load().then(
        () => this.requestUpdate(),
        () => undefined,
      );
    return list.module !== undefined;
  }

  /** The form's "reply to" parts; a reply starts from a button of the list, so its add-on is in. */
  #reply() {
    const replyTo = this.replyTo;
    return replyTo && list.module
      ? {
          heading: list.module.replyHeading(replyTo),
          notice: list.module.replyingTemplate(replyTo, this.#cancelReply),
        }
      : undefined;
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

  #listUrl(): string {
    return this.commentsEndpoint || commentsEndpointOf(this.endpoint);
  }

  #load(): Promise<void> {
    return this.#comments.run([this.#listUrl(), this.article]);
  }

  readonly #retryLoad = async () => {
    await this.#load();
    await this.focusAfterUpdate('#comments-heading');
  };

  // ——— Writing and sending ———

  readonly #onInput = (event: Event) => {
    const { name, value } = event.target as HTMLInputElement;
    // The form's fields: the honeypot, the message and the name.
    if (name === 'website') this.website = value;
    else this.values = { ...this.values, [name]: value };
    this.sent = false;
  };

  readonly #startReply = async (comment: PublishedComment) => {
    this.replyTo = comment;
    this.sent = false;
    await this.focusAfterUpdate('#comment-message');
  };

  readonly #cancelReply = async () => {
    const code = this.replyTo?.code;
    this.replyTo = undefined;
    // Back to the reply button the person came from.
    await this.focusAfterUpdate(`[data-reply="${code}"]`);
  };

  readonly #onSubmit = async (event?: Event) => {
    event?.preventDefault();
    if (this.sending) return;
    this.failure = undefined;
    const { message, name } = this.values;
    if (!(await this.showProblems(validateComment(message, name)))) return;
    const body: CommentBody = {
      kind: 'comment',
      article: this.article,
      message,
      lang: this.locale === 'en' ? 'en' : 'fa',
      idempotencyKey: '',
      website: this.website,
      elapsedMs: Date.now() - this.shownAt,
    };
    if (this.replyTo) body.parent = this.replyTo.code;
    if (name.trim()) body.name = name.trim();
    // A retry of the same text reuses its key, so the service never stores it twice.
    body.idempotencyKey = this.sendKey.for([body.parent, body.name, body.message]);

    this.sending = true;
    const outcome = await postJson(this.endpoint, body);
    this.sending = false;
    if (outcome.ok) {
      this.values = { ...this.values, message: '' };
      this.replyTo = undefined;
      this.sendKey.reset();
      this.sent = true;
      this.shownAt = Date.now();
      this.emit('bz-comment-sent', { code: outcome.value.code, parent: body.parent });
      return this.focusAfterUpdate('#sent');
    }
    const failure = outcome.failure;
    // Fields the service refused that the person can fix: shown as problems.
    if (failure.kind === 'service' && failure.code === 'INVALID_FIELDS') {
      if (!(await this.showProblems(problemsOfServerFields(failure.fields, message)))) return;
    }
    this.failure = failure;
    await this.focusAfterUpdate('#send-failure');
  };
}
