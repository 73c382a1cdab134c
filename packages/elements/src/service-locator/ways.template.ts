import type { LocatorIndex, LocatorPlaces } from '@behzisti/core/locator';
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../shared/locale.ts';
import { failureText, geoProblem, textIn } from './messages.ts';
import type { FailureCode, GeoState, Names } from './types.ts';

// The ways to tell the locator where to search from: the device's position, a province and
// county from lists, a typed name; and the notice shown when the data could not be loaded.

export function failureTemplate(failure: { code: FailureCode; retry: () => void }) {
  return html`
    <div part="error" class="error way" role="alert">
      <p>${failureText(failure.code)}</p>
      <p>${msg('تا آن زمان، خط ۱۲۳ (اورژانس اجتماعی) و ۱۴۸۰ (صدای مشاور) پاسخ می‌دهند.')}</p>
      <button part="button" type="button" @click=${() => failure.retry()}>
        ${msg('تلاش دوباره')}
      </button>
    </div>
  `;
}

/** The one-line answer, shown beside the control that asked (see the element's #summary). */
export type Summary = TemplateResult | typeof nothing;

export function geolocationTemplate(geo: GeoState, useMyLocation: () => void, summary: Summary) {
  const problem = geoProblem(geo);
  return html`
    <div class="way">
      <button
        part="button geolocate-button"
        class="primary"
        type="button"
        aria-describedby="geo-why"
        @click=${useMyLocation}
      >
        ${geo === 'asking' ? msg('در حال یافتن موقعیت شما…') : msg('از موقعیت من استفاده کن')}
      </button>
      <p class="hint" id="geo-why">
        ${msg('مرورگر پیش از آن از شما اجازه می‌خواهد. موقعیت شما فقط در همین صفحه برای مرتب کردن پایگاه‌ها به کار می‌رود و ذخیره یا فرستاده نمی‌شود.')}
      </p>
      ${problem ? html`<p class="problem" id="geo-problem">${problem}</p>` : nothing}
      ${summary}
    </div>
  `;
}

export interface PlacesView {
  locale: Locale;
  index: LocatorIndex | undefined;
  places: LocatorPlaces | undefined;
  chosenProvince: string;
  chosenCounty: string;
  problem: boolean;
  onSubmit: (event: Event) => void;
  onProvinceChange: (event: Event) => void;
  onCountyChange: (event: Event) => void;
  summary: Summary;
}

type Entry = { id: string; name: Names };

/**
 * One collator per language: the element draws the form at every update (a search running, an
 * answer arriving), and building a Persian Intl.Collator each time was the largest piece of the
 * answer's script time on a slow phone (issue 22).
 */
const collators = new Map<Locale, Intl.Collator>();

/** The entries in the alphabetical order of `locale` (Persian order in fa, not the ids' Latin order). */
function sorted(locale: Locale, entries: Entry[]): Entry[] {
  const collator = collators.get(locale) ?? new Intl.Collator(locale);
  collators.set(locale, collator);
  return [...entries].sort((a, b) =>
    collator.compare(textIn(locale, a.name), textIn(locale, b.name)),
  );
}

/** Options of a select: an empty first choice, then the entries in the widget's language's order. */
function options(locale: Locale, empty: string, entries: Entry[], chosen: string) {
  return html`<option value="">${empty}</option>${sorted(locale, entries).map(
    (entry) =>
      html`<option value=${entry.id} ?selected=${entry.id === chosen}>${textIn(locale, entry.name)}</option>`,
  )}`;
}

export function placesFormTemplate(view: PlacesView) {
  const { problem, locale } = view;
  const counties =
    view.places?.provinces.find((entry) => entry.id === view.chosenProvince)?.counties ?? [];
  return html`
    <form part="places-form" class="way" @submit=${view.onSubmit}>
      <fieldset>
        <legend>${msg('یا استان و شهرستان را انتخاب کنید')}</legend>
        <div class="row">
          <div class="field">
            <label for="province">${msg('استان')}</label>
            <select
              part="input"
              id="province"
              aria-describedby=${problem ? 'province-problem' : nothing}
              aria-invalid=${problem ? 'true' : nothing}
              @change=${view.onProvinceChange}
            >
              ${options(locale, msg('انتخاب کنید'), view.index?.provinces ?? [], view.chosenProvince)}
            </select>
          </div>
          <div class="field">
            <label for="county">${msg('شهرستان')}</label>
            <select part="input" id="county" @change=${view.onCountyChange}>
              ${options(locale, msg('همه‌ی شهرستان‌ها'), counties, view.chosenCounty)}
            </select>
          </div>
          <button part="button" type="submit">${msg('نمایش پایگاه‌ها')}</button>
        </div>
        ${problem ? html`<p class="problem" id="province-problem">${msg('نخست یک استان انتخاب کنید.')}</p>` : nothing}
      </fieldset>
      ${view.summary}
    </form>
  `;
}

export interface SearchView {
  onSearch: (event: Event) => void;
  /** What the search found (the search add-on's matchesTemplate), or nothing before a search. */
  matches: Summary;
  summary: Summary;
}

export function searchTemplate(view: SearchView) {
  return html`
    <form part="search-form" class="way" role="search" @submit=${view.onSearch}>
      <label for="search">${msg('یا نام محله، شهرستان یا پایگاه را بنویسید')}</label>
      <div class="row">
        <input
          part="input search-input"
          id="search"
          type="search"
          autocomplete="off"
          enterkeyhint="search"
        />
        <button part="button" type="submit">${msg('جست‌وجو')}</button>
      </div>
      ${view.matches} ${view.summary}
    </form>
  `;
}
