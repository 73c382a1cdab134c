import { staffFetch } from './staff-api.ts';
import type { TokenTools } from './staff-tokens.ts';

// The staff inbox's "change my secret" form (components/StaffInbox.astro): the current and a new
// secret go to PUT /api/staff/secret, which ends the account's other sessions and gives this page
// a new cookie. Neither secret is kept in the page after a try, whatever the outcome.

/** The same length the service asks for (own-secret.ts); checked here first, to say it sooner. */
const MIN_LENGTH = 16;

/** Wires the form; returns what clears it (on sign-out). */
export function setUpSecretChange({ el, text, announce, act }: TokenTools): () => void {
  const form = el<HTMLFormElement>('staff-secret-form');
  const current = el<HTMLInputElement>('staff-secret-old');
  const fresh = el<HTMLInputElement>('staff-secret-new');
  const error = el('staff-secret-error');
  const clear = () => {
    current.value = '';
    fresh.value = '';
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if ([...fresh.value].length < MIN_LENGTH) {
      error.textContent = text('secret.short');
      fresh.focus();
      return;
    }
    const body = { oldSecret: current.value, newSecret: fresh.value };
    clear();
    void act(form.querySelector('button'), error, async () => {
      await staffFetch('/api/staff/secret', { method: 'PUT', body });
      announce(text('secret.done'));
    });
  });
  return () => {
    clear();
    error.textContent = '';
  };
}
