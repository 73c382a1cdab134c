import { html, nothing } from 'lit';

/** A button with the shared `part`; `cls` picks the look (primary, link, back link). */
export function buttonTemplate(label: unknown, onClick: (event: Event) => void, cls?: string) {
  return html`
    <button type="button" class=${cls ?? nothing} part="button" @click=${onClick}>${label}</button>
  `;
}
