import { formatIsoDay, toWallTime } from '@behzisti/core/dates';
import {
  bookScope,
  type CheckerState,
  changeAnswer,
  emptyState,
  evaluate,
  evaluateCondition,
  nextQuestion,
  progress,
  restoreState,
  toRuleBook,
} from '@behzisti/core/rules';
import type { LocalizedText, Programme, ProgrammeDocument } from '@behzisti/core/schemas';
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { BzElement } from '../shared/bz-element.ts';
import { errorSummaryStyles } from '../shared/error-summary.styles.ts';
import { focusErrorSummary } from '../shared/error-summary.ts';
import { QuickExitController } from '../shared/quick-exit-controller.ts';
import { StoredDraft } from '../shared/stored-draft.ts';
import { membersRaw, type Raw, readAnswer, toRaw } from './answers.ts';
import { buttonTemplate } from './button.template.ts';
import { eligibilityCheckerStyles } from './eligibility-checker.styles.ts';
import type { BzResultDetail } from './events.ts';
import {
  type AnswerContext,
  type AnyQuestion,
  loadProblemText,
  type Problem,
  progressText,
} from './messages.ts';
import { type Household, questionTemplate } from './question.template.ts';
import { resultsTemplate } from './results.template.ts';
import { RulesController } from './rules-controller.ts';
import { downloadText, textOf } from './save-text.ts';
import { summaryTemplate } from './summary.template.ts';

type View = 'question' | 'summary' | 'results';
const STORAGE_KEY = 'bz-eligibility-checker';

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

  // ── State ──
  declare private _view: View;
  /** The question shown (in the `question` view). */
  declare private _qid: string;
  declare private _problems: Problem[];
  /** What was typed for each household member, while the household question is shown. */
  declare private _members: Record<string, Raw>[];
  /** The person asked to keep the answers in this tab. */
  declare private _resume: boolean;
  /** The answers, as the rules engine keeps them. */
  declare private _state: CheckerState;

  /** The question was opened with "Change" from the summary: Back returns there. */
  #fromSummary = false;
  /** Bumped to rebuild the form from state (a new question, a member added or removed). */
  #formKey = 0;
  readonly #exit = new QuickExitController(this, () => this.#clearAnswers());
  readonly #rules = new RulesController(this, {
    src: () => this.src,
    inline: () => this.programmes,
    programme: () => this.programme,
    timeoutMs: () => this.timeout,
    ready: () => this.#start(),
  });
  /** Kept only when the person asks (see `_resume`), and only in this tab. */
  readonly #saved = new StoredDraft<unknown>('sessionStorage');

  constructor() {
    super();
    this.src = '';
    this.programme = '';
    this.exitUrl = '';
    this.locatorUrl = '';
    this.timeout = 20_000;
    this.today = '';
    this._view = 'question';
    this._qid = '';
    this._problems = [];
    this._members = [];
    this._resume = false;
    this._state = emptyState();
  }

  /** The answers so far (a copy of the JSON state the engine works on). */
  get answers(): CheckerState {
    return structuredClone(this._state);
  }

  // ── Rendering: the table of contents ──

  protected override renderContent(): TemplateResult {
    const sample = this.#rules.status === 'ready' && this.#rules.all.some((p) => p.sample);
    return html`
      ${this.#exit.render('exit button', 'exit')}
      ${
        sample
          ? html`<p class="note" part="note">${msg('معیارها نمونه‌اند تا سازمان بهزیستی معیارهای رسمی را منتشر کند.', { id: 'ec-sample' })}</p>`
          : nothing
      }
      <div role="status" class="visually-hidden">${this.#statusText()}</div>
      ${this.#renderBody()}
    `;
  }

  #renderBody(): TemplateResult {
    const status = this.#rules.status;
    if (status === 'loading') return html`<p>${this.#statusText()}</p>`;
    if (status !== 'ready')
      return html`
        <div class="problem" part="error" role="alert">
          <p>${loadProblemText(status, this.#rules.error, this.programme)}</p>
          ${status === 'error' ? buttonTemplate(msg('دوباره تلاش کنید', { id: 'ec-retry' }), this.load) : nothing}
        </div>
      `;
    const back =
      this._view !== 'results' && !this.#fromSummary && this.#previous() === undefined
        ? nothing
        : buttonTemplate(msg('بازگشت', { id: 'ec-back' }), this.#back, 'back link');
    return html`${back}${
      this._view === 'summary'
        ? this.#renderSummary()
        : this._view === 'results'
          ? this.#renderResults()
          : this.#renderQuestion()
    }`;
  }

  #renderQuestion(): TemplateResult {
    const question = toRuleBook(this.#list).questions.get(this._qid);
    if (!question) return html``;
    return questionTemplate({
      ...this.#answerContext,
      ...this.#resumeView,
      question,
      raw: toRaw(question, this._state.answers[question.id], this.locale),
      formKey: `${this._qid}:${this.#formKey}`,
      problems: this._problems,
      members: this._members,
      progressText: this.#progressText(),
      onSubmit: (event) => this.#onSubmit(event),
      addMember: () => this.#addMember(question as Household),
      removeMember: (index) => this.#removeMember(question as Household, index),
    });
  }

  #renderSummary(): TemplateResult {
    return summaryTemplate({
      ...this.#answerContext,
      ...this.#resumeView,
      heading: this.#statusText(),
      book: toRuleBook(this.#list),
      state: this._state,
      change: (id) => this.#change(id),
      seeResults: () => this.#show('results'),
    });
  }

  #renderResults(): TemplateResult {
    return resultsTemplate({
      ...this.#answerContext,
      heading: this.#statusText(),
      results: evaluate(this.#list, this._state.answers, this.#options),
      programmes: this.#list,
      book: toRuleBook(this.#list),
      documentMaybe: (document) => this.#documentMaybe(document),
      rulesUrl: this.src,
      locatorUrl: this.locatorUrl,
      findBase: (programme) => this.emit('bz-find-base', { programme }, { cancelable: true }),
      saveText: () => downloadText(this.resultsText(), 'behzisti-results.txt'),
      restart: this.#restart,
    });
  }

  get #answerContext(): AnswerContext {
    return { locale: this.locale, digits: this.digits, t: (text) => this.#t(text) };
  }

  get #resumeView() {
    return {
      resume: this._resume,
      setResume: (keep: boolean) => {
        this._resume = keep;
        this.#save();
      },
    };
  }

  /** What the live region says: loading, the question number, or the view's heading. */
  #statusText(): string {
    if (this.#rules.status === 'loading')
      return msg('در حال بارگذاری پرسش‌ها…', { id: 'ec-loading' });
    if (this.#rules.status !== 'ready') return '';
    if (this._view === 'summary') return msg('پاسخ‌هایتان را بررسی کنید', { id: 'ec-summary' });
    if (this._view === 'results') return msg('نتیجه‌ها', { id: 'ec-results' });
    return this.#progressText();
  }

  #progressText(): string {
    const { asked } = this._state;
    const at = asked.indexOf(this._qid);
    const number = this.digits(at === -1 ? asked.length + 1 : at + 1);
    const more =
      progress(this.#list, this._state, this.#options).remainingAtMost - (at === -1 ? 1 : 0);
    return progressText(number, more, this.digits);
  }

  // ── The rules ──

  /** Loads (or reloads, for "try again") the rules. */
  load(): void {
    this.#rules.load();
  }

  /** The programmes asked about (all, or the one `programme` names). */
  get #list(): Programme[] {
    return this.#rules.list;
  }

  /** The rules for `programme` are loaded: restores saved answers and shows the first question. */
  #start(): void {
    const saved = this.#saved.read(this.#key);
    this._resume = Boolean(saved);
    this._state = restoreState(this.#list, saved, this.#options);
    this.#advance(false);
  }

  get #options() {
    const wall = toWallTime(new Date());
    return { today: this.today || (wall ? formatIsoDay(wall) : undefined) };
  }

  #t(text: LocalizedText | undefined): string {
    return text ? (this.locale === 'en' && text.en) || text.fa : '';
  }

  // ── Keeping the answers (only when asked) ──

  get #key() {
    return this.programme ? `${STORAGE_KEY}:${this.programme}` : STORAGE_KEY;
  }

  /** Keeps the answers in this tab when the person asked to resume later; else removes them. */
  #save(): void {
    if (this._resume) this.#saved.write(this.#key, this._state);
    else this.#saved.clear(this.#key);
  }

  // ── Moving between questions, summary and results ──

  #focusAfterUpdate(selector: string): void {
    this.updateComplete.then(() => {
      const target = this.renderRoot.querySelector<HTMLElement>(selector);
      target?.focus();
      target?.scrollIntoView?.({ block: 'nearest' });
    });
  }

  #advance(focus = true): void {
    const next = nextQuestion(this.#list, this._state, this.#options);
    if (next) this.#ask(next.id, focus);
    else this.#show('summary', focus);
  }

  #ask(id: string, focus = true): void {
    const question = toRuleBook(this.#list).questions.get(id);
    this._view = 'question';
    this._qid = id;
    this._problems = [];
    this.#formKey++;
    const answer = this._state.answers[id];
    this._members = question?.type === 'household' ? membersRaw(question, answer, this.locale) : [];
    if (focus) this.#focusAfterUpdate('#heading');
  }

  #show(view: View, focus = true): void {
    this._view = view;
    this._problems = [];
    this.#fromSummary = false;
    if (view === 'results') {
      const outcomes: BzResultDetail['outcomes'] = {};
      for (const result of evaluate(this.#list, this._state.answers, this.#options))
        outcomes[result.programme] = result.decided ? result.outcome : 'undecided';
      this.emit('bz-result', { outcomes });
    }
    if (focus) this.#focusAfterUpdate('#heading');
  }

  /** The question before the current one, in the order they were answered. */
  #previous(): string | undefined {
    const { asked } = this._state;
    const at = this._view === 'question' ? asked.indexOf(this._qid) : -1;
    return at === -1 ? asked[asked.length - 1] : asked[at - 1];
  }

  #back(): void {
    const previous = this.#previous();
    if (this._view === 'results' || this.#fromSummary) this.#show('summary');
    else if (previous) this.#ask(previous);
  }

  #change(id: string): void {
    this.#ask(id);
    this.#fromSummary = true;
  }

  #restart(): void {
    this._state = emptyState();
    this._resume = false;
    this.#save();
    this.#fromSummary = false;
    this.#advance();
  }

  /** Clears the answers (and saved copy), tells the host, then replaces the page. */
  quickExit(): void {
    this.#exit.exit();
  }

  #clearAnswers(): void {
    this._state = emptyState();
    this._members = [];
    this._resume = false;
    this.#save();
    if (this.#rules.status === 'ready') this.#advance(false);
  }

  // ── Reading the form ──

  /** What the form holds for one field. */
  #raw(question: AnyQuestion, name: string): Raw {
    const data = new FormData(this.renderRoot.querySelector('form') as HTMLFormElement);
    return question.type === 'several-of'
      ? data.getAll(name).map(String)
      : ((data.get(name) as string | null) ?? undefined);
  }

  /** Keeps what was typed for household members before the list is re-rendered. */
  #syncMembers(question: Household): void {
    this._members = this._members.map((_, i) =>
      Object.fromEntries(
        question.member_questions.map((mq) => [mq.id, this.#raw(mq, `m${i}-${mq.id}`)]),
      ),
    );
  }

  #addMember(question: Household): void {
    this.#syncMembers(question);
    this._members = [...this._members, {}];
    this.#formKey++;
    this.#focusAfterUpdate(`#f-m${this._members.length - 1}-${question.member_questions[0]?.id}`);
  }

  #removeMember(question: Household, index: number): void {
    this.#syncMembers(question);
    this._members = this._members.filter((_, i) => i !== index);
    this._problems = [];
    this.#formKey++;
    this.#focusAfterUpdate('#add-member');
  }

  /** Continue: reads and checks the answer; shows the problems, or keeps it and moves on. */
  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const question = toRuleBook(this.#list).questions.get(this._qid);
    if (!question) return;
    if (question.type === 'household') this.#syncMembers(question);
    const options = this.#options;
    const { value, problems } = readAnswer(
      question,
      (field, name) => this.#raw(field, name),
      this._members,
      options,
    );
    if (problems.length > 0) {
      this._problems = problems;
      this.updateComplete.then(() => focusErrorSummary(this.renderRoot as ShadowRoot));
      return;
    }
    this._state = changeAnswer(this.#list, this._state, question.id, value, options);
    this.#save();
    this.#fromSummary = false;
    this.#advance();
  }

  // ── Results ──

  #documentMaybe(document: ProgrammeDocument): boolean {
    return (
      !!document.when &&
      evaluateCondition(
        document.when,
        bookScope(toRuleBook(this.#list), this._state.answers, this.#options),
      ) === undefined
    );
  }

  /** The results as plain text, as shown (for "save as text"). */
  resultsText(): string {
    return textOf(this.renderRoot.querySelector<HTMLElement>('.results'));
  }
}
