import { html, nothing, type TemplateResult } from 'lit';
import { addOn, lendLit } from '../shared/add-on.ts';
import { DraftController } from '../shared/draft-controller.ts';
import type { Failure } from '../shared/errors.ts';
import { postJson } from '../shared/form/client.ts';
import { FormElement } from '../shared/form/form-element.ts';
import { QuickExitController } from '../shared/quick-exit-controller.ts';
import { SettledController } from '../shared/settled-controller.ts';
import './events.ts';
import { eraseContact, type FeedbackStatusAnswer, feedbackBody, lookUpStatus } from './api.ts';
import { codeOnlyTemplate } from './confirmation.template.ts';
import { draftKey, drafts } from './draft.ts';
import { failureNotice } from './failure.template.ts';
import { feedbackFormStyles } from './feedback-form.styles.ts';
import { formTemplate } from './form.template.ts';
import { checkCode, codeProblemOf } from './lookup.ts';
import {
  type Announcement,
  announcementText,
  type CodeProblem,
  type CopyResult,
} from './messages.ts';
import { statusModeTemplate } from './status.template.ts';
import {
  type Category,
  emptyValues,
  type Field,
  type FormValues,
  type Problem,
  parseCategories,
  problemsOfServerFields,
  validate,
  withInput,
} from './validation.ts';

/** Core's calendar code, once a restored draft has needed it. */
let calendar: typeof import('./restored-date.ts') | undefined;

/** Seconds of quiet typing before the remaining characters are announced (as GOV.UK does). */
const COUNT_ANNOUNCE_DELAY_MS = 1000;

/** What is shown once the server has answered (answer.ts), read beside the request. */
const answer = addOn(() => import('./answer.ts'));
lendLit('bz-feedback-form');

/**
 * A form for citizens to send a complaint, suggestion, thanks or question to the State Welfare
 * Organisation, anonymously if they wish, and get a tracking code; with `mode="status"`, a form to
 * look up what happened to a message by its code. Typed text is never lost: when a send fails it
 * is kept on the device and retried without creating a duplicate.
 *
 * @tag bz-feedback-form
 * @fires {CustomEvent<BzSubmitDetail>} bz-submit - The service accepted a message (201); `detail.code` is its tracking code.
 * @fires {CustomEvent<BzStatusDetail>} bz-status - A status lookup answered; `detail` has the code and status.
 * @fires {CustomEvent<BzQuickExitDetail>} bz-quick-exit - Cancelable. The person chose "leave this page" (or pressed Shift three times); the form and draft are already cleared; `detail.url` is the exit address. Cancel it to navigate yourself.
 * @csspart base - The panel around everything.
 * @csspart quick-exit - The "leave this page" button.
 * @csspart heading - The panel's headings.
 * @csspart form - The form (sending, or looking up a code).
 * @csspart input - Text inputs and the message box.
 * @csspart button - Every button.
 * @csspart submit - The button that sends the form.
 * @csspart error-summary - The list of problems shown after a failed send.
 * @csspart notice - Messages about the send (failure, kept draft).
 * @csspart error - The notice that a send failed, with its retry button (also `notice`).
 * @csspart confirmation - What is shown after a message was accepted.
 * @csspart code - The tracking code, large.
 * @csspart status - The status of a looked-up message.
 * @csspart reply - The office's public reply.
 */
export class BzFeedbackForm extends FormElement<FormValues, Partial<Record<Field, Problem>>> {
  static override styles = [...FormElement.styles, feedbackFormStyles];

  static override properties = {
    endpoint: {},
    categories: {},
    serviceBase: { attribute: 'service-base' },
    mode: {},
    exitUrl: { attribute: 'exit-url' },
    submittedCode: { attribute: false },
    statusResult: { attribute: false },
    announcement: { state: true },
    copyResult: { state: true },
    codeText: { state: true },
    codeProblem: { state: true },
    contactErased: { state: true },
  };

  /** URL of the feedback API, e.g. `https://api.example.ir/api/feedback` (another origin is fine). */
  declare endpoint: string;
  /** Comma-separated categories to offer: `complaint,suggestion,appreciation,question` (the default). */
  declare categories: string;
  /** Id of the service base the feedback is about; without it the page's address is sent. */
  declare serviceBase: string;
  /** `submit` (the default): send a message. `status`: look up a message by its tracking code. */
  declare mode: 'submit' | 'status';
  /** Where "leave this page" goes (default: a search engine's home page). */
  declare exitUrl: string;
  /**
   * The code of the message just accepted; while set, the confirmation is shown. The element sets
   * it after a 201; setting it yourself shows the confirmation for that code (e.g. in previews).
   */
  declare submittedCode: string | undefined;
  /**
   * The answer of the last status lookup, shown below the lookup form in `status` mode. The element
   * sets it from the service; setting it yourself shows that status (e.g. in previews).
   */
  declare statusResult: FeedbackStatusAnswer | undefined;

  // ——— State (and the form's, see FormElement) ———
  declare private announcement: Announcement;
  declare private copyResult: CopyResult;
  declare private codeText: string;
  declare private codeProblem: CodeProblem | undefined;
  declare private contactErased: boolean;

  /** When the form's text was first typed (epoch ms; kept with a draft). */
  private startedAt: number | undefined;
  /** A send failed for want of a connection: send once more when the browser is back online. */
  private resendOnline = false;
  /** Characters typed, announced once typing pauses. */
  private readonly spokenCount = new SettledController<number>(this, COUNT_ANNOUNCE_DELAY_MS);
  /** The text of a failed send, kept in localStorage. */
  private readonly draft = new DraftController(this, drafts, {
    key: () => draftKey(this.endpoint, this.subject()),
    restoring: () => this.mode !== 'status' && this.endpoint !== '',
    restore: (draft) => {
      if (this.values.message) return false;
      this.values = { ...emptyValues(), ...draft.values };
      // The fill time counts from the first keystroke, not from this page load.
      this.startedAt = draft.startedAt ?? Date.parse(draft.savedAt);
      this.sendKey.key = draft.idempotencyKey;
      this.sendKey.fingerprint = draft.sentFingerprint;
      return true;
    },
  });
  private readonly quickExit = new QuickExitController(this, () => this.clear());

  constructor() {
    super();
    this.endpoint = '';
    this.categories = '';
    this.serviceBase = '';
    this.mode = 'submit';
    this.exitUrl = '';
    this.values = emptyValues();
    this.announcement = '';
    this.copyResult = '';
    this.codeText = '';
    this.contactErased = false;
  }

  // ——— Public methods ———

  /** Checks the form as sending would, shows the problems and moves focus to them; true when none. */
  async reportValidity(): Promise<boolean> {
    return this.showProblems(validate(this.values, this.offered()));
  }

  /** Empties the form, forgets the draft, codes and statuses (what the quick exit does). */
  clear(): void {
    this.draft.forget();
    this.values = emptyValues();
    this.website = '';
    this.problems = {};
    this.failure = undefined;
    this.startedAt = undefined;
    this.stopResendOnline();
    this.sendKey.reset();
    this.submittedCode = undefined;
    this.statusResult = undefined;
    this.codeText = '';
    this.codeProblem = undefined;
    this.contactErased = false;
    this.spokenCount.reset();
    this.copyResult = '';
  }

  // ——— Rendering: every sentence is produced here, in the element's locale. ———

  protected override renderContent(): TemplateResult {
    return html`
      ${this.quickExit.render('quick-exit button', 'quick-exit')} ${this.renderMode()}
      <div class="visually-hidden" role="status">${announcementText(this.announcement)}</div>
    `;
  }

  private renderMode(): TemplateResult {
    if (this.mode === 'status') {
      return statusModeTemplate({
        locale: this.locale,
        digits: this.digits,
        codeText: this.codeText,
        codeProblem: this.codeProblem,
        sending: this.sending,
        answer: this.statusAnswer(),
        failureNotice: this.renderFailure(() =>
          this.shadowRoot?.querySelector('form')?.requestSubmit(),
        ),
        onLookUp: this.onLookUp,
        onCodeInput: this.onCodeInput,
      });
    }
    if (this.submittedCode) {
      const confirmation = this.answerModule()?.confirmationTemplate;
      // Set by the page before the add-on came (or it could not come): the code is never lost.
      if (!confirmation) return codeOnlyTemplate(this.submittedCode, this.locale);
      return confirmation({
        code: this.submittedCode,
        locale: this.locale,
        copyOutcome: this.copyResult,
        onCopy: this.copyCode,
        onSendAnother: this.sendAnother,
      });
    }
    return formTemplate({
      locale: this.locale,
      digits: this.digits,
      categories: this.offered(),
      values: this.values,
      problems: this.problems,
      website: this.website,
      sending: this.sending,
      spokenCount: this.spokenCount.value,
      restored: this.draft.restoredAt !== undefined,
      restoredWhen: this.restoredWhen(this.draft.restoredAt),
      failure: this.failure,
      failureNotice: this.renderFailure(() => this.onSubmit()),
      onSubmit: this.onSubmit,
      onInput: this.onInput,
      discardDraft: this.discardDraft,
    });
  }

  /**
   * When a restored draft was first kept, as the locale writes a date; undefined while core's
   * calendar code loads (then this renders again). It is loaded only when a draft comes back, so
   * the form's first load does not carry it; offline, the notice stays without its date.
   */
  private restoredWhen(restoredAt: string | undefined): string | undefined {
    if (restoredAt === undefined) return undefined;
    if (!calendar) {
      import('./restored-date.ts').then(
        (module) => {
          calendar = module;
          this.requestUpdate();
        },
        () => {},
      );
      return undefined;
    }
    return calendar.formatDate(new Date(restoredAt), this.locale);
  }

  /** The answer add-on, or undefined while it loads (then this renders again once it is in). */
  private answerModule() {
    if (!answer.module)
      answer.load().then(
        () => this.requestUpdate(),
        () => undefined,
      );
    return answer.module;
  }

  /** A looked-up message's status, below the lookup form. */
  private statusAnswer() {
    const result = this.statusResult;
    const module = result && this.answerModule();
    return module && result
      ? module.statusAnswerTemplate({
          result,
          locale: this.locale,
          contactErased: this.contactErased,
          erasing: this.sending,
          onEraseContact: this.onEraseContact,
        })
      : nothing;
  }

  private renderFailure(retry: () => void) {
    if (!this.failure) return nothing;
    return failureNotice(this.failure, retry, {
      lookingUp: this.mode === 'status',
      draftKept: this.draft.kept,
      locale: this.locale,
      digits: this.digits,
      resendOnline: this.resendOnline,
    });
  }

  // ——— Lifecycle ———

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopResendOnline();
  }

  private offered(): Category[] {
    return parseCategories(this.categories);
  }

  private subject(): string {
    return this.serviceBase || `${location.origin}${location.pathname}`;
  }

  private keepDraft(): void {
    this.draft.keep({
      values: this.values,
      idempotencyKey: this.sendKey.key,
      sentFingerprint: this.sendKey.fingerprint,
      ...(this.startedAt === undefined ? {} : { startedAt: this.startedAt }),
    });
  }

  // ——— Sending ———

  private readonly onInput = (event: Event) => {
    const input = event.target as HTMLInputElement;
    if (input.name === 'website') this.website = input.value;
    const values = withInput(this.values, input);
    if (!values) return;
    this.values = values;
    if (input.name === 'message' && values.message) this.startedAt ??= Date.now();
    if (input.name === 'message') this.spokenCount.set(values.message.length);
    // Once a send has failed, the kept copy follows every change until it is sent.
    if (this.draft.kept) this.keepDraft();
  };

  private readonly onSubmit = async (event?: Event, resending = false) => {
    event?.preventDefault();
    if (this.sending) return;
    // The citizen's own send (or this one automatic retry) replaces any pending automatic one.
    this.stopResendOnline();
    this.failure = undefined;
    if (!(await this.reportValidity())) return;
    const body = feedbackBody(this.values, {
      serviceBase: this.serviceBase,
      locale: this.locale,
      website: this.website,
      // From the first keystroke (a restored draft's, too) or the form's showing, whichever came first.
      elapsedMs: Date.now() - Math.min(this.shownAt, this.startedAt ?? Number.POSITIVE_INFINITY),
    });
    const { idempotencyKey: _k, elapsedMs: _e, website: _w, lang: _l, ...content } = body;
    body.idempotencyKey = this.sendKey.for(content);

    this.sending = true;
    this.announcement = resending ? 'resending' : 'sending';
    // The confirmation's add-on comes beside the answer, not after it.
    const [outcome] = await Promise.all([
      postJson(this.endpoint, body),
      answer.load().catch(() => undefined),
    ]);
    this.sending = false;
    this.announcement = '';
    if (outcome.ok) {
      const code = outcome.value.code;
      this.clear();
      this.submittedCode = code;
      this.emit('bz-submit', { code });
      return this.focusAfterUpdate('#confirmation-heading');
    }
    this.showFailure(outcome.failure);
    this.keepDraft();
    // No connection: try once more by itself when the browser says it is back online, with the
    // same idempotency key (the content is unchanged), so nothing is stored twice.
    if (outcome.failure.kind === 'network' && !resending) this.startResendOnline();
    await this.focusAfterUpdate(Object.keys(this.problems).length > 0 ? undefined : '#failure');
  };

  private readonly onOnline = () => {
    if (!this.resendOnline) return;
    void this.onSubmit(undefined, true);
  };

  private startResendOnline(): void {
    this.resendOnline = true;
    window.addEventListener('online', this.onOnline, { once: true });
  }

  private stopResendOnline(): void {
    this.resendOnline = false;
    window.removeEventListener('online', this.onOnline);
  }

  private showFailure(failure: Failure): void {
    if (failure.kind === 'service' && failure.code === 'INVALID_FIELDS') {
      const { problems, others } = problemsOfServerFields(failure.fields, this.values);
      this.problems = problems;
      if (others.length === 0) return;
      // Fields the person cannot fix (set by the host page): say so, and tell the webmaster.
      console.warn('bz-feedback-form: the service refused', others.join('; '));
    }
    this.failure = failure;
  }

  private readonly discardDraft = async () => {
    this.clear();
    this.announcement = 'discarded';
    await this.focusAfterUpdate('#heading');
  };

  // ——— After sending ———

  private readonly sendAnother = async () => {
    this.submittedCode = undefined;
    this.copyResult = '';
    this.shownAt = Date.now();
    await this.focusAfterUpdate('#heading');
  };

  private readonly copyCode = async () => {
    this.copyResult = (await answer.module?.copyCodeIn(this.shadowRoot)) ?? '';
  };

  // ——— Looking up a code ———

  private readonly onCodeInput = (event: Event) => {
    this.codeText = (event.target as HTMLInputElement).value;
  };

  private readonly onLookUp = async (event: Event) => {
    event.preventDefault();
    if (this.sending) return;
    this.failure = undefined;
    const checked = checkCode(this.codeText);
    this.codeProblem = 'problem' in checked ? checked.problem : undefined;
    this.contactErased = false;
    if ('code' in checked) {
      this.sending = true;
      this.announcement = 'looking';
      const [outcome] = await Promise.all([
        lookUpStatus(this.endpoint, checked.code),
        answer.load().catch(() => undefined),
      ]);
      this.sending = false;
      this.announcement = '';
      if (outcome.ok) {
        this.statusResult = outcome.value;
        this.emit('bz-status', { code: outcome.value.code, status: outcome.value.status });
        return this.focusAfterUpdate('#result-heading');
      }
      this.codeProblem = codeProblemOf(outcome.failure, this.locale);
      if (!this.codeProblem) this.failure = outcome.failure;
    }
    this.statusResult = undefined;
    await this.focusAfterUpdate(this.codeProblem ? undefined : '#failure');
  };

  private readonly onEraseContact = async () => {
    const shown = this.statusResult;
    if (this.sending || !shown) return;
    this.failure = undefined;
    this.sending = true;
    const outcome = await eraseContact(this.endpoint, shown.code);
    this.sending = false;
    if (outcome.ok) {
      this.statusResult = { ...shown, contactHeld: false };
      this.contactErased = true;
      return this.focusAfterUpdate('#erased');
    }
    this.failure = outcome.failure;
    await this.focusAfterUpdate('#failure');
  };
}
