// The portal's sample dataset: valid, honest (sample, no invented numbers) and publishable.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatFromPath } from '../cli/formats.ts';
import { readRecords } from '../cli/read-records.ts';
import { formatIssue, validateFiles } from '../cli/validate.ts';
import { buildLocatorData } from './build.ts';
import { parseIndex, parsePlaces } from './read.ts';
import { validateServiceBases } from './validate.ts';

const folder = fileURLToPath(
  new URL('../../../../portal/src/content/service-bases/', import.meta.url),
);

function readDataset(): unknown[] {
  return readdirSync(folder)
    .filter((name) => formatFromPath(name))
    .sort()
    .flatMap((name) => {
      const format = formatFromPath(name);
      if (!format) return [];
      return readRecords(readFileSync(`${folder}${name}`, 'utf8'), format).records.map(
        (r) => r.value,
      );
    });
}

describe('sample service-base dataset', () => {
  it('passes validate-data', () => {
    const result = validateFiles([folder]);
    expect(result.issues.map(formatIssue)).toEqual([]);
    expect(result.records).toBeGreaterThanOrEqual(25);
  });

  const { bases, skipped } = validateServiceBases(readDataset());

  it('is all sample data with no invented phone numbers', () => {
    expect(skipped).toEqual([]);
    for (const base of bases) {
      expect(base.sample, base.id).toBe(true);
      expect(base.address.address_1.en ?? '', base.id).toMatch(/approximate sample address/i);
      // A base's phones are its own numbers; the sample knows none (and the nationwide lines are
      // shown in a box of their own, never as a base's number).
      expect(base.phones, base.id).toEqual([]);
    }
  });

  it('covers the places in the news', () => {
    const counties = new Set(bases.map((base) => `${base.province}/${base.county.id}`));
    for (const county of [
      'isfahan/fereydunshahr',
      'isfahan/semirom',
      ...[
        'faryab',
        'qaleh-ganj',
        'rudbar-e-jonubi',
        'manujan',
        'anbarabad',
        'rigan',
        'narmashir',
        'arzuiyeh',
        'rabor',
        'kuhbanan',
      ].map((id) => `kerman/${id}`),
    ])
      expect(counties, county).toContain(county);
    const hoods = bases.map((base) => base.neighbourhood?.en);
    expect(hoods).toEqual(expect.arrayContaining(['Hesseh', 'Arzanan']));
    expect(new Set(bases.map((base) => base.province))).toEqual(
      new Set(['isfahan', 'kerman', 'ardabil', 'markazi']),
    );
  });

  it('publishes: an index with every base and a places file listing the counties', () => {
    const build = buildLocatorData(bases, { generated: '2026-11-23' });
    const index = parseIndex(JSON.parse(build.files.get('index.json') ?? ''));
    expect(index.count).toBe(bases.length);
    expect(index.sample).toBe(true);
    const places = parsePlaces(JSON.parse(build.files.get('places.json') ?? ''));
    expect(places.provinces.flatMap((p) => p.counties).length).toBeGreaterThanOrEqual(20);
  });
});
