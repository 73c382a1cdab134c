import type { NearestBase } from '@behzisti/core/locator';
import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import { followInPageLink } from '../shared/in-page-link.ts';
import { emptyText } from './answer-messages.ts';
import { resultsHeading } from './messages.ts';
import { ownPhones, type ResultView, resultTemplate } from './result.template.ts';
import type { Query } from './types.ts';

export interface ResultsView extends ResultView {
  query: Query;
  results: NearestBase[] | undefined;
  loading: boolean;
  /** The data is a sample: say so above the results. */
  sample: boolean;
  /** The chosen place has no base: say so, the results are the nearest elsewhere. */
  noneHere: string;
  /** The one-line answer, when the control that asked has no room for it (host positions). */
  summary: string;
}

/**
 * The nationwide lines in a box of their own, labelled as such: never one of the bases' numbers
 * (sample records carry no invented ones), always a way on.
 */
function hotlines(digits: ResultsView['digits']) {
  return html`
    <div part="hotlines" class="hotlines" role="group" aria-labelledby="hotlines-title">
      <p id="hotlines-title"><strong>${msg('خط‌های سراسری بهزیستی (شماره‌ی این پایگاه‌ها نیست):')}</strong></p>
      <ul class="row phones">
        <li><a href="tel:123">${digits('123')}</a> ${msg('اورژانس اجتماعی، شبانه‌روزی')}</li>
        <li><a href="tel:1480">${digits('1480')}</a> ${msg('صدای مشاور')}</li>
      </ul>
    </div>
  `;
}

/** The nearest bases to the query, with a link past the list when it is long. */
export function resultsTemplate(view: ResultsView) {
  const { results, loading } = view;
  // More than one base: a link past the list, so keyboard users need not tab through every
  // base's phone and directions links (some 80 stops) to reach what follows.
  const skip = (results?.length ?? 0) > 1;
  // The nearest base has no number of its own: the nationwide lines come first, in view with
  // the heading, so a phone is one glance away; otherwise they close the list.
  const first = results?.[0]?.record;
  const linesFirst = !loading && !!first && ownPhones(first).length === 0;
  return html`
    <section
      part="results"
      class="way"
      aria-labelledby="results-heading"
      aria-busy=${String(loading)}
    >
      <h2 part="heading" id="results-heading" tabindex="-1">${resultsHeading(view.query, view.locale)}</h2>
      ${loading ? html`<p>${msg('در حال یافتن نزدیک‌ترین پایگاه‌ها…')}</p>` : nothing}
      ${view.summary ? html`<p part="summary" class="summary">${view.summary}</p>` : nothing}
      ${view.noneHere && !loading ? html`<p part="notice" class="notice">${view.noneHere}</p>` : nothing}
      ${linesFirst ? hotlines(view.digits) : nothing}
      ${view.sample && !loading ? html`<p part="notice" class="notice">${msg('این داده‌ها نمونه و برای نمایش است؛ مکان، نشانی و ساعت‌ها تقریبی است و رسمی نیست.')}</p>` : nothing}
      ${results?.length === 0 && !loading ? html`<p class="empty">${emptyText()}</p>` : nothing}
      ${skip ? html`<a class="skip" href="#results-end" @click=${followInPageLink}>${msg('رفتن به پایان فهرست پایگاه‌ها')}</a>` : nothing}
      ${results?.length ? html`<ol class="list">${results.map((result, i) => resultTemplate(view, result, i))}</ol>` : nothing}
      ${skip ? html`<p class="hint" id="results-end" tabindex="-1">${msg('پایان فهرست پایگاه‌ها.')}</p>` : nothing}
      ${loading || linesFirst ? nothing : hotlines(view.digits)}
    </section>
  `;
}
