import { describe, expect, it } from 'vitest';
import { serviceBaseCsvCells } from './csv.ts';
import { toGeoJson } from './geojson.ts';
import { geoJsonSchema } from './schemas.ts';
import { datasetBases, fullBase, hsdsAjv } from './test-fixtures.ts';

describe('toGeoJson', () => {
  const bases = [...datasetBases(), fullBase];
  const collection = toGeoJson(bases);

  it('is a FeatureCollection of one Point per base, [longitude, latitude]', () => {
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features).toHaveLength(bases.length);
    collection.features.forEach((feature, i) => {
      const base = bases[i];
      expect(feature.id).toBe(base?.id);
      expect(feature.geometry).toEqual({
        type: 'Point',
        coordinates: [base?.location.longitude, base?.location.latitude],
      });
    });
  });

  it('has the CSV columns as properties, empty ones left out', () => {
    const feature = toGeoJson([fullBase]).features[0];
    const { latitude: _lat, longitude: _lng, ...cells } = serviceBaseCsvCells(fullBase);
    expect(feature?.properties).toEqual(cells);
    const sparse = collection.features[0]?.properties ?? {};
    expect(Object.values(sparse)).not.toContain('');
    expect(sparse.sample).toBe(true);
    expect(sparse).not.toHaveProperty('phones'); // the sample records have no number of their own
  });

  it('matches the published GeoJSON schema, which refuses points outside Iran', () => {
    const validate = hsdsAjv().compile(geoJsonSchema());
    expect(validate(collection), JSON.stringify(validate.errors)).toBe(true);
    const swapped = structuredClone(collection);
    const first = swapped.features[0];
    if (first) first.geometry.coordinates.reverse();
    expect(validate(swapped)).toBe(false);
  });
});
