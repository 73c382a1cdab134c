// "No base is listed here yet — the nearest ones are…": for directory pages of places without
// bases. Places come from core's gazetteer (every province and county, with centres).
import { distanceKm } from '@behzisti/core/geo';
import type { ServiceBase } from '@behzisti/core/schemas';
import { toLocaleDigits } from '@behzisti/core/text';
import {
  type GazetteerProvince,
  loadGazetteer,
} from '../../../packages/core/src/locator/gazetteer.ts';
import { format, type Locale } from '../i18n/ui.ts';

/** The gazetteer's entry for a province (centre, counties, office contact when known). */
export function gazetteerProvince(id: string): GazetteerProvince | undefined {
  return loadGazetteer().provinces.find((province) => province.id === id);
}

/** The `count` bases nearest a point, nearest first, with their distance in km. */
export function nearestBases(
  bases: readonly ServiceBase[],
  [lat, lng]: readonly [number, number],
  count = 3,
): { base: ServiceBase; km: number }[] {
  return bases
    .map((base) => ({
      base,
      km: distanceKm({ lat, lng }, { lat: base.location.latitude, lng: base.location.longitude }),
    }))
    .sort((a, b) => a.km - b.km || (a.base.id < b.base.id ? -1 : 1))
    .slice(0, count);
}

/** «۱۲۰ کیلومتر» / «120 km», rounded to whole kilometres (a centre is no street address). */
export const distanceLabel = (km: number, locale: Locale) =>
  format(locale, 'directory.distance', { km: toLocaleDigits(Math.round(km), locale) });
