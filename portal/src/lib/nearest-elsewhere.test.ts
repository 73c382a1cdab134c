import { fileURLToPath } from 'node:url';
import { readServiceBaseFolder } from '@behzisti/core/data-files';
import { describe, expect, it } from 'vitest';
import { distanceLabel, gazetteerProvince, nearestBases } from './nearest-elsewhere';

describe('nearest bases for a place without bases', () => {
  it('knows every province’s centre, and lists the nearest bases to it, nearest first', () => {
    const tehran = gazetteerProvince('tehran');
    expect(tehran?.center).toBeDefined();
    const folder = fileURLToPath(new URL('../content/service-bases', import.meta.url));
    const { bases } = readServiceBaseFolder(folder);
    const nearest = nearestBases(bases, tehran?.center ?? [0, 0], 3);
    expect(nearest).toHaveLength(3);
    // Markazi is Tehran's neighbour among the provinces with sample bases.
    expect(nearest[0]?.base.province).toBe('markazi');
    expect(nearest.map((n) => n.km)).toEqual([...nearest.map((n) => n.km)].sort((a, b) => a - b));
  });

  it('writes whole kilometres in the locale’s digits', () => {
    expect(distanceLabel(119.6, 'fa')).toBe('۱۲۰ کیلومتر');
    expect(distanceLabel(119.6, 'en')).toBe('120 km');
  });
});
