import { formatTrackingCode } from '@behzisti/core/tracking-code';
import { msg, str } from '@lit/localize';
import { html, type nothing, type TemplateResult } from 'lit';
import { errorSummary } from '../shared/error-summary.ts';
import { fieldError, submitButton } from '../shared/form/fields.ts';
import type { Locale } from '../shared/locale.ts';
import { type CodeProblem, codeProblemText } from './messages.ts';

/** The example in the lookup hint: a well-formed code (its check digit agrees). */
const EXAMPLE_CODE = '4831096722547195';

export interface StatusView {
  locale: Locale;
  digits: (value: number) => string;
  codeText: string;
  codeProblem: CodeProblem | undefined;
  sending: boolean;
  failureNotice: TemplateResult | typeof nothing;
  /** The looked-up message's status, below the form (the answer add-on's statusAnswerTemplate). */
  answer: unknown;
  onLookUp: (event: Event) => void;
  onCodeInput: (event: Event) => void;
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
    ${view.answer}
  `;
}
