import { html, nothing, type TemplateResult } from 'lit';

/**
 * A secret's field in a staff form (signing in, and the old and new secret of "change my
 * secret"): a required password input, left to right because secrets are typed in Latin, that
 * the browser's password manager fills or saves as `autocomplete` says.
 */
export function secretField(field: {
  id: string;
  name: string;
  label: string;
  autocomplete: 'current-password' | 'new-password';
  minLength?: number;
  invalid?: boolean;
}): TemplateResult {
  return html`
    <p>
      <label for=${field.id}>${field.label}</label>
      <input
        id=${field.id}
        name=${field.name}
        type="password"
        autocomplete=${field.autocomplete}
        minlength=${field.minLength ?? nothing}
        required
        dir="ltr"
        aria-invalid=${field.invalid ? 'true' : nothing}
      />
    </p>
  `;
}
