import { formatDate } from '@behzisti/core/dates';
import type { FeedbackStatusAnswer } from '@behzisti/core/feedback-api';
import { formatTrackingCode } from '@behzisti/core/tracking-code';
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { errorSummary } from '../shared/error-summary.ts';
import { fieldError, submitButton } from '../shared/form/fields.ts';
import type { Locale } from '../shared/locale.ts';
import { type CodeProblem, codeProblemText, statusLabels } from './messages.ts';

/** The example in the lookup hint: a well-formed code (its check digit agrees). */
const EXAMPLE_CODE = '4831096722547195';

export interface StatusView {
  locale: Locale;
  digits: (value: number) => string;
  codeText: string;
  codeProblem: CodeProblem | undefined;
  sending: boolean;
  result: FeedbackStatusAnswer | undefined;
  failureNotice: TemplateResult | typeof nothing;
  onLookUp: (event: Event) => void;
  onCodeInput: (event: Event) => void;
  /** Whether the name and contact were erased since this status was shown. */
  contactErased: boolean;
  onEraseContact: () => void;
}

/**
 * Keeps a code's groups in order inside a sentence: in Persian text the digits after a Persian
 * letter count as Arabic numbers, and `-` does not join those, so «۴۸۳۱-۰۹۶۷» would show its
 * groups right to left. A left-to-right isolate (LRI … PDI) holds them together.
 */
const isolated = (text: string) => `\u2066${text}\u2069`;

/** `mode="status"`: look up a message by its tracking code, and its status below. */
export function statusModeTemplate(view: StatusView): TemplateResult {
  const problem = view.codeProblem ? codeProblemText(view.codeProblem, view.digits) : undefined;
  const example = isolated(formatTrackingCode(EXAMPLE_CODE, view.locale));
  return html`
    <h2 part="heading" id="heading" tabindex="-1">${msg('پیگیری پیام')}</h2>
    ${errorSummary(problem ? [{ fieldId: 'code', message: problem }] : [])} ${view.failureNotice}
    <form part="form" novalidate @submit=${view.onLookUp}>
      <div class="field ${problem ? 'invalid' : ''}">
        <label class="label" for="code">${msg('کد پیگیری')}</label>
        <p class="hint" id="code-hint">
          ${msg(
            str`کد ${view.digits(16)} رقمی که پس از ارسال پیام گرفتید، مانند ${example}؛ با یا بدون خط تیره.`,
          )}
        </p>
        ${fieldError('code', problem)}
        <input
          type="text"
          id="code"
          name="code"
          part="input"
          class="code-input"
          dir="ltr"
          inputmode="numeric"
          autocomplete="off"
          spellcheck="false"
          aria-invalid=${problem ? 'true' : 'false'}
          aria-describedby=${problem ? 'code-hint code-error' : 'code-hint'}
          .value=${view.codeText}
          @input=${view.onCodeInput}
        />
      </div>
      ${submitButton(msg('دیدن وضعیت'), view.sending)}
    </form>
    ${view.result ? statusTemplate(view.result, view.locale) : nothing}
    ${view.result ? eraseTemplate(view) : nothing}
  `;
}

/** A looked-up message: its status in words, dates, and the office's public reply. */
function statusTemplate(result: FeedbackStatusAnswer, locale: Locale): TemplateResult {
  const [label, explanation] = statusLabels()[result.status] ?? [result.status, ''];
  const date = (iso: string | undefined) => (iso ? formatDate(new Date(iso), locale) : '');
  return html`
    <section class="result" part="status" aria-labelledby="result-heading">
      <h3 part="heading" id="result-heading" tabindex="-1">${msg('وضعیت پیام')}</h3>
      <dl>
        <dt>${msg('کد پیگیری')}</dt>
        <dd>
          <span dir="ltr" class="code-inline">${formatTrackingCode(result.code, locale)}</span>
        </dd>
        <dt>${msg('وضعیت')}</dt>
        <dd>
          <strong class="status-label status-${result.status}">${label}</strong>
          <span class="status-explanation">${explanation}</span>
        </dd>
        <dt>${msg('تاریخ دریافت')}</dt>
        <dd>${date(result.receivedAt)}</dd>
        <dt>${msg('آخرین تغییر')}</dt>
        <dd>${date(result.updatedAt)}</dd>
      </dl>
      <h4 part="heading">${msg('پاسخ بهزیستی')}</h4>
      ${result.publicReply ? replyTemplate(result.publicReply, date(result.repliedAt)) : html`<p>${msg('هنوز پاسخی ثبت نشده است.')}</p>`}
    </section>
  `;
}

/**
 * While the office holds the citizen's name or contact: erase them now (retention would, a
 * year after the message is closed). Afterwards, a sentence that says it was done.
 */
function eraseTemplate(view: StatusView): TemplateResult | typeof nothing {
  if (view.contactErased) {
    return html`<p id="erased" class="hint" part="erased" tabindex="-1">
      ${msg('نام و راه تماس شما از این پیام پاک شد. کد پیگیری و پاسخ بهزیستی می‌ماند.')}
    </p>`;
  }
  if (view.result?.contactHeld !== true) return nothing;
  return html`
    <section part="erase" aria-labelledby="erase-heading">
      <h4 part="heading" id="erase-heading">${msg('پاک کردن نام و راه تماس')}</h4>
      <p class="hint">
        ${msg('اگر بخواهید، نام و شمارهٔ تماس یا ایمیل شما را همین حالا از این پیام پاک می‌کنیم. پس از آن بهزیستی نمی‌تواند مستقیم با شما تماس بگیرد؛ پاسخ را با همین کد پیگیری می‌بینید.')}
      </p>
      <button
        type="button"
        part="button"
        aria-disabled=${view.sending ? 'true' : 'false'}
        @click=${view.onEraseContact}
      >
        ${msg('پاک کردن نام و راه تماس من')}
      </button>
    </section>
  `;
}

function replyTemplate(reply: string, repliedOn: string): TemplateResult {
  return html`
    <p class="reply" part="reply" dir="auto">${reply}</p>
    ${repliedOn ? html`<p class="hint">${msg(str`تاریخ پاسخ: ${repliedOn}`)}</p>` : nothing}
  `;
}
