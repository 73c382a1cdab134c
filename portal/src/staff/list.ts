import { ContextConsumer } from '@lit/context';
import { html, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { type StaffPage, type StaffRecord, staffJson } from '../scripts/staff-api.ts';
import { type Query, queryContext } from './context.ts';
import { StaffElement, states } from './staff-element.ts';

const PAGE_SIZE = 20;

/**
 * <bz-staff-list>: one page of the items the shared query finds, and paging. A row opens its
 * item (`bz-staff-open`); the inbox hands saved records back through merge(). Text from people
 * is only ever rendered as text.
 */
export class StaffListElement extends StaffElement {
  static override properties = states('items', 'total', 'offset', 'loaded');

  declare items: StaffRecord[];
  declare total: number;
  declare offset: number;
  declare loaded: boolean;

  private serial = 0;
  private applied = new URLSearchParams();
  private readonly query = new ContextConsumer(this, {
    context: queryContext,
    subscribe: true,
    callback: (query) => this.follow(query),
  });

  constructor() {
    super();
    this.items = [];
    this.total = 0;
    this.offset = 0;
    this.loaded = false;
  }

  /** A new query (not the same one handed again): load its first page. */
  private follow(query: Query): void {
    if (query.serial === this.serial) return;
    this.serial = query.serial;
    this.applied = query.params;
    this.offset = 0;
    void this.act(query.trigger, this.tools.problem, async () => {
      await this.load();
      if (query.announce)
        this.tools.announce(
          this.total === 0
            ? this.text('list.empty')
            : this.text('list.loaded', { total: this.total }),
        );
    });
  }

  private async load(): Promise<void> {
    const params = new URLSearchParams(this.applied);
    params.set('limit', String(PAGE_SIZE));
    params.set('offset', String(this.offset));
    const page = await staffJson<StaffPage>(`/api/feedback?${params}`);
    this.items = page.items;
    this.total = page.total;
    this.loaded = true;
  }

  protected override forget(): void {
    this.items = [];
    this.total = 0;
    this.offset = 0;
    this.loaded = false;
    this.applied = new URLSearchParams();
    this.serial = this.query.value?.serial ?? this.serial;
  }

  /** Puts a saved record into its row; returns the row's record. */
  merge(saved: StaffRecord): StaffRecord {
    this.items = this.items.map((item) =>
      item.code === saved.code ? { ...item, ...saved } : item,
    );
    return this.items.find((item) => item.code === saved.code) ?? saved;
  }

  titleElement(): HTMLElement {
    return this.byId('staff-list-title');
  }

  focusTitle(): void {
    this.titleElement().focus();
  }

  /** Focus on the row that opened an item, else the list's heading. */
  focusRow(code: string | undefined): void {
    const row = code
      ? this.querySelector<HTMLElement>(`li[data-code="${CSS.escape(code)}"] button`)
      : null;
    (row ?? this.titleElement()).focus();
  }

  private turn(delta: number, trigger: HTMLElement) {
    return this.act(trigger, this.tools.problem, async () => {
      this.offset = Math.max(0, this.offset + delta * PAGE_SIZE);
      await this.load();
      await this.updateComplete;
      // The button pressed may have just been hidden (first or last page).
      this.focusTitle();
      this.tools.announce(this.count());
    });
  }

  private count(): string {
    if (!this.loaded) return '';
    return this.pageCount('list.empty', this.offset, this.items.length, this.total);
  }

  private row(record: StaffRecord): TemplateResult {
    const { subject, code, statusLabel, time } = this.tools;
    const about = record.article
      ? record.article
      : record.serviceBaseId
        ? this.tools.baseName(record.serviceBaseId)
        : undefined;
    const author = record.name || (record.anonymous ? this.text('list.anonymous') : undefined);
    // The meta line's parts are adjacent elements: the portal's `.meta` puts the separators in.
    return html`<li data-code=${record.code}>
      <button
        type="button"
        class="staff-item-open"
        @click=${() => this.emit('bz-staff-open', { record })}
      >${subject(record)} ${code(record.code)}</button>
      <p class="meta"
        ><span>${statusLabel(record.status)}</span><span>${time(record.receivedAt)}</span
        >${about === undefined ? '' : html`<span dir="auto">${about}</span>`}${
          author === undefined ? '' : html`<span dir="auto">${author}</span>`
        }</p
      >
      <p class="staff-snippet" dir="auto">${record.message.slice(0, 300)}</p>
    </li>`;
  }

  protected override render(): TemplateResult {
    return html`
      <section id="staff-list" aria-labelledby="staff-list-title">
        <h2 id="staff-list-title" tabindex="-1">${this.text('list.title')}</h2>
        <p id="staff-count" class="meta">${this.count()}</p>
        <ul id="staff-items" class="staff-items">
          ${repeat(
            this.items,
            (item) => item.code,
            (item) => this.row(item),
          )}
        </ul>
        <nav class="staff-pages" aria-label=${this.text('list.pages')}>
          <button
            type="button"
            id="staff-prev"
            class="staff-button"
            ?hidden=${this.offset === 0}
            @click=${(e: Event) => this.turn(-1, e.currentTarget as HTMLElement)}
          >
            ${this.text('list.previous')}
          </button>
          <button
            type="button"
            id="staff-next"
            class="staff-button"
            ?hidden=${this.offset + this.items.length >= this.total}
            @click=${(e: Event) => this.turn(1, e.currentTarget as HTMLElement)}
          >
            ${this.text('list.next')}
          </button>
        </nav>
      </section>
    `;
  }
}
