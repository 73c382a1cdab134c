import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { errorSummary, type FieldProblem } from '../shared/error-summary.ts';
import type { Failure } from '../shared/errors.ts';
import { honeypot, submitButton, textField } from '../shared/form/fields.ts';
import type { Locale } from '../shared/locale.ts';
import {
  type CommentValues,
  type Field,
  failureText,
  type Problem,
  problemText,
} from './messages.ts';

export interface CommentFormView {
  locale: Locale;
  digits: (value: number) => string;
  problems: Partial<Record<Field, Problem>>;
  /** While answering a comment: the form's heading and the comment answered (list add-on). */
  reply: { heading: string; notice: TemplateResult } | undefined;
  sent: boolean;
  failure: Failure | undefined;
  sending: boolean;
  values: CommentValues;
  onSubmit: (event?: Event) => void;
  onInput: (event: Event) => void;
}

/** The comment form: what happens to a comment, the reply it answers, message and name. */
export function commentFormTemplate(view: CommentFormView): TemplateResult {
  const { problems, digits } = view;
  const order: Field[] = ['message', 'name'];
  const error = (field: Field) => {
    const problem = problems[field];
    return problem && problemText(problem, digits);
  };
  const summary: FieldProblem[] = order.flatMap((field) => {
    const message = error(field);
    return message ? [{ fieldId: `comment-${field}`, message }] : [];
  });
  return html`
    <h3 part="heading" id="form-heading">${view.reply?.heading ?? msg('دیدگاه خود را بنویسید')}</h3>
    <p class="hint" id="review-note">
      ${msg('دیدگاه‌ها پس از بررسی روابط عمومی منتشر می‌شوند؛ دیدگاه شما بلافاصله نمایش داده نمی‌شود.')}
    </p>
    ${
      view.sent
        ? html`<div class="notice" part="notice" id="sent" tabindex="-1" role="status">
            <p>${msg('دیدگاه شما رسید. پس از بررسی روابط عمومی در این صفحه نمایش داده می‌شود.')}</p>
          </div>`
        : nothing
    }
    ${errorSummary(summary)}
    ${
      view.failure
        ? html`<div class="notice failure" part="notice error" role="alert" id="send-failure" tabindex="-1">
            <p>${failureText(view.failure, true, view.locale, digits)}</p>
            <button type="button" part="button" class="secondary" @click=${() => view.onSubmit()}>
              ${msg('دوباره بفرستید')}
            </button>
          </div>`
        : nothing
    }
    <form
      part="form"
      novalidate
      aria-labelledby="form-heading"
      aria-describedby="review-note"
      @submit=${view.onSubmit}
      @input=${view.onInput}
    >
      ${view.reply?.notice ?? nothing}
      ${textField({
        id: 'comment-message',
        name: 'message',
        label: msg('دیدگاه شما'),
        value: view.values.message,
        error: error('message'),
        rows: 5,
        dir: 'auto',
      })}
      ${textField({
        id: 'comment-name',
        name: 'name',
        label: msg('نام شما (اختیاری)'),
        value: view.values.name,
        hint: msg(
          'نامی که بنویسید همراه دیدگاه نمایش داده می‌شود. اگر خالی بماند، دیدگاه بی‌نام منتشر می‌شود.',
        ),
        error: error('name'),
        dir: 'auto',
        autocomplete: 'nickname',
      })}
      ${honeypot('comment-website', '')}
      ${submitButton(view.sending ? msg('در حال ارسال…') : msg('ارسال دیدگاه'), view.sending)}
    </form>
  `;
}
