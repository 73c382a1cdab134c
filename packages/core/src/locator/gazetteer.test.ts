import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readServiceBaseFolder } from '../data-files.ts';
import { provinces } from '../provinces.ts';
import { buildLocatorData } from './build.ts';
import { GazetteerSchema, loadGazetteer } from './gazetteer.ts';
import { parseIndex, parsePlaces } from './read.ts';
import { planNameSearch, searchPlaces, suggestPlaces } from './search.ts';
import { base } from './test-helpers.ts';

const gazetteer = loadGazetteer();
const raw = JSON.parse(readFileSync(new URL('./gazetteer.json', import.meta.url), 'utf8'));

describe('the gazetteer (gazetteer.json)', () => {
  it('names its source and licence', () => {
    expect(gazetteer.source.licence).toMatch(/ODbL/);
    expect(gazetteer.source.url).toMatch(/^https:\/\//);
  });

  it('lists each of the 31 provinces once, in core’s list, each with counties', () => {
    expect(gazetteer.provinces.map((p) => p.id).sort()).toEqual(provinces.map((p) => p.id).sort());
    for (const province of gazetteer.provinces) expect(province.counties.length).toBeGreaterThan(2);
    // Some 470 counties in 2025 (OpenStreetMap); a large drop means a broken extract.
    const counties = gazetteer.provinces.reduce((n, p) => n + p.counties.length, 0);
    expect(counties).toBeGreaterThan(450);
  });

  it('gives every county a Persian and an English name and a centre near its province', () => {
    for (const province of gazetteer.provinces) {
      for (const county of province.counties) {
        expect(county.name.fa).not.toMatch(/^شهرستان|[A-Za-z]/);
        expect(county.name.en).toMatch(/^[A-Z]/);
        const [lat, lng] = county.center;
        const [plat, plng] = province.center;
        // Iran's largest province (Kerman, Sistan and Baluchestan) spans about 5° across.
        expect(Math.hypot(lat - plat, lng - plng), `${province.id}/${county.id}`).toBeLessThan(6);
      }
    }
  });

  it('knows every county a service-base record names, by the same id', async () => {
    const folder = join(import.meta.dirname, '../../../../portal/src/content/service-bases');
    const { bases } = readServiceBaseFolder(folder);
    expect(bases.length).toBeGreaterThan(0);
    for (const record of bases) {
      const province = gazetteer.provinces.find((p) => p.id === record.province);
      expect(
        province?.counties.some((c) => c.id === record.county.id),
        `${record.id}: county ${record.county.id}`,
      ).toBe(true);
    }
  });

  it('refuses a broken file: a missing province, a repeated county, a centre outside Iran', () => {
    const drop = structuredClone(raw);
    drop.provinces.pop();
    expect(GazetteerSchema.safeParse(drop).success).toBe(false);
    const twice = structuredClone(raw);
    twice.provinces[0].counties.push(twice.provinces[0].counties[0]);
    expect(GazetteerSchema.safeParse(twice).success).toBe(false);
    const far = structuredClone(raw);
    far.provinces[3].counties[0].center = [51.6, 32.6];
    expect(GazetteerSchema.safeParse(far).success).toBe(false);
  });
});

describe('buildLocatorData with the gazetteer', () => {
  const build = buildLocatorData([base('a', 32.65, 51.67)], { generated: '2026-12-05', gazetteer });
  const index = parseIndex(JSON.parse(build.files.get('index.json') ?? ''));
  const places = parsePlaces(JSON.parse(build.files.get('places.json') ?? ''));

  it('lists all 31 provinces, those without bases with count 0 and no names file', () => {
    expect(index.provinces).toHaveLength(31);
    expect(index.provinces.find((p) => p.id === 'tehran')).toMatchObject({
      count: 0,
      name: { fa: 'تهران', en: 'Tehran' },
    });
    expect(planNameSearch(index)).toEqual(['isfahan']);
    expect([...build.files.keys()].filter((k) => k.includes('/names.'))).toEqual([
      'provinces/isfahan/names.json',
    ]);
    // Each province has its places file (a province chosen from the list reads only that one),
    // and a centre in the index to search from: Tehran, without bases, the mean of its counties.
    expect(build.files.has('provinces/tehran/places.fa.json')).toBe(true);
    expect(index.provinces.find((p) => p.id === 'tehran')?.center).toMatchObject({
      lat: expect.closeTo(35.6, 0),
      lng: expect.closeTo(51.4, 0),
    });
  });

  it('lists every county, keeping the bases’ centre and count where there are bases', () => {
    expect(places.provinces).toHaveLength(31);
    const isfahan = places.provinces.find((p) => p.id === 'isfahan');
    expect(isfahan?.counties.length).toBe(
      gazetteer.provinces.find((p) => p.id === 'isfahan')?.counties.length,
    );
    expect(isfahan?.counties.find((c) => c.id === 'isfahan')).toMatchObject({
      count: 1,
      center: { lat: 32.65, lng: 51.67 },
    });
    expect(isfahan?.counties.find((c) => c.id === 'kashan')).toMatchObject({
      count: 0,
      neighbourhoods: [],
    });
  });

  it('finds a province without bases by name, and suggests near-misses', () => {
    expect(searchPlaces(places, 'تهران').map((m) => [m.kind, m.count])).toContainEqual([
      'province',
      0,
    ]);
    expect(suggestPlaces(places, 'تهرن').map((m) => m.name.fa)).toContain('تهران');
  });
});
