import { css } from 'lit';

/** The look of the feedback form and the comment form: fields, notices, buttons; each adds its own. */
export const formStyles = css`
  .base {
    max-inline-size: 42em;
  }

  h2,
  h3 {
    margin-block: 0 0.5em;
    line-height: 1.3;
  }

  h2 {
    font-size: 1.375em;
  }

  h3 {
    font-size: 1.25em;
  }

  p {
    margin-block: 0 0.75em;
  }

  .field {
    margin: 0 0 1.5em;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }

  .field.invalid {
    border-inline-start: 0.3125em solid var(--_danger);
    padding-inline-start: 0.75em;
  }

  .label {
    display: block;
    padding: 0;
    margin-block-end: 0.35em;
    font-weight: 700;
    font-size: 1.0625em;
  }

  .hint {
    color: var(--_muted);
    margin-block: 0 0.35em;
  }

  input[type='text'],
  textarea {
    display: block;
    inline-size: 100%;
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 0.125em solid var(--_text);
    border-radius: 0;
    padding: 0.35em 0.5em;
    min-block-size: 2.75em;
  }

  textarea {
    resize: vertical;
    min-block-size: 8em;
  }

  .invalid input[type='text'],
  .invalid textarea {
    border-color: var(--_danger);
  }

  .count {
    color: var(--_muted);
    margin-block: 0.35em 0;
  }

  button {
    font: inherit;
    min-block-size: 2.75em;
    padding: 0.35em 1em;
    border: 0.125em solid transparent;
    border-radius: var(--_radius);
    cursor: pointer;
    line-height: 1.4;
  }

  .primary {
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 700;
  }

  .primary[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.8;
  }

  .secondary {
    background: var(--_surface);
    color: var(--_accent);
    border-color: currentColor;
  }

  .notice {
    border-inline-start: 0.3125em solid var(--_accent);
    padding-block: 0.5em;
    padding-inline: 0.9em 0.5em;
    margin-block-end: var(--_space);
  }

  .notice.failure {
    border: 0.25em solid var(--_danger);
  }

  .notice p {
    margin-block-end: 0.5em;
  }

`;
