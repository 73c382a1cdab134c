import { describe, expect, it } from 'vitest';
import { buildLocatorData } from './build.ts';
import { LOCATOR_FORMAT_VERSION, LocatorDataError } from './format.ts';
import { chunkUrl, fileLanguage, placesUrl } from './plan.ts';
import { parseChunk, parseIndex, parseNames, parsePlaces } from './read.ts';
import { compactRecord, expandRecord } from './records.ts';
import { base, baseInput, clusteredBases } from './test-helpers.ts';
import { validateServiceBases } from './validate.ts';

describe('validateServiceBases', () => {
  it('skips and counts invalid records and repeated ids, keeping the rest', () => {
    const { bases, skipped } = validateServiceBases([
      baseInput('ok-1', 32.6, 51.6),
      baseInput('swapped', 51.6, 32.6),
      { id: 'no-name' },
      'not a record',
      baseInput('ok-1', 32.7, 51.7),
      baseInput('ok-2', 32.8, 51.8, { phones: [{ number: 'call us' }] }),
      baseInput('ok-3', 32.9, 51.9),
    ]);
    expect(bases.map((b) => b.id)).toEqual(['ok-1', 'ok-3']);
    expect(skipped.map((s) => [s.position, s.id])).toEqual([
      [2, 'swapped'],
      [3, 'no-name'],
      [4, undefined],
      [5, 'ok-1'],
      [6, 'ok-2'],
    ]);
    expect(skipped[0]?.problems.join('\n')).toMatch(/location\.latitude — .*outside Iran/);
    expect(skipped[3]?.problems).toEqual(["id — 'ok-1' is already used by an earlier record"]);
  });
});

describe('buildLocatorData', () => {
  const bases = clusteredBases(400, 9);
  const build = buildLocatorData(bases, {
    generated: '2026-11-23',
    maxRecordsPerChunk: 32,
    skipped: 2,
  });
  const index = parseIndex(JSON.parse(build.files.get('index.json') ?? ''));

  it('round-trips: every base is in exactly one chunk, inside that chunk’s box', () => {
    expect(index).toMatchObject({
      formatVersion: LOCATOR_FORMAT_VERSION,
      count: 400,
      skipped: 2,
      sample: true,
      generated: '2026-11-23',
    });
    const seen = new Map<string, unknown>();
    for (const chunk of index.chunks) {
      const parsed = parseChunk(
        JSON.parse(build.files.get(`provinces/${chunk.key}.en.json`) ?? ''),
      );
      expect(parsed.skipped).toBe(0);
      expect(parsed.records).toHaveLength(chunk.count);
      expect(chunk.count).toBeLessThanOrEqual(32);
      for (const record of parsed.records) {
        expect(seen.has(record.id)).toBe(false);
        seen.set(record.id, record);
        expect(record.location.latitude).toBeGreaterThanOrEqual(chunk.bbox.south);
        expect(record.location.latitude).toBeLessThanOrEqual(chunk.bbox.north);
        expect(record.location.longitude).toBeGreaterThanOrEqual(chunk.bbox.west);
        expect(record.location.longitude).toBeLessThanOrEqual(chunk.bbox.east);
      }
    }
    // Records come back exactly as validated (coordinates already have 5 decimals here).
    for (const b of bases) expect(seen.get(b.id)).toEqual(b);
  });

  it('is deterministic, and the version changes only with the data', () => {
    const again = buildLocatorData([...bases].reverse(), {
      generated: '2027-01-01',
      maxRecordsPerChunk: 32,
      skipped: 2,
    });
    expect(again.version).toBe(build.version);
    const changed = buildLocatorData(bases.slice(1), {
      generated: '2026-11-23',
      maxRecordsPerChunk: 32,
    });
    expect(changed.version).not.toBe(build.version);
  });

  it('writes places and per-province names that read back', () => {
    const withPlaces = [
      base('hesseh-1', 32.7, 51.69, { neighbourhood: { fa: 'حصه', en: 'Hesseh' } }),
      base('hesseh-2', 32.702, 51.691, { neighbourhood: { fa: 'حصّه', en: 'Hesseh' } }),
      base('ardabil-1', 38.25, 48.3, {
        province: 'ardabil',
        county: { id: 'ardabil', name: { fa: 'اردبیل', en: 'Ardabil' } },
      }),
    ];
    const out = buildLocatorData(withPlaces, { generated: '2026-11-23' });
    const places = parsePlaces(JSON.parse(out.files.get('places.json') ?? ''));
    expect(places.provinces.map((p) => p.id)).toEqual(['ardabil', 'isfahan']);
    // Province names travel with the data (places and index), so the widget needs no list.
    expect(places.provinces[0]?.name).toEqual({ fa: 'اردبیل', en: 'Ardabil' });
    const index = parseIndex(JSON.parse(out.files.get('index.json') ?? ''));
    expect(index.provinces[1]).toEqual({
      id: 'isfahan',
      name: { fa: 'اصفهان', en: 'Isfahan' },
      count: 2,
      center: { lat: 32.701, lng: 51.6905 },
    });
    // An index written without names still reads: the id stands in.
    const older = JSON.parse(out.files.get('index.json') ?? '');
    older.provinces = [['isfahan', 2]];
    expect(parseIndex(older).provinces).toEqual([
      { id: 'isfahan', name: { fa: 'isfahan' }, count: 2 },
    ]);
    const isfahan = places.provinces[1]?.counties[0];
    // «حصه» and «حصّه» (with shadda) are one neighbourhood.
    expect(isfahan?.neighbourhoods).toHaveLength(1);
    expect(isfahan?.neighbourhoods[0]).toMatchObject({ count: 2, name: { fa: 'حصه' } });
    const names = parseNames(JSON.parse(out.files.get('provinces/isfahan/names.json') ?? ''));
    expect(names.map((n) => n.id)).toEqual(['hesseh-1', 'hesseh-2']);
    expect(names[0]).toMatchObject({
      province: 'isfahan',
      county: 'isfahan',
      position: { lat: 32.7, lng: 51.69 },
    });
  });
});

describe('files per province and language (format 2)', () => {
  const bases = [
    base('i-1', 32.65, 51.67),
    base('a-1', 38.25, 48.3, {
      province: 'ardabil',
      county: { id: 'ardabil', name: { fa: 'اردبیل', en: 'Ardabil' } },
    }),
  ];
  const out = buildLocatorData(bases, { generated: '2026-12-05' });
  const index = parseIndex(JSON.parse(out.files.get('index.json') ?? ''));

  it('writes each province’s chunks, places and names in its own folder, per language', () => {
    expect([...out.files.keys()].sort()).toEqual([
      'index.json',
      'places.json',
      'provinces/ardabil/names.json',
      'provinces/ardabil/places.en.json',
      'provinces/ardabil/places.fa.json',
      'provinces/ardabil/q.en.json',
      'provinces/ardabil/q.fa.json',
      'provinces/isfahan/names.json',
      'provinces/isfahan/places.en.json',
      'provinces/isfahan/places.fa.json',
      'provinces/isfahan/q.en.json',
      'provinces/isfahan/q.fa.json',
    ]);
    expect(index.chunks.map((c) => [c.key, c.province])).toEqual([
      ['ardabil/q', 'ardabil'],
      ['isfahan/q', 'isfahan'],
    ]);
    expect(index.languages).toEqual(['fa', 'en']);
    // Text search reads both languages whatever the page's (a Latin «hesseh» on a Persian page).
    expect(index.files.search).toBe('places.json');
  });

  it('leaves English out of the Persian files, and keeps Persian in the English ones', () => {
    for (const [path, text] of out.files) {
      if (path.endsWith('.fa.json')) expect(text, path).not.toMatch(/"en"|Isfahan|Base i-1/);
      if (path.endsWith('.en.json')) expect(text, path).toMatch(/"fa"/);
    }
    const fa = parseChunk(JSON.parse(out.files.get('provinces/isfahan/q.fa.json') ?? ''));
    expect(fa.records[0]?.name).toEqual({ fa: 'پایگاه i-1' });
    const en = parseChunk(JSON.parse(out.files.get('provinces/isfahan/q.en.json') ?? ''));
    expect(en.records[0]?.name).toEqual({ fa: 'پایگاه i-1', en: 'Base i-1' });
    const places = parsePlaces(JSON.parse(out.files.get('provinces/ardabil/places.fa.json') ?? ''));
    expect(places.provinces.map((p) => p.id)).toEqual(['ardabil']);
  });

  it('still reads a format 1 index (a site publishing its own data with an older script)', () => {
    const older = parseIndex({
      format: 'bz-locator-index',
      formatVersion: 1,
      version: 'v1',
      root: [24, 44, 20],
      files: { chunks: 'chunks/{key}.json', places: 'places.json', names: 'names/{province}.json' },
      provinces: [['isfahan', 7, 'اصفهان', 'Isfahan']],
      chunks: [['q', 7, 3200, 5100, 3300, 5200]],
    });
    expect(older.files.search).toBe('places.json');
    expect(older.languages).toEqual([]);
    expect(older.chunks[0]).not.toHaveProperty('province');
    expect(fileLanguage(older, 'en')).toBe('fa');
    expect(chunkUrl(older, 'https://x.example/d/index.json', 'q', 'en')).toBe(
      'https://x.example/d/chunks/q.json?v=v1',
    );
    expect(placesUrl(older, 'https://x.example/d/index.json', 'isfahan', 'fa')).toBe(
      'https://x.example/d/places.json?v=v1',
    );
    expect(fileLanguage(index, 'en')).toBe('en');
    expect(fileLanguage(index, 'de')).toBe('fa');
    expect(chunkUrl(index, 'https://x.example/d/index.json', 'ardabil/q', 'fa')).toBe(
      `https://x.example/d/provinces/ardabil/q.fa.json?v=${index.version}`,
    );
  });
});

describe('records', () => {
  it('compacts defaults away and restores them', () => {
    const b = base('x', 32.123456789, 51.987654321);
    const compact = compactRecord(b);
    expect(compact).not.toHaveProperty('phones');
    expect(compact).not.toHaveProperty('languages');
    expect(compact.address).not.toHaveProperty('country');
    expect(compact.location).toEqual({ latitude: 32.12346, longitude: 51.98765 });
    expect(expandRecord(JSON.parse(JSON.stringify(compact)))).toEqual({
      ...b,
      location: { latitude: 32.12346, longitude: 51.98765 },
    });
  });

  it('skips and counts unusable records in a chunk instead of failing', () => {
    const good = compactRecord(base('good', 32, 51));
    const parsed = parseChunk({
      format: 'bz-locator-chunk',
      formatVersion: 1,
      key: 'q0',
      records: [
        good,
        null,
        { ...good, id: 'no-position', location: { latitude: 'x', longitude: 51 } },
        { ...good, id: 'bad-list', phones: 'none' },
        { ...good, id: 'no-name', name: { en: 'only English' } },
      ],
    });
    expect(parsed.records.map((r) => r.id)).toEqual(['good']);
    expect(parsed.skipped).toBe(4);
  });
});

describe('readers', () => {
  it('refuse a file that is not locator data, or a newer version', () => {
    const attempt = (data: unknown) => {
      try {
        parseIndex(data);
      } catch (error) {
        return error instanceof LocatorDataError ? error.code : 'other';
      }
      return 'accepted';
    };
    expect(attempt('<html>')).toBe('wrong-format');
    expect(attempt({ format: 'bz-locator-chunk', formatVersion: 1 })).toBe('wrong-format');
    expect(attempt({ format: 'bz-locator-index', formatVersion: 3 })).toBe('unsupported-version');
    expect(attempt({ format: 'bz-locator-index', formatVersion: 1, chunks: [] })).toBe('malformed');
    expect(() => parseChunk({ format: 'bz-locator-chunk', formatVersion: 1 })).toThrow(
      LocatorDataError,
    );
  });
});
