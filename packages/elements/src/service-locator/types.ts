import type { LatLng } from '@behzisti/core/geo';
import type { NameMatch, PlaceMatch } from '@behzisti/core/locator';
import type { LoadOptions } from '../shared/load-json.ts';

// The locator's public event details and its internal state shapes.

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
export type FailureCode = 'network' | 'timeout' | 'not-found' | 'server' | 'unreadable' | 'no-src';
export type GeoState = 'idle' | 'asking' | 'denied' | 'unavailable' | 'timeout' | 'unsupported';
/** A name in the published data: Persian, and English when there is one. */
export type Names = { fa: string; en?: string };

export interface Scope {
  province?: string;
  county?: string;
  /** Bases in the scope (from the index or places), so the nearest search stays exact. */
  count?: number;
}

export interface Query {
  position: LatLng;
  source: LocateSource;
  scope: Scope;
  /** What the position is: a place's or base's name; none for a device or host position. */
  label?: Names;
  /** The citizen asked (not the host page): the answer gets focus and is scrolled into view. */
  asked?: boolean;
}

export interface Matches {
  text: string;
  places: PlaceMatch[];
  names: NameMatch[];
  /** The dataset is too large to search every base name: a province must be chosen first. */
  needProvince: boolean;
  /** Nothing matched: the places whose names come closest (core's suggestPlaces). */
  suggested: PlaceMatch[];
}

declare global {
  interface HTMLElementEventMap {
    'bz-locate': CustomEvent<LocateDetail>;
    'bz-select': CustomEvent<SelectDetail>;
  }
}
