import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ServiceBaseSchema } from '../schemas/service-base.ts';
import { basesWithoutServices, type HsdsLocation, toHsds } from './hsds.ts';
import { HSDS_SCHEMA_PATH, hsdsPageSchema } from './schemas.ts';
import { datasetBases, fullBase, hsdsAjv } from './test-fixtures.ts';
import { DNS_NAMESPACE, OPEN_DATA_NAMESPACE, URL_NAMESPACE, uuidV5 } from './uuid.ts';

const bases = [...datasetBases(), fullBase];
const ajv = hsdsAjv();
const validPage = ajv.compile(hsdsPageSchema());
const definition = (name: string) => ajv.getSchema(`${HSDS_SCHEMA_PATH}#/definitions/${name}`);

const locationsOf = (page: ReturnType<typeof toHsds>): HsdsLocation[] => [
  ...new Map(
    page.contents
      .flatMap((service) => service.service_at_locations)
      .map((link) => [link.location.id, link.location]),
  ).values(),
];

/** Every primitive leaf of a record with its path, e.g. `address.city.fa`. */
function leaves(value: unknown, path = ''): [string, string | number | boolean][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, `${path}[${i}]`));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, member]) =>
      leaves(member, path ? `${path}.${key}` : key),
    );
  return [[path, value as string | number | boolean]];
}

describe('uuidV5', () => {
  it('matches the RFC 9562 example and derives our namespace', () => {
    expect(uuidV5('www.example.com', DNS_NAMESPACE)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(uuidV5('behzisti-services-kit', URL_NAMESPACE)).toBe(OPEN_DATA_NAMESPACE);
  });

  // Computed by the previous implementation (issue 17 replaced it): changing any of these
  // would change every id in the published open data.
  it.each([
    ['location:isfahan-hesseh', '2706d958-4025-5f15-91d1-8a365753c634'],
    ['schedule:isfahan-hesseh:0', 'eb6fd5f9-254a-5713-93b1-2a04c84309ad'],
    ['phone:kerman-1:034-3222 1480', '299a45b9-00e5-5c5f-b625-aa8bc4a6d2a3'],
    ['organization:مرکز بهزیستی', '174fe7d4-929f-5cb7-8f00-5c3654dcdcdc'],
    ['taxonomy_term:data_status:sample', '482440bc-2e2d-58de-ada6-fda884b7f3f6'],
    ['', '48afad19-b302-53e0-b488-ebe7c2887cab'],
  ])('gives %j the id the hand-written SHA-1 gave before the uuid package: %s', (name, id) => {
    expect(uuidV5(name)).toBe(id);
  });

  it('equals RFC 9562 section 5.5 computed with node:crypto, for any name', () => {
    const reference = (name: string, namespace: string) => {
      const hash = createHash('sha1')
        .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
        .update(name, 'utf8')
        .digest()
        .subarray(0, 16);
      hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
      hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
      const hex = hash.toString('hex');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    };
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.uuid(), (name, namespace) => {
        expect(uuidV5(name, namespace)).toBe(reference(name, namespace));
        expect(uuidV5(name)).toBe(reference(name, OPEN_DATA_NAMESPACE));
      }),
    );
  });

  it('is stable and distinct per name', () => {
    expect(uuidV5('location:a')).toBe(uuidV5('location:a'));
    expect(uuidV5('location:a')).not.toBe(uuidV5('location:b'));
  });
});

describe('toHsds', () => {
  for (const locale of ['fa', 'en'] as const) {
    it(`the dataset in ${locale} is a valid HSDS 3.0 page of services`, () => {
      const page = toHsds(bases, locale);
      const ok = validPage(page);
      expect(validPage.errors ?? [], JSON.stringify(validPage.errors?.slice(0, 3))).toEqual([]);
      expect(ok).toBe(true);
      expect(page.total_items).toBe(page.contents.length);
      expect(page.empty).toBe(false);
    });
  }

  it('validates each service, location and schedule against its HSDS definition', () => {
    const page = toHsds(bases);
    const check = (name: string, objects: readonly unknown[]) => {
      const validate = definition(name);
      expect(validate, name).toBeTypeOf('function');
      for (const object of objects) {
        expect(validate?.(object), `${name}: ${JSON.stringify(validate?.errors)}`).toBe(true);
      }
    };
    const locations = locationsOf(page);
    // Each HSDS object type, and where the page holds its objects.
    const objectsByType: [string, readonly unknown[]][] = [
      ['organization', page.contents.map((service) => service.organization)],
      ['location', locations],
      ['schedule', locations.flatMap((location) => location.schedules)],
      ['phone', locations.flatMap((location) => location.phones)],
      ['accessibility', locations.flatMap((location) => location.accessibility)],
      ['address', locations.flatMap((location) => location.addresses)],
      ['service_at_location', page.contents.flatMap((service) => service.service_at_locations)],
    ];
    for (const [name, objects] of objectsByType) check(name, objects);
  });

  it('lists every base that offers a service as one location, with its services linked', () => {
    const page = toHsds(bases);
    const locations = locationsOf(page);
    const withServices = bases.filter((base) => base.services.length > 0);
    expect(locations.map((location) => location.external_identifier).sort()).toEqual(
      withServices.map((base) => base.id).sort(),
    );
    const links = page.contents.flatMap((service) => service.service_at_locations);
    expect(links).toHaveLength(bases.reduce((sum, base) => sum + base.services.length, 0));
    for (const service of page.contents) {
      for (const link of service.service_at_locations) {
        expect(link.service_id).toBe(service.id);
        expect(link.location_id).toBe(link.location.id);
      }
    }
    expect(basesWithoutServices(bases)).toEqual([]);
    expect(basesWithoutServices([ServiceBaseSchema.parse({ ...fullBase, services: [] })])).toEqual([
      'test-full',
    ]);
  });

  it('merges a service id of one organization into one service across its bases', () => {
    const page = toHsds(bases);
    const keys = page.contents.map((service) => `${service.organization_id}/${service.name}`);
    expect(new Set(keys).size).toBe(keys.length);
    const counselling = page.contents.filter(
      (service) =>
        service.organization.name === 'اداره کل بهزیستی استان اصفهان' &&
        service.alternate_name === 'Counselling',
    );
    expect(counselling).toHaveLength(1);
    expect(counselling[0]?.service_at_locations.length).toBeGreaterThan(1);
  });

  it('writes hours as HSDS schedules: WEEKLY, wkst SA, byday, Tehran offset', () => {
    const location = locationsOf(toHsds([fullBase]))[0];
    const weekly = location?.schedules.filter((schedule) => schedule.freq === 'WEEKLY') ?? [];
    expect(
      weekly.map((schedule) => [schedule.byday, schedule.opens_at, schedule.closes_at]),
    ).toEqual([
      ['SA,SU,MO,TU,WE', '07:30+03:30', '14:00+03:30'],
      ['SA,MO', '16:00+03:30', '19:00+03:30'],
      // HSDS's advice for "until midnight": 23:59.
      ['FR', '00:00+03:30', '23:59+03:30'],
    ]);
    for (const schedule of location?.schedules ?? []) expect(schedule.timezone).toBe(3.5);
    for (const schedule of weekly) expect(schedule.wkst).toBe('SA');
    const dated = location?.schedules.filter((schedule) => schedule.freq === undefined) ?? [];
    expect(dated).toMatchObject([
      {
        valid_from: '2027-03-21',
        valid_to: '2027-03-21',
        notes: 'closed',
        description: 'تعطیل: نوروز',
      },
      { valid_from: '2027-04-01', opens_at: '08:00+03:30', closes_at: '12:00+03:30' },
    ]);
    expect(dated[0]).not.toHaveProperty('opens_at');
  });

  it('keeps the phone numbers as they are in the data', () => {
    const dataset = datasetBases();
    const locations = locationsOf(toHsds(dataset));
    expect(locations).toHaveLength(dataset.length);
    for (const [i, location] of locations.entries()) {
      expect(location.phones.map((phone) => phone.number)).toEqual(
        (dataset[i]?.phones ?? []).map((phone) => phone.number),
      );
    }
  });

  it('marks sample records so nobody mistakes them for official data', () => {
    const page = toHsds(bases, 'en');
    const sampleLocations = locationsOf(page).filter((location) =>
      location.attributes.some((attribute) => attribute.value === 'sample'),
    );
    expect(sampleLocations).toHaveLength(bases.filter((base) => base.sample).length);
    expect(
      locationsOf(page).find((l) => l.external_identifier === 'test-full')?.attributes,
    ).toEqual([]);
    for (const service of page.contents) {
      expect(service.organization.description).toMatch(/^Sample data/);
      expect(service.attributes[0]?.taxonomy_term.code).toBe('sample');
    }
  });

  it('writes the chosen locale, with the other name as alternate_name', () => {
    const fa = locationsOf(toHsds([fullBase], 'fa'))[0];
    const en = locationsOf(toHsds([fullBase], 'en'))[0];
    expect([fa?.name, fa?.alternate_name]).toEqual([fullBase.name.fa, fullBase.name.en]);
    expect([en?.name, en?.alternate_name]).toEqual([fullBase.name.en, fullBase.name.fa]);
    expect(en?.addresses[0]?.state_province).toBe('Isfahan');
    expect(fa?.addresses[0]?.state_province).toBe('اصفهان');
  });

  it('gives every object a unique, stable UUID', () => {
    const text = JSON.stringify(toHsds(bases));
    expect(JSON.stringify(toHsds(bases))).toBe(text);
    const ids = new Map<string, string>();
    const walk = (value: unknown, owner: string) => {
      if (Array.isArray(value)) for (const item of value) walk(item, owner);
      else if (value && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        if (typeof record.id === 'string') {
          const json = JSON.stringify(record);
          const seen = ids.get(record.id);
          // The same location or organization nested twice is one object, not a clash.
          expect(seen === undefined || seen === json, record.id).toBe(true);
          ids.set(record.id, json);
        }
        for (const member of Object.values(record)) walk(member, owner);
      }
    };
    walk(toHsds(bases).contents, '');
    expect(ids.size).toBeGreaterThan(bases.length * 3);
  });

  it('an object missing a required HSDS field fails validation (the check can fail)', () => {
    const page = toHsds([fullBase]);
    const broken = structuredClone(page);
    const location = broken.contents[0]?.service_at_locations[0]?.location as Partial<HsdsLocation>;
    delete location.location_type;
    expect(validPage(broken)).toBe(false);
    const noName = structuredClone(page) as unknown as { contents: Record<string, unknown>[] };
    delete noName.contents[0]?.name;
    expect(validPage(noName)).toBe(false);
  });

  it('carries every field of a base, in its locale (a new field must be mapped or listed here)', () => {
    // Fields HSDS 3.0 has no place for; they are in the CSV and GeoJSON downloads.
    const notInHsds = [
      /^sample$/, // an attribute, not a value
      /^province$/, // written as the province's name in address.state_province
      /^county\./,
      /^neighbourhood\./,
      /^schedules\[2\]\.closes_at$/, // 24:00 → 23:59, checked above
      /^services\[\d+\]\.id$/, // in the service's UUID
    ];
    for (const locale of ['fa', 'en'] as const) {
      const text = JSON.stringify(toHsds([fullBase], locale));
      const missing = leaves(fullBase)
        .filter(([path]) => !notInHsds.some((pattern) => pattern.test(path)))
        .filter(([path]) => !path.endsWith(locale === 'fa' ? '.en' : '.fa'))
        .filter(([, value]) => !text.includes(JSON.stringify(value).replace(/^"|"$/g, '')));
      expect(missing, locale).toEqual([]);
    }
  });
});
