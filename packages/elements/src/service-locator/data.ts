import {
  chunkUrl,
  countiesCenter,
  type LocatorIndex,
  type LocatorPlaces,
  type LocatorRecord,
  type NameEntry,
  namesUrl,
  parseChunk,
  parseIndex,
  parseNames,
  parsePlaces,
  placesUrl,
} from '@behzisti/core/locator';
import type { FailureCode } from './types.ts';

/**
 * The published locator data (docs/data.md) as the widget reads it: the index first, then only
 * the places, names and chunks a question needs, each fetched once and shared by the questions
 * that need it. A new `src` starts a new LocatorData; the old one's requests are aborted.
 */
export class LocatorData {
  readonly indexReady: Promise<LocatorIndex>;
  /** Chunks loaded so far, by key (the nearest search reuses them). */
  readonly loaded = new Map<string, readonly LocatorRecord[]>();
  private placesReady: Promise<LocatorPlaces> | undefined;
  private readonly namesReady = new Map<string, Promise<NameEntry[]>>();
  private readonly abort = new AbortController();
  readonly indexUrl: string;
  private readonly fetchJson: (url: string, signal: AbortSignal) => Promise<unknown>;
  private readonly warn: (text: string) => void;

  constructor(
    indexUrl: string,
    fetchJson: (url: string, signal: AbortSignal) => Promise<unknown>,
    warn: (text: string) => void,
  ) {
    this.indexUrl = indexUrl;
    this.fetchJson = fetchJson;
    this.warn = warn;
    this.indexReady = this.fetch(indexUrl).then(parseIndex);
  }

  get aborted(): boolean {
    return this.abort.signal.aborted;
  }

  /** Stops every request of this data (the element left, or `src` changed). */
  stop(): void {
    this.abort.abort();
  }

  private fetch(url: string): Promise<unknown> {
    return this.fetchJson(url, this.abort.signal);
  }

  places(): Promise<LocatorPlaces> {
    this.placesReady ??= this.indexReady
      .then((index) => this.fetch(placesUrl(index, this.indexUrl)))
      .then(parsePlaces);
    this.placesReady.catch(() => {
      this.placesReady = undefined;
    });
    return this.placesReady;
  }

  names(index: LocatorIndex, province: string): Promise<NameEntry[]> {
    let ready = this.namesReady.get(province);
    if (!ready) {
      ready = this.fetch(namesUrl(index, this.indexUrl, province)).then(parseNames);
      ready.catch(() => this.namesReady.delete(province));
      this.namesReady.set(province, ready);
    }
    return ready;
  }

  async chunk(index: LocatorIndex, key: string): Promise<readonly LocatorRecord[]> {
    const chunk = parseChunk(await this.fetch(chunkUrl(index, this.indexUrl, key)));
    if (chunk.skipped > 0) this.warn(`skipped ${chunk.skipped} unusable record(s) in chunk ${key}`);
    return chunk.records;
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

/** The centre of a province's bases, from places.json. */
export const provinceCenter = (places: LocatorPlaces, province: string) =>
  countiesCenter(places.provinces.find((entry) => entry.id === province)?.counties ?? []);

export const isAbort = (error: unknown) => (error as Error | null)?.name === 'AbortError';
