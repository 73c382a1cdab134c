import { html, type TemplateResult } from 'lit';
import { staffFetch } from '../scripts/staff-api.ts';
import { secretField } from './secret-field.ts';
import { StaffElement, states } from './staff-element.ts';

/** The same length the service asks for (own-secret.ts); checked here first, to say it sooner. */
const MIN_LENGTH = 16;

/**
 * <bz-staff-secret>: "change my secret". The current and a new secret go to PUT
 * /api/staff/secret, which ends the account's other sessions and gives this page a new cookie.
 * Neither secret is kept in the page after a try, whatever the outcome.
 * (The section is #staff-secret-change: #staff-secret is the sign-in field.)
 */
export class StaffSecretElement extends StaffElement {
  static override properties = states('error');
  declare error: string;

  constructor() {
    super();
    this.error = '';
  }

  private clear(): void {
    this.byId<HTMLInputElement>('staff-secret-old').value = '';
    this.byId<HTMLInputElement>('staff-secret-new').value = '';
  }

  protected override forget(): void {
    this.clear();
    this.error = '';
  }

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    const current = this.byId<HTMLInputElement>('staff-secret-old');
    const fresh = this.byId<HTMLInputElement>('staff-secret-new');
    if ([...fresh.value].length < MIN_LENGTH) {
      this.error = this.text('secret.short');
      fresh.focus();
      return;
    }
    const body = { oldSecret: current.value, newSecret: fresh.value };
    this.clear();
    const button = (event.currentTarget as HTMLFormElement).querySelector('button');
    const onError = (sentence: string) => {
      this.error = sentence;
    };
    void this.act(button, onError, async () => {
      await staffFetch('/api/staff/secret', { method: 'PUT', body });
      this.tools.announce(this.text('secret.done'));
    });
  }

  protected override render(): TemplateResult {
    const { text } = this.tools;
    return html`
      <section id="staff-secret-change" aria-labelledby="staff-secret-title">
        <h2 id="staff-secret-title">${text('secret.title')}</h2>
        <p>${text('secret.intro')}</p>
        <form id="staff-secret-form" class="staff-form" novalidate @submit=${this.submit}>
          ${secretField({
            id: 'staff-secret-old',
            name: 'oldSecret',
            label: text('secret.old'),
            autocomplete: 'current-password',
          })}
          ${secretField({
            id: 'staff-secret-new',
            name: 'newSecret',
            label: text('secret.new'),
            autocomplete: 'new-password',
            minLength: MIN_LENGTH,
          })}
          <p id="staff-secret-error" class="staff-error" role="alert">${this.error}</p>
          <p><button type="submit" class="staff-button">${text('secret.submit')}</button></p>
        </form>
      </section>
    `;
  }
}
