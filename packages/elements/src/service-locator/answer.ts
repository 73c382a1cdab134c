// The locator's answer add-on: the nearest search (nearest.ts, with core's chunk planning and
// chunk reader), the results list and the one-line summary with core's opening hours and
// calendar code they need, and the optional map's toggle and controller (the map itself,
// Leaflet, is the map add-on, loaded when the map is first opened). The widget imports it
// (`import('./answer.ts')`) as it starts reading its index, so the two arrive together and a
// question never waits a round trip for either. Vite splits it into a chunk of its own; the
// self-contained script build turns it into the sibling `bz-service-locator-answer.js` and
// lends it the widget's own Lit and translations (scripts/bundle.mjs, `borrowLit`) instead of
// bundling a second copy.
// The view objects it receives cross between two separately built scripts: their property names
// must not be in bundle.mjs's internalNames (those are shortened differently in each build).
import type { NearestBase } from '@behzisti/core/locator';
import type { Locale } from '../shared/locale.ts';
import { hoursText, summaryText, whereText } from './answer-messages.ts';

export { noneHereText, resultsSaid } from './answer-messages.ts';

import { textIn } from './messages.ts';

export { MapController } from './map-controller.ts';
export { nearestBases } from './nearest.ts';
export { resultsTemplate } from './results.template.ts';

/** «Nearest: <name>, 2.3 km, open until 14:00» for the first result. */
export function summaryLine(
  first: NearestBase,
  inCounty: boolean,
  now: Date,
  locale: Locale,
  digits: (value: number, options?: Intl.NumberFormatOptions) => string,
): string {
  return summaryText(
    textIn(locale, first.record.name),
    whereText(first.distanceKm, inCounty, digits),
    hoursText(first.record, now, locale).text,
  );
}
