import type { LatLng } from '@behzisti/core/geo';
import { fileLanguage, type NearestBase } from '@behzisti/core/locator';
import { parseNumber } from '@behzisti/core/text';
import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { BzElement } from '../shared/bz-element.ts';
import { loadJson } from '../shared/load-json.ts';
import { failureOf } from './data.ts';
import { LocatorDataController } from './data-controller.ts';
import { askPosition } from './geolocation.ts';
import type { MapModule } from './map.ts';
import type { MapController } from './map-controller.ts';
import { announcementText, provinceName, resultsHeading, textIn } from './messages.ts';
import { PlacesController } from './places-controller.ts';
import {
  countOf,
  DEFAULT_LIMIT,
  hostPosition,
  hostScope,
  MAX_LIMIT,
  scopeOfMatch,
} from './scope.ts';
import { serviceLocatorStyles } from './service-locator.styles.ts';
import type {
  FailureCode,
  GeoState,
  LocateSource,
  LocatorLoader,
  Matches,
  Names,
  Query,
  Scope,
} from './types.ts';
import {
  failureTemplate,
  geolocationTemplate,
  type Summary,
  searchTemplate,
} from './ways.template.ts';

const numberConverter = {
  fromAttribute: (value: string | null) =>
    value === null ? undefined : (parseNumber(value) ?? Number.NaN),
  toAttribute: (value: number | undefined) => (value === undefined ? null : String(value)),
};

const tag = 'bz-service-locator';
const warn = (text: string) => console.warn(`${tag}: ${text}`);

/**
 * The answer add-on (answer.ts: the nearest search, the results list and summary line), shared
 * by every locator on the page. A failed load is forgotten, so the next question asks again.
 */
type Answer = typeof import('./answer.ts');
let answer: Answer | undefined;
let answerLoading: Promise<Answer> | undefined;
function loadAnswer(): Promise<Answer> {
  answerLoading ??= import('./answer.ts').then(
    (module) => {
      answer = module;
      return module;
    },
    (error: unknown) => {
      answerLoading = undefined;
      throw error;
    },
  );
  return answerLoading;
}

/** The search add-on (search.ts: text search and its matches), once someone has searched. */
let search: typeof import('./search.ts') | undefined;

// What the answer and search add-ons borrow from this script when built apart (the
// self-contained scripts, scripts/bundle.mjs `borrowLit`): Lit's template tag and this script's
// translations, rather than a second copy of each. `msg` is called through, as localization
// replaces it once configured; typed as a plain function there, because lit-localize's extractor
// takes every call of a `msg`-typed function for a message and wants its text literal.
(globalThis as Record<symbol, unknown>)[Symbol.for('bz-service-locator.lit')] ??= {
  html,
  msg: (...args: unknown[]) => (msg as unknown as (...args: unknown[]) => unknown)(...args),
  str,
};

/** Where the lazily loaded map module lives: beside this file, as source or as the built add-on. */
const mapModuleUrl = () =>
  new URL(
    new URL(import.meta.url).pathname.endsWith('.ts') ? './map.ts' : './bz-service-locator-map.js',
    import.meta.url,
  ).href;

/**
 * Finds the nearest service bases of the State Welfare Organisation: from the device's location
 * (asked only when the user presses the button), a province and county chosen from lists, a
 * neighbourhood, county or base name typed in Persian or English, or a position the host page
 * gives. Each result shows its distance, whether it is open now (Asia/Tehran), address, phone
 * links, services, accessibility notes and directions links. Reads the published locator data
 * (docs/data.md): a small index, then only the chunks the question needs. Light-DOM children
 * are fallback content, shown until the element upgrades.
 *
 * @tag bz-service-locator
 * @fires bz-locate - A position to search from was chosen. `detail`: `{ lat, lng, source }`, source `geolocation` | `place` | `search` | `attribute`.
 * @fires bz-select - The user chose a base. `detail`: `{ id }`.
 * @csspart base - The widget's box.
 * @csspart button - Every button.
 * @csspart geolocate-button - The "use my location" button.
 * @csspart places-form - Province and county lists.
 * @csspart search-form - The text search.
 * @csspart heading - The results heading (focused after each search the user makes).
 * @csspart summary - The one-line answer beside the control used: nearest base, distance, hours.
 * @csspart hotlines - The box with the nationwide lines 123 and 1480 under the results.
 * @csspart input - The province and county lists and the search box.
 * @csspart search-input - The text search box (also `input`).
 * @csspart matches - Places and bases matching the search.
 * @csspart error - The message shown when the data could not be loaded, with its retry button.
 * @csspart notice - The sample-data notice.
 * @csspart results - The results section.
 * @csspart result - One base in the results.
 * @csspart result-name - A base's name.
 * @csspart distance - A base's distance.
 * @csspart hours - Whether a base is open now.
 * @csspart directions - A base's directions links.
 * @csspart select-button - The "choose this base" button.
 * @csspart map-toggle - The "show map" button (only with `map-tiles`).
 * @csspart map - The map (only with `map-tiles`, once opened).
 * @cssprop --bz-color-success - Positive states (default #1e6b30).
 * @cssprop --bz-color-open - "Open now" text; else `--bz-color-success`.
 * @cssprop --bz-map-height - Height of the map (default 20em).
 */
export class BzServiceLocator extends BzElement {
  static override styles = [...BzElement.styles, serviceLocatorStyles];

  /**
   * Loads the map add-on (Leaflet and the marker layer) when the user first opens the map. By
   * default it imports `bz-service-locator-map.js` from beside this script; a site that bundles
   * the element itself can point it elsewhere (e.g. `() => import('.../service-locator/map.ts')`).
   */
  static loadMap: () => Promise<MapModule> = () => import(/* @vite-ignore */ mapModuleUrl());

  static override properties = {
    src: {},
    province: {},
    county: {},
    limit: { converter: numberConverter },
    lat: { converter: numberConverter },
    lng: { converter: numberConverter },
    baseHref: { attribute: 'base-href' },
    mapTiles: { attribute: 'map-tiles' },
    mapAttribution: { attribute: 'map-attribution' },
    loader: { attribute: false },
    loadTimeout: { attribute: false },
    geolocationTimeout: { attribute: false },
    now: { attribute: false },
    // Internal reactive state (plain keys: the widget scripts shorten these names).
    failure: { state: true },
    geo: { state: true },
    query: { state: true },
    results: { state: true },
    loadingResults: { state: true },
    found: { state: true },
    searching: { state: true },
    selectedId: { state: true },
    said: { state: true },
    noneHere: { state: true },
  };

  /** URL of the published `index.json`; chunk, places and names URLs are resolved against it. */
  declare src: string | undefined;
  /** Province id (e.g. `kerman`): preselected in the lists, and results are limited to it. */
  declare province: string | undefined;
  /** County id within the province (e.g. `faryab`): preselected, and results are limited to it. */
  declare county: string | undefined;
  /** How many bases to show, 1–100; default 10. */
  declare limit: number;
  /** Latitude of a position given by the host page (with `lng`); results are sorted from it. */
  declare lat: number | undefined;
  /** Longitude of a position given by the host page (with `lat`). */
  declare lng: number | undefined;
  /**
   * Address of a base's page with `{id}` for the base's id (e.g. `/fa/directory/bases/{id}/`).
   * With it, "choose this base" is a link to that page; without it, a toggle button that only
   * marks the base and sends `bz-select`.
   */
  declare baseHref: string | undefined;
  /**
   * Map tile URL template (`https://tile.example/{z}/{x}/{y}.png`). Without it there is no map
   * and nothing third-party is ever loaded; with it, tiles load only after "show map".
   */
  declare mapTiles: string | undefined;
  /** Attribution the tile provider requires, as plain text (e.g. `© OpenStreetMap contributors`). */
  declare mapAttribution: string | undefined;
  /** Replaces how data files are fetched (property only): `(url, { signal, timeoutMs }) => json`. */
  declare loader: LocatorLoader;
  /** Milliseconds to wait for one data file before showing the "too slow" error; default 20000. */
  declare loadTimeout: number;
  /** Milliseconds to wait for the device's position; default 20000. */
  declare geolocationTimeout: number;
  /** The moment opening hours are evaluated at; default the current time (property only). */
  declare now: Date | undefined;

  // ── State ──
  declare private failure: { code: FailureCode; retry: () => void } | undefined;
  declare private geo: GeoState;
  declare private query: Query | undefined;
  declare private results: NearestBase[] | undefined;
  declare private loadingResults: boolean;
  declare private found: Matches | undefined;
  declare private searching: boolean;
  declare private selectedId: string | undefined;
  /** What the live region last reported on. */
  declare private said: 'geo' | 'matches' | 'results' | undefined;
  /** The chosen place has no base: the results are the nearest anywhere. */
  declare private noneHere: boolean;

  readonly #source = new LocatorDataController(this, {
    src: () => this.src,
    locale: () => this.locale,
    fetch: (url, signal) => this.loader(url, { signal, timeoutMs: this.loadTimeout }),
    warn,
    loaded: () => void this.#applyHost(),
    failed: (error, retry) => this.#fail(error, retry),
  });
  readonly #places = new PlacesController(this, {
    data: this.#source,
    locate: (center, scope, label) => this.#locate(center, 'place', scope, label),
    failed: (error, retry) => this.#fail(error, retry),
    recovered: () => {
      this.failure = undefined;
    },
    chosen: (province) => void this.#prefetch(province),
  });
  #run = 0;
  /** The language of the data files read so far. */
  #lang: string | undefined;
  /** The optional map's controller: part of the answer add-on, made once that is in. */
  #map: MapController | undefined;

  constructor() {
    super();
    this.limit = DEFAULT_LIMIT;
    this.loader = loadJson;
    this.loadTimeout = 20_000;
    this.geolocationTimeout = 20_000;
    this.geo = 'idle';
    this.loadingResults = false;
    this.searching = false;
    this.noneHere = false;
  }

  // ── Rendering: the table of contents ──

  protected override renderContent() {
    const summary = this.#summary();
    // The answer in one line beside the control that asked for it (host positions: in the results).
    const beside = (source: LocateSource): Summary =>
      summary && this.query?.source === source
        ? html`<p part="summary" class="summary">${summary}</p>`
        : nothing;
    return html`
      ${this.failure ? failureTemplate(this.failure) : nothing}
      <div class="ways">
        ${geolocationTemplate(this.geo, this.#useMyLocation, beside('geolocation'))}
        ${this.#places.render(this.locale, beside('place'))}
        ${searchTemplate({
          summary: beside('search'),
          onSearch: this.#onSearch,
          matches:
            this.found && search
              ? search.matchesTemplate(this.found, {
                  locale: this.locale,
                  digits: this.digits,
                  provinceOf: (id) => provinceName(this.locale, this.#source.index, id),
                  pickPlace: (match) =>
                    this.#locate(match.center, 'search', scopeOfMatch(match), match.name),
                  pickBase: (entry) => this.#locate(entry.position, 'search', {}, entry.name),
                })
              : nothing,
        })}
      </div>
      ${this.#renderMap()} ${this.#renderResults()}
      <div class="visually-hidden" role="status" aria-live="polite">${this.#announcement()}</div>
    `;
  }

  /** The "show map" toggle and map (only with `map-tiles`), once the answer add-on is in. */
  #renderMap() {
    if (!this.mapTiles || !answer) return nothing;
    this.#map ??= new answer.MapController(this, () => ({
      tiles: this.mapTiles,
      attribution: this.mapAttribution,
      results: this.results,
      position: this.query?.position,
      pin: ({ record }, i) => ({
        title: `${this.digits(i + 1)}. ${textIn(this.locale, record.name)}`,
        label: this.digits(i + 1),
      }),
      load: () => BzServiceLocator.loadMap(),
    }));
    return this.#map.render();
  }

  #renderResults() {
    const { query, results } = this;
    if (!query) return nothing;
    // A question asked before the answer's code arrived: the heading and "searching…" (the same
    // markup as the add-on's while loading).
    if (!answer)
      return html`
        <section part="results" class="way" aria-labelledby="results-heading" aria-busy="true">
          <h2 part="heading" id="results-heading" tabindex="-1">${resultsHeading(query, this.locale)}</h2>
          <p>${msg('در حال یافتن نزدیک‌ترین پایگاه‌ها…')}</p>
        </section>
      `;
    const baseHref = this.baseHref;
    return answer.resultsTemplate({
      query,
      results,
      loading: this.loadingResults,
      sample: !!(results?.some(({ record }) => record.sample) || this.#source.index?.sample),
      noneHere: this.#noneHereText(),
      summary: query.source === 'attribute' ? this.#summary() : '',
      inCounty: !!query.scope.county && !this.noneHere,
      locale: this.locale,
      digits: this.digits,
      now: this.now ?? new Date(),
      chosenId: this.selectedId,
      baseHref: baseHref ? (id) => baseHref.replaceAll('{id}', encodeURIComponent(id)) : undefined,
      select: (id) => this.#select(id),
    });
  }

  /** «Nearest: <name>, 2.3 km, open until 14:00», or '' while there is no answer. */
  #summary(): string {
    const first = this.loadingResults ? undefined : this.results?.[0];
    if (!first || !this.query || !answer) return '';
    const inCounty = !!this.query.scope.county && !this.noneHere;
    return answer.summaryLine(first, inCounty, this.now ?? new Date(), this.locale, this.digits);
  }

  /** What the live region says: the same sentences the widget shows, once each. */
  #announcement(): string {
    const { found, results } = this;
    return announcementText(this.geo, this.searching || this.loadingResults, this.said, () => {
      if (this.said === 'matches')
        return found && search ? search.matchesSaid(found, this.digits) : '';
      return results && answer
        ? answer.resultsSaid(results, this.digits, this.#noneHereText(), this.#summary())
        : '';
    });
  }

  // ── Lifecycle ──

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('limit') && countOf(this.limit) !== this.limit)
      warn(
        `limit="${this.limit}" is not a whole number from 1 to ${MAX_LIMIT}; showing ${countOf(this.limit)}`,
      );

    // Data work starts here, before rendering, so the state it sets joins this update.
    if (changed.has('src') || !this.#source.started) {
      this.failure = undefined;
      this.#source.load();
      // The answer's code (the nearest search, results, map toggle) alongside the index: every
      // question needs both, so neither waits a round trip for the other (on 2G the index's
      // first screen shares the link with the add-on's few kB instead).
      if (this.src)
        loadAnswer().then(
          () => this.requestUpdate(),
          () => undefined,
        );
    } else if (['lat', 'lng', 'province', 'county'].some((name) => changed.has(name)))
      void this.#applyHost();
    else if (changed.has('limit') && this.query) void this.#runQuery();
    this.#followLanguage();
  }

  /**
   * The data files are per language: when the widget's language changes (a language switcher
   * rewrote `lang`), read the shown answer and the chosen province's lists again in it.
   */
  #followLanguage(): void {
    const index = this.#source.index;
    const lang = index && fileLanguage(index, this.locale);
    if (lang && this.#lang && lang !== this.#lang) {
      if (this.query) void this.#runQuery();
      const province = this.#places.province;
      if (province) this.#source.ensurePlaces(province).catch(() => undefined);
    }
    this.#lang = lang || this.#lang;
  }

  #fail(error: unknown, retry: () => void): void {
    if (this.#source.cancelled(error)) return;
    this.failure = { code: failureOf(error), retry };
  }

  // ── Host attributes ──

  /** Applies `province`, `county`, `lat` and `lng` once the index is known, warning about bad values. */
  async #applyHost(): Promise<void> {
    const index = this.#source.index;
    if (!index) return;
    let place: Awaited<ReturnType<typeof hostScope>>;
    try {
      place = await hostScope(
        index,
        this,
        (province) =>
          province ? this.#source.ensurePlaces(province) : this.#source.ensureSearchPlaces(),
        warn,
      );
    } catch (error) {
      this.#fail(error, () => void this.#applyHost());
      return;
    }
    const { scope, label, center } = place;
    this.#places.choose(scope.province ?? '', scope.county ?? '');
    const position = hostPosition(this.lat, this.lng, warn);
    // The host page chose: no focus moves (the citizen has not acted yet).
    if (position) this.#locate(position, 'attribute', scope, undefined, false);
    else if (center && scope.province) this.#locate(center, 'place', scope, label, false);
  }

  // ── Locating ──

  #locate(
    position: LatLng,
    source: LocateSource,
    scope: Scope = {},
    label?: Names,
    asked = true,
  ): void {
    this.query = { position, source, scope, label, asked };
    this.selectedId = undefined;
    if (this.geo !== 'asking') this.geo = 'idle';
    this.emit('bz-locate', { lat: position.lat, lng: position.lng, source });
    void this.#runQuery();
  }

  async #runQuery(): Promise<void> {
    const query = this.query;
    if (!query) return;
    const run = ++this.#run;
    this.loadingResults = true;
    this.failure = undefined;
    const { scope } = query;
    try {
      const k = Math.min(countOf(this.limit), scope.count ?? Number.POSITIVE_INFINITY);
      const nearest = (count: number, only?: Scope) => this.#nearest(query.position, count, only);
      let results = await nearest(k, scope);
      // No base in the chosen place (listed from the gazetteer): say so, and give the nearest
      // ones anywhere with their distance from it rather than an empty list.
      const none =
        results.length === 0 && !!(scope.province || scope.county) && !!this.#source.index?.count;
      if (none) results = await nearest(countOf(this.limit));
      if (run !== this.#run) return;
      this.noneHere = none;
      this.results = results;
      this.said = 'results';
      if (query.asked) void this.#showAnswer(run);
    } catch (error) {
      if (run !== this.#run) return;
      this.results = undefined;
      this.#fail(error, () => void this.#runQuery());
    } finally {
      if (run === this.#run) this.loadingResults = false;
    }
  }

  /**
   * The `count` nearest bases to `position` within `scope`, reading the chunks it needs in the
   * page's language (the answer add-on's nearestBases; its code and the index are fetched at
   * once when not in yet).
   */
  async #nearest(position: LatLng, count: number, scope: Scope = {}): Promise<NearestBase[]> {
    const [{ data, index, lang }, code] = await Promise.all([this.#source.current(), loadAnswer()]);
    return code.nearestBases(
      (url, parse) => data.file(url, parse),
      data.loaded(lang),
      index,
      data.indexUrl,
      lang,
      position,
      count,
      scope,
      warn,
    );
  }

  /**
   * A province was chosen from the list: read the chunks its answer will need while the citizen
   * picks a county — the province's own nearest to its centre, or for a province without bases
   * the nearest anywhere (where its counties' answers come from) — so "show bases" usually
   * answers without another round trip. A failure here is not shown: the search itself retries.
   */
  async #prefetch(province: string): Promise<void> {
    const entry = this.#source.index?.provinces.find((candidate) => candidate.id === province);
    if (!entry?.center) return;
    const count = countOf(this.limit);
    await this.#nearest(
      entry.center,
      entry.count ? Math.min(count, entry.count) : count,
      entry.count ? { province } : {},
    ).catch(() => undefined);
  }

  /** «No base is listed in <place> yet…» while that is so, else '' (made while rendering, in the widget's language). */
  #noneHereText(): string {
    const query = this.query;
    if (!query || !this.noneHere || this.loadingResults || !answer) return '';
    const place = query.label
      ? textIn(this.locale, query.label)
      : provinceName(this.locale, this.#source.index, query.scope.province ?? '');
    return answer.noneHereText(place);
  }

  /**
   * Moves focus to the results' heading once they are drawn: the browser scrolls it into view,
   * so a sighted citizen on a phone sees the answer, and a screen reader lands on it (the live
   * region still says the count and the nearest base).
   */
  async #showAnswer(run: number): Promise<void> {
    await this.updateComplete;
    if (run !== this.#run) return;
    const heading = this.renderRoot.querySelector<HTMLElement>('#results-heading');
    // At the top of the screen, not its bottom edge (where focus alone may leave it), so what
    // follows — the nearest base, a phone — is in view too.
    heading?.focus({ preventScroll: true });
    heading?.scrollIntoView({ block: 'start' });
  }

  readonly #useMyLocation = async (): Promise<void> => {
    if (this.geo === 'asking') return;
    this.geo = 'asking';
    const found = await askPosition(this.geolocationTimeout);
    if (typeof found === 'string') {
      this.geo = found;
      this.said = 'geo';
      return;
    }
    this.geo = 'idle';
    this.#locate(found, 'geolocation');
  };

  readonly #onSearch = async (event: Event): Promise<void> => {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#search');
    const text = input?.value.trim() ?? '';
    if (!text) {
      this.found = undefined;
      return;
    }
    this.searching = true;
    this.failure = undefined;
    try {
      const { data, index } = await this.#source.current();
      // The search code and every place's names arrive together (one round trip).
      const [code, places] = await Promise.all([
        import('./search.ts'),
        this.#source.ensureSearchPlaces(),
      ]);
      search = code;
      this.found = await code.findMatches(
        (url, parse) => data.file(url, parse),
        index,
        data.indexUrl,
        places,
        text,
        this.#places.province,
        this.query?.position,
      );
      this.said = 'matches';
      // The matches (or the way on when there are none) appear under the box: keep them in view.
      await this.updateComplete;
      this.renderRoot.querySelector('[part~="matches"]')?.scrollIntoView({ block: 'nearest' });
    } catch (error) {
      this.#fail(error, () => void this.#onSearch(event));
    } finally {
      this.searching = false;
    }
  };

  #select(id: string): void {
    this.selectedId = id;
    this.emit('bz-select', { id });
  }
}
