import type { Locale } from '../i18n/ui.ts';
import { loadProgrammes, loadServiceBases } from './data-collections.ts';
import { groupBases } from './directory.ts';

/** getStaticPaths for the directory and programme pages, per locale. */

export async function provinceRoutes(locale: Locale) {
  const groups = groupBases(await loadServiceBases(), locale);
  return groups.map((province) => ({ params: { province: province.id }, props: { province } }));
}

export async function countyRoutes(locale: Locale) {
  const groups = groupBases(await loadServiceBases(), locale);
  return groups.flatMap((province) =>
    province.counties.map((county) => ({
      params: { province: province.id, county: county.id },
      props: { province, county },
    })),
  );
}

export async function baseRoutes() {
  return (await loadServiceBases()).map((base) => ({ params: { id: base.id }, props: { base } }));
}

export async function programmeRoutes() {
  return (await loadProgrammes()).map((programme) => ({
    params: { id: programme.id },
    props: { programme },
  }));
}
