import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { LoadErrorCode } from '../shared/load-json.ts';
import { loadProblemText } from './messages.ts';

// Small parts of several steps (one module, so the widget script imports Lit once for them).

/** A button with the shared `part`; `cls` picks the look (primary, link, back link). */
export function buttonTemplate(label: unknown, onClick: (event: Event) => void, cls?: string) {
  return html`
    <button type="button" class=${cls ?? nothing} part="button" @click=${onClick}>${label}</button>
  `;
}

/** Why the questions cannot be shown, and for a failed load a "try again" button. */
export function failureTemplate(
  status: 'error' | 'invalid' | 'missing',
  error: LoadErrorCode,
  programme: string,
  retry: () => void,
): TemplateResult {
  return html`
    <div class="problem" part="error" role="alert">
      <p>${loadProblemText(status, error, programme)}</p>
      ${status === 'error' ? buttonTemplate(msg('دوباره تلاش کنید'), retry) : nothing}
    </div>
  `;
}

/** The criteria are examples until the organisation publishes the official ones. */
export function sampleNoteTemplate(): TemplateResult {
  return html`
    <p class="note" part="note">
      ${msg('معیارها نمونه‌اند تا سازمان بهزیستی معیارهای رسمی را منتشر کند.')}
    </p>
  `;
}

export interface ResumeView {
  /** The person asked to keep the answers in this tab. */
  keepAnswers: boolean;
  setResume: (keep: boolean) => void;
}

/** "Keep my answers on this device": sessionStorage only, and only when ticked. */
export function resumeTemplate(view: ResumeView): TemplateResult {
  return html`
    <div class="resume">
      <div class="choice">
        <input
          type="checkbox"
          id="resume"
          ?checked=${view.keepAnswers}
          aria-describedby="resume-hint"
          @change=${(e: Event) => view.setResume((e.target as HTMLInputElement).checked)}
        />
        <label for="resume">
          ${msg('پاسخ‌هایم را روی همین دستگاه نگه دار تا بعداً ادامه دهم')}
        </label>
      </div>
      <p class="hint" id="resume-hint">
        ${msg('پاسخ‌ها از این دستگاه بیرون نمی‌رود؛ اگر این را بزنید، تا بستن مرورگر نگه داشته می‌شود.')}
      </p>
    </div>
  `;
}
