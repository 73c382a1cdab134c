import { ContextConsumer } from '@lit/context';
// The elements package's base, from its sources: its `exports` are the published widget entry
// points, and this base is workspace-internal (the hotlines widget on every page loads the same
// module, so it costs the staff page nothing).
import { BzElement } from '../../../packages/elements/src/shared/bz-element.ts';
import type { StaffRecord, StaffSession } from '../scripts/staff-api.ts';
import {
  type Account,
  accountContext,
  type StaffTools,
  signedOut,
  toolsContext,
} from './context.ts';
import type { Values } from './words.ts';

/** Lit's reactive properties for internal state (what the `@state()` decorator declares), by name. */
export const states = <const K extends string>(...names: K[]) =>
  Object.fromEntries(names.map((name) => [name, { state: true }])) as Record<K, { state: true }>;

/**
 * Base of the staff inbox's elements: BzElement (locale, emit(), digits()) rendering into the
 * light DOM, because the inbox is one page of the portal, not an embed (docs/architecture.md,
 * "Staff inbox"): its parts label and describe each other by id across elements, share one live
 * region, and use the portal's global form styles and focus ring. Gets the page's tools and the
 * signed-in account from <bz-staff-inbox> through @lit/context.
 */
export class StaffElement extends BzElement {
  private readonly toolsConsumer = new ContextConsumer(this, { context: toolsContext });
  private lastAccount: Account = signedOut;
  private readonly accountConsumer = new ContextConsumer(this, {
    context: accountContext,
    subscribe: true,
    callback: (next) => {
      const previous = this.lastAccount;
      this.lastAccount = next;
      // Signed out (not merely expired): forget everything personal this part holds.
      if (previous.session && !next.session) this.forget();
      this.accountChanged(next, previous);
    },
  });

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected get tools(): StaffTools {
    const tools = this.toolsConsumer.value;
    if (!tools) throw new Error(`${this.localName} must be inside <bz-staff-inbox>`);
    return tools;
  }

  protected get account(): Account {
    return this.accountConsumer.value ?? signedOut;
  }

  protected get session(): StaffSession | undefined {
    return this.account.session;
  }

  protected text(key: string, values?: Values): string {
    return this.tools.text(key, values);
  }

  /** "Items 21–40 of 95" for a page of `shown` items from `offset`, or the `empty` sentence. */
  protected pageCount(empty: string, offset: number, shown: number, total: number): string {
    return total === 0
      ? this.text(empty)
      : this.text('list.count', { from: offset + 1, to: offset + shown, total });
  }

  /** The element with this id inside this part (ids are the page's: the tests and labels use them). */
  protected byId<T extends HTMLElement = HTMLElement>(id: string): T {
    const found = this.querySelector<T>(`#${id}`);
    if (!found) throw new Error(`${this.localName}: #${id} is not rendered`);
    return found;
  }

  /** Runs `action` through the page's runner, errors to `onError`. */
  protected act(
    trigger: HTMLElement | null,
    onError: (sentence: string) => void,
    action: () => Promise<void>,
  ): Promise<boolean> {
    return this.tools.act(this, trigger, onError, action);
  }

  /** Called on sign-out: clear lists, drafts, fields. */
  protected forget(): void {}

  protected accountChanged(_next: Account, _previous: Account): void {}
}

declare global {
  interface HTMLElementEventMap {
    'bz-staff-signed-in': CustomEvent<{ session: StaffSession; initial: boolean }>;
    'bz-staff-signed-out': CustomEvent<{ done: 'signedOut' | 'signedOutEverywhere' }>;
    'bz-staff-query': CustomEvent<{
      params: URLSearchParams;
      trigger: HTMLElement | null;
      announce: boolean;
    }>;
    'bz-staff-open': CustomEvent<{ record: StaffRecord }>;
    'bz-staff-close': CustomEvent<null>;
    'bz-staff-saved': CustomEvent<{ record: StaffRecord }>;
  }
}
