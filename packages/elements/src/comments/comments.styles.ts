import { css } from 'lit';

// What bz-comments adds to the feedback form's styles (fields, buttons, notices): the thread.
// Replies are indented with a line on the start side (logical properties, so it mirrors in RTL);
// from the third level on they stop indenting so a long exchange still fits 320 px.
export const commentsStyles = css`
  .thread {
    list-style: none;
    margin: 0 0 var(--_space);
    padding: 0;
  }
  .thread.replies {
    margin-block: 0.5em 0;
    padding-inline-start: 1em;
    border-inline-start: 0.1875em solid var(--_border);
  }
  .thread.replies .thread.replies .thread.replies {
    padding-inline-start: 0;
    border-inline-start: 0;
  }
  .comment {
    padding-block: 0.75em;
    border-block-end: 0.0625em solid var(--_border);
  }
  .byline {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    margin: 0 0 0.25em;
  }
  .author {
    font-weight: 700;
  }
  .byline time {
    color: var(--_muted);
  }
  .comment .text {
    white-space: pre-line;
    overflow-wrap: anywhere;
    margin: 0 0 0.5em;
  }
  .office-reply {
    background: color-mix(in srgb, var(--_accent) 8%, var(--_surface));
    border-radius: var(--_radius);
    padding: 0.5em 0.75em;
    margin-block-end: 0.5em;
  }
  .office-reply .label {
    font-weight: 700;
    margin: 0;
  }
  .reply-button {
    font-size: 0.9375em;
  }
  .replying {
    border-inline-start: 0.3125em solid var(--_border);
    padding-inline-start: 0.75em;
    margin-block-end: var(--_space);
  }
  .replying q {
    overflow-wrap: anywhere;
  }
`;
