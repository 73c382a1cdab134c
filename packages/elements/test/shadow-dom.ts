// Reading and typing into a widget's shadow root, for the element tests (web-test-runner) of the
// feedback form and the comments.
import type { ReactiveElement } from 'lit';

/** The first element in `el`'s shadow root that matches `selector`. */
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot?.querySelector<T>(selector) ?? null;

/** The text of that element, with its white space collapsed. */
export const text = (el: Element, selector: string) =>
  ($(el, selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The element that has focus inside `el`'s shadow root. */
export const active = (el: Element) => el.shadowRoot?.activeElement as HTMLElement | null;

/** Types `value` into a field as a person would (an `input` event), then lets `el` render. */
export async function type(el: ReactiveElement, selector: string, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, selector);
  if (!input) throw new Error(`no ${selector}`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}
