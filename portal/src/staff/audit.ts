import { html, type TemplateResult } from 'lit';
import { type AuditPage, staffJson } from '../scripts/staff-api.ts';
import { StaffElement, states } from './staff-element.ts';

const PAGE_SIZE = 20;

/** `?kind=feedback&from=2026-11-22` as `kind=feedback from=2026-11-22`, for the audit log. */
function readableQuery(query: string): string {
  const params = new URLSearchParams(query);
  return [...params].map(([key, value]) => `${key}=${value}`).join(' ') || query;
}

/** <bz-staff-audit>: the audit log (admins only), a page at a time, on request. */
export class StaffAuditElement extends StaffElement {
  static override properties = states('page', 'offset');

  declare page: AuditPage | undefined;
  declare offset: number;

  constructor() {
    super();
    this.page = undefined;
    this.offset = 0;
  }

  protected override forget(): void {
    this.page = undefined;
    this.offset = 0;
  }

  private show(event: Event) {
    return this.act(event.currentTarget as HTMLElement, this.tools.problem, async () => {
      this.offset = 0;
      await this.load();
      this.tools.announce(this.count());
    });
  }

  private turn(delta: number, event: Event) {
    return this.act(event.currentTarget as HTMLElement, this.tools.problem, async () => {
      this.offset = Math.max(0, this.offset + delta * PAGE_SIZE);
      await this.load();
      await this.updateComplete;
      this.byId('staff-audit-title').focus();
      this.tools.announce(this.count());
    });
  }

  private async load(): Promise<void> {
    const params = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(this.offset) });
    this.page = await staffJson<AuditPage>(`/api/staff/audit?${params}`);
  }

  private count(): string {
    const page = this.page;
    if (!page) return '';
    return this.pageCount('audit.empty', this.offset, page.items.length, page.total);
  }

  /** A tracking code in the locale's digits; anything else (a CSV export's filters) as sent. */
  private target(target: string | null | undefined) {
    if (!target) return '';
    return /^\d{4}-\d{4}-\d{4}-\d{4}$/.test(target)
      ? this.tools.code(target)
      : html`<span dir="ltr">${readableQuery(target)}</span>`;
  }

  protected override render(): TemplateResult {
    const page = this.page;
    const { text } = this.tools;
    // bdi isolates a Latin name in a Persian row without changing the cell's alignment.
    const rows = (page?.items ?? []).map(
      (entry) => html`<tr>
        <td>${this.tools.time(entry.at)}</td>
        <td><bdi>${entry.actor}</bdi></td>
        <td>${this.tools.maybe(`audit.action.${entry.action}`) ?? entry.action}</td>
        <td>${this.target(entry.target)}</td>
      </tr>`,
    );
    return html`
      <section id="staff-audit" aria-labelledby="staff-audit-title">
        <h2 id="staff-audit-title" tabindex="-1">${text('audit.title')}</h2>
        <p>${text('audit.intro')}</p>
        <p>
          <button type="button" id="staff-audit-show" class="staff-button" @click=${this.show}>
            ${text('audit.show')}
          </button>
        </p>
        <div id="staff-audit-body" ?hidden=${!page}>
          <div class="staff-table-wrap" tabindex="0" role="region" aria-labelledby="staff-audit-title">
            <table class="staff-table">
              <thead>
                <tr>
                  <th scope="col">${text('audit.time')}</th>
                  <th scope="col">${text('audit.actor')}</th>
                  <th scope="col">${text('audit.action')}</th>
                  <th scope="col">${text('audit.target')}</th>
                </tr>
              </thead>
              <tbody id="staff-audit-rows">${rows}</tbody>
            </table>
          </div>
          <p id="staff-audit-count" class="meta">${this.count()}</p>
          <nav class="staff-pages" aria-label=${text('audit.pages')}>
            <button
              type="button"
              class="staff-button"
              ?hidden=${this.offset === 0}
              @click=${(e: Event) => this.turn(-1, e)}
            >
              ${text('list.previous')}
            </button>
            <button
              type="button"
              class="staff-button"
              ?hidden=${!page || this.offset + page.items.length >= page.total}
              @click=${(e: Event) => this.turn(1, e)}
            >
              ${text('list.next')}
            </button>
          </nav>
        </div>
      </section>
    `;
  }
}
