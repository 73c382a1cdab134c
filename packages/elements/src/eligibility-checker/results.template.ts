import { formatDate } from '@behzisti/core/dates';
import {
  type Answers,
  bookScope,
  type DecidedResult,
  type EvaluateOptions,
  evaluate,
  evaluateCondition,
  type RuleBook,
} from '@behzisti/core/rules';
import type { Programme, ProgrammeDocument } from '@behzisti/core/schemas';
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { answerText } from './answer-text.ts';
import type { AnswerContext, AnyQuestion } from './messages.ts';
import { buttonTemplate } from './parts.template.ts';

const OUTCOMES = ['likely', 'maybe', 'unlikely'] as const;

export interface ResultsView extends AnswerContext {
  headingText: string;
  shownProgrammes: Programme[];
  ruleBook: RuleBook;
  /** The answers given (the engine's `CheckerState.answers`), and what the engine is told. */
  answers: Answers;
  ruleOptions: EvaluateOptions;
  /** The rules file's address: a next step's relative address is resolved against it. */
  rulesUrl: string;
  /** The service locator page (`locator-url`), or '' for a button that only sends the event. */
  locatorUrl: string;
  /** Tells the host page (`bz-find-base`); false when it cancelled, to show its own locator. */
  findBase: (programme: string) => boolean;
  saveText: () => void;
  startAgain: () => void;
}

/** The results grouped by outcome, worded as advice rather than a verdict, and what to do next. */
export function resultsTemplate(view: ResultsView): TemplateResult {
  const results = evaluate(view.shownProgrammes, view.answers, view.ruleOptions);
  const titles = {
    likely: msg('به احتمال زیاد با پاسخ‌های شما جور است'),
    maybe: msg('شاید با پاسخ‌های شما جور باشد؛ در پایگاه خدمات اجتماعی بپرسید'),
    unlikely: msg('شاید با پاسخ‌های شما جور نباشد؛ پایگاه خدمات اجتماعی راهنمایی می‌کند'),
  };
  return html`
    <div class="results">
      <h2 part="heading" id="heading" tabindex="-1">${view.headingText}</h2>
      <p>
        ${msg('این نتیجه‌ها پاسخ‌های شما را با معیارها مقایسه می‌کنند و تصمیم نهایی نیستند؛ پایگاه خدمات اجتماعی راهنمایی‌تان می‌کند.')}
      </p>
      ${OUTCOMES.map((outcome) => {
        // a result the rules cannot decide is shown as "maybe: ask at a base"
        const group = results.filter((r): r is DecidedResult =>
          r.decided ? r.outcome === outcome : outcome === 'maybe',
        );
        return group.length
          ? html`
              <section class="group ${outcome}" part="group" aria-labelledby="group-${outcome}">
                <h3 id="group-${outcome}">${titles[outcome]}</h3>
                ${group.map((result) => resultTemplate(view, result))}
              </section>
            `
          : nothing;
      })}
    </div>
    <div class="actions">
      ${buttonTemplate(msg('چاپ نتیجه'), () => window.print())}
      ${buttonTemplate(msg('ذخیره به شکل فایل متنی'), view.saveText)}
      ${buttonTemplate(msg('شروع دوباره'), view.startAgain)}
    </div>
  `;
}

/** A titled list in a result (answers, documents, sources); nothing when empty. */
function sectionTemplate<T>(title: string, items: T[], item: (entry: T) => unknown) {
  return items.length
    ? html`
        <h5>${title}</h5>
        <ul>
          ${items.map((entry) => html`<li>${item(entry)}</li>`)}
        </ul>
      `
    : nothing;
}

/** One programme's result: why, what to bring, the next step, and where the criteria come from. */
function resultTemplate(view: ResultsView, result: DecidedResult): TemplateResult {
  const { ruleBook: book, t } = view;
  const programme = view.shownProgrammes.find((p) => p.id === result.programme);
  const title = t(programme?.title);
  const step = result.nextStep;
  return html`
    <article class="result" part="result">
      <h4>${title}</h4>
      <p>${t(result.reason)}</p>
      ${
        programme?.sample
          ? html`<p class="hint">${msg('معیارهای این برنامه نمونه‌اند.')}</p>`
          : nothing
      }
      ${sectionTemplate(
        msg('پاسخ‌هایی که این نتیجه را ساختند'),
        result.why.filter((entry) => book.questions.has(entry.question)),
        (entry) => {
          const question = book.questions.get(entry.question) as AnyQuestion;
          return html`
            ${t(question.text)}
            <strong>${entry.asked ? answerText(question, entry.answer, view) : msg('پرسیده نشد')}</strong>
          `;
        },
      )}
      ${sectionTemplate(
        msg('مدارکی که باید همراه داشته باشید'),
        result.documents,
        (document) => html`
          ${t(document.name)}
          ${documentMaybe(view, document) ? msg('(شاید لازم باشد)') : nothing}
          ${document.note ? html`<span class="hint">${t(document.note)}</span>` : nothing}
        `,
      )}
      <h5>${msg('قدم بعدی')}</h5>
      <p>${t(step.text)}</p>
      <p class="links">
        ${
          step.url
            ? html`<a href=${resolveLink(step.url, view.rulesUrl)}>${msg(str`دربارهٔ ${title}`)}</a>`
            : nothing
        }
        ${step.nearest_base ? findBaseTemplate(view, result.programme) : nothing}
      </p>
      ${sectionTemplate(
        msg('منبع معیارها'),
        result.sources,
        (source) => html`
          ${source.url ? html`<a href=${source.url}>${t(source.regulation)}</a>` : t(source.regulation)}
          ${
            source.in_force
              ? `(${msg(str`اجرا از ${formatDate(new Date(source.in_force), view.locale)}`)})`
              : nothing
          }
        `,
      )}
    </article>
  `;
}

/** A document whose condition the answers cannot decide yet: "may be needed". */
function documentMaybe(view: ResultsView, document: ProgrammeDocument): boolean {
  return (
    !!document.when &&
    evaluateCondition(document.when, bookScope(view.ruleBook, view.answers, view.ruleOptions)) ===
      undefined
  );
}

/** "The nearest service base": a link to the locator page for the programme, or a button. */
function findBaseTemplate(view: ResultsView, programme: string): TemplateResult {
  const label = msg('نزدیک‌ترین پایگاه خدمات اجتماعی');
  const onClick = (event: Event) => {
    if (!view.findBase(programme)) event.preventDefault();
  };
  if (!view.locatorUrl) return buttonTemplate(label, onClick, 'link');
  const url = new URL(view.locatorUrl, document.baseURI);
  url.searchParams.set('programme', programme);
  return html`<a href=${url.href} @click=${onClick}>${label}</a>`;
}

/** A next step's address, resolved against the rules file `src` (or the page without one). */
function resolveLink(url: string, src: string): string {
  try {
    return new URL(url, src ? new URL(src, document.baseURI) : document.baseURI).href;
  } catch {
    return url;
  }
}
