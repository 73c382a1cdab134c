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

/** A text field of a form: what it is, what it holds, and how it is written. */
export interface TextField {
  /** The control's id; its hint is `<id>-hint` and its error `<id>-error`. */
  id: string;
  name: string;
  label: string;
  value: string;
  /** The line under the label (what to write), if any. */
  hint?: string | undefined;
  /** The worded problem with what was written, if any. */
  error?: string | undefined;
  /** A text area of this many rows, rather than a one-line box. */
  rows?: number;
  dir: 'auto' | 'ltr';
  autocomplete?: string;
  /** For addresses and numbers: no spelling marks. */
  noSpellcheck?: boolean;
  /** More ids that describe the field (read after the hint), e.g. a character count. */
  describedBy?: string[];
}

/**
 * A labelled text box or area with its hint and error, as GOV.UK lays them out: label, hint,
 * error, then the control, which the hint and error describe.
 */
export function textField(field: TextField, after: unknown = nothing) {
  const { id, hint, error } = field;
  const invalid = error ? 'true' : 'false';
  const described = describedBy(
    id,
    !!error,
    ...(hint ? [`${id}-hint`] : []),
    ...(field.describedBy ?? []),
  );
  return html`
    <div class="field ${error ? 'invalid' : ''}">
      <label class="label" for=${id}>${field.label}</label>
      ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}
      ${fieldError(id, error)}
      ${
        field.rows
          ? html`<textarea
              id=${id}
              name=${field.name}
              part="input"
              rows=${field.rows}
              dir=${field.dir}
              aria-invalid=${invalid}
              aria-describedby=${described}
              .value=${field.value}
            ></textarea>`
          : html`<input
              type="text"
              id=${id}
              name=${field.name}
              part="input"
              autocomplete=${field.autocomplete ?? nothing}
              dir=${field.dir}
              spellcheck=${field.noSpellcheck ? 'false' : nothing}
              aria-invalid=${invalid}
              aria-describedby=${described}
              .value=${field.value}
            />`
      }
      ${after}
    </div>
  `;
}

/**
 * A field hidden from people (off screen, out of the tab order, hidden from assistive tech): a
 * bot that fills it in is answered as if accepted.
 */
export function honeypot(id: string, value: string) {
  return html`
    <div class="honeypot visually-hidden" aria-hidden="true">
      <label for=${id}>Website</label>
      <input type="text" id=${id} name="website" tabindex="-1" autocomplete="off" .value=${value} />
    </div>
  `;
}

/** The button that sends a form; `aria-disabled` while sending, so it keeps focus. */
export function submitButton(label: string, sending: boolean) {
  return html`
    <button
      type="submit"
      part="submit button"
      class="primary"
      aria-disabled=${sending ? 'true' : 'false'}
    >
      ${label}
    </button>
  `;
}
