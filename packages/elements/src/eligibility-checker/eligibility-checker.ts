import { formatDate, formatIsoDay, gregorianToJalali, toWallTime } from '@behzisti/core/dates';
import {
  type AnswerProblem,
  type AnswerValue,
  bookScope,
  type CheckerState,
  changeAnswer,
  checkAnswer,
  createScope,
  type DecidedResult,
  emptyState,
  evaluate,
  evaluateCondition,
  type MemberAnswers,
  nextQuestion,
  type ParsedAnswer,
  parseAnswerInput,
  progress,
  restoreState,
  type SimpleAnswer,
  toRuleBook,
} from '@behzisti/core/rules';
import type {
  LocalizedText,
  MemberQuestion,
  Outcome,
  Programme,
  ProgrammeDocument,
  Question,
} from '@behzisti/core/schemas';
import { toLocaleDigits } from '@behzisti/core/text';
import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { BzElement } from '../shared/bz-element.ts';
import { defineElement } from '../shared/define.ts';
import { errorSummaryStyles } from '../shared/error-summary.styles.ts';
import { errorSummary, focusErrorSummary } from '../shared/error-summary.ts';
import { LoadError, type LoadErrorCode, loadJson } from '../shared/load-json.ts';
import { defaultExitUrl, leavePage, listenForQuickExitKeys } from '../shared/quick-exit.ts';
import { eligibilityCheckerStyles } from './eligibility-checker.styles.ts';
import { readProgrammes } from './rules-data.ts';

/** `bz-result`: the outcome per programme id (`undecided` only for rules that cannot decide). */
export interface BzResultDetail {
  outcomes: Record<string, Outcome | 'undecided'>;
}
/** `bz-find-base`: the programme whose "find the nearest service base" was chosen. */
export interface BzFindBaseDetail {
  programme: string;
}
/** `bz-quick-exit`: where the page is about to go; cancel it to handle the exit yourself. */
export interface BzQuickExitDetail {
  url: string;
}

type Status = 'loading' | 'ready' | 'error' | 'invalid' | 'missing';
type View = 'question' | 'summary' | 'results';
type AnyQuestion = Question | MemberQuestion;
type Household = Extract<Question, { type: 'household' }>;
/** A field's value as the form holds it: text, a chosen value, or the chosen values. */
type Raw = string | string[] | undefined;
/** A refused answer, by form field name (`age`, `m0-member_age`). */
interface Problem extends AnswerProblem {
  name: string;
  question: AnyQuestion;
  member?: number;
}

const STORAGE_KEY = 'bz-eligibility-checker';
const OUTCOME_ORDER = ['likely', 'maybe', 'unlikely'] as const;

const fire = <T>(host: HTMLElement, type: string, detail: T, cancelable = false) =>
  host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));

/**
 * Asks one question at a time which programmes might fit a person, from rules published as
 * data (see docs/rules.md), and explains every result: the answers that decided it, the
 * documents to bring and the next step. Answers stay in the page: after the rules are loaded
 * no request is made, and nothing is stored unless the person ticks "keep my answers" (then
 * sessionStorage only). A "leave this page" button and Shift pressed three times clear the
 * answers and replace the page.
 *
 * @tag bz-eligibility-checker
 * @fires bz-result - Results are shown; `detail.outcomes` maps programme id to likely, maybe or unlikely.
 * @fires bz-find-base - The person asked for the nearest service base; `detail.programme` is the programme id. Cancelable: cancel it to show your own locator instead of following `locator-url`.
 * @fires bz-quick-exit - "Leave this page" was used, after the answers were cleared; `detail.url` is the exit address. Cancelable: cancel it to stay on the page.
 * @csspart base - The whole widget.
 * @csspart exit - The "leave this page" button.
 * @csspart note - The notice that criteria are examples.
 * @csspart progress - The question counter.
 * @csspart question - The form of the current question.
 * @csspart button - Every button.
 * @csspart error-summary - The list of problems after a failed Continue.
 * @csspart summary - The "check your answers" list.
 * @csspart group - A group of results with the same outcome.
 * @csspart result - One programme's result.
 * @cssprop --bz-color-accent - Buttons and links.
 * @cssprop --bz-color-danger - Errors and the "leave this page" button.
 * @cssprop --bz-color-focus - Focus ring.
 * @cssprop --bz-color-text - Text.
 * @cssprop --bz-color-text-muted - Hints.
 * @cssprop --bz-color-surface - Background.
 * @cssprop --bz-color-border - Borders of fields and results.
 * @cssprop --bz-font-family - Font.
 * @cssprop --bz-radius - Corner radius.
 * @cssprop --bz-space - Base spacing.
 */
export class BzEligibilityChecker extends BzElement {
  static override styles = [...BzElement.styles, errorSummaryStyles, eligibilityCheckerStyles];

  static override properties = {
    src: {},
    programme: {},
    exitUrl: { attribute: 'exit-url' },
    locatorUrl: { attribute: 'locator-url' },
    timeout: { type: Number },
    today: {},
    programmes: { attribute: false },
    _status: { state: true, attribute: false },
    _error: { state: true, attribute: false },
    _view: { state: true, attribute: false },
    _qid: { state: true, attribute: false },
    _problems: { state: true, attribute: false },
    _members: { state: true, attribute: false },
    _resume: { state: true, attribute: false },
    _state: { state: true, attribute: false },
  };

  /** URL of the rules JSON (`programmes.json` from publish-programmes); any origin with CORS. */
  declare src: string;
  /** Limit the checker to one programme id (for a programme's own page). */
  declare programme: string;
  /** Where "leave this page" goes; a neutral site by default. */
  declare exitUrl: string;
  /** The service locator page; "find the nearest base" links there with `?programme=<id>`. */
  declare locatorUrl: string;
  /** How long to wait for the rules, in milliseconds. */
  declare timeout: number;
  /** Today as `YYYY-MM-DD` (Gregorian, Tehran) for date questions; the real day by default. */
  declare today: string;
  /** Rules given inline (the same JSON as `src` holds, or its `programmes` list); wins over `src`. */
  declare programmes: unknown;

  declare private _status: Status;
  declare private _error: LoadErrorCode;
  declare private _view: View;
  declare private _qid: string;
  declare private _problems: Problem[];
  declare private _members: Record<string, Raw>[];
  declare private _resume: boolean;
  declare private _state: CheckerState;

  private list: Programme[] = [];
  private all: Programme[] = [];
  private fromSummary = false;
  private formKey = 0;
  private abort: AbortController | undefined;
  private stopKeys: (() => void) | undefined;

  constructor() {
    super();
    this.src = '';
    this.programme = '';
    this.exitUrl = '';
    this.locatorUrl = '';
    this.timeout = 20_000;
    this.today = '';
    this._status = 'loading';
    this._view = 'question';
    this._qid = '';
    this._problems = [];
    this._members = [];
    this._resume = false;
    this._state = emptyState();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopKeys = listenForQuickExitKeys(() => this.quickExit());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopKeys?.();
    this.abort?.abort();
  }

  /** The answers so far (a copy of the JSON state the engine works on). */
  get answers(): CheckerState {
    return structuredClone(this._state);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('programmes')) this.load();
    else if (changed.has('programme') && (this._status === 'ready' || this._status === 'missing'))
      this.select();
  }

  /** Loads (or reloads, for "try again") the rules. */
  load(): void {
    this.abort?.abort();
    this._status = 'loading';
    if (this.programmes) {
      this.accept(this.programmes);
      return;
    }
    if (!this.src) return;
    const abort = new AbortController();
    this.abort = abort;
    loadJson(new URL(this.src, document.baseURI), { signal: abort.signal, timeoutMs: this.timeout })
      .then((data) => !abort.signal.aborted && this.accept(data))
      .catch((error: unknown) => {
        if (abort.signal.aborted) return;
        this._error = error instanceof LoadError ? error.code : 'network';
        this._status = 'error';
      });
  }

  private accept(data: unknown): void {
    const { programmes, problems } = readProgrammes(data);
    if (problems.length > 0) {
      console.error(
        `bz-eligibility-checker: the rules cannot be used (validate them with check-rules):\n${problems.join('\n')}`,
      );
      this._status = 'invalid';
      return;
    }
    this.all = programmes;
    this.select();
  }

  /** Applies `programme`, restores saved answers and shows the first question. */
  private select(): void {
    this.list = this.programme ? this.all.filter((p) => p.id === this.programme) : this.all;
    if (this.list.length === 0) {
      this._status = 'missing';
      return;
    }
    this._status = 'ready';
    const saved = this.storage((s) => s.getItem(this.key));
    this._resume = Boolean(saved);
    let restored: unknown;
    try {
      restored = saved && JSON.parse(saved);
    } catch {
      // a damaged copy is dropped
    }
    this._state = restoreState(this.list, restored, this.options);
    this.advance(false);
  }

  private get key() {
    return this.programme ? `${STORAGE_KEY}:${this.programme}` : STORAGE_KEY;
  }

  private get options() {
    const wall = toWallTime(new Date());
    return { today: this.today || (wall ? formatIsoDay(wall) : undefined) };
  }

  private storage<T>(use: (storage: Storage) => T): T | undefined {
    try {
      return use(sessionStorage);
    } catch {
      return undefined; // storage disabled: resuming is simply not offered to work
    }
  }

  private save(): void {
    this.storage((s) =>
      this._resume ? s.setItem(this.key, JSON.stringify(this._state)) : s.removeItem(this.key),
    );
  }

  private t(text: LocalizedText | undefined): string {
    return text ? (this.locale === 'en' && text.en) || text.fa : '';
  }

  // ---- navigation -------------------------------------------------------------------------

  private focusAfterUpdate(selector: string): void {
    this.updateComplete.then(() => {
      const target = this.renderRoot.querySelector<HTMLElement>(selector);
      target?.focus();
      target?.scrollIntoView?.({ block: 'nearest' });
    });
  }

  private advance(focus = true): void {
    const next = nextQuestion(this.list, this._state, this.options);
    if (next) this.ask(next.id, focus);
    else this.show('summary', focus);
  }

  private ask(id: string, focus = true): void {
    const question = toRuleBook(this.list).questions.get(id);
    this._view = 'question';
    this._qid = id;
    this._problems = [];
    this.formKey++;
    const answer = this._state.answers[id];
    this._members =
      question?.type === 'household' && Array.isArray(answer)
        ? (answer as MemberAnswers[]).map((member) =>
            Object.fromEntries(
              question.member_questions.map((mq) => [mq.id, this.toRaw(mq, member[mq.id])]),
            ),
          )
        : [];
    if (focus) this.focusAfterUpdate('#heading');
  }

  private show(view: View, focus = true): void {
    this._view = view;
    this._problems = [];
    this.fromSummary = false;
    if (view === 'results') {
      const outcomes: BzResultDetail['outcomes'] = {};
      for (const result of evaluate(this.list, this._state.answers, this.options))
        outcomes[result.programme] = result.decided ? result.outcome : 'undecided';
      fire<BzResultDetail>(this, 'bz-result', { outcomes });
    }
    if (focus) this.focusAfterUpdate('#heading');
  }

  /** The question before the current one, in the order they were answered. */
  private previous(): string | undefined {
    const { asked } = this._state;
    const at = this._view === 'question' ? asked.indexOf(this._qid) : -1;
    return at === -1 ? asked[asked.length - 1] : asked[at - 1];
  }

  private back(): void {
    const previous = this.previous();
    if (this._view === 'results' || this.fromSummary) this.show('summary');
    else if (previous) this.ask(previous);
  }

  private change(id: string): void {
    this.ask(id);
    this.fromSummary = true;
  }

  private restart(): void {
    this._state = emptyState();
    this._resume = false;
    this.save();
    this.fromSummary = false;
    this.advance();
  }

  /** Clears the answers (and saved copy), tells the host, then replaces the page. */
  quickExit(): void {
    this._state = emptyState();
    this._members = [];
    this._resume = false;
    this.save();
    if (this._status === 'ready') this.advance(false);
    const url = this.exitUrl || defaultExitUrl;
    if (fire<BzQuickExitDetail>(this, 'bz-quick-exit', { url }, true)) leavePage(url, () => {});
  }

  // ---- reading answers --------------------------------------------------------------------

  private toRaw(question: AnyQuestion, value: AnswerValue | undefined): Raw {
    if (value === undefined) return undefined;
    switch (question.type) {
      case 'yes-no':
        return value ? 'yes' : 'no';
      case 'number':
      case 'age':
        return toLocaleDigits(value as number, this.locale);
      case 'date': {
        if (this.locale !== 'fa') return String(value);
        const [year, month, day] = String(value).split('-').map(Number);
        const jalali = gregorianToJalali({ year: year ?? 0, month: month ?? 0, day: day ?? 0 });
        const pad = (n: number) => String(n).padStart(2, '0');
        return jalali
          ? toLocaleDigits(`${jalali.year}/${pad(jalali.month)}/${pad(jalali.day)}`, 'fa')
          : undefined;
      }
      default:
        return value as string | string[];
    }
  }

  private readField(question: AnyQuestion, raw: Raw): ParsedAnswer {
    if (question.type === 'several-of') return { ok: true, value: (raw as string[]) ?? [] };
    const text = typeof raw === 'string' ? raw : '';
    if (question.type === 'yes-no' || question.type === 'one-of') {
      if (!text) return { ok: false, problem: { code: 'required' } };
      const value = question.type === 'yes-no' ? text === 'yes' : text;
      const problem = checkAnswer(question, value);
      return problem ? { ok: false, problem } : { ok: true, value };
    }
    return parseAnswerInput(question as Question, text, this.options);
  }

  /** What the form holds for one field. */
  private raw(question: AnyQuestion, name: string): Raw {
    const data = new FormData(this.renderRoot.querySelector('form') as HTMLFormElement);
    return question.type === 'several-of'
      ? data.getAll(name).map(String)
      : ((data.get(name) as string | null) ?? undefined);
  }

  /** Keeps what was typed for household members before the list is re-rendered. */
  private syncMembers(question: Household): void {
    this._members = this._members.map((_, i) =>
      Object.fromEntries(
        question.member_questions.map((mq) => [mq.id, this.raw(mq, `m${i}-${mq.id}`)]),
      ),
    );
  }

  private addMember(question: Household): void {
    this.syncMembers(question);
    this._members = [...this._members, {}];
    this.formKey++;
    this.focusAfterUpdate(`#f-m${this._members.length - 1}-${question.member_questions[0]?.id}`);
  }

  private removeMember(question: Household, index: number): void {
    this.syncMembers(question);
    this._members = this._members.filter((_, i) => i !== index);
    this._problems = [];
    this.formKey++;
    this.focusAfterUpdate('#add-member');
  }

  private onSubmit(event: SubmitEvent, question: Question): void {
    event.preventDefault();
    const problems: Problem[] = [];
    let value: AnswerValue;
    if (question.type === 'household') {
      this.syncMembers(question);
      const byId = new Map(question.member_questions.map((mq) => [mq.id, mq]));
      value = this._members.map((member, i) => {
        const answers: MemberAnswers = {};
        for (const mq of question.member_questions) {
          if (mq.ask_if && evaluateCondition(mq.ask_if, createScope(byId, answers)) === false)
            continue;
          const parsed = this.readField(mq, member[mq.id]);
          if (parsed.ok) answers[mq.id] = parsed.value;
          else
            problems.push({ ...parsed.problem, name: `m${i}-${mq.id}`, question: mq, member: i });
        }
        return answers;
      });
    } else {
      const parsed = this.readField(question, this.raw(question, question.id));
      if (!parsed.ok) problems.push({ ...parsed.problem, name: question.id, question });
      value = parsed.ok ? parsed.value : '';
    }
    if (problems.length > 0) {
      this._problems = problems;
      this.updateComplete.then(() => focusErrorSummary(this.renderRoot as ShadowRoot));
      return;
    }
    this._state = changeAnswer(this.list, this._state, question.id, value, this.options);
    this.save();
    this.fromSummary = false;
    this.advance();
  }

  // ---- rendering --------------------------------------------------------------------------

  protected override renderContent(): TemplateResult {
    const sample = this.all.some((p) => p.sample);
    return html`<button type="button" class="exit" part="exit button" @click=${this.quickExit}>
        ${msg(str`خروج سریع از این صفحه`)}
      </button>
      ${
        sample && this._status === 'ready'
          ? html`<p class="note" part="note">
              ${msg(str`معیارها نمونه‌اند تا سازمان بهزیستی معیارهای رسمی را منتشر کند.`)}
            </p>`
          : nothing
      }
      <div role="status" class="visually-hidden">${this.status()}</div>
      ${this.renderBody()}`;
  }

  private status(): string {
    if (this._status === 'loading') return msg(str`در حال بارگذاری پرسش‌ها…`);
    if (this._status !== 'ready') return '';
    if (this._view === 'summary') return msg(str`پاسخ‌هایتان را بررسی کنید`);
    if (this._view === 'results') return msg(str`نتیجه‌ها`);
    return this.progressText();
  }

  private progressText(): string {
    const { asked } = this._state;
    const at = asked.indexOf(this._qid);
    const number = toLocaleDigits(at === -1 ? asked.length + 1 : at + 1, this.locale);
    const more =
      progress(this.list, this._state, this.options).remainingAtMost - (at === -1 ? 1 : 0);
    return more > 0
      ? msg(str`پرسش ${number}؛ حداکثر ${toLocaleDigits(more, this.locale)} پرسش دیگر`)
      : msg(str`پرسش ${number}؛ شاید آخرین پرسش`);
  }

  private renderBody(): TemplateResult | typeof nothing {
    switch (this._status) {
      case 'loading':
        return html`<p class="loading">${msg(str`در حال بارگذاری پرسش‌ها…`)}</p>`;
      case 'error':
      case 'invalid':
        return html`<div class="problem" role="alert">
          <p>${this.loadErrorText()}</p>
          ${
            this._status === 'error'
              ? html`<button type="button" part="button" @click=${this.load}>
                  ${msg(str`دوباره تلاش کنید`)}
                </button>`
              : nothing
          }
        </div>`;
      case 'missing':
        return html`<p class="problem" role="alert">
          ${msg(
            str`برنامهٔ «${this.programme}» در قوانین نیست؛ نشانی را بررسی کنید یا از پایگاه خدمات اجتماعی بپرسید.`,
          )}
        </p>`;
    }
    if (this._view === 'summary') return this.renderSummary();
    if (this._view === 'results') return this.renderResults();
    return this.renderQuestion();
  }

  private loadErrorText(): string {
    if (this._status === 'invalid')
      return msg(
        str`قوانین برنامه‌ها اشتباه دارند و پرسش‌ها نمایش داده نمی‌شوند؛ بعداً سر بزنید یا از پایگاه خدمات اجتماعی بپرسید.`,
      );
    return this._error === 'network' || this._error === 'timeout'
      ? msg(str`پرسش‌ها بارگذاری نشد؛ اتصال اینترنت را بررسی کنید و دوباره تلاش کنید.`)
      : msg(str`سایت در فرستادن پرسش‌ها مشکل دارد؛ چند دقیقهٔ دیگر دوباره تلاش کنید.`);
  }

  private backButton(): TemplateResult | typeof nothing {
    if (this._view !== 'results' && !this.fromSummary && this.previous() === undefined)
      return nothing;
    return html`<button type="button" class="back link" part="button" @click=${this.back}>
      ${msg(str`بازگشت`)}
    </button>`;
  }

  private renderQuestion(): TemplateResult {
    const question = toRuleBook(this.list).questions.get(this._qid);
    if (!question) return html``;
    const form = html`<form part="question" novalidate @submit=${(e: SubmitEvent) => this.onSubmit(e, question)}>
      ${errorSummary(
        this._problems.map((p) => ({
          fieldId: `f-${p.name}`,
          message:
            p.member === undefined
              ? this.problemText(p)
              : msg(str`فرد ${toLocaleDigits(p.member + 1, this.locale)}: ${this.problemText(p)}`),
        })),
      )}
      ${
        question.type === 'household'
          ? this.renderHousehold(question)
          : this.renderField(
              question,
              question.id,
              this.toRaw(question, this._state.answers[question.id]),
              true,
            )
      }
      <button class="primary" part="button">${msg(str`ادامه`)}</button>
    </form>`;
    return html`${this.backButton()}
      <p class="progress" part="progress">${this.progressText()}</p>
      ${keyed(`${this._qid}:${this.formKey}`, form)} ${this.renderResume()}`;
  }

  private renderHousehold(question: Household): TemplateResult {
    const full = this._members.length >= question.max_members;
    return html`<fieldset aria-describedby=${question.help ? 'f-household-hint' : nothing}>
      <legend><h2 id="heading" tabindex="-1">${this.t(question.text)}</h2></legend>
      ${question.help ? html`<p class="hint" id="f-household-hint">${this.t(question.help)}</p>` : nothing}
      ${this._members.map((member, i) => {
        const n = toLocaleDigits(i + 1, this.locale);
        return html`<fieldset class="member">
          <legend>${msg(str`فرد ${n}`)}</legend>
          ${question.member_questions.map((mq) => this.renderField(mq, `m${i}-${mq.id}`, member[mq.id], false))}
          <button type="button" class="secondary" part="button" @click=${() => this.removeMember(question, i)}>
            ${msg(str`حذف فرد ${n}`)}
          </button>
        </fieldset>`;
      })}
      <p class="hint">
        ${msg(str`${toLocaleDigits(this._members.length, this.locale)} نفر اضافه شده است.`)}
        ${full ? msg(str`بیشتر از این نمی‌توانید اضافه کنید.`) : nothing}
      </p>
      <button type="button" id="add-member" class="secondary" part="button" ?disabled=${full}
        @click=${() => this.addMember(question)}>
        ${msg(str`افزودن یک نفر`)}
      </button>
    </fieldset>`;
  }

  private renderField(question: AnyQuestion, name: string, raw: Raw, heading: boolean) {
    const id = `f-${name}`;
    const problem = this._problems.find((p) => p.name === name);
    const unit = question.type === 'number' ? this.t(question.unit) : '';
    const help = [
      this.t(question.help),
      question.type === 'date' && !question.help ? msg(str`مثلاً ۱۴۰۳/۰۵/۱۲`) : '',
      question.type === 'several-of' ? msg(str`همهٔ گزینه‌های درست را انتخاب کنید، یا هیچ‌کدام.`) : '',
    ].filter(Boolean);
    const described =
      [help.length ? `${id}-hint` : '', problem ? `${id}-error` : '', unit ? `${id}-unit` : '']
        .filter(Boolean)
        .join(' ') || nothing;
    const text = this.t(question.text);
    const hint = help.length
      ? html`<p class="hint" id="${id}-hint">${help.join(' ')}</p>`
      : nothing;
    const error = problem
      ? html`<p class="field-error" id="${id}-error">
          <span class="visually-hidden">${msg(str`خطا:`)}</span> ${this.problemText(problem)}
        </p>`
      : nothing;
    if (question.type === 'number' || question.type === 'age' || question.type === 'date') {
      const label = html`<label for=${id}>${text}</label>`;
      return html`<div class="field ${problem ? 'invalid' : ''}">
        ${heading ? html`<h2 id="heading" tabindex="-1">${label}</h2>` : label} ${hint} ${error}
        <input id=${id} name=${name} type="text" autocomplete="off" spellcheck="false"
          inputmode=${question.type === 'date' ? nothing : 'numeric'}
          class=${question.type === 'date' ? 'date' : 'number'}
          dir=${question.type === 'date' ? 'ltr' : nothing}
          value=${(raw as string) ?? ''} aria-describedby=${described}
          aria-invalid=${problem ? 'true' : nothing} />
        ${unit ? html`<span class="unit" id="${id}-unit">${unit}</span>` : nothing}
      </div>`;
    }
    const options: [string, string][] =
      question.type === 'yes-no'
        ? [
            ['yes', msg(str`بله`)],
            ['no', msg(str`خیر`)],
          ]
        : (question as Extract<AnyQuestion, { options: unknown }>).options.map((option) => [
            option.value,
            this.t(option.label),
          ]);
    const multi = question.type === 'several-of';
    const chosen = (value: string) => (multi ? (raw ?? []).includes(value) : raw === value);
    return html`<fieldset class="field ${problem ? 'invalid' : ''}" aria-describedby=${described}>
      <legend>${heading ? html`<h2 id="heading" tabindex="-1">${text}</h2>` : text}</legend>
      ${hint} ${error}
      <div class="choices ${question.type === 'yes-no' ? 'inline' : ''}">
        ${options.map(
          ([value, label], i) => html`<div class="choice">
            <input id=${i === 0 ? id : `${id}-${i}`} type=${multi ? 'checkbox' : 'radio'} name=${name}
              value=${value} ?checked=${chosen(value)} />
            <label for=${i === 0 ? id : `${id}-${i}`}>${label}</label>
          </div>`,
        )}
      </div>
    </fieldset>`;
  }

  private problemText(problem: Problem): string {
    const { question } = problem;
    const limit = toLocaleDigits(problem.limit ?? 0, this.locale);
    switch (problem.code) {
      case 'required':
        if (question.type === 'date')
          return msg(
            str`تاریخی نوشته نشده است؛ تاریخ را به شکل سال/ماه/روز بنویسید، مثلاً ۱۴۰۳/۰۵/۱۲.`,
          );
        if (question.type === 'number' || question.type === 'age')
          return msg(str`پاسخی نوشته نشده است؛ یک عدد بنویسید (عدد تقریبی هم درست است).`);
        return msg(str`پاسخی انتخاب نشده است؛ برای ادامه یکی از پاسخ‌ها را انتخاب کنید.`);
      case 'not_a_number':
        return msg(str`این عدد نیست؛ فقط با رقم بنویسید، مثلاً ۱۲۰۰۰۰۰۰.`);
      case 'not_whole':
        return msg(str`عدد باید صحیح باشد؛ آن را بدون اعشار بنویسید.`);
      case 'too_small':
        return msg(str`عدد کمتر از حد پذیرفتنی است؛ ${limit} یا بیشتر بنویسید.`);
      case 'too_large':
        return msg(str`عدد بیشتر از حد پذیرفتنی است؛ ${limit} یا کمتر بنویسید.`);
      case 'not_a_date':
        return msg(str`این تاریخ درست نیست؛ آن را به شکل سال/ماه/روز بنویسید، مثلاً ۱۴۰۳/۰۵/۱۲.`);
      case 'in_future':
        return msg(str`این تاریخ در آینده است؛ تاریخ امروز یا پیش از آن را بنویسید.`);
      case 'too_many_members':
        return msg(str`حداکثر ${limit} نفر را می‌توانید اضافه کنید؛ افراد اضافه را حذف کنید.`);
      default:
        return msg(str`این پاسخ جزو گزینه‌ها نیست؛ یکی از گزینه‌های نشان‌داده‌شده را انتخاب کنید.`);
    }
  }

  private answerText(question: AnyQuestion, value: AnswerValue | undefined): string {
    const list = (items: string[]) => items.join(this.locale === 'fa' ? '، ' : ', ');
    const label = (v: string) =>
      'options' in question ? this.t(question.options.find((o) => o.value === v)?.label) : v;
    switch (question.type) {
      case 'yes-no':
        return value ? msg(str`بله`) : msg(str`خیر`);
      case 'number':
      case 'age':
        return `${toLocaleDigits(value as number, this.locale)} ${question.type === 'number' ? this.t(question.unit) : ''}`.trim();
      case 'date':
        return formatDate(new Date(`${value}T12:00:00Z`), this.locale);
      case 'one-of':
        return label(value as string);
      case 'several-of':
        return (value as string[]).length
          ? list((value as string[]).map(label))
          : msg(str`هیچ‌کدام`);
      case 'household': {
        const members = value as MemberAnswers[];
        if (members.length === 0) return msg(str`کسی اضافه نشده است`);
        return members
          .map((member, i) => {
            const parts = question.member_questions
              .filter((mq) => member[mq.id] !== undefined)
              .map(
                (mq) => `${this.t(mq.text)} ${this.answerText(mq, member[mq.id] as SimpleAnswer)}`,
              );
            return `${msg(str`فرد ${toLocaleDigits(i + 1, this.locale)}`)}: ${list(parts)}`;
          })
          .join(this.locale === 'fa' ? '؛ ' : '; ');
      }
    }
  }

  private renderSummary(): TemplateResult {
    const book = toRuleBook(this.list);
    return html`${this.backButton()}
      <h2 id="heading" tabindex="-1">${msg(str`پاسخ‌هایتان را بررسی کنید`)}</h2>
      <dl class="summary" part="summary">
        ${this._state.asked.map((id) => {
          const question = book.questions.get(id);
          if (!question) return nothing;
          const text = this.t(question.text);
          return html`<div class="row">
            <dt>${text}</dt>
            <dd>${this.answerText(question, this._state.answers[id])}</dd>
            <dd class="change">
              <button type="button" class="link" part="button" @click=${() => this.change(id)}>
                ${msg(str`تغییر`)}<span class="visually-hidden"> — ${text}</span>
              </button>
            </dd>
          </div>`;
        })}
      </dl>
      <button type="button" class="primary" part="button" @click=${() => this.show('results')}>
        ${msg(str`دیدن نتیجه`)}
      </button>
      ${this.renderResume()}`;
  }

  private renderResume(): TemplateResult {
    return html`<div class="resume">
      <div class="choice">
        <input type="checkbox" id="resume" ?checked=${this._resume} aria-describedby="resume-hint"
          @change=${(e: Event) => {
            this._resume = (e.target as HTMLInputElement).checked;
            this.save();
          }} />
        <label for="resume">${msg(str`پاسخ‌هایم را روی همین دستگاه نگه دار تا بعداً ادامه دهم`)}</label>
      </div>
      <p class="hint" id="resume-hint">
        ${msg(str`پاسخ‌ها از این دستگاه بیرون نمی‌رود؛ اگر این را بزنید، تا بستن مرورگر نگه داشته می‌شود.`)}
      </p>
    </div>`;
  }

  private results(): DecidedResult[][] {
    const results = evaluate(this.list, this._state.answers, this.options);
    return OUTCOME_ORDER.map((outcome) =>
      results.filter((r): r is DecidedResult =>
        r.decided ? r.outcome === outcome : outcome === 'maybe',
      ),
    );
  }

  private groupTitle(outcome: Outcome): string {
    return outcome === 'likely'
      ? msg(str`به احتمال زیاد با پاسخ‌های شما جور است`)
      : outcome === 'maybe'
        ? msg(str`شاید با پاسخ‌های شما جور باشد؛ در پایگاه خدمات اجتماعی بپرسید`)
        : msg(str`شاید با پاسخ‌های شما جور نباشد؛ پایگاه خدمات اجتماعی راهنمایی می‌کند`);
  }

  private programmeOf(id: string): Programme | undefined {
    return this.list.find((p) => p.id === id);
  }

  private documentMaybe(document: ProgrammeDocument): boolean {
    if (!document.when) return false;
    const scope = bookScope(toRuleBook(this.list), this._state.answers, this.options);
    return evaluateCondition(document.when, scope) === undefined;
  }

  private link(url: string): string {
    try {
      return new URL(url, this.src ? new URL(this.src, document.baseURI) : document.baseURI).href;
    } catch {
      return url;
    }
  }

  private renderResults(): TemplateResult {
    const groups = this.results();
    return html`${this.backButton()}
      <div class="results">
      <h2 id="heading" tabindex="-1">${msg(str`نتیجه‌ها`)}</h2>
      <p>
        ${msg(str`این نتیجه‌ها پاسخ‌های شما را با معیارها مقایسه می‌کنند و تصمیم نهایی نیستند؛ پایگاه خدمات اجتماعی راهنمایی‌تان می‌کند.`)}
      </p>
      ${OUTCOME_ORDER.map((outcome, g) =>
        groups[g]?.length
          ? html`<section class="group ${outcome}" part="group" aria-labelledby="group-${outcome}">
              <h3 id="group-${outcome}">${this.groupTitle(outcome)}</h3>
              ${groups[g]?.map((result) => this.renderResult(result))}
            </section>`
          : nothing,
      )}
      </div>
      <div class="actions">
        <button type="button" class="secondary" part="button" @click=${() => window.print()}>
          ${msg(str`چاپ نتیجه`)}
        </button>
        <button type="button" class="secondary" part="button" @click=${this.saveText}>
          ${msg(str`ذخیره به شکل فایل متنی`)}
        </button>
        <button type="button" class="secondary" part="button" @click=${this.restart}>
          ${msg(str`شروع دوباره`)}
        </button>
      </div>`;
  }

  private renderResult(result: DecidedResult): TemplateResult {
    const programme = this.programmeOf(result.programme);
    const book = toRuleBook(this.list);
    const step = result.nextStep;
    return html`<article class="result" part="result">
      <h4>${this.t(programme?.title)}</h4>
      <p>${this.t(result.reason)}</p>
      ${programme?.sample ? html`<p class="hint">${msg(str`معیارهای این برنامه نمونه‌اند.`)}</p>` : nothing}
      <h5>${msg(str`پاسخ‌هایی که این نتیجه را ساختند`)}</h5>
      <ul>
        ${result.why.map((entry) => {
          const question = book.questions.get(entry.question);
          if (!question) return nothing;
          return html`<li>
            ${this.t(question.text)}
            <strong>${entry.asked ? this.answerText(question, entry.answer) : msg(str`پرسیده نشد`)}</strong>
          </li>`;
        })}
      </ul>
      ${
        result.documents.length
          ? html`<h5>${msg(str`مدارکی که باید همراه داشته باشید`)}</h5>
              <ul>
                ${result.documents.map(
                  (document) => html`<li>
                    ${this.t(document.name)}
                    ${this.documentMaybe(document) ? msg(str`(شاید لازم باشد)`) : nothing}
                    ${document.note ? html`<span class="hint">${this.t(document.note)}</span>` : nothing}
                  </li>`,
                )}
              </ul>`
          : nothing
      }
      <h5>${msg(str`قدم بعدی`)}</h5>
      <p>${this.t(step.text)}</p>
      <p class="links">
        ${step.url ? html`<a href=${this.link(step.url)}>${msg(str`دربارهٔ ${this.t(programme?.title)}`)}</a>` : nothing}
        ${step.nearest_base ? this.renderFindBase(result.programme) : nothing}
      </p>
      ${
        result.sources.length
          ? html`<h5>${msg(str`منبع معیارها`)}</h5>
              <ul>
                ${result.sources.map(
                  (source) => html`<li>
                    ${source.url ? html`<a href=${source.url}>${this.t(source.regulation)}</a>` : this.t(source.regulation)}
                    ${source.in_force ? `(${msg(str`اجرا از ${formatDate(new Date(source.in_force), this.locale)}`)})` : nothing}
                  </li>`,
                )}
              </ul>`
          : nothing
      }
    </article>`;
  }

  private renderFindBase(programme: string): TemplateResult {
    const label = msg(str`نزدیک‌ترین پایگاه خدمات اجتماعی`);
    const onClick = (event: Event) => {
      if (!fire<BzFindBaseDetail>(this, 'bz-find-base', { programme }, true))
        event.preventDefault();
    };
    if (this.locatorUrl) {
      const url = new URL(this.locatorUrl, document.baseURI);
      url.searchParams.set('programme', programme);
      return html`<a href=${url.href} @click=${onClick}>${label}</a>`;
    }
    return html`<button type="button" class="link" part="button" @click=${onClick}>${label}</button>`;
  }

  /** The results as plain text, as shown (for "save as text"). */
  resultsText(): string {
    const results = this.renderRoot.querySelector<HTMLElement>('.results');
    // biome-ignore lint/performance/useDomNodeTextContent: the text as laid out, line breaks included, is what is saved
    return (results?.innerText ?? '').replace(/\n{3,}/g, '\n\n');
  }

  private saveText(): void {
    const url = URL.createObjectURL(
      new Blob([this.resultsText()], { type: 'text/plain;charset=utf-8' }),
    );
    const a = document.createElement('a');
    a.href = url;
    a.download = 'behzisti-results.txt';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}

defineElement('bz-eligibility-checker', BzEligibilityChecker);

declare global {
  interface HTMLElementTagNameMap {
    'bz-eligibility-checker': BzEligibilityChecker;
  }
  interface HTMLElementEventMap {
    'bz-result': CustomEvent<BzResultDetail>;
    'bz-find-base': CustomEvent<BzFindBaseDetail>;
    'bz-quick-exit': CustomEvent<BzQuickExitDetail>;
  }
}
