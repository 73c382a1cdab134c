import type { Question } from '@behzisti/core/schemas';
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { FieldProblem } from '../shared/error-summary.ts';
import type { Household, Raw } from './answers.ts';
import { type AnswerContext, type AnyQuestion, type Problem, person, yesNo } from './messages.ts';
import { buttonTemplate, type ResumeView, resumeTemplate } from './parts.template.ts';

export interface QuestionView extends AnswerContext, ResumeView {
  question: Question;
  /** What the question's field holds (not for a household). */
  fieldRaw: Raw;
  problems: Problem[];
  /** What is wrong with an answer, and the error summary: worded by the steps add-on, which is
   * where problems come from. */
  problemText: (problem: Problem) => string;
  errorSummary: (problems: FieldProblem[]) => unknown;
  /** What was typed for each household member, by member question id. */
  typedMembers: Record<string, Raw>[];
  progressText: string;
  onSubmit: (event: SubmitEvent) => void;
  addMember: () => void;
  removeMember: (index: number) => void;
}

/** One question: its form (with the error summary) and the "keep my answers" choice. */
export function questionTemplate(view: QuestionView): TemplateResult {
  const { question, digits, problemText } = view;
  const problems = view.problems.map((p) => ({
    fieldId: `f-${p.name}`,
    message:
      p.member === undefined ? problemText(p) : `${person(p.member, digits)}: ${problemText(p)}`,
  }));
  const form = html`
    <form part="question" novalidate @submit=${view.onSubmit}>
      ${problems.length ? view.errorSummary(problems) : nothing}
      ${
        question.type === 'household'
          ? householdTemplate(view, question)
          : fieldTemplate(view, question, question.id, view.fieldRaw, true)
      }
      <button class="primary" part="button">${msg('ادامه')}</button>
    </form>
  `;
  return html`
    <p class="progress" part="progress">${view.progressText}</p>
    ${form} ${resumeTemplate(view)}
  `;
}

/** The people of a household, each with the member questions, and "add a person". */
function householdTemplate(view: QuestionView, question: Household): TemplateResult {
  const { digits, typedMembers: members } = view;
  const full = members.length >= question.max_members;
  const help = view.t(question.help);
  return html`
    <fieldset aria-describedby=${help ? 'f-household-hint' : nothing}>
      <legend>
        <h2 part="heading" id="heading" tabindex="-1">${view.t(question.text)}</h2>
      </legend>
      ${help ? html`<p class="hint" id="f-household-hint">${help}</p>` : nothing}
      ${members.map(
        (member, i) => html`
          <fieldset class="member">
            <legend>${person(i, digits)}</legend>
            ${question.member_questions.map((mq) =>
              fieldTemplate(view, mq, `m${i}-${mq.id}`, member[mq.id], false),
            )}
            ${buttonTemplate(msg(str`حذف فرد ${digits(i + 1)}`), () => view.removeMember(i))}
          </fieldset>
        `,
      )}
      <p class="hint">
        ${msg(str`${digits(members.length)} نفر اضافه شده است.`)}
        ${full ? msg('بیشتر از این نمی‌توانید اضافه کنید.') : nothing}
      </p>
      <button
        type="button"
        id="add-member"
        part="button"
        ?disabled=${full}
        @click=${view.addMember}
      >
        ${msg('افزودن یک نفر')}
      </button>
    </fieldset>
  `;
}

/** The hint under a field: the question's own, else how to write a date or choose several. */
function helpText(view: QuestionView, question: AnyQuestion): string {
  const { type } = question;
  return [
    view.t(question.help) || (type === 'date' ? msg('مثلاً ۱۴۰۳/۰۵/۱۲') : ''),
    type === 'several-of' ? msg('همهٔ گزینه‌های درست را انتخاب کنید، یا هیچ‌کدام.') : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * One field named `name`: a text box for numbers, ages and dates, radio buttons or checkboxes
 * for choices. `heading`: the question is the page's heading (focus moves to it).
 */
function fieldTemplate(
  view: QuestionView,
  question: AnyQuestion,
  name: string,
  raw: Raw,
  heading: boolean,
) {
  const id = `f-${name}`;
  const { type } = question;
  const problem = view.problems.find((p) => p.name === name);
  const unit = type === 'number' ? view.t(question.unit) : '';
  const help = helpText(view, question);
  const described =
    [help && `${id}-hint`, problem && `${id}-error`, unit && `${id}-unit`]
      .filter(Boolean)
      .join(' ') || nothing;
  const typed = type === 'number' || type === 'age' || type === 'date';
  const text = view.t(question.text);
  const label = typed ? html`<label for=${id}>${text}</label>` : text;
  const head = heading ? html`<h2 part="heading" id="heading" tabindex="-1">${label}</h2>` : label;
  const notes = html`
    ${help ? html`<p class="hint" id="${id}-hint">${help}</p>` : nothing}
    ${
      problem
        ? html`
            <p class="field-error" id="${id}-error">
              <span class="visually-hidden">${msg('خطا:')}</span>
              ${view.problemText(problem)}
            </p>
          `
        : nothing
    }
  `;
  const cls = `field ${problem ? 'invalid' : ''}`;
  if (typed)
    return html`
      <div class=${cls}>
        ${head} ${notes}
        <input
          part="input"
          id=${id}
          name=${name}
          type="text"
          autocomplete="off"
          spellcheck="false"
          inputmode=${type === 'date' ? nothing : 'numeric'}
          dir=${type === 'date' ? 'ltr' : nothing}
          value=${(raw as string) ?? ''}
          aria-describedby=${described}
          aria-invalid=${problem ? 'true' : nothing}
        />
        ${unit ? html`<span id="${id}-unit">${unit}</span>` : nothing}
      </div>
    `;
  const multi = type === 'several-of';
  const options: [string, string][] =
    type === 'yes-no'
      ? [
          ['yes', yesNo(true)],
          ['no', yesNo(false)],
        ]
      : (question as Extract<AnyQuestion, { options: unknown }>).options.map((option) => [
          option.value,
          view.t(option.label),
        ]);
  return html`
    <fieldset class=${cls} aria-describedby=${described}>
      <legend>${head}</legend>
      ${notes}
      <div class="choices ${type === 'yes-no' ? 'inline' : ''}">
        ${options.map(([value, label], i) => {
          const choice = i ? `${id}-${i}` : id;
          return html`
            <div class="choice">
              <input
                id=${choice}
                type=${multi ? 'checkbox' : 'radio'}
                name=${name}
                value=${value}
                ?checked=${multi ? (raw as string[] | undefined)?.includes(value) : raw === value}
              />
              <label for=${choice}>${label}</label>
            </div>
          `;
        })}
      </div>
    </fieldset>
  `;
}
