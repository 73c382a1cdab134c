import { msg } from '@lit/localize';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { listenForQuickExitKeys, quickExitFrom } from './quick-exit.ts';

/** An element with a quick exit: where it goes is its `exit-url` attribute. */
export type QuickExitHost = ReactiveControllerHost & HTMLElement & { exitUrl: string };

/**
 * The sensitive widgets on the page, in the order they were connected. One quick exit per page
 * (issue 21): only the first renders the button and its hint, and leaving clears them all.
 */
const onPage = new Set<QuickExitController>();

/** Every widget re-renders, so that the button moves to the new first one. */
function renderAll(): void {
  for (const controller of onPage) controller.host.requestUpdate();
}

/**
 * The quick exit of a sensitive widget (see quick-exit.ts): listens for Shift pressed three
 * times while the element is on the page, and renders the "leave this page" button with the
 * keyboard hint, so sensitive widgets tell their users about the shortcut. With several
 * sensitive widgets on one page (the feedback page's form and its follow-up) only the first
 * shows the button, and the exit clears what was typed in every one of them. `clear` empties
 * what was typed; it runs before the page is left (or before the host page cancels leaving).
 */
export class QuickExitController implements ReactiveController {
  readonly host: QuickExitHost;
  private readonly clear: () => void;
  private stopKeys: (() => void) | undefined;

  constructor(host: QuickExitHost, clear: () => void) {
    this.host = host;
    this.clear = clear;
    host.addController(this);
  }

  hostConnected(): void {
    onPage.add(this);
    // Every widget listens, only the one showing the button acts: three presses leave once.
    this.stopKeys = listenForQuickExitKeys(() => this.leads() && this.exit());
    renderAll();
  }

  hostDisconnected(): void {
    onPage.delete(this);
    this.stopKeys?.();
    renderAll();
  }

  /** Whether this widget shows the page's button: it was connected first. */
  private leads(): boolean {
    return [...onPage][0] === this;
  }

  /**
   * Clears what was typed in every sensitive widget on the page, tells the host page
   * (cancelable `bz-quick-exit`, from this widget) and, unless it cancels, leaves.
   */
  readonly exit = (): void => {
    for (const controller of onPage) controller.clear();
    quickExitFrom(this.host, this.host.exitUrl);
  };

  /**
   * The button and its hint, in the host's locale (call it while the host renders). `part` and
   * `className` keep each widget's styling surface as it was documented.
   */
  render(part: string, className: string) {
    if (!this.leads()) return nothing;
    return html`
      <div class="top">
        <button
          type="button"
          part=${part}
          class=${className}
          aria-describedby="quick-exit-hint"
          @click=${this.exit}
        >
          ${msg('خروج سریع از این صفحه')}
        </button>
        <span class="hint quick-exit-hint" id="quick-exit-hint">
          ${msg('یا سه بار کلید Shift را بزنید')}
        </span>
      </div>
    `;
  }
}
