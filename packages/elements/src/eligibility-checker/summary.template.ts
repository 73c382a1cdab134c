import type { CheckerState, RuleBook } from '@behzisti/core/rules';
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { buttonTemplate } from './button.template.ts';
import { type AnswerContext, answerText } from './messages.ts';

export interface ResumeView {
  /** The person asked to keep the answers in this tab. */
  resume: boolean;
  setResume: (keep: boolean) => void;
}

export interface SummaryView extends AnswerContext, ResumeView {
  heading: string;
  book: RuleBook;
  state: CheckerState;
  change: (questionId: string) => void;
  seeResults: () => void;
}

/** "Check your answers": every answer given, each with a Change button. */
export function summaryTemplate(view: SummaryView): TemplateResult {
  const { book, state } = view;
  return html`
    <h2 part="heading" id="heading" tabindex="-1">${view.heading}</h2>
    <dl class="summary" part="summary">
      ${state.asked.map((id) => {
        const question = book.questions.get(id);
        if (!question) return nothing;
        const text = view.t(question.text);
        const change = html`
          ${msg('تغییر', { id: 'ec-change' })}<span class="visually-hidden"> — ${text}</span>
        `;
        return html`
          <div class="row">
            <dt>${text}</dt>
            <dd>${answerText(question, state.answers[id], view)}</dd>
            <dd>${buttonTemplate(change, () => view.change(id), 'link')}</dd>
          </div>
        `;
      })}
    </dl>
    <button type="button" class="primary" part="button" @click=${view.seeResults}>
      ${msg('دیدن نتیجه', { id: 'ec-see-results' })}
    </button>
    ${resumeTemplate(view)}
  `;
}

/** "Keep my answers on this device": sessionStorage only, and only when ticked. */
export function resumeTemplate(view: ResumeView): TemplateResult {
  return html`
    <div class="resume">
      <div class="choice">
        <input
          type="checkbox"
          id="resume"
          ?checked=${view.resume}
          aria-describedby="resume-hint"
          @change=${(e: Event) => view.setResume((e.target as HTMLInputElement).checked)}
        />
        <label for="resume">
          ${msg('پاسخ‌هایم را روی همین دستگاه نگه دار تا بعداً ادامه دهم', { id: 'ec-resume' })}
        </label>
      </div>
      <p class="hint" id="resume-hint">
        ${msg('پاسخ‌ها از این دستگاه بیرون نمی‌رود؛ اگر این را بزنید، تا بستن مرورگر نگه داشته می‌شود.', { id: 'ec-resume-hint' })}
      </p>
    </div>
  `;
}
