import { css } from 'lit';

// Logical properties only and sizes in em (host pages often set html { font-size: 62.5% }).
// One column that wraps: it works at 320 px and at 400 % zoom without horizontal scrolling.
export const serviceLocatorStyles = css`
  .base {
    --_open: var(--bz-color-open, #1e6b30);
    background: var(--_surface);
    border: 0.0625em solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    display: grid;
    gap: var(--_space);
    overflow-wrap: anywhere;
  }

  p,
  ul,
  ol,
  h2,
  h3,
  fieldset {
    margin: 0;
  }

  h2 {
    font-size: 1.25em;
    line-height: 1.3;
  }

  h3 {
    font-size: 1.125em;
    line-height: 1.3;
  }

  .ways {
    display: grid;
    gap: var(--_space);
  }

  .way {
    display: grid;
    gap: 0.5em;
    justify-items: start;
  }

  fieldset {
    border: 0;
    padding: 0;
    min-inline-size: 0;
    display: grid;
    gap: 0.5em;
  }

  legend,
  label {
    font-weight: 700;
    padding: 0;
  }

  legend {
    margin-block-end: 0.5em;
  }

  .fields,
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 0.75em;
    align-items: end;
    inline-size: 100%;
  }

  .field {
    display: grid;
    gap: 0.25em;
    flex: 1 1 10em;
    min-inline-size: 0;
  }

  select,
  input {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 0.125em solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    min-block-size: 2.75em;
    padding-inline: 0.5em;
    inline-size: 100%;
    max-inline-size: 100%;
  }

  .row input {
    flex: 1 1 12em;
    inline-size: auto;
  }

  button {
    font: inherit;
    min-block-size: 2.75em;
    padding-block: 0.4em;
    padding-inline: 1em;
    border-radius: calc(var(--_radius) / 2);
    border: 0.125em solid var(--_accent);
    background: var(--_surface);
    color: var(--_accent);
    font-weight: 700;
    cursor: pointer;
    max-inline-size: 100%;
    text-align: start;
  }

  button.primary,
  button[aria-pressed='true'] {
    background: var(--_accent);
    color: #fff;
  }

  button.link {
    border: 0;
    padding-inline: 0.25em;
    min-block-size: 2em;
    text-decoration: underline;
    font-weight: 400;
  }

  a {
    color: var(--_accent);
  }

  .hint,
  .muted {
    color: var(--_muted);
  }

  .hint {
    font-size: 0.9em;
  }

  .problem,
  .error {
    color: var(--_danger);
  }

  .error {
    border: 0.125em solid var(--_danger);
    border-radius: var(--_radius);
    padding: 0.75em;
    display: grid;
    gap: 0.5em;
    justify-items: start;
  }

  .error p:last-of-type {
    color: var(--_text);
  }

  .matches ul,
  .phones,
  .directions ul {
    list-style: none;
    padding: 0;
  }

  .notice {
    background: color-mix(in srgb, var(--_focus) 25%, var(--_surface));
    border-inline-start: 0.3em solid var(--_focus);
    padding-block: 0.5em;
    padding-inline: 0.75em;
  }

  .results {
    display: grid;
    gap: 0.75em;
  }

  .list {
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.75em;
    counter-reset: result;
  }

  .result {
    counter-increment: result;
    border: 0.0625em solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75em;
    display: grid;
    gap: 0.4em;
    justify-items: start;
  }

  .result.selected {
    border-color: var(--_accent);
    box-shadow: 0 0 0 0.125em var(--_accent);
  }

  .result h3::before {
    content: counter(result) '. ';
    color: var(--_muted);
  }

  .result h3:lang(fa)::before {
    content: counter(result, persian) '. ';
  }

  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
  }

  .distance {
    font-weight: 700;
  }

  .hours.open {
    color: var(--_open);
    font-weight: 700;
  }

  .phones a {
    font-weight: 700;
    font-size: 1.125em;
    display: inline-block;
    min-inline-size: 2.75em;
    min-block-size: 1.5em;
    margin-inline-end: 0.5em;
  }

  .directions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    align-items: baseline;
  }

  .directions ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
  }

  .directions a {
    display: inline-block;
    min-block-size: 1.5em;
  }

  .map-area {
    display: grid;
    gap: 0.5em;
    justify-items: start;
  }

  .map {
    inline-size: 100%;
    block-size: var(--bz-map-height, 20em);
    border: 0.0625em solid var(--_border);
    border-radius: var(--_radius);
  }

  .map[hidden] {
    display: none;
  }
`;
