import { css } from 'lit';

export const hotlinesStyles = css`
  h2,
  h3,
  h4,
  h5,
  h6,
  p.heading {
    margin-block: 0 0.5em;
    font-size: 1.125em;
    font-weight: 700;
  }

  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75em;
  }

  li {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0 0.75em;
    align-items: baseline;
  }

  a[part~='number'] {
    grid-row: span 2;
    min-inline-size: 3.5em;
    min-block-size: 2.75em;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    padding-inline: 0.5em;
    border-radius: var(--_radius);
    background: var(--_danger);
    color: var(--_on-danger);
    font-size: 1.5em;
    font-weight: 700;
    text-decoration: none;
    font-variant-numeric: tabular-nums;
  }

  li.counselling a[part~='number'] {
    background: var(--_accent);
    color: var(--_on-accent);
  }

  .name {
    font-weight: 700;
  }

  .description {
    color: var(--_muted);
    margin: 0;
  }
`;
