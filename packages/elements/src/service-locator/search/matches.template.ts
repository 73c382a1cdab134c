import type { NameEntry, PlaceMatch } from '@behzisti/core/locator';
import { msg, str } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import type { Locale } from '../../shared/locale.ts';
import { phrase } from '../messages.ts';
import type { Matches, Names } from '../types.ts';

// What a text search found, under the search box, and what the live region says of it: part of
// the search add-on (../search.ts), which is only loaded once someone searches. In a folder of
// its own so that a site bundling the sources groups it with the add-on, not with the widget's
// first module (the portal's chunk groups take the locator's top-level files).
// The view crosses between two separately built scripts (the widget and the add-on): its
// property names must not be in scripts/bundle.mjs's internalNames.

export interface MatchesView {
  locale: Locale;
  digits: (value: number) => string;
  /** A province's name in the widget's language. */
  provinceOf: (id: string) => string;
  /** Search from a matching place. */
  pickPlace: (match: PlaceMatch) => void;
  /** Search from a matching base's position. */
  pickBase: (entry: NameEntry) => void;
}

/** What a match is, e.g. «شهرستان، استان کرمان». */
function kindText(kind: PlaceMatch['kind'] | 'base', province: string): string {
  return kind === 'province'
    ? msg('استان')
    : kind === 'county'
      ? msg(str`شهرستان، استان ${province}`)
      : kind === 'base'
        ? msg(str`پایگاه، استان ${province}`)
        : msg(str`محله، استان ${province}`);
}

/** How many places and bases matched, as the list's heading and the live region's words. */
function matchesText({ places, names }: Matches, digits: (n: number) => string): string {
  return msg(str`${digits(places.length + names.length)} مورد با جست‌وجوی شما جور است.`);
}

/** A place search found nothing: never a verdict on the spelling, always a way on. */
function noPlaceText(text: string, suggested: boolean): string {
  return suggested
    ? msg(str`جایی به نام «${text}» در فهرست ما نیست. شاید منظورتان یکی از این‌هاست:`)
    : msg(
        str`جایی به نام «${text}» در فهرست ما نیست. استان و شهرستان خود را از فهرست بالا انتخاب کنید یا با ۱۴۸۰ تماس بگیرید.`,
      );
}

const needProvinceText = () => msg('برای جست‌وجوی نام پایگاه‌ها نخست استان را انتخاب کنید.');

/** What the live region says after a search: the same sentence the widget shows above the list. */
export function matchesSaid(found: Matches, digits: (n: number) => string): string {
  if (found.places.length + found.names.length > 0) return matchesText(found, digits);
  return found.needProvince
    ? needProvinceText()
    : noPlaceText(found.text, found.suggested.length > 0);
}

type Item = readonly [Names, PlaceMatch['kind'] | 'base', string, () => void];

const placeItem = (view: MatchesView, match: PlaceMatch): Item => [
  match.name,
  match.kind,
  match.province,
  () => view.pickPlace(match),
];

/** The places and bases matching a search, or the way on when there are none. */
export function matchesTemplate(matches: Matches, view: MatchesView): TemplateResult {
  const items = [
    ...matches.places.map((match) => placeItem(view, match)),
    ...matches.names.map(
      ({ entry }): Item => [entry.name, 'base', entry.province, () => view.pickBase(entry)],
    ),
  ];
  if (items.length === 0 && matches.needProvince) {
    return html`<p part="matches" class="problem">${needProvinceText()}</p>`;
  }
  if (items.length === 0) {
    // Not a red error and never "check your spelling": the closest names, or where to go next.
    const suggested = matches.suggested;
    return html`
      <div part="matches" class="matches">
        <p id="matches-heading">${noPlaceText(matches.text, suggested.length > 0)}</p>
        ${
          suggested.length
            ? placeList(
                view,
                suggested.map((match) => placeItem(view, match)),
              )
            : html`<p><a href="tel:1480">${msg('تماس با صدای مشاور بهزیستی، ۱۴۸۰')}</a></p>`
        }
      </div>
    `;
  }
  return html`
    <div part="matches" class="matches">
      <p id="matches-heading">${matchesText(matches, view.digits)}</p>
      ${placeList(view, items)}
    </div>
  `;
}

function placeList(view: MatchesView, items: readonly Item[]) {
  return html`
      <ul aria-labelledby="matches-heading">
        ${items.map(
          ([name, kind, province, choose]) => html`
            <li>
              <button part="button" type="button" class="link" @click=${choose}>
                ${phrase(view.locale, name)} <span class="muted">(${kindText(kind, view.provinceOf(province))})</span>
              </button>
            </li>
          `,
        )}
      </ul>
  `;
}
