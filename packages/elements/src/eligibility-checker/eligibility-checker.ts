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
import { QuickExitController } from '../shared/quick-exit-controller.ts';
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
export type { BzQuickExitDetail } from '../shared/quick-exit.ts';

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
const OUTCOMES = ['likely', 'maybe', 'unlikely'] as const;

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
 * @csspart heading - The heading of each step (question, check your answers, results).
 * @csspart input - Text and number boxes.
 * @csspart error - The message shown when the rules could not be loaded.
 * @csspart exit - The "leave this page" button.
 * @csspart note - The notice that criteria are examples.
 * @csspart progress - The question counter.
 * @csspart question - The form of the current question.
 * @csspart button - Every button.
 * @csspart error-summary - The list of problems after a failed Continue.
 * @csspart summary - The "check your answers" list.
 * @csspart group - A group of results with the same outcome.
 * @csspart result - One programme's result.
 * @cssprop --bz-color-success - Edge of "likely" results (default #1d7044).
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
    _status: { state: true },
    _error: { state: true },
    _view: { state: true },
    _qid: { state: true },
    _problems: { state: true },
    _members: { state: true },
    _resume: { state: true },
    _state: { state: true },
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
  private readonly exit = new QuickExitController(this, () => this.clearAnswers());

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

  override disconnectedCallback(): void {
    super.disconnectedCallback();
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
      this.emit('bz-result', { outcomes });
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
    this.exit.exit();
  }

  private clearAnswers(): void {
    this._state = emptyState();
    this._members = [];
    this._resume = false;
    this.save();
    if (this._status === 'ready') this.advance(false);
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
  // Templates are written tight (little indentation inside html``): esbuild does not minify
  // template text, and every byte counts against the widget's budget.

  protected override renderContent(): TemplateResult {
    const sample = this.all.some((p) => p.sample);
    return html`${this.exit.render('exit button', 'exit')}
${sample && this._status === 'ready' ? html`<p class="note" part="note">${msg('معیارها نمونه‌اند تا سازمان بهزیستی معیارهای رسمی را منتشر کند.', { id: 'ec-sample' })}</p>` : nothing}
<div role="status" class="visually-hidden">${this.status()}</div>
${this.renderBody()}`;
  }

  /** A button with the shared `part`; `cls` picks the look (primary, link, back link). */
  private button(label: unknown, onClick: (event: Event) => void, cls?: string, id?: string) {
    return html`<button type="button" class=${cls ?? nothing} id=${id ?? nothing} part="button" @click=${onClick}>${label}</button>`;
  }

  private status(): string {
    if (this._status === 'loading') return msg('در حال بارگذاری پرسش‌ها…', { id: 'ec-loading' });
    if (this._status !== 'ready') return '';
    if (this._view === 'summary') return msg('پاسخ‌هایتان را بررسی کنید', { id: 'ec-summary' });
    if (this._view === 'results') return msg('نتیجه‌ها', { id: 'ec-results' });
    return this.progressText();
  }

  private progressText(): string {
    const { asked } = this._state;
    const at = asked.indexOf(this._qid);
    const number = this.digits(at === -1 ? asked.length + 1 : at + 1);
    const more =
      progress(this.list, this._state, this.options).remainingAtMost - (at === -1 ? 1 : 0);
    return more > 0
      ? msg(str`پرسش ${number}؛ حداکثر ${this.digits(more)} پرسش دیگر`, { id: 'ec-progress' })
      : msg(str`پرسش ${number}؛ شاید آخرین پرسش`, { id: 'ec-progress-last' });
  }

  private renderBody(): TemplateResult | typeof nothing {
    const status = this._status;
    if (status === 'loading') return html`<p>${this.status()}</p>`;
    if (status !== 'ready')
      return html`<div class="problem" part="error" role="alert"><p>${
        status === 'missing'
          ? msg(
              str`برنامهٔ «${this.programme}» در قوانین نیست؛ نشانی را بررسی کنید یا از پایگاه خدمات اجتماعی بپرسید.`,
              { id: 'ec-missing' },
            )
          : status === 'invalid'
            ? msg(
                'قوانین برنامه‌ها اشتباه دارند و پرسش‌ها نمایش داده نمی‌شوند؛ بعداً سر بزنید یا از پایگاه خدمات اجتماعی بپرسید.',
                { id: 'ec-invalid' },
              )
            : this._error === 'network' || this._error === 'timeout'
              ? msg('پرسش‌ها بارگذاری نشد؛ اتصال اینترنت را بررسی کنید و دوباره تلاش کنید.', {
                  id: 'ec-load-network',
                })
              : msg('سایت در فرستادن پرسش‌ها مشکل دارد؛ چند دقیقهٔ دیگر دوباره تلاش کنید.', {
                  id: 'ec-load-server',
                })
      }</p>${status === 'error' ? this.button(msg('دوباره تلاش کنید', { id: 'ec-retry' }), this.load) : nothing}</div>`;
    const back =
      this._view !== 'results' && !this.fromSummary && this.previous() === undefined
        ? nothing
        : this.button(msg('بازگشت', { id: 'ec-back' }), this.back, 'back link');
    return html`${back}${
      this._view === 'summary'
        ? this.renderSummary()
        : this._view === 'results'
          ? this.renderResults()
          : this.renderQuestion()
    }`;
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
        : `${this.person(p.member)}: ${this.problemText(p)}`,
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
<button class="primary" part="button">${msg('ادامه', { id: 'ec-continue' })}</button>
</form>`;
    return html`<p class="progress" part="progress">${this.progressText()}</p>
${keyed(`${this._qid}:${this.formKey}`, form)}${this.renderResume()}`;
  }

  private renderHousehold(question: Household): TemplateResult {
    const full = this._members.length >= question.max_members;
    const help = this.t(question.help);
    return html`<fieldset aria-describedby=${help ? 'f-household-hint' : nothing}>
<legend><h2 part="heading" id="heading" tabindex="-1">${this.t(question.text)}</h2></legend>
${help ? html`<p class="hint" id="f-household-hint">${help}</p>` : nothing}
${this._members.map(
  (member, i) => html`<fieldset class="member">
<legend>${this.person(i)}</legend>
${question.member_questions.map((mq) => this.renderField(mq, `m${i}-${mq.id}`, member[mq.id], false))}
${this.button(msg(str`حذف فرد ${this.digits(i + 1)}`, { id: 'ec-remove-person' }), () => this.removeMember(question, i))}
</fieldset>`,
)}
<p class="hint">${msg(str`${this.digits(this._members.length)} نفر اضافه شده است.`, { id: 'ec-people-added' })}
${full ? msg('بیشتر از این نمی‌توانید اضافه کنید.', { id: 'ec-members-full' }) : nothing}</p>
<button type="button" id="add-member" part="button" ?disabled=${full} @click=${() => this.addMember(question)}>${msg('افزودن یک نفر', { id: 'ec-add-person' })}</button>
</fieldset>`;
  }

  private renderField(question: AnyQuestion, name: string, raw: Raw, heading: boolean) {
    const id = `f-${name}`;
    const { type } = question;
    const problem = this._problems.find((p) => p.name === name);
    const unit = type === 'number' ? this.t(question.unit) : '';
    const help = [
      this.t(question.help) ||
        (type === 'date' ? msg('مثلاً ۱۴۰۳/۰۵/۱۲', { id: 'ec-date-hint' }) : ''),
      type === 'several-of'
        ? msg('همهٔ گزینه‌های درست را انتخاب کنید، یا هیچ‌کدام.', { id: 'ec-several-hint' })
        : '',
    ]
      .filter(Boolean)
      .join(' ');
    const described =
      [help && `${id}-hint`, problem && `${id}-error`, unit && `${id}-unit`]
        .filter(Boolean)
        .join(' ') || nothing;
    const typed = type === 'number' || type === 'age' || type === 'date';
    const text = this.t(question.text);
    const label = typed ? html`<label for=${id}>${text}</label>` : text;
    const head = heading
      ? html`<h2 part="heading" id="heading" tabindex="-1">${label}</h2>`
      : label;
    const notes = html`${help ? html`<p class="hint" id="${id}-hint">${help}</p>` : nothing}
${
  problem
    ? html`<p class="field-error" id="${id}-error"><span class="visually-hidden">${msg('خطا:', { id: 'ec-error' })}</span> ${this.problemText(problem)}</p>`
    : nothing
}`;
    const cls = `field ${problem ? 'invalid' : ''}`;
    if (typed)
      return html`<div class=${cls}>${head} ${notes}
<input part="input" id=${id} name=${name} type="text" autocomplete="off" spellcheck="false" inputmode=${type === 'date' ? nothing : 'numeric'} dir=${type === 'date' ? 'ltr' : nothing} value=${(raw as string) ?? ''} aria-describedby=${described} aria-invalid=${problem ? 'true' : nothing} />
${unit ? html`<span id="${id}-unit">${unit}</span>` : nothing}</div>`;
    const multi = type === 'several-of';
    const options: [string, string][] =
      type === 'yes-no'
        ? [
            ['yes', this.yesNo(true)],
            ['no', this.yesNo(false)],
          ]
        : (question as Extract<AnyQuestion, { options: unknown }>).options.map((option) => [
            option.value,
            this.t(option.label),
          ]);
    return html`<fieldset class=${cls} aria-describedby=${described}><legend>${head}</legend>${notes}
<div class="choices ${type === 'yes-no' ? 'inline' : ''}">${options.map(([value, label], i) => {
      const choice = i ? `${id}-${i}` : id;
      return html`<div class="choice"><input id=${choice} type=${multi ? 'checkbox' : 'radio'} name=${name} value=${value} ?checked=${multi ? (raw as string[] | undefined)?.includes(value) : raw === value} /><label for=${choice}>${label}</label></div>`;
    })}</div>
</fieldset>`;
  }

  private problemText(problem: Problem): string {
    const { question } = problem;
    const limit = this.digits(problem.limit ?? 0);
    switch (problem.code) {
      case 'required':
        if (question.type === 'date')
          return msg(
            'تاریخی نوشته نشده است؛ تاریخ را به شکل سال/ماه/روز بنویسید، مثلاً ۱۴۰۳/۰۵/۱۲.',
            { id: 'ec-required-date' },
          );
        if (question.type === 'number' || question.type === 'age')
          return msg('پاسخی نوشته نشده است؛ یک عدد بنویسید (عدد تقریبی هم درست است).', {
            id: 'ec-required-number',
          });
        return msg('پاسخی انتخاب نشده است؛ برای ادامه یکی از پاسخ‌ها را انتخاب کنید.', {
          id: 'ec-required-choice',
        });
      case 'not_a_number':
        return msg('این عدد نیست؛ فقط با رقم بنویسید، مثلاً ۱۲۰۰۰۰۰۰.', { id: 'ec-not-a-number' });
      case 'not_whole':
        return msg('عدد باید صحیح باشد؛ آن را بدون اعشار بنویسید.', { id: 'ec-not-whole' });
      case 'too_small':
        return msg(str`عدد کمتر از حد پذیرفتنی است؛ ${limit} یا بیشتر بنویسید.`, {
          id: 'ec-too-small',
        });
      case 'too_large':
        return msg(str`عدد بیشتر از حد پذیرفتنی است؛ ${limit} یا کمتر بنویسید.`, {
          id: 'ec-too-large',
        });
      case 'not_a_date':
        return msg('این تاریخ درست نیست؛ آن را به شکل سال/ماه/روز بنویسید، مثلاً ۱۴۰۳/۰۵/۱۲.', {
          id: 'ec-not-a-date',
        });
      case 'in_future':
        return msg('این تاریخ در آینده است؛ تاریخ امروز یا پیش از آن را بنویسید.', {
          id: 'ec-in-future',
        });
      case 'too_many_members':
        return msg(str`حداکثر ${limit} نفر را می‌توانید اضافه کنید؛ افراد اضافه را حذف کنید.`, {
          id: 'ec-too-many-members',
        });
      default:
        return msg('این پاسخ جزو گزینه‌ها نیست؛ یکی از گزینه‌های نشان‌داده‌شده را انتخاب کنید.', {
          id: 'ec-unknown-option',
        });
    }
  }

  /** "Person 3", for household members (0-based index). */
  private person(index: number): string {
    return msg(str`فرد ${this.digits(index + 1)}`, { id: 'ec-person' });
  }

  private yesNo(value: unknown): string {
    return value ? msg('بله', { id: 'ec-yes' }) : msg('خیر', { id: 'ec-no' });
  }

  private answerText(question: AnyQuestion, value: AnswerValue | undefined): string {
    const fa = this.locale === 'fa';
    const list = (items: string[]) => items.join(fa ? '، ' : ', ');
    const label = (v: string) =>
      'options' in question ? this.t(question.options.find((o) => o.value === v)?.label) : v;
    switch (question.type) {
      case 'yes-no':
        return this.yesNo(value);
      case 'number':
        return `${this.digits(value as number)} ${this.t(question.unit)}`.trim();
      case 'age':
        return this.digits(value as number);
      case 'date':
        return formatDate(new Date(`${value}T12:00:00Z`), this.locale);
      case 'one-of':
        return label(value as string);
      case 'several-of':
        return list((value as string[]).map(label)) || msg('هیچ‌کدام', { id: 'ec-none' });
      case 'household':
        return (
          (value as MemberAnswers[])
            .map(
              (member, i) =>
                `${this.person(i)}: ${list(
                  question.member_questions
                    .filter((mq) => member[mq.id] !== undefined)
                    .map((mq) => `${this.t(mq.text)} ${this.answerText(mq, member[mq.id])}`),
                )}`,
            )
            .join(fa ? '؛ ' : '; ') || msg('کسی اضافه نشده است', { id: 'ec-no-one' })
        );
    }
  }

  private renderSummary(): TemplateResult {
    const book = toRuleBook(this.list);
    return html`<h2 part="heading" id="heading" tabindex="-1">${this.status()}</h2>
<dl class="summary" part="summary">${this._state.asked.map((id) => {
      const question = book.questions.get(id);
      const text = this.t(question?.text);
      return question
        ? html`<div class="row"><dt>${text}</dt><dd>${this.answerText(question, this._state.answers[id])}</dd>
<dd>${this.button(html`${msg('تغییر', { id: 'ec-change' })}<span class="visually-hidden"> — ${text}</span>`, () => this.change(id), 'link')}</dd></div>`
        : nothing;
    })}</dl>
<button type="button" class="primary" part="button" @click=${() => this.show('results')}>${msg('دیدن نتیجه', { id: 'ec-see-results' })}</button>
${this.renderResume()}`;
  }

  private renderResume(): TemplateResult {
    return html`<div class="resume"><div class="choice">
<input type="checkbox" id="resume" ?checked=${this._resume} aria-describedby="resume-hint" @change=${(
      e: Event,
    ) => {
      this._resume = (e.target as HTMLInputElement).checked;
      this.save();
    }} />
<label for="resume">${msg('پاسخ‌هایم را روی همین دستگاه نگه دار تا بعداً ادامه دهم', { id: 'ec-resume' })}</label></div>
<p class="hint" id="resume-hint">${msg('پاسخ‌ها از این دستگاه بیرون نمی‌رود؛ اگر این را بزنید، تا بستن مرورگر نگه داشته می‌شود.', { id: 'ec-resume-hint' })}</p></div>`;
  }

  private link(url: string): string {
    try {
      return new URL(url, this.src ? new URL(this.src, document.baseURI) : document.baseURI).href;
    } catch {
      return url;
    }
  }

  private renderResults(): TemplateResult {
    const results = evaluate(this.list, this._state.answers, this.options);
    const titles = {
      likely: msg('به احتمال زیاد با پاسخ‌های شما جور است', { id: 'ec-likely' }),
      maybe: msg('شاید با پاسخ‌های شما جور باشد؛ در پایگاه خدمات اجتماعی بپرسید', {
        id: 'ec-maybe',
      }),
      unlikely: msg('شاید با پاسخ‌های شما جور نباشد؛ پایگاه خدمات اجتماعی راهنمایی می‌کند', {
        id: 'ec-unlikely',
      }),
    };
    return html`<div class="results"><h2 part="heading" id="heading" tabindex="-1">${this.status()}</h2>
<p>${msg('این نتیجه‌ها پاسخ‌های شما را با معیارها مقایسه می‌کنند و تصمیم نهایی نیستند؛ پایگاه خدمات اجتماعی راهنمایی‌تان می‌کند.', { id: 'ec-disclaimer' })}</p>
${OUTCOMES.map((outcome) => {
  // a result the rules cannot decide is shown as "maybe: ask at a base"
  const group = results.filter((r): r is DecidedResult =>
    r.decided ? r.outcome === outcome : outcome === 'maybe',
  );
  return group.length
    ? html`<section class="group ${outcome}" part="group" aria-labelledby="group-${outcome}">
<h3 id="group-${outcome}">${titles[outcome]}</h3>${group.map((result) => this.renderResult(result))}</section>`
    : nothing;
})}</div>
<div class="actions">${this.button(msg('چاپ نتیجه', { id: 'ec-print' }), () => window.print())}${this.button(msg('ذخیره به شکل فایل متنی', { id: 'ec-save-text' }), this.saveText)}${this.button(msg('شروع دوباره', { id: 'ec-restart' }), this.restart)}</div>`;
  }

  /** A titled list in a result (answers, documents, sources); nothing when empty. */
  private section<T>(title: string, items: T[], item: (entry: T) => unknown) {
    return items.length
      ? html`<h5>${title}</h5><ul>${items.map((entry) => html`<li>${item(entry)}</li>`)}</ul>`
      : nothing;
  }

  private renderResult(result: DecidedResult): TemplateResult {
    const programme = this.list.find((p) => p.id === result.programme);
    const title = this.t(programme?.title);
    const book = toRuleBook(this.list);
    const step = result.nextStep;
    return html`<article class="result" part="result"><h4>${title}</h4>
<p>${this.t(result.reason)}</p>
${programme?.sample ? html`<p class="hint">${msg('معیارهای این برنامه نمونه‌اند.', { id: 'ec-sample-programme' })}</p>` : nothing}
${this.section(
  msg('پاسخ‌هایی که این نتیجه را ساختند', { id: 'ec-why' }),
  result.why.filter((entry) => book.questions.has(entry.question)),
  (entry) => {
    const question = book.questions.get(entry.question) as AnyQuestion;
    return html`${this.t(question.text)} <strong>${entry.asked ? this.answerText(question, entry.answer) : msg('پرسیده نشد', { id: 'ec-not-asked' })}</strong>`;
  },
)}
${this.section(
  msg('مدارکی که باید همراه داشته باشید', { id: 'ec-documents' }),
  result.documents,
  (document) =>
    html`${this.t(document.name)} ${this.documentMaybe(document) ? msg('(شاید لازم باشد)', { id: 'ec-may-be-needed' }) : nothing} ${document.note ? html`<span class="hint">${this.t(document.note)}</span>` : nothing}`,
)}
<h5>${msg('قدم بعدی', { id: 'ec-next-step' })}</h5>
<p>${this.t(step.text)}</p>
<p class="links">${step.url ? html`<a href=${this.link(step.url)}>${msg(str`دربارهٔ ${title}`, { id: 'ec-about' })}</a>` : nothing}
${step.nearest_base ? this.renderFindBase(result.programme) : nothing}</p>
${this.section(
  msg('منبع معیارها', { id: 'ec-sources' }),
  result.sources,
  (source) =>
    html`${source.url ? html`<a href=${source.url}>${this.t(source.regulation)}</a>` : this.t(source.regulation)} ${source.in_force ? `(${msg(str`اجرا از ${formatDate(new Date(source.in_force), this.locale)}`, { id: 'ec-in-force' })})` : nothing}`,
)}</article>`;
  }

  private documentMaybe(document: ProgrammeDocument): boolean {
    return (
      !!document.when &&
      evaluateCondition(
        document.when,
        bookScope(toRuleBook(this.list), this._state.answers, this.options),
      ) === undefined
    );
  }

  private renderFindBase(programme: string): TemplateResult {
    const label = msg('نزدیک‌ترین پایگاه خدمات اجتماعی', { id: 'ec-nearest-base' });
    const onClick = (event: Event) => {
      if (!this.emit('bz-find-base', { programme }, { cancelable: true })) event.preventDefault();
    };
    if (!this.locatorUrl) return this.button(label, onClick, 'link');
    const url = new URL(this.locatorUrl, document.baseURI);
    url.searchParams.set('programme', programme);
    return html`<a href=${url.href} @click=${onClick}>${label}</a>`;
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
  }
}
