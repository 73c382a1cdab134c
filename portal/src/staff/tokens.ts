import { html, type TemplateResult } from 'lit';
import { staffFetch, staffJson } from '../scripts/staff-api.ts';
import { StaffElement, states } from './staff-element.ts';

/** A token as GET /api/staff/tokens lists it (never the token itself). */
interface TokenInfo {
  id: string;
  scope: string;
  label: string;
  expiresAt: string;
  live: boolean;
}

/**
 * <bz-staff-tokens>: make a scoped, expiring API token for a script, see it once, list and
 * revoke your own. The server keeps only a digest of each token; this page holds a new one only
 * until the next sign-out.
 */
export class StaffTokensElement extends StaffElement {
  static override properties = states('tokens', 'made', 'error');

  declare tokens: TokenInfo[] | undefined;
  /** The token just made, shown once. */
  declare made: string;
  declare error: string;

  private readonly onError = (sentence: string) => {
    this.error = sentence;
  };

  constructor() {
    super();
    this.tokens = undefined;
    this.made = '';
    this.error = '';
  }

  protected override forget(): void {
    this.tokens = undefined;
    this.made = '';
    this.error = '';
  }

  private async load(): Promise<void> {
    this.tokens = (await staffJson<{ items: TokenInfo[] }>('/api/staff/tokens')).items;
  }

  private make(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const field = (id: string) => this.byId<HTMLInputElement | HTMLSelectElement>(id);
    void this.act(form.querySelector('button'), this.onError, async () => {
      const response = await staffFetch('/api/staff/tokens', {
        method: 'POST',
        body: {
          scope: field('staff-token-scope').value,
          days: Number(field('staff-token-days').value),
          label: field('staff-token-label').value.trim(),
        },
      });
      this.made = ((await response.json()) as { token: string }).token;
      field('staff-token-label').value = '';
      await this.load();
      await this.updateComplete;
      const value = this.byId<HTMLInputElement>('staff-token-value');
      value.focus();
      value.select();
      this.tools.announce(this.text('tokens.made'));
    });
  }

  private revoke(item: TokenInfo, event: Event) {
    return this.act(event.currentTarget as HTMLElement, this.onError, async () => {
      await staffFetch(`/api/staff/tokens/${encodeURIComponent(item.id)}`, { method: 'DELETE' });
      await this.load();
      this.tools.announce(this.text('tokens.revoked'));
    });
  }

  private row(item: TokenInfo): TemplateResult {
    const description = this.text('tokens.item', {
      label: item.label || this.text('tokens.noLabel'),
      scope: this.text(`tokens.scope.${item.scope}`),
      until: this.tools.when(item.expiresAt),
    });
    return html`<li>
      <span>${description}</span>
      ${
        item.live
          ? html`<button
            type="button"
            class="staff-button"
            aria-label="${this.text('tokens.revoke')}: ${description}"
            @click=${(e: Event) => this.revoke(item, e)}
          >
            ${this.text('tokens.revoke')}
          </button>`
          : this.text('tokens.ended')
      }
    </li>`;
  }

  protected override render(): TemplateResult {
    const { text } = this.tools;
    const tokens = this.tokens;
    return html`
      <section id="staff-tokens" aria-labelledby="staff-tokens-title">
        <h2 id="staff-tokens-title">${text('tokens.title')}</h2>
        <p>${text('tokens.intro')}</p>
        <form id="staff-token-form" class="staff-form" novalidate @submit=${this.make}>
          <p>
            <label for="staff-token-scope">${text('tokens.scope')}</label>
            <select id="staff-token-scope" name="scope">
              <option value="export">${text('tokens.scope.export')}</option>
              <option value="read">${text('tokens.scope.read')}</option>
            </select>
          </p>
          <p>
            <label for="staff-token-days">${text('tokens.days')}</label>
            <input
              id="staff-token-days"
              name="days"
              type="number"
              min="1"
              max="90"
              value="30"
              inputmode="numeric"
              dir="ltr"
            />
          </p>
          <p>
            <label for="staff-token-label">${text('tokens.label')}</label>
            <input id="staff-token-label" name="label" maxlength="100" dir="auto" />
          </p>
          <p id="staff-token-error" class="staff-error" role="alert">${this.error}</p>
          <p><button type="submit" class="staff-button">${text('tokens.make')}</button></p>
        </form>
        <div id="staff-token-new" ?hidden=${this.made === ''}>
          <p id="staff-token-new-intro">${text('tokens.made')}</p>
          <input
            id="staff-token-value"
            readonly
            dir="ltr"
            aria-labelledby="staff-token-new-intro"
            .value=${this.made}
          />
        </div>
        <p>
          <button
            type="button"
            id="staff-token-show"
            class="staff-button"
            @click=${(e: Event) => this.act(e.currentTarget as HTMLElement, this.onError, () => this.load())}
          >
            ${text('tokens.show')}
          </button>
        </p>
        <ul id="staff-token-list">
          ${
            tokens === undefined
              ? ''
              : tokens.length === 0
                ? html`<li>${text('tokens.none')}</li>`
                : tokens.map((item) => this.row(item))
          }
        </ul>
      </section>
    `;
  }
}
