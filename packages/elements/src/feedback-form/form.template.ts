import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { errorSummary, type FieldProblem } from '../shared/error-summary.ts';
import type { Failure } from '../shared/errors.ts';
import {
  describedBy,
  fieldError,
  honeypot,
  submitButton,
  textField,
} from '../shared/form/fields.ts';
import type { Locale } from '../shared/locale.ts';
import { categoryLabels, problemText } from './messages.ts';
import {
  type Category,
  type Field,
  type FormValues,
  MESSAGE_MAX,
  type Problem,
} from './validation.ts';

const FIELD_ORDER: readonly Field[] = ['category', 'message', 'name', 'contact', 'consent'];

/** What the send form shows, and what it calls back. */
export interface FormView {
  locale: Locale;
  digits: (value: number) => string;
  categories: readonly Category[];
  values: FormValues;
  problems: Partial<Record<Field, Problem>>;
  website: string;
  sending: boolean;
  spokenCount: number | undefined;
  /** A draft the form opened with was kept earlier. */
  restored: boolean;
  /** When it was kept, in words; undefined until core's calendar code is in (or if it cannot come). */
  restoredWhen: string | undefined;
  failure: Failure | undefined;
  failureNotice: TemplateResult | typeof nothing;
  onSubmit: (event?: Event) => void;
  onInput: (event: Event) => void;
  discardDraft: () => void;
}

/** The send form: category, message with its count, optional name and contact, consent. */
export function formTemplate(view: FormView): TemplateResult {
  const { values, problems, categories, digits } = view;
  const fieldIds: Record<Field, string> = {
    category: `category-${categories[0]}`,
    message: 'message',
    name: 'name',
    contact: 'contact',
    consent: 'consent',
  };
  const error = (field: Field) => {
    const problem = problems[field];
    return problem ? problemText(problem, digits) : undefined;
  };
  const summary: FieldProblem[] = FIELD_ORDER.flatMap((field) => {
    const message = error(field);
    return message ? [{ fieldId: fieldIds[field], message }] : [];
  });
  const described = (field: Field, ...hints: string[]) =>
    describedBy(field, problems[field] !== undefined, ...hints);
  const invalid = (field: Field) => (problems[field] ? 'true' : 'false');
  const countText = (n: number) =>
    n >= 0
      ? msg(str`${digits(n)} حرف دیگر می‌توانید بنویسید`)
      : msg(str`${digits(-n)} حرف بیش از اندازه نوشته‌اید`);
  const left = MESSAGE_MAX - values.message.length;
  const labels = categoryLabels();

  return html`
    <h2 part="heading" id="heading" tabindex="-1">${msg('ارسال پیام به بهزیستی')}</h2>
    <p class="intro">
      ${msg('شکایت، پیشنهاد، قدردانی یا پرسش خود را بنویسید. پس از ارسال، یک کد پیگیری می‌گیرید.')}
    </p>
    ${view.restored && !view.failure ? restoredNotice(view) : nothing}
    ${errorSummary(summary)} ${view.failureNotice}
    <form
      part="form"
      novalidate
      @submit=${view.onSubmit}
      @input=${view.onInput}
      @change=${view.onInput}
    >
      <fieldset
        class="field ${problems.category ? 'invalid' : ''}"
        aria-describedby=${described('category')}
      >
        <legend>${msg('چه نوع پیامی است؟')}</legend>
        ${fieldError('category', error('category'))}
        ${categories.map(
          (category) => html`
            <div class="choice">
              <input
                type="radio"
                id="category-${category}"
                name="category"
                value=${category}
                .checked=${values.category === category}
              />
              <label for="category-${category}">${labels[category]}</label>
            </div>
          `,
        )}
      </fieldset>

      ${textField(
        {
          id: 'message',
          name: 'message',
          label: msg('پیام شما'),
          value: values.message,
          hint: msg('بنویسید چه شد، کجا و چه زمانی.'),
          error: error('message'),
          rows: 7,
          dir: 'auto',
          describedBy: ['message-count'],
        },
        html`
          <p class="count ${left < 0 ? 'over' : ''}" id="message-count">${countText(left)}</p>
          <p class="visually-hidden" aria-live="polite">
            ${view.spokenCount === undefined ? '' : countText(MESSAGE_MAX - view.spokenCount)}
          </p>
        `,
      )}

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

      ${values.anonymous ? nothing : identityFields(view, error)}

      ${honeypot('website', view.website)}

      <div class="field ${problems.consent ? 'invalid' : ''}">
        ${fieldError('consent', error('consent'))}
        <div class="choice">
          <input
            type="checkbox"
            id="consent"
            name="consent"
            aria-invalid=${invalid('consent')}
            aria-describedby=${described('consent')}
            .checked=${values.consent}
          />
          <label for="consent">
            ${msg(
              'موافقم که سازمان بهزیستی این پیام را برای رسیدگی نگه دارد و نام و راه تماس من را، اگر نوشته‌ام، فقط برای پاسخ به من به کار ببرد.',
            )}
          </label>
        </div>
      </div>

      ${submitButton(view.sending ? msg('در حال ارسال…') : msg('ارسال پیام'), view.sending)}
    </form>
  `;
}

/** The text of a send that failed earlier, back in the form. */
function restoredNotice(view: FormView): TemplateResult {
  const when = view.restoredWhen;
  return html`
    <div class="notice" part="notice">
      <p>
        ${
          when
            ? msg(
                str`متنی که ${when} نوشتید و فرستاده نشد، در فرم زیر است. آن را بررسی کنید و بفرستید.`,
              )
            : msg('متنی که پیش‌تر نوشتید و فرستاده نشد، در فرم زیر است. آن را بررسی کنید و بفرستید.')
        }
      </p>
      <button type="button" part="button" class="secondary" @click=${view.discardDraft}>
        ${msg('پاک کردن این پیش‌نویس')}
      </button>
    </div>
  `;
}

/** Name and contact, both optional; not shown when the person sends anonymously. */
function identityFields(
  view: FormView,
  error: (field: Field) => string | undefined,
): TemplateResult {
  const { values } = view;
  return html`
    ${textField({
      id: 'name',
      name: 'name',
      label: msg('نام شما (اختیاری)'),
      value: values.name,
      error: error('name'),
      dir: 'auto',
      autocomplete: 'name',
    })}
    ${textField({
      id: 'contact',
      name: 'contact',
      label: msg('شمارهٔ همراه یا نشانی ایمیل (اختیاری)'),
      value: values.contact,
      hint: msg('اگر می‌خواهید پاسخ برایتان فرستاده شود. مانند ۰۹۱۲۳۴۵۶۷۸۹ یا name@example.com'),
      error: error('contact'),
      dir: 'ltr',
      noSpellcheck: true,
    })}
  `;
}
