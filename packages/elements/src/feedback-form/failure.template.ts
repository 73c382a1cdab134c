import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import type { Failure } from '../shared/errors.ts';
import { failureText } from './messages.ts';

/** A send or lookup that failed: what to do, and a button to try again. */
export function failureNotice(
  failure: Failure,
  retry: () => void,
  context: Parameters<typeof failureText>[1],
): TemplateResult {
  return html`
    <div class="notice failure" part="notice error" role="alert" id="failure" tabindex="-1">
      <p>${failureText(failure, context)}</p>
      <button type="button" part="button" class="secondary" @click=${retry}>
        ${context.lookingUp ? msg('دوباره امتحان کنید') : msg('دوباره بفرستید')}
      </button>
    </div>
  `;
}
