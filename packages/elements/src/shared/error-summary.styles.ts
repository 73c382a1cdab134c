import { css } from 'lit';

/** Styles for errorSummary() and inline field errors, shared by the forms. */
export const errorSummaryStyles = css`
  .error-summary {
    border: 0.25em solid var(--_danger);
    padding: var(--_space);
    margin-block-end: var(--_space);
  }

  .error-summary-title {
    margin-block: 0 0.5em;
    font-size: 1.125em;
  }

  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }

  .error-summary a {
    color: var(--_danger);
    font-weight: 700;
  }

  .field-error {
    color: var(--_danger);
    font-weight: 700;
    margin-block: 0.25em;
  }
`;
