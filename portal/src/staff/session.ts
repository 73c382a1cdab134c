import { html, nothing, type TemplateResult } from 'lit';
import { StaffApiError, type StaffSession, staffFetch, staffJson } from '../scripts/staff-api.ts';
import type { Account } from './context.ts';
import { secretField } from './secret-field.ts';
import { StaffElement, states } from './staff-element.ts';

/** Signing out of this session, or of every session of the account: where, and what it says. */
const SIGN_OUTS = [
  ['/api/staff/session', 'signedOut', 'signOut'],
  ['/api/staff/sessions', 'signedOutEverywhere', 'signOutEverywhere'],
] as const;

/**
 * <bz-staff-session>: signing in (first, and again after the session expired mid-work), who is
 * signed in, and signing out of this session or of every session of the account. The secret is
 * never kept in the page, whatever the outcome.
 */
export class StaffSessionElement extends StaffElement {
  static override properties = states('checked', 'error', 'signingIn', 'invalid');

  /** Whether the first session check has answered (the form waits for it). */
  declare checked: boolean;
  declare error: string;
  declare signingIn: boolean;
  declare invalid: { name: boolean; secret: boolean };

  constructor() {
    super();
    this.checked = false;
    this.error = '';
    this.signingIn = false;
    this.invalid = { name: false, secret: false };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.checked) void this.check();
  }

  /** Is there a session already (a cookie from before)? */
  private async check(): Promise<void> {
    try {
      const session = await staffJson<StaffSession>('/api/staff/session');
      this.emit('bz-staff-signed-in', { session, initial: true });
    } catch (error) {
      const kind = error instanceof StaffApiError ? error.kind : undefined;
      // No staff accounts on this server: say so, and offer no form that cannot work.
      if (kind === 'unavailable') return this.tools.problem(this.text('unavailable'));
      if (kind === 'session-expired') this.error = this.text('error.sessionExpired');
      else if (kind !== 'signed-out' && kind !== 'bad-credentials')
        this.error = this.tools.sentenceFor(error);
    }
    this.checked = true;
  }

  protected override accountChanged(next: Account, previous: Account): void {
    if (!next.expired || previous.expired) return;
    // Expired mid-work: ask to sign in again above the untouched (inert) work.
    const name = this.byId<HTMLInputElement>('staff-name');
    if (next.session && name.value === '') name.value = next.session.name;
    this.error = this.text(
      next.expired === 'session-expired' ? 'error.sessionExpired' : 'error.signedOut',
    );
    void this.updateComplete.then(() => this.byId('staff-signin-error').focus());
  }

  private async signIn(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.signingIn) return;
    const nameInput = this.byId<HTMLInputElement>('staff-name');
    const secretInput = this.byId<HTMLInputElement>('staff-secret');
    const name = nameInput.value.trim();
    const secret = secretInput.value;
    this.invalid = { name: name === '', secret: secret === '' };
    if (name === '' || secret === '') {
      this.error = this.text('error.missing');
      (name === '' ? nameInput : secretInput).focus();
      return;
    }
    this.signingIn = true;
    // Emptied first, so the same sentence after another failed try is announced again.
    this.error = '';
    let session: StaffSession;
    try {
      await staffFetch('/api/staff/session', { method: 'POST', body: { name, secret } });
      session = await staffJson<StaffSession>('/api/staff/session');
    } catch (error) {
      this.error = this.tools.sentenceFor(error);
      await this.updateComplete;
      this.byId('staff-signin-error').focus();
      return;
    } finally {
      secretInput.value = '';
      this.signingIn = false;
    }
    this.error = '';
    this.emit('bz-staff-signed-in', { session, initial: false });
  }

  /** Signs out this session or every one; the page forgets what it holds either way. */
  private async signOut(path: string, done: 'signedOut' | 'signedOutEverywhere') {
    try {
      await staffFetch(path, { method: 'DELETE' });
    } catch {
      // Signed out already (expired) or unreachable: either way the page forgets what it holds.
    }
    this.byId<HTMLInputElement>('staff-name').value = '';
    this.error = '';
    this.emit('bz-staff-signed-out', { done });
    await this.updateComplete;
    this.byId('staff-signin-title').focus();
  }

  protected override render(): TemplateResult {
    const { session, expired } = this.account;
    const showForm = (this.checked && !session) || expired !== undefined;
    const invalid = (yes: boolean) => (yes ? 'true' : nothing);
    return html`
      <section
        id="staff-signin"
        class="staff-panel"
        aria-labelledby="staff-signin-title"
        ?hidden=${!showForm}
      >
        <h2 id="staff-signin-title" tabindex="-1">${this.text('signIn.title')}</h2>
        <p id="staff-signin-error" class="staff-error" role="alert" tabindex="-1">${this.error}</p>
        <form id="staff-signin-form" class="staff-form" novalidate @submit=${this.signIn}>
          <p>
            <label for="staff-name">${this.text('signIn.name')}</label>
            <input
              id="staff-name"
              name="name"
              autocomplete="username"
              required
              dir="auto"
              aria-invalid=${invalid(this.invalid.name)}
            />
          </p>
          ${secretField({
            id: 'staff-secret',
            name: 'secret',
            label: this.text('signIn.secret'),
            autocomplete: 'current-password',
            invalid: this.invalid.secret,
          })}
          <p>
            <button type="submit" class="staff-button staff-primary">
              ${this.text(this.signingIn ? 'signIn.busy' : 'signIn.submit')}
            </button>
          </p>
        </form>
      </section>
      <p class="staff-bar" ?hidden=${!session} .inert=${expired !== undefined}>
        <span id="staff-who">${session ? this.text('signedInAs', { name: session.name }) : ''}</span>
        ${SIGN_OUTS.map(
          ([path, done, label]) => html`<button
            type="button"
            class="staff-button"
            @click=${() => this.signOut(path, done)}
          >
            ${this.text(label)}
          </button>`,
        )}
      </p>
    `;
  }
}
