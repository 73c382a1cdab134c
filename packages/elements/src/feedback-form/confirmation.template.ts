import { formatTrackingCode } from '@behzisti/core/tracking-code';
import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import type { Locale } from '../shared/locale.ts';
import { type CopyResult, copyResultText } from './messages.ts';

// Its view crosses between two separately built scripts (see answer.ts): no field named in
// bundle.mjs's internalNames.
export interface ConfirmationView {
  code: string;
  locale: Locale;
  copyOutcome: CopyResult;
  onCopy: () => void;
  onSendAnother: () => void;
}

/** After a message was accepted: its tracking code, large, with a copy button. */
export function confirmationTemplate(view: ConfirmationView): TemplateResult {
  const groups = formatTrackingCode(view.code, view.locale).split('-');
  return html`
    <div class="confirmation" part="confirmation">
      <h2 part="heading" id="confirmation-heading" tabindex="-1">${msg('پیام شما رسید')}</h2>
      <p>${msg('کد پیگیری شما:')}</p>
      <p class="code" part="code" dir="ltr">
        ${groups.map((group, i) => html`<span>${group}${i < groups.length - 1 ? '-' : ''}</span>`)}
      </p>
      <p>
        <button type="button" part="button" class="secondary" @click=${view.onCopy}>
          ${msg('کپی کد')}
        </button>
        <span role="status" class="copy-result">${copyResultText(view.copyOutcome)}</span>
      </p>
      <p>
        ${msg(
          'این کد را یادداشت کنید. با آن می‌توانید وضعیت پیام و پاسخ بهزیستی را در بخش «پیگیری پیام» همین وبگاه ببینید، یا با تماس تلفنی با یک ادارهٔ بهزیستی و خواندن کد بپرسید.',
        )}
      </p>
      <button
        type="button"
        part="button"
        class="secondary"
        id="send-another"
        @click=${view.onSendAnother}
      >
        ${msg('ارسال پیامی دیگر')}
      </button>
    </div>
  `;
}

/**
 * The heading and the code alone, for a confirmation asked for before its add-on came (or when it
 * could not come): the person never loses the code.
 */
export function codeOnlyTemplate(code: string, locale: Locale): TemplateResult {
  return html`
    <div class="confirmation" part="confirmation">
      <h2 part="heading" id="confirmation-heading" tabindex="-1">${msg('پیام شما رسید')}</h2>
      <p class="code" part="code" dir="ltr">${formatTrackingCode(code, locale)}</p>
    </div>
  `;
}

/** Copies the code shown in `root`; without a clipboard, selects it for the person. */
export async function copyCodeIn(root: ShadowRoot | null): Promise<CopyResult> {
  const code = root?.querySelector<HTMLElement>('.code');
  if (!code) return '';
  try {
    await navigator.clipboard.writeText(code.textContent ?? '');
    return 'copied';
  } catch {
    // No clipboard (plain http, old browser, permission refused): select it for the person.
    const range = document.createRange();
    range.selectNodeContents(code);
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    return 'selected';
  }
}
