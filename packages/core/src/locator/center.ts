// A province's centre from its counties, in a module of its own: the widget needs it on its
// first answer, while the rest of text search (search.ts, with core's Persian matcher and its
// tables built at load) is loaded only when someone searches.

import type { LatLng } from '../geo.ts';
import type { CountyPlace } from './format.ts';

/**
 * The centre of the bases of some counties (e.g. a province's): their centres weighted by their
 * counts; where none holds a base (a province from the gazetteer), the plain mean of the
 * counties' centres; undefined when there are no counties.
 */
export function countiesCenter(counties: readonly CountyPlace[]): LatLng | undefined {
  if (counties.length === 0) return undefined;
  const total = counties.reduce((sum, county) => sum + county.count, 0);
  const weight = (county: CountyPlace) => (total > 0 ? county.count / total : 1 / counties.length);
  const mean = (of: (center: LatLng) => number) =>
    counties.reduce((sum, county) => sum + of(county.center) * weight(county), 0);
  return { lat: mean((c) => c.lat), lng: mean((c) => c.lng) };
}
