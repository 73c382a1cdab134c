import { formatDate } from '@behzisti/core/dates';
import { normalizeDigits, toLocaleDigits } from '@behzisti/core/text';
import {
  formatTrackingCode,
  parseTrackingCode,
  type TrackingCodeError,
} from '@behzisti/core/tracking-code';
import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { BzElement } from '../shared/bz-element.ts';
import { defineElement } from '../shared/define.ts';
import { errorSummaryStyles } from '../shared/error-summary.styles.ts';
import { errorSummary, type FieldProblem, focusErrorSummary } from '../shared/error-summary.ts';
import { listenForQuickExitKeys, quickExitFrom } from '../shared/quick-exit.ts';
import {
  type Failure,
  type FeedbackBody,
  type FeedbackStatus,
  type FeedbackStatusAnswer,
  lookUpStatus,
  sendFeedback,
} from './api.ts';
import {
  clearDraft,
  type Draft,
  draftKey,
  newIdempotencyKey,
  readDraft,
  writeDraft,
} from './draft.ts';
import { feedbackFormStyles } from './feedback-form.styles.ts';
import {
  type Category,
  emptyValues,
  type Field,
  type FormValues,
  MESSAGE_MAX,
  NAME_MAX,
  type Problem,
  parseCategories,
  problemOfServerField,
  validate,
} from './validation.ts';

export type { FeedbackStatus, FeedbackStatusAnswer } from './api.ts';

/** Detail of `bz-submit`: the tracking code the service gave (`4831-0967-2254-7195`, Latin digits). */
export interface BzSubmitDetail {
  code: string;
}

/** Detail of `bz-status`: the code looked up and its status. */
export interface BzStatusDetail {
  code: string;
  status: FeedbackStatus;
}

export type { BzQuickExitDetail } from '../shared/quick-exit.ts';

/** Why a typed tracking code was refused, or `UNKNOWN` when the service has no message with it. */
type CodeProblem =
  | { kind: TrackingCodeError; digits: number }
  | { kind: 'UNKNOWN'; text: string | undefined };

type Announcement = '' | 'sending' | 'looking' | 'discarded';
type CopyResult = '' | 'copied' | 'selected';

const FIELD_ORDER: readonly Field[] = ['category', 'message', 'name', 'contact', 'consent'];
/** The example in the lookup hint: a well-formed code (its check digit agrees). */
const EXAMPLE_CODE = '4831096722547195';
/** Seconds of quiet typing before the remaining characters are announced (as GOV.UK does). */
const COUNT_ANNOUNCE_DELAY_MS = 1000;

/**
 * A form for citizens to send a complaint, suggestion, thanks or question to the State Welfare
 * Organisation, anonymously if they wish, and get a tracking code; with `mode="status"`, a form to
 * look up what happened to a message by its code. Typed text is never lost: when a send fails it
 * is kept on the device and retried without creating a duplicate.
 *
 * @tag bz-feedback-form
 * @attr lang - Language (`fa`, `en`); else the closest ancestor's `lang`, else the page's.
 * @attr dir - `rtl` or `ltr`; else the language's direction.
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
 * @cssprop --bz-color-accent - Main colour: buttons, links, selected items (default #0b5cad).
 * @cssprop --bz-color-on-accent - Text on accent-coloured buttons (default #fff; keep 4.5:1 with the accent).
 * @cssprop --bz-color-danger - Errors and the quick exit button (default #a4161a).
 * @cssprop --bz-color-on-danger - Text on danger-coloured buttons (default #fff).
 * @cssprop --bz-color-focus - Focus ring, drawn with a halo in the text colour (default #ffbf47).
 * @cssprop --bz-color-text - Text and field borders (default #1b1b1f).
 * @cssprop --bz-color-text-muted - Hints and secondary text (default #4a4a55).
 * @cssprop --bz-color-surface - Background (default #fff).
 * @cssprop --bz-color-border - Borders of the panel and cards (default #8a8a99).
 * @cssprop --bz-font-family - Font (default Vazirmatn, Tahoma, then system fonts).
 * @cssprop --bz-font-size - Base size; every size inside is in em and scales with it (default 1em).
 * @cssprop --bz-line-height - Line height of text (default 1.6).
 * @cssprop --bz-radius - Corner radius (default 0.5em).
 * @cssprop --bz-space - Spacing unit: padding and gaps (default 1em).
 */
export class BzFeedbackForm extends BzElement {
  static override styles = [...BzElement.styles, errorSummaryStyles, feedbackFormStyles];

  static override properties = {
    endpoint: {},
    categories: {},
    serviceBase: { attribute: 'service-base' },
    mode: {},
    exitUrl: { attribute: 'exit-url' },
    submittedCode: { attribute: false },
    statusResult: { attribute: false },
    values: { state: true },
    problems: { state: true },
    failure: { state: true },
    sending: { state: true },
    draftKept: { state: true },
    restoredAt: { state: true },
    spokenCount: { state: true },
    announcement: { state: true },
    copyResult: { state: true },
    codeText: { state: true },
    codeProblem: { state: true },
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

  declare private values: FormValues;
  declare private problems: Partial<Record<Field, Problem>>;
  declare private failure: Failure | undefined;
  declare private sending: boolean;
  /** The text of a failed send is in localStorage. */
  declare private draftKept: boolean;
  /** When the draft shown was first kept, if the form opened with one. */
  declare private restoredAt: string | undefined;
  declare private spokenCount: number | undefined;
  declare private announcement: Announcement;
  declare private copyResult: CopyResult;
  declare private codeText: string;
  declare private codeProblem: CodeProblem | undefined;

  private website = '';
  private shownAt = 0;
  private idempotencyKey = '';
  private sentFingerprint = '';
  private draftSavedAt: string | undefined;
  private countTimer: ReturnType<typeof setTimeout> | undefined;
  private stopKeys: (() => void) | undefined;
  private draftChecked = '';

  constructor() {
    super();
    this.endpoint = '';
    this.categories = '';
    this.serviceBase = '';
    this.mode = 'submit';
    this.exitUrl = '';
    this.submittedCode = undefined;
    this.statusResult = undefined;
    this.values = emptyValues();
    this.problems = {};
    this.failure = undefined;
    this.sending = false;
    this.draftKept = false;
    this.restoredAt = undefined;
    this.spokenCount = undefined;
    this.announcement = '';
    this.copyResult = '';
    this.codeText = '';
    this.codeProblem = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopKeys = listenForQuickExitKeys(() => this.quickExit());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopKeys?.();
    clearTimeout(this.countTimer);
  }

  /** Checks the form as sending would, shows the problems and moves focus to them; true when none. */
  async reportValidity(): Promise<boolean> {
    this.problems = validate(this.values, this.offered());
    const ok = Object.keys(this.problems).length === 0;
    if (!ok) {
      await this.updateComplete;
      focusErrorSummary(this.shadowRoot);
    }
    return ok;
  }

  /** Empties the form, forgets the draft, codes and statuses (what the quick exit does). */
  clear(): void {
    clearDraft(this.draftKey());
    this.values = emptyValues();
    this.website = '';
    this.problems = {};
    this.failure = undefined;
    this.draftKept = false;
    this.restoredAt = undefined;
    this.idempotencyKey = '';
    this.sentFingerprint = '';
    this.draftSavedAt = undefined;
    this.submittedCode = undefined;
    this.statusResult = undefined;
    this.codeText = '';
    this.codeProblem = undefined;
    this.spokenCount = undefined;
    this.copyResult = '';
  }

  private offered(): Category[] {
    return parseCategories(this.categories);
  }

  private subject(): string {
    return this.serviceBase || `${location.origin}${location.pathname}`;
  }

  private draftKey(): string {
    return draftKey(this.endpoint, this.subject());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Restore a kept draft once the endpoint and subject are known (attributes may come late).
    const key = this.draftKey();
    if (this.mode !== 'status' && this.endpoint && key !== this.draftChecked) {
      this.draftChecked = key;
      const draft = readDraft(key);
      if (draft && !this.values.message) {
        this.values = { ...emptyValues(), ...draft.values };
        this.idempotencyKey = draft.idempotencyKey;
        this.sentFingerprint = draft.sentFingerprint;
        this.restoredAt = this.draftSavedAt = draft.savedAt;
        this.draftKept = true;
      }
    }
    super.willUpdate(changed);
  }

  protected override firstUpdated(): void {
    this.shownAt = performance.now();
  }

  private keepDraft(): void {
    const draft: Draft = {
      values: this.values,
      idempotencyKey: this.idempotencyKey,
      sentFingerprint: this.sentFingerprint,
      savedAt: this.draftSavedAt ?? new Date().toISOString(),
    };
    this.draftKept = writeDraft(this.draftKey(), draft);
    if (this.draftKept) this.draftSavedAt = draft.savedAt;
  }

  private readonly onInput = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const values = { ...this.values };
    switch (input.name) {
      case 'category':
        values.category = input.value;
        break;
      case 'anonymous':
        values.anonymous = input.checked;
        // Anonymous means nothing that identifies the person is kept, not even hidden.
        if (input.checked) values.name = values.contact = '';
        break;
      case 'consent':
        values.consent = input.checked;
        break;
      case 'message':
      case 'name':
      case 'contact':
        values[input.name] = input.value;
        break;
      case 'website':
        this.website = input.value;
        return;
      default:
        return;
    }
    this.values = values;
    if (input.name === 'message') {
      clearTimeout(this.countTimer);
      this.countTimer = setTimeout(() => {
        this.spokenCount = this.values.message.length;
      }, COUNT_ANNOUNCE_DELAY_MS);
    }
    // Once a send has failed, the kept copy follows every change until it is sent.
    if (this.draftKept) this.keepDraft();
  };

  private body(): FeedbackBody {
    const { values } = this;
    const name = values.anonymous ? '' : values.name.trim();
    const contact = values.anonymous ? '' : values.contact.trim();
    const body: FeedbackBody = {
      category: values.category,
      message: values.message,
      anonymous: values.anonymous,
      about: this.serviceBase
        ? { serviceBaseId: this.serviceBase }
        : { pageUrl: `${location.origin}${location.pathname}${location.search}` },
      consent: true,
      lang: this.locale === 'en' ? 'en' : 'fa',
      idempotencyKey: '',
      website: this.website,
      elapsedMs: Math.round(performance.now() - this.shownAt),
    };
    if (name) body.name = name;
    if (contact) body.contact = contact;
    return body;
  }

  private readonly onSubmit = async (event?: Event) => {
    event?.preventDefault();
    if (this.sending) return;
    this.failure = undefined;
    if (!(await this.reportValidity())) return;
    const body = this.body();
    const { idempotencyKey: _k, elapsedMs: _e, website: _w, lang: _l, ...content } = body;
    const fingerprint = JSON.stringify(content);
    if (!this.idempotencyKey || fingerprint !== this.sentFingerprint) {
      this.idempotencyKey = newIdempotencyKey();
      this.sentFingerprint = fingerprint;
    }
    body.idempotencyKey = this.idempotencyKey;

    this.sending = true;
    this.announcement = 'sending';
    const outcome = await sendFeedback(this.endpoint, body);
    this.sending = false;
    this.announcement = '';
    if (outcome.ok) {
      const code = outcome.value.code;
      this.clear();
      this.submittedCode = code;
      this.dispatchEvent(
        new CustomEvent<BzSubmitDetail>('bz-submit', {
          bubbles: true,
          composed: true,
          detail: { code },
        }),
      );
      await this.updateComplete;
      this.focusById('confirmation-heading');
      return;
    }
    this.showFailure(outcome.failure);
    this.keepDraft();
    await this.updateComplete;
    if (Object.keys(this.problems).length > 0) focusErrorSummary(this.shadowRoot);
    else this.focusById('failure');
  };

  private showFailure(failure: Failure): void {
    if (failure.kind === 'service' && failure.code === 'INVALID_FIELDS') {
      const problems: Partial<Record<Field, Problem>> = {};
      const others: string[] = [];
      for (const { field, message } of failure.fields) {
        const mapped = problemOfServerField(field, this.values);
        if (mapped) problems[mapped[0]] ??= mapped[1];
        else others.push(`${field}: ${message}`);
      }
      this.problems = problems;
      if (others.length === 0) return;
      // Fields the person cannot fix (set by the host page): say so, and tell the webmaster.
      console.warn('bz-feedback-form: the service refused', others.join('; '));
    }
    this.failure = failure;
  }

  private focusById(id: string): void {
    this.shadowRoot?.getElementById(id)?.focus();
  }

  private readonly discardDraft = async () => {
    this.clear();
    this.announcement = 'discarded';
    await this.updateComplete;
    this.focusById('heading');
  };

  private readonly sendAnother = async () => {
    this.submittedCode = undefined;
    this.copyResult = '';
    this.shownAt = performance.now();
    await this.updateComplete;
    this.focusById('heading');
  };

  private readonly copyCode = async () => {
    const code = this.shadowRoot?.querySelector<HTMLElement>('.code');
    if (!code) return;
    try {
      await navigator.clipboard.writeText(code.textContent ?? '');
      this.copyResult = 'copied';
    } catch {
      // No clipboard (plain http, old browser, permission refused): select it for the person.
      const range = document.createRange();
      range.selectNodeContents(code);
      const selection = getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      this.copyResult = 'selected';
    }
  };

  private readonly quickExit = () => {
    this.clear();
    quickExitFrom(this, this.exitUrl);
  };

  private readonly onCodeInput = (event: Event) => {
    this.codeText = (event.target as HTMLInputElement).value;
  };

  private readonly onLookUp = async (event: Event) => {
    event.preventDefault();
    if (this.sending) return;
    this.failure = undefined;
    const parsed = parseTrackingCode(this.codeText);
    if (!parsed.ok) {
      // Caught here, before any request: the check digit finds a mistyped or swapped digit.
      this.codeProblem = {
        kind: parsed.error,
        digits: normalizeDigits(this.codeText).replace(/\D/g, '').length,
      };
      this.statusResult = undefined;
      await this.updateComplete;
      focusErrorSummary(this.shadowRoot);
      return;
    }
    this.codeProblem = undefined;
    this.sending = true;
    this.announcement = 'looking';
    const outcome = await lookUpStatus(this.endpoint, formatTrackingCode(parsed.code, 'en'));
    this.sending = false;
    this.announcement = '';
    if (outcome.ok) {
      this.statusResult = outcome.value;
      this.dispatchEvent(
        new CustomEvent<BzStatusDetail>('bz-status', {
          bubbles: true,
          composed: true,
          detail: { code: outcome.value.code, status: outcome.value.status },
        }),
      );
      await this.updateComplete;
      this.focusById('result-heading');
      return;
    }
    this.statusResult = undefined;
    const failure = outcome.failure;
    if (failure.kind === 'service' && failure.code === 'UNKNOWN_TRACKING_CODE') {
      this.codeProblem = { kind: 'UNKNOWN', text: failure.message?.[this.locale] };
    } else if (failure.kind === 'service' && failure.code === 'INVALID_TRACKING_CODE') {
      this.codeProblem = { kind: 'CHECK_DIGIT', digits: 16 };
    } else {
      this.failure = failure;
    }
    await this.updateComplete;
    if (this.codeProblem) focusErrorSummary(this.shadowRoot);
    else this.focusById('failure');
  };

  // ——— Rendering: every sentence is produced here, in the element's locale. ———

  protected override renderContent(): TemplateResult {
    let content: TemplateResult;
    if (this.mode === 'status') content = this.renderStatusMode();
    else if (this.submittedCode) content = this.renderConfirmation(this.submittedCode);
    else content = this.renderForm();
    const announcement = {
      '': '',
      sending: msg('در حال ارسال…'),
      looking: msg('در حال جست‌وجوی کد…'),
      discarded: msg('پیش‌نویس پاک شد.'),
    }[this.announcement];
    return html`
      <div class="top">
        <button type="button" part="quick-exit button" class="quick-exit" @click=${this.quickExit}>
          ${msg('خروج سریع از این صفحه')}
        </button>
        <span class="hint quick-exit-hint">${msg('یا سه بار کلید Shift را بزنید')}</span>
      </div>
      ${content}
      <div class="visually-hidden" role="status">${announcement}</div>
    `;
  }

  /**
   * Keeps a code's groups in order inside a sentence: in Persian text the digits after a Persian
   * letter count as Arabic numbers, and `-` does not join those, so «۴۸۳۱-۰۹۶۷» would show its
   * groups right to left. A left-to-right isolate (LRI … PDI) holds them together.
   */
  private isolated(text: string): string {
    return `\u2066${text}\u2069`;
  }

  private digits(value: string | number): string {
    return toLocaleDigits(value, this.locale);
  }

  private problemText(problem: Problem): string {
    switch (problem) {
      case 'category':
        return msg('نوع پیام را انتخاب کنید');
      case 'message-empty':
        return msg('پیام خود را بنویسید');
      case 'message-long':
        return msg(str`پیام را کوتاه‌تر کنید: حداکثر ${this.digits(MESSAGE_MAX)} حرف`);
      case 'name-long':
        return msg(str`نام را کوتاه‌تر بنویسید: حداکثر ${this.digits(NAME_MAX)} حرف`);
      case 'contact':
        return msg(
          'شمارهٔ همراه را مانند ۰۹۱۲۳۴۵۶۷۸۹ یا ایمیل را مانند name@example.com بنویسید، یا این بخش را خالی بگذارید',
        );
      case 'consent':
        return msg('برای ارسال، گزینهٔ موافقت را علامت بزنید');
    }
  }

  private fieldError(field: string, text: string | undefined) {
    if (!text) return nothing;
    return html`<p class="field-error" id="${field}-error">
      <span class="visually-hidden">${msg('خطا:')}</span> ${text}
    </p>`;
  }

  private failureText(failure: Failure): string {
    const kept = this.draftKept ? ` ${msg('متن شما روی همین دستگاه نگه داشته شده است.')}` : '';
    if (failure.kind === 'network') {
      return this.mode === 'status'
        ? msg('اتصال برقرار نشد. اتصال اینترنت را بررسی کنید و دوباره امتحان کنید.')
        : msg('اتصال برقرار نشد. اتصال اینترنت را بررسی کنید و دوباره بفرستید.') + kept;
    }
    if (failure.kind === 'rate-limited') {
      let text = failure.message?.[this.locale] ?? '';
      if (failure.seconds !== undefined) {
        const minutes = Math.max(1, Math.ceil(failure.seconds / 60));
        text =
          minutes === 1
            ? msg(
                'در این مدت درخواست‌های زیادی از اتصال شما رسیده است. یک دقیقهٔ دیگر دوباره امتحان کنید.',
              )
            : msg(
                str`در این مدت درخواست‌های زیادی از اتصال شما رسیده است. ${this.digits(minutes)} دقیقهٔ دیگر دوباره امتحان کنید.`,
              );
      }
      return text + kept;
    }
    return (
      (failure.message?.[this.locale] ??
        msg('سرویس پاسخی داد که قابل خواندن نبود. چند دقیقهٔ دیگر دوباره امتحان کنید.')) + kept
    );
  }

  private renderFailure(retry: () => void) {
    if (!this.failure) return nothing;
    return html`<div class="notice failure" part="notice error" role="alert" id="failure" tabindex="-1">
      <p>${this.failureText(this.failure)}</p>
      <button type="button" part="button" class="secondary" @click=${retry}>
        ${this.mode === 'status' ? msg('دوباره امتحان کنید') : msg('دوباره بفرستید')}
      </button>
    </div>`;
  }

  private renderForm(): TemplateResult {
    const { values, problems } = this;
    const categories = this.offered();
    const categoryLabels: Record<Category, string> = {
      complaint: msg('شکایت'),
      suggestion: msg('پیشنهاد'),
      appreciation: msg('قدردانی'),
      question: msg('پرسش'),
    };
    const fieldIds: Record<Field, string> = {
      category: `category-${categories[0]}`,
      message: 'message',
      name: 'name',
      contact: 'contact',
      consent: 'consent',
    };
    const summary: FieldProblem[] = FIELD_ORDER.flatMap((field) => {
      const problem = problems[field];
      return problem ? [{ fieldId: fieldIds[field], message: this.problemText(problem) }] : [];
    });
    const error = (field: Field) => {
      const problem = problems[field];
      return problem ? this.problemText(problem) : undefined;
    };
    const describedBy = (field: Field, ...ids: string[]) =>
      [...ids, problems[field] ? `${field}-error` : ''].filter(Boolean).join(' ') || nothing;
    const length = values.message.length;
    const left = MESSAGE_MAX - length;
    const countText = (n: number) =>
      n >= 0
        ? msg(str`${this.digits(n)} حرف دیگر می‌توانید بنویسید`)
        : msg(str`${this.digits(-n)} حرف بیش از اندازه نوشته‌اید`);

    return html`
      <h2 part="heading" id="heading" tabindex="-1">${msg('ارسال پیام به بهزیستی')}</h2>
      <p class="intro">
        ${msg('شکایت، پیشنهاد، قدردانی یا پرسش خود را بنویسید. پس از ارسال، یک کد پیگیری می‌گیرید.')}
      </p>
      ${
        this.restoredAt && !this.failure
          ? html`<div class="notice" part="notice">
              <p>
                ${msg(
                  str`متنی که ${formatDate(new Date(this.restoredAt), this.locale)} نوشتید و فرستاده نشد، در فرم زیر است. آن را بررسی کنید و بفرستید.`,
                )}
              </p>
              <button type="button" part="button" class="secondary" @click=${this.discardDraft}>
                ${msg('پاک کردن این پیش‌نویس')}
              </button>
            </div>`
          : nothing
      }
      ${errorSummary(summary)} ${this.renderFailure(() => this.onSubmit())}
      <form part="form" novalidate @submit=${this.onSubmit} @input=${this.onInput} @change=${this.onInput}>
        <fieldset
          class="field ${problems.category ? 'invalid' : ''}"
          aria-describedby=${describedBy('category')}
        >
          <legend>${msg('چه نوع پیامی است؟')}</legend>
          ${this.fieldError('category', error('category'))}
          ${categories.map(
            (category) => html`<div class="choice">
              <input
                type="radio"
                id="category-${category}"
                name="category"
                value=${category}
                .checked=${values.category === category}
              />
              <label for="category-${category}">${categoryLabels[category]}</label>
            </div>`,
          )}
        </fieldset>

        <div class="field ${problems.message ? 'invalid' : ''}">
          <label class="label" for="message">${msg('پیام شما')}</label>
          <p class="hint" id="message-hint">${msg('بنویسید چه شد، کجا و چه زمانی.')}</p>
          ${this.fieldError('message', error('message'))}
          <textarea
            id="message"
            name="message"
            part="input"
            rows="7"
            dir="auto"
            aria-invalid=${problems.message ? 'true' : 'false'}
            aria-describedby=${describedBy('message', 'message-hint', 'message-count')}
            .value=${values.message}
          ></textarea>
          <p class="count ${left < 0 ? 'over' : ''}" id="message-count">${countText(left)}</p>
          <p class="visually-hidden" aria-live="polite">
            ${this.spokenCount === undefined ? '' : countText(MESSAGE_MAX - this.spokenCount)}
          </p>
        </div>

        <div class="field">
          <div class="choice">
            <input
              type="checkbox"
              id="anonymous"
              name="anonymous"
              aria-describedby="anonymous-hint"
              .checked=${values.anonymous}
            />
            <label for="anonymous">${msg('بدون نام و راه تماس بفرستید (ناشناس)')}</label>
          </div>
          <p class="hint choice-hint" id="anonymous-hint">
            ${msg('در این صورت نمی‌توانیم مستقیم به شما پاسخ دهیم؛ پاسخ را با کد پیگیری می‌بینید.')}
          </p>
        </div>

        ${
          values.anonymous
            ? nothing
            : html`
              <div class="field ${problems.name ? 'invalid' : ''}">
                <label class="label" for="name">${msg('نام شما (اختیاری)')}</label>
                ${this.fieldError('name', error('name'))}
                <input
                  type="text"
                  id="name"
                  name="name"
                  part="input"
                  autocomplete="name"
                  dir="auto"
                  aria-invalid=${problems.name ? 'true' : 'false'}
                  aria-describedby=${describedBy('name')}
                  .value=${values.name}
                />
              </div>
              <div class="field ${problems.contact ? 'invalid' : ''}">
                <label class="label" for="contact">
                  ${msg('شمارهٔ همراه یا نشانی ایمیل (اختیاری)')}
                </label>
                <p class="hint" id="contact-hint">
                  ${msg('اگر می‌خواهید پاسخ برایتان فرستاده شود. مانند ۰۹۱۲۳۴۵۶۷۸۹ یا name@example.com')}
                </p>
                ${this.fieldError('contact', error('contact'))}
                <input
                  type="text"
                  id="contact"
                  name="contact"
                  part="input"
                  dir="ltr"
                  spellcheck="false"
                  aria-invalid=${problems.contact ? 'true' : 'false'}
                  aria-describedby=${describedBy('contact', 'contact-hint')}
                  .value=${values.contact}
                />
              </div>
            `
        }

        <div class="honeypot" aria-hidden="true">
          <label for="website">Website</label>
          <input
            type="text"
            id="website"
            name="website"
            tabindex="-1"
            autocomplete="off"
            .value=${this.website}
          />
        </div>

        <div class="field ${problems.consent ? 'invalid' : ''}">
          ${this.fieldError('consent', error('consent'))}
          <div class="choice">
            <input
              type="checkbox"
              id="consent"
              name="consent"
              aria-invalid=${problems.consent ? 'true' : 'false'}
              aria-describedby=${describedBy('consent')}
              .checked=${values.consent}
            />
            <label for="consent">
              ${msg(
                'موافقم که سازمان بهزیستی این پیام را برای رسیدگی نگه دارد و نام و راه تماس من را، اگر نوشته‌ام، فقط برای پاسخ به من به کار ببرد.',
              )}
            </label>
          </div>
        </div>

        <button type="submit" part="submit button" class="primary" aria-disabled=${this.sending ? 'true' : 'false'}>
          ${this.sending ? msg('در حال ارسال…') : msg('ارسال پیام')}
        </button>
      </form>
    `;
  }

  private renderConfirmation(code: string): TemplateResult {
    const groups = formatTrackingCode(code, this.locale).split('-');
    const copyText = {
      '': '',
      copied: msg('کد کپی شد.'),
      selected: msg('کد انتخاب شد؛ آن را کپی یا یادداشت کنید.'),
    }[this.copyResult];
    return html`<div class="confirmation" part="confirmation">
      <h2 part="heading" id="confirmation-heading" tabindex="-1">${msg('پیام شما رسید')}</h2>
      <p>${msg('کد پیگیری شما:')}</p>
      <p class="code" part="code" dir="ltr">
        ${groups.map((group, i) => html`<span>${group}${i < groups.length - 1 ? '-' : ''}</span>`)}
      </p>
      <p>
        <button type="button" part="button" class="secondary" @click=${this.copyCode}>
          ${msg('کپی کد')}
        </button>
        <span role="status" class="copy-result">${copyText}</span>
      </p>
      <p>
        ${msg(
          'این کد را یادداشت کنید. با آن می‌توانید وضعیت پیام و پاسخ بهزیستی را در بخش «پیگیری پیام» همین وبگاه ببینید، یا با تماس تلفنی با یک ادارهٔ بهزیستی و خواندن کد بپرسید.',
        )}
      </p>
      <button type="button" part="button" class="secondary" id="send-another" @click=${this.sendAnother}>
        ${msg('ارسال پیامی دیگر')}
      </button>
    </div>`;
  }

  private codeProblemText(problem: CodeProblem): string {
    switch (problem.kind) {
      case 'EMPTY':
        return msg('کد پیگیری را بنویسید');
      case 'INVALID_CHARACTERS':
        return msg('کد پیگیری فقط رقم دارد؛ آن را دوباره بنویسید');
      case 'WRONG_LENGTH':
        return msg(
          str`کد پیگیری ${this.digits(16)} رقم دارد و شما ${this.digits(problem.digits)} رقم نوشته‌اید؛ آن را با کدی که گرفتید مقایسه کنید`,
        );
      case 'CHECK_DIGIT':
        return msg(
          'این کد درست نیست: احتمالاً رقمی اشتباه نوشته شده یا دو رقم جابه‌جا شده‌اند. کد را با دقت دوباره بنویسید',
        );
      case 'UNKNOWN':
        return (
          problem.text ??
          msg('پیامی با این کد پیدا نشد. کد را بررسی کنید یا با ادارهٔ بهزیستی تماس بگیرید.')
        );
    }
  }

  private renderStatusMode(): TemplateResult {
    const problem = this.codeProblem ? this.codeProblemText(this.codeProblem) : undefined;
    return html`
      <h2 part="heading" id="heading" tabindex="-1">${msg('پیگیری پیام')}</h2>
      ${errorSummary(problem ? [{ fieldId: 'code', message: problem }] : [])}
      ${this.renderFailure(() => this.shadowRoot?.querySelector('form')?.requestSubmit())}
      <form part="form" novalidate @submit=${this.onLookUp}>
        <div class="field ${problem ? 'invalid' : ''}">
          <label class="label" for="code">${msg('کد پیگیری')}</label>
          <p class="hint" id="code-hint">
            ${msg(
              str`کد ${this.digits(16)} رقمی که پس از ارسال پیام گرفتید، مانند ${this.isolated(formatTrackingCode(EXAMPLE_CODE, this.locale))}؛ با یا بدون خط تیره.`,
            )}
          </p>
          ${this.fieldError('code', problem)}
          <input
            type="text"
            id="code"
            name="code"
            part="input"
            class="code-input"
            dir="ltr"
            inputmode="numeric"
            autocomplete="off"
            spellcheck="false"
            aria-invalid=${problem ? 'true' : 'false'}
            aria-describedby=${problem ? 'code-hint code-error' : 'code-hint'}
            .value=${this.codeText}
            @input=${this.onCodeInput}
          />
        </div>
        <button type="submit" part="submit button" class="primary" aria-disabled=${this.sending ? 'true' : 'false'}>
          ${msg('دیدن وضعیت')}
        </button>
      </form>
      ${this.statusResult ? this.renderStatus(this.statusResult) : nothing}
    `;
  }

  private renderStatus(result: FeedbackStatusAnswer): TemplateResult {
    const labels: Record<FeedbackStatus, [string, string]> = {
      received: [msg('رسیده'), msg('پیام شما رسیده است و به‌زودی بررسی می‌شود.')],
      'in-review': [msg('در حال بررسی'), msg('بهزیستی در حال رسیدگی به پیام شماست.')],
      answered: [msg('پاسخ داده شده'), msg('بهزیستی پاسخ داده است؛ پاسخ را پایین‌تر بخوانید.')],
      closed: [msg('بسته شده'), msg('رسیدگی به این پیام تمام شده است.')],
    };
    const [label, explanation] = labels[result.status] ?? [result.status, ''];
    const date = (iso: string | undefined) => (iso ? formatDate(new Date(iso), this.locale) : '');
    return html`<section class="result" part="status" aria-labelledby="result-heading">
      <h3 part="heading" id="result-heading" tabindex="-1">${msg('وضعیت پیام')}</h3>
      <dl>
        <dt>${msg('کد پیگیری')}</dt>
        <dd><span dir="ltr" class="code-inline">${formatTrackingCode(result.code, this.locale)}</span></dd>
        <dt>${msg('وضعیت')}</dt>
        <dd>
          <strong class="status-label status-${result.status}">${label}</strong>
          <span class="status-explanation">${explanation}</span>
        </dd>
        <dt>${msg('تاریخ دریافت')}</dt>
        <dd>${date(result.receivedAt)}</dd>
        <dt>${msg('آخرین تغییر')}</dt>
        <dd>${date(result.updatedAt)}</dd>
      </dl>
      <h4 part="heading">${msg('پاسخ بهزیستی')}</h4>
      ${
        result.publicReply
          ? html`<p class="reply" part="reply" dir="auto">${result.publicReply}</p>
              ${result.repliedAt ? html`<p class="hint">${msg(str`تاریخ پاسخ: ${date(result.repliedAt)}`)}</p>` : nothing}`
          : html`<p>${msg('هنوز پاسخی ثبت نشده است.')}</p>`
      }
    </section>`;
  }
}

defineElement('bz-feedback-form', BzFeedbackForm);

declare global {
  interface HTMLElementTagNameMap {
    'bz-feedback-form': BzFeedbackForm;
  }
  interface HTMLElementEventMap {
    'bz-submit': CustomEvent<BzSubmitDetail>;
    'bz-status': CustomEvent<BzStatusDetail>;
  }
}
