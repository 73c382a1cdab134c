import type { LatLng } from '@behzisti/core/geo';
import type { NearestBase } from '@behzisti/core/locator';
import { msg } from '@lit/localize';
import { html, nothing, type ReactiveController, type ReactiveElement } from 'lit';
import type { LocatorMap, MapModule } from './map.ts';

/** What the map shows and where it comes from; read from the element at each update. */
export interface MapSource {
  tiles: string | undefined;
  attribution: string | undefined;
  results: NearestBase[] | undefined;
  position: LatLng | undefined;
  /**
   * `1. Name` and `1` for the marker of the result at `i`, in the widget's locale. (Not named
   * `marker`: that name is shortened in the widget script, and this controller is in the answer
   * add-on, built apart.)
   */
  pin: (result: NearestBase, i: number) => { title: string; label: string };
  load: () => Promise<MapModule>;
}

/**
 * The optional map of the locator (only with `map-tiles`): the "show map" toggle, loading the
 * map add-on on first opening, and keeping its markers in step with the results. Choosing a
 * marker moves focus to that base's "choose" control in the list.
 */
export class MapController implements ReactiveController {
  open = false;
  state: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  readonly #host: ReactiveElement;
  readonly #source: () => MapSource;
  #view: LocatorMap | undefined;
  #shows: NearestBase[] | undefined;

  constructor(host: ReactiveElement, source: () => MapSource) {
    this.#host = host;
    this.#source = source;
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.open) void this.#sync();
  }

  hostDisconnected(): void {
    this.#view?.destroy();
    this.#view = undefined;
    this.#shows = undefined;
  }

  #set(change: Partial<Pick<MapController, 'open' | 'state'>>): void {
    Object.assign(this, change);
    this.#host.requestUpdate();
  }

  async #sync(): Promise<void> {
    await null; // after this update, so the state set below schedules the next one cleanly
    const root = this.#host.renderRoot;
    const container = root.querySelector<HTMLElement>('.map');
    const source = this.#source();
    if (!container || !source.tiles) return;
    if (!this.#view) {
      if (this.state === 'loading') return;
      this.#set({ state: 'loading' });
      try {
        const module = await source.load();
        this.#view = module.createMap(container, {
          tiles: source.tiles,
          attribution: source.attribution ?? '',
          onSelect: (id) =>
            root.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"] .select`)?.focus(),
        });
        this.#set({ state: 'ready' });
      } catch (error) {
        console.warn('bz-service-locator: the map could not be loaded', error);
        this.#set({ state: 'error' });
        return;
      }
    }
    if (this.#shows !== source.results || !container.hidden) {
      this.#shows = source.results;
      this.#view.update(
        (source.results ?? []).map((result, i) => ({
          id: result.record.id,
          lat: result.record.location.latitude,
          lng: result.record.location.longitude,
          ...source.pin(result, i),
        })),
        source.position,
      );
    }
  }

  render() {
    if (!this.#source().tiles) return nothing;
    const open = this.open;
    const state = open ? this.state : '';
    return html`
      <div class="way">
        <button
          part="button map-toggle"
          type="button"
          aria-expanded=${String(open)}
          aria-controls="map"
          @click=${() => this.#set({ open: !open })}
        >
          ${open ? msg('پنهان کردن نقشه') : msg('نمایش نقشه')}
        </button>
        ${state === 'loading' ? html`<p>${msg('در حال بارگیری نقشه…')}</p>` : nothing}
        ${state === 'error' ? html`<p class="problem">${msg('نقشه بارگیری نشد؛ فهرست زیر کامل است.')}</p>` : nothing}
        <div
          part="map"
          class="map"
          id="map"
          role="region"
          aria-label=${msg('نقشه‌ی نتیجه‌ها')}
          ?hidden=${!open || state === 'error'}
        ></div>
      </div>
    `;
  }
}
