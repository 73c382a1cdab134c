import { msg } from '@lit/localize';
import { html, nothing } from 'lit';

/** Limits of core's feedback schema, checked in the form before sending. */
export const MESSAGE_MAX = 4000;
export const NAME_MAX = 100;

/** The error under a field (`<id>-error`), read out after the field's label. */
export function fieldError(field: string, text: string | undefined) {
  if (!text) return nothing;
  return html`
    <p class="field-error" id="${field}-error">
      <span class="visually-hidden">${msg('خطا:')}</span> ${text}
    </p>
  `;
}

/** `aria-describedby` for a field: its hints, then its error when it has one. */
export function describedBy(field: string, invalid: boolean, ...hints: string[]) {
  return [...hints, invalid ? `${field}-error` : ''].filter(Boolean).join(' ') || nothing;
}
