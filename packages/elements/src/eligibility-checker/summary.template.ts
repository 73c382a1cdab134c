import type { CheckerState, RuleBook } from '@behzisti/core/rules';
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { answerText } from './answer-text.ts';
import type { AnswerContext } from './messages.ts';
import { buttonTemplate, type ResumeView, resumeTemplate } from './parts.template.ts';

export interface SummaryView extends AnswerContext, ResumeView {
  headingText: string;
  ruleBook: RuleBook;
  checkerState: CheckerState;
  changeOne: (questionId: string) => void;
  seeResults: () => void;
}

/** "Check your answers": every answer given, each with a Change button. */
export function summaryTemplate(view: SummaryView): TemplateResult {
  const { ruleBook: book, checkerState: state } = view;
  return html`
    <h2 part="heading" id="heading" tabindex="-1">${view.headingText}</h2>
    <dl class="summary" part="summary">
      ${state.asked.map((id) => {
        const question = book.questions.get(id);
        if (!question) return nothing;
        const text = view.t(question.text);
        const change = html`
          ${msg('تغییر')}<span class="visually-hidden"> — ${text}</span>
        `;
        return html`
          <div class="row">
            <dt>${text}</dt>
            <dd>${answerText(question, state.answers[id], view)}</dd>
            <dd>${buttonTemplate(change, () => view.changeOne(id), 'link')}</dd>
          </div>
        `;
      })}
    </dl>
    <button type="button" class="primary" part="button" @click=${view.seeResults}>
      ${msg('دیدن نتیجه')}
    </button>
    ${resumeTemplate(view)}
  `;
}
