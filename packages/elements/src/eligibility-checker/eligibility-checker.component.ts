import {
  type CheckerState,
  emptyState,
  nextQuestion,
  restoreState,
  toRuleBook,
} from '@behzisti/core/rules';
import type { Programme } from '@behzisti/core/schemas';
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { addOn, lendLit } from '../shared/add-on.ts';
import { BzElement } from '../shared/bz-element.ts';
import { errorSummaryStyles } from '../shared/error-summary.styles.ts';
import { focusErrorSummary } from '../shared/error-summary.ts';
import { QuickExitController } from '../shared/quick-exit-controller.ts';
import { type Household, membersRaw, type Raw, toRaw } from './answers.ts';
import { eligibilityCheckerStyles } from './eligibility-checker.styles.ts';
import { fieldValue, typedMembers } from './form-reading.ts';
import {
  type AnswerContext,
  localized,
  type Problem,
  progressText,
  statusText,
} from './messages.ts';
import {
  buttonTemplate,
  failureTemplate,
  type ResumeView,
  sampleNoteTemplate,
} from './parts.template.ts';
import { questionTemplate } from './question.template.ts';
import { RulesController } from './rules-controller.ts';
import { textOf } from './save-text.ts';
import {
  keepSaved,
  previousQuestion,
  progressOf,
  readSaved,
  ruleOptions,
  type View,
} from './state.ts';

const tag = 'bz-eligibility-checker';
/** The steps after the first question is shown (steps.ts), read once the rules are in. */
const steps = addOn(() => import('./steps.ts'));
type Steps = typeof import('./steps.ts');
lendLit(tag);

/**
 * Asks one question at a time which programmes might fit a person, from rules published as
 * data (see docs/rules.md), and explains every result: the answers that decided it, the
 * documents to bring and the next step. Answers stay in the page: after the rules (and the
 * steps add-on, code only) are loaded no request is made, and nothing is stored unless the person ticks "keep my answers" (then
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
    _stuck: { state: true },
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
  /** Retries a move whose code (the steps add-on) did not load. */
  declare private _stuck: (() => void) | undefined;

  /** The question was opened with "Change" from the summary: Back returns there. */
  #fromSummary = false;
  /** Bumped to show state in the form again (a new question, a member added or removed). */
  #formKey = 0;
  /** Bumped on each move between steps: a move that waited for the steps add-on is dropped
   * when the person has moved on since. */
  #moves = 0;
  #shownKey = -1;
  readonly #exit = new QuickExitController(this, () => this.#clearAnswers());
  readonly #rules = new RulesController(this, () => this.#start());

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

  /** The results as plain text, as shown (for "save as text"). */
  resultsText(): string {
    return textOf(this.renderRoot.querySelector<HTMLElement>('.results'));
  }

  // ── Rendering: the table of contents ──

  protected override renderContent(): TemplateResult {
    const sample =
      this.#rules.rulesStatus === 'ready' && this.#rules.allProgrammes.some((p) => p.sample);
    return html`
      ${this.#exit.render('exit button', 'exit')}
      ${sample ? sampleNoteTemplate() : nothing}
      <div role="status" class="visually-hidden">${this.#statusText()}</div>
      ${this.#renderBody()}
    `;
  }

  #renderBody(): TemplateResult {
    const status = this.#rules.rulesStatus;
    if (status === 'loading') return html`<p>${this.#statusText()}</p>`;
    if (status !== 'ready')
      return failureTemplate(status, this.#rules.rulesError, this.programme, this.load);
    const back =
      this._view !== 'results' && !this.#fromSummary && this.#previous === undefined
        ? nothing
        : buttonTemplate(msg('بازگشت'), this.#back, 'back link');
    const stuck = this._stuck;
    const retry = stuck
      ? html`
          <div class="problem" part="error" role="alert">
            <p>${msg('این بخش بارگذاری نشد؛ اتصال اینترنت را بررسی کنید و دوباره تلاش کنید.')}</p>
            ${buttonTemplate(msg('دوباره تلاش کنید'), stuck)}
          </div>
        `
      : nothing;
    return html`${back}${retry}${
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
      ...this.#context,
      question,
      fieldRaw: toRaw(question, this._state.answers[question.id], this.locale),
      problems: this._problems,
      problemText: (problem) => steps.module?.problemText(problem, this.digits) ?? '',
      errorSummary: (problems) => steps.module?.errorSummary(problems),
      typedMembers: this._members,
      progressText: this.#progressText(),
      onSubmit: (event) => this.#onSubmit(event),
      addMember: () => this.#editMembers(question as Household, 'add'),
      removeMember: (index) => this.#editMembers(question as Household, index),
    });
  }

  #renderSummary(): TemplateResult {
    return (steps.module as Steps).summaryTemplate({
      ...this.#context,
      headingText: this.#statusText(),
      ruleBook: toRuleBook(this.#list),
      checkerState: this._state,
      changeOne: (id) => this.#change(id),
      seeResults: () => this.#show('results'),
    });
  }

  #renderResults(): TemplateResult {
    const { resultsTemplate, downloadText } = steps.module as Steps;
    return resultsTemplate({
      ...this.#context,
      headingText: this.#statusText(),
      shownProgrammes: this.#list,
      ruleBook: toRuleBook(this.#list),
      answers: this._state.answers,
      ruleOptions: this.#options,
      rulesUrl: this.src,
      locatorUrl: this.locatorUrl,
      findBase: (programme) => this.emit('bz-find-base', { programme }, { cancelable: true }),
      saveText: () => downloadText(this.resultsText(), 'behzisti-results.txt'),
      startAgain: this.#restart,
    });
  }

  /** What every template needs: the locale's words and digits, and "keep my answers". */
  get #context(): AnswerContext & ResumeView {
    return {
      locale: this.locale,
      digits: this.digits,
      t: (text) => localized(text, this.locale),
      keepAnswers: this._resume,
      setResume: (keep: boolean) => {
        this._resume = keep;
        this.#save();
      },
    };
  }

  /** What the live region says: loading, the question number, or the view's heading. */
  #statusText(): string {
    return statusText(this.#rules.rulesStatus, this._view, () => this.#progressText());
  }

  #progressText = (): string =>
    progressText(progressOf(this.#list, this._state, this._qid, this.#options), this.digits);

  protected override updated(): void {
    // A new question or household: the fields show state (their defaults), not earlier typing.
    if (this.#shownKey === this.#formKey) return;
    this.#shownKey = this.#formKey;
    this.renderRoot.querySelector('form')?.reset();
  }

  // ── The rules ──

  /** Loads (or reloads, for "try again") the rules. */
  load(): void {
    this.#rules.load();
  }

  /** The programmes asked about (all, or the one `programme` names). */
  get #list(): Programme[] {
    return this.#rules.askedProgrammes;
  }

  /** The rules for `programme` are loaded: restores saved answers and shows the first question. */
  #start(): void {
    // The steps after the first question, now: in by the time it is answered.
    steps.load().catch(() => undefined);
    const saved = readSaved(this.programme);
    this._resume = Boolean(saved);
    this._state = restoreState(this.#list, saved, this.#options);
    this.#advance(false);
  }

  get #options() {
    return ruleOptions(this.today);
  }

  /** Keeps the answers in this tab when the person asked to resume later; else removes them. */
  #save(): void {
    keepSaved(this.programme, this._resume ? this._state : undefined);
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
    this.#moves++;
    this._stuck = undefined;
    const question = toRuleBook(this.#list).questions.get(id);
    this._view = 'question';
    this._qid = id;
    this._problems = [];
    this.#formKey++;
    const answer = this._state.answers[id];
    this._members = question?.type === 'household' ? membersRaw(question, answer, this.locale) : [];
    if (focus) this.#focusAfterUpdate('#heading');
  }

  /**
   * Runs `then` with the steps add-on: at once when it is in, else once it has arrived, unless
   * the person has moved on meanwhile. A failed load offers "try again".
   */
  #withSteps(then: (module: Steps) => void): void {
    if (steps.module) {
      then(steps.module);
      return;
    }
    const move = ++this.#moves;
    steps.load().then(
      (module) => move === this.#moves && then(module),
      () => {
        if (move === this.#moves) this._stuck = () => this.#withSteps(then);
      },
    );
  }

  #show(view: View, focus = true): void {
    this.#withSteps((module) => {
      this.#moves++;
      this._stuck = undefined;
      this._view = view;
      this._problems = [];
      this.#fromSummary = false;
      if (view === 'results')
        this.emit('bz-result', {
          outcomes: module.outcomes(this.#list, this._state.answers, this.#options),
        });
      if (focus) this.#focusAfterUpdate('#heading');
    });
  }

  /** The question before the one shown, in the order they were answered. */
  get #previous(): string | undefined {
    return previousQuestion(this._state.asked, this._view === 'question' ? this._qid : undefined);
  }

  #back(): void {
    const previous = this.#previous;
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
    if (this.#rules.rulesStatus === 'ready') this.#advance(false);
  }

  // ── Reading the form ──

  /** Adds a household member, or removes the one at `edit`, keeping what was typed. */
  #editMembers(question: Household, edit: 'add' | number): void {
    const typed = typedMembers(this.renderRoot, question, this._members.length);
    const add = edit === 'add';
    this._members = add ? [...typed, {}] : typed.filter((_, i) => i !== edit);
    if (!add) this._problems = [];
    this.#formKey++;
    this.#focusAfterUpdate(
      add ? `#f-m${typed.length}-${question.member_questions[0]?.id}` : '#add-member',
    );
  }

  /** Continue: reads and checks the answer; shows the problems, or keeps it and moves on. */
  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    this.#withSteps(({ readAnswer, changeAnswer }) => {
      const question = toRuleBook(this.#list).questions.get(this._qid);
      if (!question) return;
      if (question.type === 'household')
        this._members = typedMembers(this.renderRoot, question, this._members.length);
      const options = this.#options;
      const { value, problems } = readAnswer(
        question,
        (field, name) => fieldValue(this.renderRoot, field, name),
        this._members,
        options,
      );
      if (problems.length > 0) {
        this._stuck = undefined;
        this._problems = problems;
        this.updateComplete.then(() => focusErrorSummary(this.renderRoot as ShadowRoot));
        return;
      }
      this._state = changeAnswer(this.#list, this._state, question.id, value, options);
      this.#save();
      this.#fromSummary = false;
      this.#advance();
    });
  }
}
