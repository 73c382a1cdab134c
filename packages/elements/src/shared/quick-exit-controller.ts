import { msg } from '@lit/localize';
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { listenForQuickExitKeys, quickExitFrom } from './quick-exit.ts';

/** An element with a quick exit: where it goes is its `exit-url` attribute. */
export type QuickExitHost = ReactiveControllerHost & HTMLElement & { exitUrl: string };

/**
 * The quick exit of a sensitive widget (see quick-exit.ts): listens for Shift pressed three
 * times while the element is on the page, and renders the "leave this page" button with the
 * keyboard hint, so every sensitive widget tells its users about the shortcut. `clear` empties
 * what was typed; it runs before the page is left (or before the host page cancels leaving).
 */
export class QuickExitController implements ReactiveController {
  private readonly host: QuickExitHost;
  private readonly clear: () => void;
  private stopKeys: (() => void) | undefined;

  constructor(host: QuickExitHost, clear: () => void) {
    this.host = host;
    this.clear = clear;
    host.addController(this);
  }

  hostConnected(): void {
    this.stopKeys = listenForQuickExitKeys(this.exit);
  }

  hostDisconnected(): void {
    this.stopKeys?.();
    this.stopKeys = undefined;
  }

  /** Clears, tells the host page (cancelable `bz-quick-exit`) and, unless it cancels, leaves. */
  readonly exit = (): void => {
    this.clear();
    quickExitFrom(this.host, this.host.exitUrl);
  };

  /**
   * The button and its hint, in the host's locale (call it while the host renders). `part` and
   * `className` keep each widget's styling surface as it was documented.
   */
  render(part: string, className: string) {
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
