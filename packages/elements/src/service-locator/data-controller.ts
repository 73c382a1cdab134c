import type { LocatorIndex, LocatorPlaces } from '@behzisti/core/locator';
import type { ReactiveControllerHost } from 'lit';
import { isAbort, LocatorData } from './data.ts';

export interface DataOptions {
  /** The element's `src`: the URL of the published index.json. */
  src: () => string | undefined;
  fetch: (url: string, signal: AbortSignal) => Promise<unknown>;
  warn: (text: string) => void;
  /** The index is loaded (apply the host's attributes now). */
  loaded: () => void;
  /** Loading failed; `retry` tries again. Not called for requests aborted on purpose. */
  failed: (error: unknown, retry: () => void) => void;
}

/**
 * The locator's data for the current `src` (see data.ts): `load()` starts over (a new `src`),
 * aborting what the old one still had in flight; `index` and `places` are shown as soon as
 * they arrive (the host is asked to update). Without `src` nothing is fetched and the failure
 * `no-src` is reported.
 */
export class LocatorDataController {
  index: LocatorIndex | undefined;
  places: LocatorPlaces | undefined;
  private data: LocatorData | undefined;
  private readonly host: ReactiveControllerHost;
  private readonly options: DataOptions;

  constructor(host: ReactiveControllerHost, options: DataOptions) {
    this.host = host;
    this.options = options;
  }

  get started(): boolean {
    return this.data !== undefined || this.index !== undefined;
  }

  load(): void {
    const { options } = this;
    this.data?.stop();
    this.data = undefined;
    this.index = this.places = undefined;
    this.host.requestUpdate();
    const src = options.src();
    if (!src) {
      options.warn('no src: set it to the URL of the published index.json');
      options.failed(Object.assign(new Error('no src'), { code: 'no-src' }), () => this.load());
      return;
    }
    const data = new LocatorData(new URL(src, document.baseURI).href, options.fetch, options.warn);
    this.data = data;
    data.indexReady.then(
      (index) => {
        if (data.aborted) return;
        this.index = index;
        this.host.requestUpdate();
        if (index.skipped > 0)
          options.warn(`${index.skipped} record(s) were left out of the published data`);
        options.loaded();
      },
      (error: unknown) => {
        if (!data.aborted) options.failed(error, () => this.load());
      },
    );
  }

  /** True for the abort of a request this controller cancelled (not worth a message). */
  cancelled(error: unknown): boolean {
    return isAbort(error) && !!this.data?.aborted;
  }

  /** The data of the current `src` and its index; rejects while there is none. */
  async current(): Promise<{ data: LocatorData; index: LocatorIndex }> {
    const data = this.data;
    if (!data) throw Object.assign(new Error('no src'), { code: 'no-src' });
    return { data, index: await data.indexReady };
  }

  async ensurePlaces(): Promise<LocatorPlaces> {
    const { data } = await this.current();
    const places = await data.places();
    this.places = places;
    this.host.requestUpdate();
    return places;
  }
}
