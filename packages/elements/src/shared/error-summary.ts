import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import { followInPageLink } from './in-page-link.ts';

/** One problem with a field: the id of the field in the same shadow root, and what to do. */
export interface FieldProblem {
  fieldId: string;
  message: string;
}

/**
 * The GOV.UK error summary: a heading and a list of links, one per problem, each moving focus to
 * its field. Fragment links cannot reach into a shadow root, so the click handler finds the field
 * in the link's own root. Render it at the top of the form and focus it (see focusErrorSummary)
 * after a failed submit, so screen readers announce it.
 */
export function errorSummary(problems: readonly FieldProblem[]) {
  if (problems.length === 0) return nothing;
  return html`<div class="error-summary" part="error-summary" role="alert" tabindex="-1">
    <h2 class="error-summary-title">${msg('مشکلی هست')}</h2>
    <ul>
      ${problems.map(
        (problem) =>
          html`<li><a href="#${problem.fieldId}" @click=${followInPageLink}>${problem.message}</a></li>`,
      )}
    </ul>
  </div>`;
}

/** Moves focus to the summary once it is rendered (call after `await this.updateComplete`). */
export function focusErrorSummary(root: ShadowRoot | null): void {
  root?.querySelector<HTMLElement>('.error-summary')?.focus();
}
