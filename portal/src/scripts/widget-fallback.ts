// Once the page has loaded (module scripts included), a widget whose tag is still undefined
// did not get its script: its box says so and keeps the way on, instead of "loading" for ever.
// Not a timer: the window's load event comes after every script of the page ran or failed.
// Widgets loaded on demand (data-lazy) report their own failure through lib/widget-state.ts.
import { showWidgetFailed } from '../lib/widget-state';

function check(): void {
  for (const line of document.querySelectorAll('[data-widget-failed]')) {
    const host = line.parentElement;
    if (!host || host.hasAttribute('data-lazy') || customElements.get(host.localName)) continue;
    showWidgetFailed(host);
  }
}

if (document.readyState === 'complete') check();
else window.addEventListener('load', check, { once: true });
