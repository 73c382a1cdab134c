import {
  countiesCenter,
  type LocatorIndex,
  type LocatorPlaces,
  type LocatorRecord,
  parseIndex,
  parsePlaces,
  placesUrl,
  searchPlacesUrl,
} from '@behzisti/core/locator';
import type { FailureCode } from './types.ts';

/**
 * The published locator data (docs/data.md) as the widget reads it: the index first, then only
 * the places, names and chunks a question needs, in the page's language, each fetched once and
 * shared by the questions that need it. A new `src` starts a new LocatorData; the old one's
 * requests are aborted.
 */
export class LocatorData {
  readonly indexReady: Promise<LocatorIndex>;
  /** Chunks loaded so far, by language and key (the nearest search reuses them). */
  readonly #loaded = new Map<string, Map<string, readonly LocatorRecord[]>>();
  /** Files by URL: one request each, forgotten when it fails so a retry asks again. */
  readonly #files = new Map<string, Promise<unknown>>();
  readonly #abort = new AbortController();
  readonly indexUrl: string;
  readonly #fetchJson: (url: string, signal: AbortSignal) => Promise<unknown>;

  constructor(indexUrl: string, fetchJson: (url: string, signal: AbortSignal) => Promise<unknown>) {
    this.indexUrl = indexUrl;
    this.#fetchJson = fetchJson;
    this.indexReady = this.#fetchJson(indexUrl, this.#abort.signal).then(parseIndex);
  }

  get aborted(): boolean {
    return this.#abort.signal.aborted;
  }

  /** Stops every request of this data (the element left, or `src` changed). */
  stop(): void {
    this.#abort.abort();
  }

  /** A data file, fetched once and parsed with `parse` (the add-ons read names and chunks so). */
  file<T>(url: string, parse: (json: unknown) => T): Promise<T> {
    let ready = this.#files.get(url) as Promise<T> | undefined;
    if (!ready) {
      ready = this.#fetchJson(url, this.#abort.signal).then(parse);
      ready.catch(() => this.#files.delete(url));
      this.#files.set(url, ready);
    }
    return ready;
  }

  /** The chunks loaded in `lang`: the nearest search's cache. */
  loaded(lang: string): Map<string, readonly LocatorRecord[]> {
    const loaded = this.#loaded.get(lang) ?? new Map<string, readonly LocatorRecord[]>();
    this.#loaded.set(lang, loaded);
    return loaded;
  }

  /** One province's counties and neighbourhoods (format 1: the places of every province). */
  places(index: LocatorIndex, province: string, lang: string): Promise<LocatorPlaces> {
    return this.file(placesUrl(index, this.indexUrl, province, lang), parsePlaces);
  }

  /** The places of every province, for text search and suggestions. */
  searchPlaces(index: LocatorIndex, lang: string): Promise<LocatorPlaces> {
    return this.file(searchPlacesUrl(index, this.indexUrl, lang), parsePlaces);
  }
}

/** The typed reason a data file could not be used (see load-json.ts and core's parsers). */
export function failureOf(error: unknown): FailureCode {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'network' || code === 'timeout' || code === 'not-found' || code === 'server')
    return code;
  return code === 'not-json' || (error as Error | null)?.name === 'LocatorDataError'
    ? 'unreadable'
    : 'network';
}

/** The centre of a province's bases: from the index (format 2), else from its places. */
export const provinceCenter = (
  index: LocatorIndex | undefined,
  places: LocatorPlaces | undefined,
  province: string,
) =>
  index?.provinces.find((entry) => entry.id === province)?.center ??
  countiesCenter(places?.provinces.find((entry) => entry.id === province)?.counties ?? []);

export const isAbort = (error: unknown) => (error as Error | null)?.name === 'AbortError';
