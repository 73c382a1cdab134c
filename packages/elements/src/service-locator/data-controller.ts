import { fileLanguage, type LocatorIndex, type LocatorPlaces } from '@behzisti/core/locator';
import type { ReactiveControllerHost } from 'lit';
import { isAbort, LocatorData } from './data.ts';

export interface DataOptions {
  /** The element's `src`: the URL of the published index.json. */
  src: () => string | undefined;
  /** The element's language: files are read in it when published in it. */
  locale: () => string;
  fetch: (url: string, signal: AbortSignal) => Promise<unknown>;
  warn: (text: string) => void;
  /** The index is loaded (apply the host's attributes now). */
  loaded: () => void;
  /** Loading failed; `retry` tries again. Not called for requests aborted on purpose. */
  failed: (error: unknown, retry: () => void) => void;
}

/**
 * The locator's data for the current `src` (see data.ts): `load()` starts over (a new `src`),
 * aborting what the old one still had in flight; `index` and the places of each province are
 * shown as soon as they arrive (the host is asked to update). Without `src` nothing is fetched
 * and the failure `no-src` is reported.
 */
export class LocatorDataController {
  index: LocatorIndex | undefined;
  /** The places loaded so far: the provinces chosen (or every one, once a search read them). */
  places: LocatorPlaces | undefined;
  #data: LocatorData | undefined;
  readonly #host: ReactiveControllerHost;
  readonly #options: DataOptions;

  constructor(host: ReactiveControllerHost, options: DataOptions) {
    this.#host = host;
    this.#options = options;
  }

  get started(): boolean {
    return this.#data !== undefined || this.index !== undefined;
  }

  load(): void {
    const options = this.#options;
    this.#data?.stop();
    this.#data = undefined;
    this.index = this.places = undefined;
    this.#host.requestUpdate();
    const src = options.src();
    if (!src) {
      options.warn('no src: set it to the URL of the published index.json');
      options.failed(Object.assign(new Error('no src'), { code: 'no-src' }), () => this.load());
      return;
    }
    const data = new LocatorData(new URL(src, document.baseURI).href, options.fetch);
    this.#data = data;
    data.indexReady.then(
      (index) => {
        if (data.aborted) return;
        this.index = index;
        this.#host.requestUpdate();
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
    return isAbort(error) && !!this.#data?.aborted;
  }

  /** The data of the current `src`, its index and the language of its files. */
  async current(): Promise<{ data: LocatorData; index: LocatorIndex; lang: string }> {
    const data = this.#data;
    if (!data) throw Object.assign(new Error('no src'), { code: 'no-src' });
    const index = await data.indexReady;
    return { data, index, lang: fileLanguage(index, this.#options.locale()) };
  }

  /** A province's places (format 1: every province's), kept for the lists. */
  async ensurePlaces(province: string): Promise<LocatorPlaces> {
    const { data, index, lang } = await this.current();
    return this.#keep(await data.places(index, province, lang));
  }

  /** Every province's places, for text search. */
  async ensureSearchPlaces(): Promise<LocatorPlaces> {
    const { data, index, lang } = await this.current();
    return this.#keep(await data.searchPlaces(index, lang));
  }

  #keep(loaded: LocatorPlaces): LocatorPlaces {
    const have = new Map(this.places?.provinces.map((province) => [province.id, province]));
    for (const province of loaded.provinces) have.set(province.id, province);
    this.places = { provinces: [...have.values()] };
    this.#host.requestUpdate();
    return loaded;
  }
}
