import { staffFetch, staffJson } from './staff-api.ts';

// The staff inbox's API tokens section (components/StaffInbox.astro): make a scoped, expiring
// token for a script, see it once, list and revoke your own. The server keeps only a digest of
// each token; this page holds a new one only until the next sign-out.

/** A token as GET /api/staff/tokens lists it (never the token itself). */
interface TokenInfo {
  id: string;
  scope: string;
  label: string;
  expiresAt: string;
  live: boolean;
}

/** What the inbox lends this section. */
export interface TokenTools {
  el: <T extends HTMLElement = HTMLElement>(id: string) => T;
  text: (key: string, values?: Record<string, string | number>) => string;
  when: (iso: string) => string;
  announce: (sentence: string) => void;
  act: (
    trigger: HTMLElement | null,
    errorNode: HTMLElement,
    action: () => Promise<void>,
  ) => Promise<void>;
}

/** Wires the section; returns what clears it (on sign-out). */
export function setUpTokens({ el, text, when, announce, act }: TokenTools): () => void {
  const form = el<HTMLFormElement>('staff-token-form');
  const scope = el<HTMLSelectElement>('staff-token-scope');
  const days = el<HTMLInputElement>('staff-token-days');
  const label = el<HTMLInputElement>('staff-token-label');
  const error = el('staff-token-error');
  const made = el('staff-token-new');
  const value = el<HTMLInputElement>('staff-token-value');
  const list = el('staff-token-list');
  const show = el<HTMLButtonElement>('staff-token-show');

  const render = (items: TokenInfo[]) => {
    list.replaceChildren(
      ...items.map((item) => {
        const row = document.createElement('li');
        const description = document.createElement('span');
        description.textContent = text('tokens.item', {
          label: item.label || text('tokens.noLabel'),
          scope: text(`tokens.scope.${item.scope}`),
          until: when(item.expiresAt),
        });
        row.append(description);
        if (item.live) {
          const revoke = document.createElement('button');
          revoke.type = 'button';
          revoke.className = 'staff-button';
          revoke.textContent = text('tokens.revoke');
          revoke.setAttribute('aria-label', `${text('tokens.revoke')}: ${description.textContent}`);
          revoke.addEventListener('click', () =>
            act(revoke, error, async () => {
              await staffFetch(`/api/staff/tokens/${encodeURIComponent(item.id)}`, {
                method: 'DELETE',
              });
              await load();
              announce(text('tokens.revoked'));
            }),
          );
          row.append(' ', revoke);
        } else row.append(` ${text('tokens.ended')}`);
        return row;
      }),
    );
    if (items.length === 0) {
      const none = document.createElement('li');
      none.textContent = text('tokens.none');
      list.replaceChildren(none);
    }
  };
  const load = async () =>
    render((await staffJson<{ items: TokenInfo[] }>('/api/staff/tokens')).items);

  show.addEventListener('click', () => act(show, error, load));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const trigger = form.querySelector('button');
    void act(trigger, error, async () => {
      const response = await staffFetch('/api/staff/tokens', {
        method: 'POST',
        body: { scope: scope.value, days: Number(days.value), label: label.value.trim() },
      });
      const token = (await response.json()) as { token: string };
      value.value = token.token;
      made.hidden = false;
      label.value = '';
      await load();
      value.focus();
      value.select();
      announce(text('tokens.made'));
    });
  });

  return () => {
    value.value = '';
    made.hidden = true;
    list.replaceChildren();
    error.textContent = '';
  };
}
