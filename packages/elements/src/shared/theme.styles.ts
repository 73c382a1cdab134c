import { css } from 'lit';

/**
 * The public theming surface shared by every element: `--bz-*` custom properties (documented
 * in docs/ and the custom elements manifest). Sizes are in `em` because host pages often set
 * `html { font-size: 62.5% }`; the defaults meet WCAG 2.2 AA contrast on white.
 */
export const themeStyles = css`
  :host {
    --_font: var(--bz-font-family, Vazirmatn, Tahoma, 'Segoe UI', system-ui, sans-serif);
    --_text: var(--bz-color-text, #1b1b1f);
    --_muted: var(--bz-color-text-muted, #4a4a55);
    --_surface: var(--bz-color-surface, #ffffff);
    --_border: var(--bz-color-border, #8a8a99);
    --_accent: var(--bz-color-accent, #0b5cad);
    --_danger: var(--bz-color-danger, #a4161a);
    --_focus: var(--bz-color-focus, #ffbf47);
    --_radius: var(--bz-radius, 0.5em);
    --_space: var(--bz-space, 1em);

    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--bz-font-size, 1em);
    line-height: 1.6;
    color: var(--_text);
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  a:focus-visible,
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 0.2em solid var(--_focus);
    outline-offset: 0.15em;
    box-shadow: 0 0 0 0.35em var(--_text);
  }
`;
