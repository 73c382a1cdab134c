import { css } from 'lit';

/**
 * The feedback form's own look, after the shared form's: the quick exit, the category choices,
 * the characters left, the code and a status (the comments have none of these).
 */
export const feedbackFormStyles = css`
  .top {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: 0.25em 0.75em;
    margin-block-end: var(--_space);
  }

  .quick-exit {
    background: var(--_danger);
    color: var(--_on-danger);
    font-weight: 700;
  }

  /* Its margins are the shared .hint's. */
  .quick-exit-hint {
    font-size: 0.875em;
  }

  h4 {
    margin-block: 0 0.5em;
    line-height: 1.3;
    font-size: 1.0625em;
  }

  legend {
    display: block;
    padding: 0;
    margin-block-end: 0.35em;
    font-weight: 700;
    font-size: 1.0625em;
  }

  .count.over {
    color: var(--_danger);
    font-weight: 700;
  }

  .choice {
    display: flex;
    align-items: flex-start;
    gap: 0.6em;
    margin-block: 0.5em;
  }

  .choice input {
    flex: none;
    inline-size: 1.5em;
    block-size: 1.5em;
    margin: 0;
    accent-color: var(--_accent);
  }

  .choice label {
    padding-block: 0.05em;
    cursor: pointer;
  }

  .choice-hint {
    padding-inline-start: 2.1em;
  }

  .confirmation {
    border: 0.25em solid var(--_accent);
    padding: var(--_space);
  }

  .code {
    margin-block: 0 0.5em;
    font-size: 1.75em;
    font-weight: 700;
    letter-spacing: 0.04em;
    font-variant-numeric: tabular-nums;
    unicode-bidi: isolate;
    text-align: start;
  }

  /* Each group of four is a box, so at 320 px or 400 % zoom the code breaks after a dash, never
     inside a group. */
  .code span {
    display: inline-block;
  }

  .copy-result {
    margin-inline-start: 0.5em;
    font-weight: 700;
  }

  .code-input {
    max-inline-size: 20em;
    letter-spacing: 0.04em;
  }

  .code-inline {
    unicode-bidi: isolate;
    font-variant-numeric: tabular-nums;
    font-weight: 700;
  }

  .result {
    margin-block-start: 1.5em;
    border-block-start: 0.125em solid var(--_border);
    padding-block-start: 1em;
  }

  dl {
    margin: 0 0 1em;
  }

  dt {
    font-weight: 700;
  }

  dd {
    margin: 0 0 0.5em;
  }

  .status-explanation {
    display: block;
  }

  .reply {
    white-space: pre-line;
    border-inline-start: 0.25em solid var(--_border);
    padding-inline-start: 0.75em;
  }
`;
