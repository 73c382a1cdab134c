import { formatTime } from '@behzisti/core/dates';
import { isValidLatLng, type LatLng } from '@behzisti/core/geo';
import { openingState, tehranParts } from '@behzisti/core/hours';
import {
  chunkUrl,
  countiesCenter,
  type LocatorIndex,
  type LocatorPlaces,
  type LocatorRecord,
  locateNearest,
  type NameEntry,
  type NameMatch,
  type NearestBase,
  namesUrl,
  type PlaceMatch,
  parseChunk,
  parseIndex,
  parseNames,
  parsePlaces,
  placesUrl,
  planNameSearch,
  searchNames,
  searchPlaces,
} from '@behzisti/core/locator';
import { normalizeDigits, parseNumber, toLocaleDigits } from '@behzisti/core/text';
import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { BzElement } from '../shared/bz-element.ts';
import { defineElement } from '../shared/define.ts';
import { type LoadOptions, loadJson } from '../shared/load-json.ts';
import type { LocatorMap, MapModule } from './map.ts';
import { serviceLocatorStyles } from './service-locator.styles.ts';

/** How a position was chosen: the `source` of `bz-locate`. */
export type LocateSource = 'geolocation' | 'place' | 'search' | 'attribute';

/** Detail of `bz-locate`: the position the results are sorted from. */
export interface LocateDetail {
  lat: number;
  lng: number;
  source: LocateSource;
}

/** Detail of `bz-select`: the chosen base's id (as in the published data). */
export interface SelectDetail {
  id: string;
}

/** Fetches one published JSON file; the default is a plain cross-origin `fetch` without cookies. */
export type LocatorLoader = (url: string, options: LoadOptions) => Promise<unknown>;

/** Why the data could not be shown; each code has one localized sentence. */
type FailureCode = 'network' | 'timeout' | 'not-found' | 'server' | 'unreadable' | 'no-src';
type GeoState = 'idle' | 'asking' | 'denied' | 'unavailable' | 'timeout' | 'unsupported';
type Names = { fa: string; en?: string };

interface Scope {
  province?: string;
  county?: string;
  /** Bases in the scope (from the index or places), so the nearest search stays exact. */
  count?: number;
}

interface Query {
  position: LatLng;
  source: LocateSource;
  scope: Scope;
  /** What the position is: a place's or base's name; none for a device or host position. */
  label?: Names;
}

interface Matches {
  text: string;
  places: PlaceMatch[];
  names: NameMatch[];
  /** The dataset is too large to search every base name: a province must be chosen first. */
  needProvince: boolean;
}

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;
/** Up to this many bases, a name search with no province loads every province's names file. */
const SEARCH_ALL_NAMES_UP_TO = 2000;

const numberConverter = {
  fromAttribute: (value: string | null) =>
    value === null ? undefined : (parseNumber(value) ?? Number.NaN),
  toAttribute: (value: number | undefined) => (value === undefined ? null : String(value)),
};

const tag = 'bz-service-locator';
const warn = (text: string) => console.warn(`${tag}: ${text}`);

/** Where the lazily loaded map module lives: beside this file, as source or as the built add-on. */
const mapModuleUrl = () =>
  new URL(
    new URL(import.meta.url).pathname.endsWith('.ts') ? './map.ts' : './bz-service-locator-map.js',
    import.meta.url,
  ).href;

function failureOf(error: unknown): FailureCode {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'network' || code === 'timeout' || code === 'not-found' || code === 'server')
    return code;
  return code === 'not-json' || (error as Error | null)?.name === 'LocatorDataError'
    ? 'unreadable'
    : 'network';
}

/** The centre of a province's bases, from places.json. */
const provinceCenter = (places: LocatorPlaces, province: string) =>
  countiesCenter(places.provinces.find((entry) => entry.id === province)?.counties ?? []);

const isAbort = (error: unknown) => (error as Error | null)?.name === 'AbortError';

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
 * @attr lang - Language (`fa`, `en`); else the closest ancestor's `lang`, else the page's.
 * @attr dir - `rtl` or `ltr`; else the language's direction.
 * @fires bz-locate - A position to search from was chosen. `detail`: `{ lat, lng, source }`, source `geolocation` | `place` | `search` | `attribute`.
 * @fires bz-select - The user chose a base. `detail`: `{ id }`.
 * @csspart base - The widget's box.
 * @csspart button - Every button.
 * @csspart geolocate-button - The "use my location" button.
 * @csspart places-form - Province and county lists.
 * @csspart search-form - The text search.
 * @csspart heading - The results heading.
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
 * @cssprop --bz-color-accent - Main colour: buttons, links, selected items (default #0b5cad).
 * @cssprop --bz-color-on-accent - Text on accent-coloured buttons (default #fff; keep 4.5:1 with the accent).
 * @cssprop --bz-color-danger - Errors and the quick exit button (default #a4161a).
 * @cssprop --bz-color-on-danger - Text on danger-coloured buttons (default #fff).
 * @cssprop --bz-color-focus - Focus ring, drawn with a halo in the text colour (default #ffbf47).
 * @cssprop --bz-color-text - Text and field borders (default #1b1b1f).
 * @cssprop --bz-color-text-muted - Hints and secondary text (default #4a4a55).
 * @cssprop --bz-color-surface - Background (default #fff).
 * @cssprop --bz-color-border - Borders of the panel and cards (default #8a8a99).
 * @cssprop --bz-font-family - Font (default Vazirmatn, Tahoma, then system fonts).
 * @cssprop --bz-font-size - Base size; every size inside is in em and scales with it (default 1em).
 * @cssprop --bz-line-height - Line height of text (default 1.6).
 * @cssprop --bz-radius - Corner radius (default 0.5em).
 * @cssprop --bz-space - Spacing unit: padding and gaps (default 1em).
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
    mapTiles: { attribute: 'map-tiles' },
    mapAttribution: { attribute: 'map-attribution' },
    loader: { attribute: false },
    loadTimeout: { attribute: false },
    geolocationTimeout: { attribute: false },
    now: { attribute: false },
    // Internal reactive state.
    ...Object.fromEntries(
      'index places failure geo query results loadingResults found searching chosenProvince chosenCounty formProblem selectedId mapOpen mapState said'
        .split(' ')
        .map((name) => [name, { state: true }]),
    ),
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

  declare private index: LocatorIndex | undefined;
  declare private places: LocatorPlaces | undefined;
  declare private failure: { code: FailureCode; retry: () => void } | undefined;
  declare private geo: GeoState;
  declare private query: Query | undefined;
  declare private results: NearestBase[] | undefined;
  declare private loadingResults: boolean;
  declare private found: Matches | undefined;
  declare private searching: boolean;
  declare private chosenProvince: string;
  declare private chosenCounty: string;
  declare private formProblem: boolean;
  declare private selectedId: string | undefined;
  declare private mapOpen: boolean;
  declare private mapState: 'idle' | 'loading' | 'ready' | 'error';
  /** What the live region last reported on. */
  declare private said: 'geo' | 'matches' | 'results' | undefined;

  private indexReady: Promise<LocatorIndex> | undefined;
  private placesReady: Promise<LocatorPlaces> | undefined;
  private readonly namesReady = new Map<string, Promise<NameEntry[]>>();
  private loaded = new Map<string, readonly LocatorRecord[]>();
  private abort: AbortController | undefined;
  private run = 0;
  private mapView: LocatorMap | undefined;
  private mapShows: NearestBase[] | undefined;

  constructor() {
    super();
    this.limit = DEFAULT_LIMIT;
    this.loader = loadJson;
    this.loadTimeout = 20_000;
    this.geolocationTimeout = 20_000;
    this.geo = 'idle';
    this.loadingResults = false;
    this.searching = false;
    this.chosenProvince = '';
    this.chosenCounty = '';
    this.formProblem = false;
    this.mapOpen = false;
    this.mapState = 'idle';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.mapView?.destroy();
    this.mapView = undefined;
    this.mapShows = undefined;
  }

  /** How many bases to show after checking the `limit` attribute. */
  private get count(): number {
    const limit = this.limit;
    if (Number.isInteger(limit) && limit >= 1) return Math.min(limit, MAX_LIMIT);
    return DEFAULT_LIMIT;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('limit') && this.count !== this.limit)
      warn(
        `limit="${this.limit}" is not a whole number from 1 to ${MAX_LIMIT}; showing ${this.count}`,
      );

    // Data work starts here, before rendering, so the state it sets joins this update.
    if (changed.has('src') || !this.indexReady) this.loadIndex();
    else if (['lat', 'lng', 'province', 'county'].some((name) => changed.has(name)))
      void this.applyHost();
    else if (changed.has('limit') && this.query) void this.runQuery();
  }

  protected override updated(): void {
    if (this.mapOpen) void this.syncMap();
  }

  // ── Data ──────────────────────────────────────────────────────────────────────────────────

  private get indexUrl(): string {
    return new URL(this.src ?? '', document.baseURI).href;
  }

  private fetchJson(url: string): Promise<unknown> {
    return this.loader(url, { signal: this.abort?.signal, timeoutMs: this.loadTimeout });
  }

  private loadIndex(): void {
    this.abort?.abort();
    this.abort = new AbortController();
    this.index = undefined;
    this.places = undefined;
    this.placesReady = undefined;
    this.namesReady.clear();
    this.loaded = new Map();
    this.failure = undefined;
    if (!this.src) {
      warn('no src: set it to the URL of the published index.json');
      this.indexReady = Promise.reject(Object.assign(new Error('no src'), { code: 'no-src' }));
      this.indexReady.catch(() => {});
      this.failure = { code: 'no-src', retry: () => this.loadIndex() };
      return;
    }
    const signal = this.abort.signal;
    this.indexReady = this.fetchJson(this.indexUrl).then(parseIndex);
    this.indexReady.then(
      (index) => {
        if (signal.aborted) return;
        this.index = index;
        if (index.skipped > 0)
          warn(`${index.skipped} record(s) were left out of the published data`);
        void this.applyHost();
      },
      (error: unknown) => {
        if (!signal.aborted) this.fail(error, () => this.loadIndex());
      },
    );
  }

  private fail(error: unknown, retry: () => void): void {
    if (isAbort(error) && this.abort?.signal.aborted) return;
    this.failure = { code: failureOf(error), retry };
  }

  private ensurePlaces(): Promise<LocatorPlaces> {
    this.placesReady ??= (this.indexReady ?? Promise.reject(new Error('no index')))
      .then((index) => this.fetchJson(placesUrl(index, this.indexUrl)))
      .then((json) => (this.places = parsePlaces(json)));
    this.placesReady.catch(() => {
      this.placesReady = undefined;
    });
    return this.placesReady;
  }

  private ensureNames(index: LocatorIndex, province: string): Promise<NameEntry[]> {
    let ready = this.namesReady.get(province);
    if (!ready) {
      ready = this.fetchJson(namesUrl(index, this.indexUrl, province)).then(parseNames);
      ready.catch(() => this.namesReady.delete(province));
      this.namesReady.set(province, ready);
    }
    return ready;
  }

  private async loadChunk(index: LocatorIndex, key: string): Promise<readonly LocatorRecord[]> {
    const chunk = parseChunk(await this.fetchJson(chunkUrl(index, this.indexUrl, key)));
    if (chunk.skipped > 0) warn(`skipped ${chunk.skipped} unusable record(s) in chunk ${key}`);
    return chunk.records;
  }

  // ── Host attributes ───────────────────────────────────────────────────────────────────────

  /** Applies `province`, `county`, `lat` and `lng` once the index is known, warning about bad values. */
  private async applyHost(): Promise<void> {
    const index = this.index;
    if (!index) return;
    let scope: Scope = {};
    let label: Names | undefined;
    let center: LatLng | undefined;
    const province = this.province?.trim();
    if (province) {
      const known = index.provinces.find((entry) => entry.id === province);
      if (known) {
        scope = { province, count: known.count };
        label = known.name;
      } else warn(`province="${province}" has no bases in this data; showing every province`);
    }
    const county = this.county?.trim();
    if (county || scope.province) {
      let places: LocatorPlaces;
      try {
        places = await this.ensurePlaces();
      } catch (error) {
        this.fail(error, () => void this.applyHost());
        return;
      }
      if (scope.province) center = provinceCenter(places, scope.province);
      if (county) {
        const found = places.provinces
          .filter((entry) => !scope.province || entry.id === scope.province)
          .flatMap((entry) => entry.counties.map((c) => ({ province: entry.id, county: c })))
          .find((entry) => entry.county.id === county);
        if (found) {
          scope = { province: found.province, county, count: found.county.count };
          label = found.county.name;
          center = found.county.center;
        } else warn(`county="${county}" has no bases in this data; ignoring it`);
      }
    }
    this.chosenProvince = scope.province ?? '';
    this.chosenCounty = scope.county ?? '';
    const position = this.hostPosition();
    if (position) this.locate(position, 'attribute', scope);
    else if (center && scope.province) this.locate(center, 'place', scope, label);
  }

  private hostPosition(): LatLng | undefined {
    const { lat, lng } = this;
    if (lat === undefined && lng === undefined) return undefined;
    const position = { lat, lng } as LatLng;
    if (isValidLatLng(position)) return position;
    warn(
      `lat="${lat}" lng="${lng}" is not a position (both in decimal degrees, WGS 84); ignoring it`,
    );
    return undefined;
  }

  // ── Locating ──────────────────────────────────────────────────────────────────────────────

  private locate(position: LatLng, source: LocateSource, scope: Scope = {}, label?: Names): void {
    this.query = { position, source, scope, label };
    this.selectedId = undefined;
    if (this.geo !== 'asking') this.geo = 'idle';
    this.emit('bz-locate', { lat: position.lat, lng: position.lng, source });
    void this.runQuery();
  }

  private async runQuery(): Promise<void> {
    const query = this.query;
    if (!query) return;
    const run = ++this.run;
    this.loadingResults = true;
    this.failure = undefined;
    const { scope } = query;
    const filter = scope.county
      ? (record: LocatorRecord) =>
          record.county.id === scope.county && record.province === scope.province
      : scope.province
        ? (record: LocatorRecord) => record.province === scope.province
        : undefined;
    try {
      const index = await (this.indexReady ?? Promise.reject(new Error('no index')));
      const k = Math.min(this.count, scope.count ?? Number.POSITIVE_INFINITY);
      const { results } = await locateNearest(
        index,
        query.position,
        k,
        (chunk) => this.loadChunk(index, chunk.key),
        this.loaded,
        filter ? { filter } : {},
      );
      if (run !== this.run) return;
      this.results = results;
      this.said = 'results';
    } catch (error) {
      if (run !== this.run) return;
      this.results = undefined;
      this.fail(error, () => void this.runQuery());
    } finally {
      if (run === this.run) this.loadingResults = false;
    }
  }

  private useMyLocation(): void {
    if (this.geo === 'asking') return;
    const geolocation = 'geolocation' in navigator ? navigator.geolocation : undefined;
    if (!geolocation || !window.isSecureContext) {
      this.geo = 'unsupported';
      this.said = 'geo';
      return;
    }
    this.geo = 'asking';
    geolocation.getCurrentPosition(
      (position) => {
        this.geo = 'idle';
        this.locate(
          { lat: position.coords.latitude, lng: position.coords.longitude },
          'geolocation',
        );
      },
      (error) => {
        this.geo =
          error.code === error.PERMISSION_DENIED
            ? 'denied'
            : error.code === error.TIMEOUT
              ? 'timeout'
              : 'unavailable';
        this.said = 'geo';
      },
      { enableHighAccuracy: false, maximumAge: 300_000, timeout: this.geolocationTimeout },
    );
  }

  private async onProvinceChange(event: Event): Promise<void> {
    this.chosenProvince = (event.target as HTMLSelectElement).value;
    this.chosenCounty = '';
    this.formProblem = false;
    if (this.chosenProvince) {
      try {
        await this.ensurePlaces();
      } catch (error) {
        this.fail(error, () => void this.ensurePlaces().then(() => (this.failure = undefined)));
      }
    }
  }

  private async onPlacesSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const province = this.chosenProvince;
    if (!province) {
      this.formProblem = true;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLSelectElement>('#province')?.focus();
      return;
    }
    try {
      const places = await this.ensurePlaces();
      const counties = places.provinces.find((entry) => entry.id === province)?.counties ?? [];
      const county = counties.find((entry) => entry.id === this.chosenCounty);
      if (county) {
        this.locate(
          county.center,
          'place',
          { province, county: county.id, count: county.count },
          county.name,
        );
        return;
      }
      const center = provinceCenter(places, province);
      const known = this.index?.provinces.find((entry) => entry.id === province);
      if (center) this.locate(center, 'place', { province, count: known?.count }, known?.name);
    } catch (error) {
      this.fail(error, () => void this.onPlacesSubmit(event));
    }
  }

  private async onSearch(event: Event): Promise<void> {
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
      const index = await (this.indexReady ?? Promise.reject(new Error('no index')));
      const places = await this.ensurePlaces();
      const placeMatches = searchPlaces(places, text, 8);
      let provinces = this.chosenProvince
        ? [this.chosenProvince]
        : [...new Set(placeMatches.map((match) => match.province))];
      let needProvince = false;
      if (provinces.length === 0) {
        if (index.count <= SEARCH_ALL_NAMES_UP_TO) provinces = planNameSearch(index);
        else needProvince = true;
      }
      const wanted = needProvince ? [] : planNameSearch(index, provinces);
      const lists = await Promise.all(wanted.map((province) => this.ensureNames(index, province)));
      const near = this.query?.position;
      const names = searchNames(lists.flat(), text, near ? { limit: 8, near } : { limit: 8 });
      this.found = {
        text,
        places: placeMatches,
        names,
        needProvince: needProvince && names.length === 0,
      };
      this.said = 'matches';
    } catch (error) {
      this.fail(error, () => void this.onSearch(event));
    } finally {
      this.searching = false;
    }
  }

  private choosePlace(match: PlaceMatch): void {
    const scope: Scope =
      match.kind === 'county'
        ? { province: match.province, county: match.county, count: match.count }
        : match.kind === 'province'
          ? { province: match.province, count: match.count }
          : {};
    this.locate(match.center, 'search', scope, match.name);
  }

  private chooseName(entry: NameEntry): void {
    this.locate(entry.position, 'search', {}, entry.name);
  }

  private select(id: string): void {
    this.selectedId = id;
    this.emit('bz-select', { id });
  }

  // ── Map ───────────────────────────────────────────────────────────────────────────────────

  private async syncMap(): Promise<void> {
    await null; // after this update, so the state set below schedules the next one cleanly
    const container = this.renderRoot.querySelector<HTMLElement>('.map');
    if (!container || !this.mapTiles) return;
    if (!this.mapView) {
      if (this.mapState === 'loading') return;
      this.mapState = 'loading';
      try {
        const module = await BzServiceLocator.loadMap();
        this.mapView = module.createMap(container, {
          tiles: this.mapTiles,
          attribution: this.mapAttribution ?? '',
          onSelect: (id) =>
            this.renderRoot
              .querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"] .select`)
              ?.focus(),
        });
        this.mapState = 'ready';
      } catch (error) {
        console.warn(`${tag}: the map could not be loaded`, error);
        this.mapState = 'error';
        return;
      }
    }
    if (this.mapShows !== this.results || !container.hidden) {
      this.mapShows = this.results;
      this.mapView.update(
        (this.results ?? []).map(({ record }, i) => ({
          id: record.id,
          lat: record.location.latitude,
          lng: record.location.longitude,
          title: `${toLocaleDigits(i + 1, this.locale)}. ${this.text(record.name)}`,
          label: toLocaleDigits(i + 1, this.locale),
        })),
        this.query?.position,
      );
    }
  }

  // ── Rendering ─────────────────────────────────────────────────────────────────────────────

  /** The locale's text of a record field (Persian when there is no English). */
  private text(value: Names | undefined): string {
    if (!value) return '';
    return this.locale === 'en' ? (value.en ?? value.fa) : value.fa;
  }

  /** Like text(), marking Persian shown in an English widget with `lang="fa"` for screen readers. */
  private phrase(value: Names | undefined) {
    if (value && this.locale === 'en' && value.en === undefined)
      return html`<span lang="fa" dir="rtl">${value.fa}</span>`;
    return this.text(value);
  }

  private distance(km: number): string {
    return toLocaleDigits(km, this.locale, {
      style: 'unit',
      unit: 'kilometer',
      maximumFractionDigits: km < 10 ? 1 : 0,
    });
  }

  /** A province's name in the widget's locale, from the published data. */
  private provinceText(id: string): string {
    return this.text(this.index?.provinces.find((entry) => entry.id === id)?.name);
  }

  // Templates keep their markup on few lines: the minifier leaves template text as written.

  protected override renderContent() {
    return html`${this.renderFailure()}<div class="ways">${this.renderGeolocation()}${this.renderPlacesForm()}${this.renderSearch()}</div>${this.renderMapToggle()}${this.renderResults()}<div class="visually-hidden" role="status" aria-live="polite">${this.announcement()}</div>`;
  }

  private failureText(code: FailureCode): string {
    switch (code) {
      case 'timeout':
        return msg('فهرست پایگاه‌ها دیر رسید؛ شاید اینترنت کند است. دوباره تلاش کنید.');
      case 'server':
        return msg('سرور فهرست پایگاه‌ها پاسخ درستی نداد. کمی بعد دوباره تلاش کنید.');
      case 'not-found':
      case 'no-src':
        return msg('فهرست پایگاه‌ها در این نشانی پیدا نشد. لطفاً به مدیر این وب‌سایت خبر دهید.');
      case 'unreadable':
        return msg('فهرست پایگاه‌ها خوانا نبود. لطفاً به مدیر این وب‌سایت خبر دهید.');
      default:
        return msg('به فهرست پایگاه‌ها دسترسی نشد. اتصال اینترنت را بررسی کنید و دوباره تلاش کنید.');
    }
  }

  private renderFailure() {
    const failure = this.failure;
    return failure
      ? html`<div part="error" class="error way" role="alert"><p>${this.failureText(failure.code)}</p>
<p>${msg('تا آن زمان، خط ۱۲۳ (اورژانس اجتماعی) و ۱۴۸۰ (صدای مشاور) پاسخ می‌دهند.')}</p>
<button part="button" type="button" @click=${() => failure.retry()}>${msg('تلاش دوباره')}</button></div>`
      : nothing;
  }

  /** Why the device's position is not known, with the other ways to locate; '' when it is not a problem. */
  private geoProblem(): string {
    const geo = this.geo;
    const problem =
      geo === 'denied'
        ? msg('اجازه‌ی دسترسی به موقعیت شما داده نشد.')
        : geo === 'timeout'
          ? msg('یافتن موقعیت شما بیش از اندازه طول کشید.')
          : geo === 'unavailable'
            ? msg('موقعیت شما پیدا نشد.')
            : geo === 'unsupported'
              ? msg('این مرورگر نمی‌تواند موقعیت شما را بدهد.')
              : '';
    return (
      problem &&
      `${problem} ${msg('می‌توانید استان و شهرستان را انتخاب کنید یا نام محله، شهرستان یا پایگاه را جست‌وجو کنید.')}`
    );
  }

  private renderGeolocation() {
    const problem = this.geoProblem();
    return html`<div class="way">
<button part="button geolocate-button" class="primary" type="button" aria-describedby="geo-why" @click=${this.useMyLocation}>${this.geo === 'asking' ? msg('در حال یافتن موقعیت شما…') : msg('از موقعیت من استفاده کن')}</button>
<p class="hint" id="geo-why">${msg('مرورگر پیش از آن از شما اجازه می‌خواهد. موقعیت شما فقط در همین صفحه برای مرتب کردن پایگاه‌ها به کار می‌رود و ذخیره یا فرستاده نمی‌شود.')}</p>
${problem ? html`<p class="problem" id="geo-problem">${problem}</p>` : nothing}</div>`;
  }

  /** Options of a select: an empty first choice, then the entries (the chosen one selected). */
  private options(empty: string, entries: { id: string; name: Names }[], chosen: string) {
    return html`<option value="">${empty}</option>${entries.map(
      (entry) =>
        html`<option value=${entry.id} ?selected=${entry.id === chosen}>${this.text(entry.name)}</option>`,
    )}`;
  }

  private renderPlacesForm() {
    const problem = this.formProblem;
    const counties =
      this.places?.provinces.find((entry) => entry.id === this.chosenProvince)?.counties ?? [];
    return html`<form part="places-form" class="way" @submit=${this.onPlacesSubmit}><fieldset>
<legend>${msg('یا استان و شهرستان را انتخاب کنید')}</legend>
<div class="row"><div class="field"><label for="province">${msg('استان')}</label>
<select part="input" id="province" aria-describedby=${problem ? 'province-problem' : nothing} aria-invalid=${problem ? 'true' : nothing} @change=${this.onProvinceChange}>${this.options(msg('انتخاب کنید'), this.index?.provinces ?? [], this.chosenProvince)}</select></div>
<div class="field"><label for="county">${msg('شهرستان')}</label>
<select part="input" id="county" @change=${(e: Event) => (this.chosenCounty = (e.target as HTMLSelectElement).value)}>${this.options(msg('همه‌ی شهرستان‌ها'), counties, this.chosenCounty)}</select></div>
<button part="button" type="submit">${msg('نمایش پایگاه‌ها')}</button></div>
${problem ? html`<p class="problem" id="province-problem">${msg('نخست یک استان انتخاب کنید.')}</p>` : nothing}
</fieldset></form>`;
  }

  private renderSearch() {
    const matches = this.found;
    return html`<form part="search-form" class="way" role="search" @submit=${this.onSearch}>
<label for="search">${msg('یا نام محله، شهرستان یا پایگاه را بنویسید')}</label>
<div class="row"><input part="input search-input" id="search" type="search" autocomplete="off" enterkeyhint="search"><button part="button" type="submit">${msg('جست‌وجو')}</button></div>
${matches ? this.renderMatches(matches) : nothing}</form>`;
  }

  /** What a match is, e.g. «شهرستان، استان کرمان». */
  private kindText(kind: PlaceMatch['kind'] | 'base', provinceId: string): string {
    const province = this.provinceText(provinceId);
    return kind === 'province'
      ? msg('استان')
      : kind === 'county'
        ? msg(str`شهرستان، استان ${province}`)
        : kind === 'base'
          ? msg(str`پایگاه، استان ${province}`)
          : msg(str`محله، استان ${province}`);
  }

  /** How many places and bases matched, as the list's heading and the live region's words. */
  private matchesText({ places, names }: Matches): string {
    return msg(
      str`${toLocaleDigits(places.length + names.length, this.locale)} مورد با جست‌وجوی شما جور است.`,
    );
  }

  private renderMatches(matches: Matches) {
    const items = [
      ...matches.places.map(
        (match) => [match.name, match.kind, match.province, () => this.choosePlace(match)] as const,
      ),
      ...matches.names.map(
        ({ entry }) => [entry.name, 'base', entry.province, () => this.chooseName(entry)] as const,
      ),
    ];
    if (items.length === 0)
      return html`<p part="matches" class="problem">${
        matches.needProvince
          ? msg('برای جست‌وجوی نام پایگاه‌ها نخست استان را انتخاب کنید.')
          : msg(
              str`چیزی با «${matches.text}» پیدا نشد. نوشتار دیگری را امتحان کنید یا استان را انتخاب کنید.`,
            )
      }</p>`;
    return html`<div part="matches" class="matches"><p id="matches-heading">${this.matchesText(matches)}</p>
<ul aria-labelledby="matches-heading">${items.map(
      ([name, kind, province, choose]) =>
        html`<li><button part="button" type="button" class="link" @click=${choose}>${this.phrase(name)} <span class="muted">(${this.kindText(kind, province)})</span></button></li>`,
    )}</ul></div>`;
  }

  private renderMapToggle() {
    const open = this.mapOpen;
    const state = open ? this.mapState : '';
    return this.mapTiles
      ? html`<div class="way">
<button part="button map-toggle" type="button" aria-expanded=${String(open)} aria-controls="map" @click=${() => (this.mapOpen = !open)}>${open ? msg('پنهان کردن نقشه') : msg('نمایش نقشه')}</button>
${state === 'loading' ? html`<p>${msg('در حال بارگیری نقشه…')}</p>` : state === 'error' ? html`<p class="problem">${msg('نقشه بارگیری نشد؛ فهرست زیر کامل است.')}</p>` : nothing}
<div part="map" class="map" id="map" role="region" aria-label=${msg('نقشه‌ی نتیجه‌ها')} ?hidden=${!open || state === 'error'}></div></div>`
      : nothing;
  }

  private resultsHeading(query: Query): string {
    if (query.label) return msg(str`نزدیک‌ترین پایگاه‌ها به ${this.text(query.label)}`);
    if (query.source === 'geolocation') return msg('نزدیک‌ترین پایگاه‌ها به شما');
    return msg('نزدیک‌ترین پایگاه‌ها');
  }

  private emptyText(): string {
    return msg('پایگاهی در این محدوده پیدا نشد. جای دیگری را امتحان کنید یا با ۱۴۸۰ تماس بگیرید.');
  }

  private renderResults() {
    const query = this.query;
    if (!query) return nothing;
    const results = this.results;
    const loading = this.loadingResults;
    const sample = results?.some(({ record }) => record.sample) || this.index?.sample;
    return html`<section part="results" class="way" aria-labelledby="results-heading" aria-busy=${String(loading)}>
<h2 part="heading" id="results-heading">${this.resultsHeading(query)}</h2>
${loading ? html`<p>${msg('در حال یافتن نزدیک‌ترین پایگاه‌ها…')}</p>` : nothing}
${sample ? html`<p part="notice" class="notice">${msg('این داده‌ها نمونه و برای نمایش است؛ مکان، نشانی و ساعت‌ها تقریبی است و رسمی نیست.')}</p>` : nothing}
${results?.length === 0 && !loading ? html`<p class="empty">${this.emptyText()}</p>` : nothing}
${results?.length ? html`<ol class="list">${results.map((result, i) => this.renderResult(result, i))}</ol>` : nothing}</section>`;
  }

  /** A labelled list (services, accessibility notes), or nothing when it is empty. */
  private renderList(label: string, items: (Names | undefined)[], separator: string) {
    return items.length > 0
      ? html`<p><strong>${label}</strong> ${items.map((item) => this.text(item)).join(separator)}</p>`
      : nothing;
  }

  private renderResult({ record, distanceKm }: NearestBase, i: number) {
    const { latitude: lat, longitude: lng } = record.location;
    const id = `r${i}`;
    const selected = this.selectedId === record.id;
    const separator = this.locale === 'fa' ? '، ' : ', ';
    const { address_1, address_2, city } = record.address;
    const address = [address_1, address_2, city]
      .filter((part): part is Names => !!part)
      .map((part) => this.text(part))
      .join(separator);
    return html`<li part="result" class="result ${selected ? 'selected' : ''}" data-id=${record.id}>
<h3 part="result-name" id=${id}>${this.phrase(record.name)}</h3>
<p class="row"><span part="distance" class="distance">${this.distance(distanceKm)}</span>${this.renderHours(record)}</p>
<p>${address}</p>
${
  record.phones.length > 0
    ? html`<ul class="phones">${record.phones.map(
        (phone) =>
          html`<li><a href="tel:${normalizeDigits(phone.number).replace(/[^\d+]/g, '')}">${toLocaleDigits(phone.number, this.locale)}</a> ${phone.description ? html`<span class="muted">${this.phrase(phone.description)}</span>` : nothing}</li>`,
      )}</ul>`
    : nothing
}
${this.renderList(
  msg('خدمات:'),
  record.services.map((s) => s.name),
  separator,
)}
${this.renderList(
  msg('دسترس‌پذیری:'),
  record.accessibility.map((a) => a.description),
  separator,
)}
<div part="directions" class="directions"><span id="${id}-dir">${msg('مسیریابی:')}</span>
<ul class="row" aria-labelledby="${id}-dir ${id}">
<li><a href="geo:${lat},${lng}">${msg('برنامه‌ی نقشه‌ی دستگاه')}</a></li>
<li><a href="https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=16/${lat}/${lng}" lang="en" dir="ltr">OpenStreetMap</a></li>
<li><a href="https://neshan.org/maps/@${lat},${lng},16z">${msg('نشان')}</a></li>
<li><a href="https://balad.ir/location?latitude=${lat}&longitude=${lng}&zoom=16">${msg('بلد')}</a></li>
</ul></div>
<button part="button select-button" class="select" type="button" aria-pressed=${String(selected)} aria-describedby=${id} @click=${() => this.select(record.id)}>${selected ? msg('این پایگاه انتخاب شد') : msg('انتخاب این پایگاه')}</button></li>`;
  }

  private renderHours(record: LocatorRecord) {
    const now = this.now ?? new Date();
    const state = openingState(record.schedules, record.closures, now);
    const time = (date: Date) => formatTime(date, this.locale);
    let text: string;
    let open = false;
    if (state.status === 'always-open') {
      text = msg('شبانه‌روزی باز است');
      open = true;
    } else if (state.status === 'open') {
      open = true;
      text = state.closingSoon
        ? msg(str`به‌زودی می‌بندد، ساعت ${time(state.closesAt)}`)
        : msg(str`اکنون باز است تا ساعت ${time(state.closesAt)}`);
    } else if (state.status === 'closed') {
      const opensAt = state.opensAt;
      if (!opensAt) text = msg('اکنون بسته است');
      else {
        const today = tehranParts(now)?.date;
        const day = tehranParts(opensAt)?.date;
        text =
          day === today
            ? msg(str`اکنون بسته است؛ ساعت ${time(opensAt)} باز می‌شود`)
            : msg(str`اکنون بسته است؛ ${this.day(opensAt, now)} ساعت ${time(opensAt)} باز می‌شود`);
      }
    } else text = msg('ساعت کاری ثبت نشده است؛ پیش از رفتن تماس بگیرید.');
    return html`<span part="hours" class="hours ${open ? 'open' : 'closed'}">${text}</span>`;
  }

  /** A weekday, with the date when it is more than six days away. */
  private day(date: Date, now: Date): string {
    const far = date.getTime() - now.getTime() > 6 * 86_400_000;
    return new Intl.DateTimeFormat(this.locale === 'fa' ? 'fa-IR-u-ca-persian' : 'en-GB', {
      weekday: 'long',
      timeZone: 'Asia/Tehran',
      ...(far ? { day: 'numeric', month: 'long' } : {}),
    }).format(date);
  }

  /** What the live region says: the same sentences the widget shows, once each. */
  private announcement(): string {
    if (this.geo === 'asking') return msg('در حال یافتن موقعیت شما…');
    if (this.searching || this.loadingResults) return msg('در حال جست‌وجو…');
    const said = this.said;
    if (said === 'geo') return this.geoProblem();
    if (said === 'matches' && this.found) return this.matchesText(this.found);
    const results = this.results;
    if (said === 'results' && results)
      return results.length === 0
        ? this.emptyText()
        : msg(str`${toLocaleDigits(results.length, this.locale)} پایگاه پیدا شد، نزدیک‌ترین نخست.`);
    return '';
  }
}

defineElement(tag, BzServiceLocator);

declare global {
  interface HTMLElementTagNameMap {
    'bz-service-locator': BzServiceLocator;
  }
  interface HTMLElementEventMap {
    'bz-locate': CustomEvent<LocateDetail>;
    'bz-select': CustomEvent<SelectDetail>;
  }
}
