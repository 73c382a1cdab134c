import type { NearestBase } from '@behzisti/core/locator';
import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import { followInPageLink } from '../shared/in-page-link.ts';
import { emptyText, resultsHeading } from './messages.ts';
import { type ResultView, resultTemplate } from './result.template.ts';
import type { Query } from './types.ts';

export interface ResultsView extends ResultView {
  query: Query;
  results: NearestBase[] | undefined;
  loading: boolean;
  /** The data is a sample: say so above the results. */
  sample: boolean;
}

/** The nearest bases to the query, with a link past the list when it is long. */
export function resultsTemplate(view: ResultsView) {
  const { results, loading } = view;
  // More than one base: a link past the list, so keyboard users need not tab through every
  // base's phone and directions links (some 80 stops) to reach what follows.
  const skip = (results?.length ?? 0) > 1;
  return html`
    <section
      part="results"
      class="way"
      aria-labelledby="results-heading"
      aria-busy=${String(loading)}
    >
      <h2 part="heading" id="results-heading">${resultsHeading(view.query, view.locale)}</h2>
      ${loading ? html`<p>${msg('در حال یافتن نزدیک‌ترین پایگاه‌ها…')}</p>` : nothing}
      ${view.sample ? html`<p part="notice" class="notice">${msg('این داده‌ها نمونه و برای نمایش است؛ مکان، نشانی و ساعت‌ها تقریبی است و رسمی نیست.')}</p>` : nothing}
      ${results?.length === 0 && !loading ? html`<p class="empty">${emptyText()}</p>` : nothing}
      ${skip ? html`<a class="skip" href="#results-end" @click=${followInPageLink}>${msg('رفتن به پایان فهرست پایگاه‌ها')}</a>` : nothing}
      ${results?.length ? html`<ol class="list">${results.map((result, i) => resultTemplate(view, result, i))}</ol>` : nothing}
      ${skip ? html`<p class="hint" id="results-end" tabindex="-1">${msg('پایان فهرست پایگاه‌ها.')}</p>` : nothing}
    </section>
  `;
}
