import { ContextProvider } from '@lit/context';
import { html, type TemplateResult } from 'lit';
import { BzElement } from '../../../packages/elements/src/shared/bz-element.ts';
import { StaffApiError, type StaffRecord, type StaffSession } from '../scripts/staff-api.ts';
import { roleView } from '../scripts/staff-role.ts';
import {
  type Account,
  accountContext,
  type Expiry,
  type Place,
  type Query,
  queryContext,
  type StaffTools,
  signedOut,
  toolsContext,
} from './context.ts';
import type { StaffFiltersElement } from './filters.ts';
import type { StaffItemElement } from './item.ts';
import type { StaffListElement } from './list.ts';
import { states } from './staff-element.ts';
import { staffWords } from './words.ts';

/**
 * <bz-staff-inbox>: the staff page (components/StaffInbox.astro). Holds what the parts share —
 * the account and the query, given down through @lit/context — the live region, the page-wide
 * error and the one-at-a-time action runner; lays the parts out and passes the open item
 * between the list and the detail. Its strings (data-strings) and places (data-places) come
 * from the page. Light DOM, like its parts (see StaffElement).
 */
export class StaffInboxElement extends BzElement {
  static override properties = states('account', 'opened', 'live', 'problemText');

  declare account: Account;
  declare opened: StaffRecord | undefined;
  declare live: string;
  declare problemText: string;

  private readonly toolsProvider = new ContextProvider(this, { context: toolsContext });
  private readonly accountProvider = new ContextProvider(this, {
    context: accountContext,
    initialValue: signedOut,
  });
  private readonly queryProvider = new ContextProvider(this, {
    context: queryContext,
    initialValue: { params: new URLSearchParams(), serial: 0, trigger: null, announce: false },
  });
  private busy = false;
  /** Where focus goes back once signed in again after the session expired. */
  private resume: HTMLElement | null = null;
  /** The code of the row whose item is open, to return to. */
  private returnTo: string | undefined;

  constructor() {
    super();
    this.account = signedOut;
    this.opened = undefined;
    this.live = '';
    this.problemText = '';
    this.addEventListener('bz-staff-signed-in', (e) => void this.signedIn(e.detail));
    this.addEventListener('bz-staff-signed-out', (e) => this.signedOut(e.detail.done));
    this.addEventListener('bz-staff-query', (e) => this.setQuery(e.detail));
    this.addEventListener('bz-staff-open', (e) => void this.open(e.detail.record));
    this.addEventListener('bz-staff-close', () => void this.close());
    this.addEventListener('bz-staff-saved', (e) => this.saved(e.detail.record));
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The no-script notice stays until this runs.
    this.querySelector('#staff-boot')?.remove();
    const strings = JSON.parse(this.dataset.strings ?? '{}') as Record<string, string>;
    const places = JSON.parse(this.dataset.places ?? '[]') as Place[];
    const categories = JSON.parse(this.dataset.categories ?? '[]') as string[];
    const names = new Map(places.flatMap((place) => place.bases.map((b) => [b.id, b.name])));
    const tools: StaffTools = {
      ...staffWords(this.locale, strings),
      places,
      categories,
      baseName: (id) => names.get(id) ?? id,
      announce: (sentence) => this.announce(sentence),
      problem: (sentence) => {
        this.problemText = sentence;
      },
      act: (host, trigger, onError, action) => this.act(host, trigger, onError, action),
    };
    this.toolsProvider.setValue(tools);
  }

  private get tools(): StaffTools {
    return this.toolsProvider.value;
  }

  private find<T extends Element>(tag: string): T {
    const found = this.querySelector<T>(tag);
    if (!found) throw new Error(`bz-staff-inbox: <${tag}> is not rendered`);
    return found;
  }

  /** Says `sentence` politely (emptied first, so a repeated sentence is spoken again). */
  private announce(sentence: string): void {
    this.live = '';
    window.setTimeout(() => {
      this.live = sentence;
    }, 50);
  }

  private setAccount(account: Account): void {
    this.account = account;
    this.accountProvider.setValue(account);
  }

  private async act(
    host: { updateComplete: Promise<unknown> },
    trigger: HTMLElement | null,
    onError: (sentence: string) => void,
    action: () => Promise<void>,
  ): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.setAttribute('aria-busy', 'true');
    onError('');
    try {
      await action();
      await host.updateComplete;
      return true;
    } catch (error) {
      if (
        error instanceof StaffApiError &&
        (error.kind === 'session-expired' || error.kind === 'signed-out')
      ) {
        this.expire(error.kind, trigger);
      } else onError(this.tools.sentenceFor(error));
      return false;
    } finally {
      this.busy = false;
      this.removeAttribute('aria-busy');
    }
  }

  /** The session ended mid-work: the work stays on screen, inert, until signed in again. */
  private expire(kind: Expiry, trigger: HTMLElement | null): void {
    this.resume = trigger;
    this.setAccount({ session: this.account.session, expired: kind });
  }

  private async signedIn({ session, initial }: { session: StaffSession; initial: boolean }) {
    const wasExpired = this.account.expired !== undefined;
    this.setAccount({ session, expired: undefined });
    await this.updateComplete;
    const list = this.find<StaffListElement>('bz-staff-list');
    const filters = this.find<StaffFiltersElement>('bz-staff-filters');
    if (wasExpired) {
      const resume = this.resume;
      this.resume = null;
      this.announce(this.tools.text('signIn.again'));
      if (resume?.isConnected && resume.offsetParent !== null) resume.focus();
      else list.focusTitle();
      return;
    }
    if (!initial) this.announce(this.tools.text('signIn.done'));
    if (session.role === null) return;
    if (!initial) list.focusTitle();
    await filters.apply(initial ? null : list.titleElement());
  }

  private signedOut(done: string): void {
    this.opened = undefined;
    this.returnTo = undefined;
    this.setAccount(signedOut);
    this.setQuery({ params: new URLSearchParams(), trigger: null, announce: false }, false);
    this.announce(this.tools.text(done));
  }

  private setQuery({ params, trigger, announce }: Omit<Query, 'serial'>, load = true): void {
    const serial = load ? this.queryProvider.value.serial + 1 : this.queryProvider.value.serial;
    this.queryProvider.setValue({ params, trigger, announce, serial });
  }

  private async open(record: StaffRecord) {
    this.opened = record;
    this.returnTo = record.code;
    this.problemText = '';
    await this.updateComplete;
    const item = this.find<StaffItemElement>('bz-staff-item');
    await item.updateComplete;
    item.focusTitle();
  }

  private async close() {
    this.opened = undefined;
    await this.updateComplete;
    this.find<StaffListElement>('bz-staff-list').focusRow(this.returnTo);
  }

  /** A saved change: the list row and the open detail follow the server's record. */
  private saved(record: StaffRecord): void {
    const merged = this.find<StaffListElement>('bz-staff-list').merge(record);
    if (this.opened?.code === record.code) this.opened = merged;
  }

  protected override render(): TemplateResult {
    const { session, expired } = this.account;
    const view = roleView(session);
    return html`
      <p id="staff-live" class="visually-hidden" role="status" aria-live="polite">${this.live}</p>
      <p id="staff-problem" class="staff-error" role="alert">${this.problemText}</p>
      <bz-staff-session></bz-staff-session>
      <div id="staff-work" ?hidden=${!session} .inert=${expired !== undefined}>
        <p id="staff-no-role" class="staff-panel" ?hidden=${view.browse}>
          ${this.tools.text('noRole')}
        </p>
        <div id="staff-browse" ?hidden=${!view.browse || this.opened !== undefined}>
          <bz-staff-filters></bz-staff-filters>
          <bz-staff-list></bz-staff-list>
        </div>
        <bz-staff-item .record=${this.opened}></bz-staff-item>
        <bz-staff-audit ?hidden=${!view.audit}></bz-staff-audit>
        <bz-staff-tokens ?hidden=${!view.tokens}></bz-staff-tokens>
        <bz-staff-secret></bz-staff-secret>
      </div>
    `;
  }
}
