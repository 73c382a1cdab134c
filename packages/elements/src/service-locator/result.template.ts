import type { LocatorRecord, NearestBase } from '@behzisti/core/locator';
import { normalizeDigits } from '@behzisti/core/text';
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../shared/locale.ts';
import { hoursText, whereText } from './answer-messages.ts';
import { phrase, textIn } from './messages.ts';
import type { Names } from './types.ts';

/** What one result needs from the element. */
export interface ResultView {
  locale: Locale;
  digits: (value: number | string, options?: Intl.NumberFormatOptions) => string;
  now: Date;
  /** The base chosen with "choose this base" (not `selectedId`: this view crosses into the add-on). */
  chosenId: string | undefined;
  /** The address of a base's page (`{id}` replaced), when "choose this base" navigates. */
  baseHref: ((id: string) => string) | undefined;
  select: (id: string) => void;
  /** A county was chosen: every base is in it, so "in this county" says more than «۰ km». */
  inCounty: boolean;
}

/** One base: name, distance, hours, address, phones, services, access, directions, choose. */
export function resultTemplate(view: ResultView, result: NearestBase, i: number): TemplateResult {
  const { record, distanceKm } = result;
  const { locale } = view;
  const id = `r${i}`;
  const selected = view.chosenId === record.id;
  const separator = locale === 'fa' ? '، ' : ', ';
  const text = (value: Names | undefined) => textIn(locale, value);
  const { address_1, address_2, city } = record.address;
  const address = [address_1, address_2, city]
    .filter((part): part is Names => !!part)
    .map(text)
    .join(separator);
  const distance = whereText(distanceKm, view.inCounty, view.digits);
  return html`
    <li part="result" class="result ${selected ? 'selected' : ''}" data-id=${record.id}>
      <h3 part="result-name" id=${id}>${phrase(locale, record.name)}</h3>
      <p class="row">
        <span part="distance" class="distance">${distance}</span>${hours(view, record)}
      </p>
      <p>${address}</p>
      ${phones(view, record)}
      ${list(
        msg('خدمات:'),
        record.services.map((s) => text(s.name)),
        separator,
      )}
      ${list(
        msg('دسترس‌پذیری:'),
        record.accessibility.map((a) => text(a.description)),
        separator,
      )}
      ${directions(record, id)} ${choose(view, record.id, id, selected)}
    </li>
  `;
}

function hours(view: ResultView, record: LocatorRecord) {
  const { open, text } = hoursText(record, view.now, view.locale);
  return html`<span part="hours" class="hours ${open ? 'open' : 'closed'}">${text}</span>`;
}

/** A phone number as a `tel:` address: Latin digits and `+` only. */
export const telOf = (number: string) => normalizeDigits(number).replace(/[^\d+]/g, '');

/** The nationwide lines: shown in their own box (results.template.ts), never as a base's own number. */
export const NATIONWIDE = ['123', '1480'];

/** A base's own numbers: its phones without the nationwide lines. */
export const ownPhones = (record: LocatorRecord) =>
  record.phones.filter((phone) => !NATIONWIDE.includes(telOf(phone.number)));

function phones(view: ResultView, record: LocatorRecord) {
  const own = ownPhones(record);
  if (own.length === 0) return nothing;
  return html`
    <ul class="phones">
      ${own.map(
        (phone) => html`
          <li>
            <a href="tel:${telOf(phone.number)}">${view.digits(phone.number)}</a>
            ${phone.description ? html`<span class="muted">${phrase(view.locale, phone.description)}</span>` : nothing}
          </li>
        `,
      )}
    </ul>
  `;
}

/** A labelled list (services, accessibility notes), or nothing when it is empty. */
function list(label: string, items: string[], separator: string) {
  if (items.length === 0) return nothing;
  return html`<p><strong>${label}</strong> ${items.join(separator)}</p>`;
}

/** Directions in the device's map app and in three map sites, without any of them embedded. */
function directions(record: LocatorRecord, id: string) {
  const { latitude: lat, longitude: lng } = record.location;
  const osm = `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=16/${lat}/${lng}`;
  const balad = `https://balad.ir/location?latitude=${lat}&longitude=${lng}&zoom=16`;
  return html`
    <div part="directions" class="directions">
      <span id="${id}-dir">${msg('مسیریابی:')}</span>
      <ul class="row" aria-labelledby="${id}-dir ${id}">
        <li><a href="geo:${lat},${lng}">${msg('برنامه‌ی نقشه‌ی دستگاه')}</a></li>
        <li><a href=${osm} lang="en" dir="ltr">OpenStreetMap</a></li>
        <li><a href="https://neshan.org/maps/@${lat},${lng},16z">${msg('نشان')}</a></li>
        <li><a href=${balad}>${msg('بلد')}</a></li>
      </ul>
    </div>
  `;
}

/**
 * "Choose this base": a link when choosing opens the base's page (`base-href`), else a toggle
 * button that marks the base and tells the host page (`bz-select`).
 */
function choose(view: ResultView, baseId: string, id: string, selected: boolean) {
  if (view.baseHref) {
    return html`
      <a
        part="button select-button"
        class="select"
        href=${view.baseHref(baseId)}
        aria-describedby=${id}
        @click=${() => view.select(baseId)}
      >${msg('انتخاب این پایگاه')}</a>
    `;
  }
  return html`
    <button
      part="button select-button"
      class="select"
      type="button"
      aria-pressed=${String(selected)}
      aria-describedby=${id}
      @click=${() => view.select(baseId)}
    >
      ${selected ? msg('این پایگاه انتخاب شد') : msg('انتخاب این پایگاه')}
    </button>
  `;
}
