import { formatDate } from '@behzisti/core/dates';
import type { FeedbackStatusAnswer } from '@behzisti/core/feedback-api';
import { formatTrackingCode } from '@behzisti/core/tracking-code';
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../shared/locale.ts';
import { statusLabels } from './messages.ts';

// Its view crosses between two separately built scripts (see answer.ts): no field named in
// bundle.mjs's internalNames.
export interface StatusAnswerView {
  result: FeedbackStatusAnswer;
  locale: Locale;
  /** Whether the name and contact were erased since this status was shown. */
  contactErased: boolean;
  /** A request is on its way (the erase button waits). */
  erasing: boolean;
  onEraseContact: () => void;
}

/** A looked-up message's status, and (while the office holds them) erasing the name and contact. */
export function statusAnswerTemplate(view: StatusAnswerView): TemplateResult {
  return html`${statusTemplate(view.result, view.locale)} ${eraseTemplate(view)}`;
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
function eraseTemplate(view: StatusAnswerView): TemplateResult | typeof nothing {
  if (view.contactErased) {
    return html`<p id="erased" class="hint" part="erased" tabindex="-1">
      ${msg('نام و راه تماس شما از این پیام پاک شد. کد پیگیری و پاسخ بهزیستی می‌ماند.')}
    </p>`;
  }
  if (view.result.contactHeld !== true) return nothing;
  return html`
    <section part="erase" aria-labelledby="erase-heading">
      <h4 part="heading" id="erase-heading">${msg('پاک کردن نام و راه تماس')}</h4>
      <p class="hint">
        ${msg('اگر بخواهید، نام و شمارهٔ تماس یا ایمیل شما را همین حالا از این پیام پاک می‌کنیم. پس از آن بهزیستی نمی‌تواند مستقیم با شما تماس بگیرد؛ پاسخ را با همین کد پیگیری می‌بینید.')}
      </p>
      <button
        type="button"
        part="button"
        aria-disabled=${view.erasing ? 'true' : 'false'}
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
