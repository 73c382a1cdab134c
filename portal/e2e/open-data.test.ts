import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRecords } from '@behzisti/core/data-files';
import { validateServiceBases } from '@behzisti/core/locator';
import { HSDS_ANNOTATION_KEYWORDS, type OpenDataIndex } from '@behzisti/core/open-data';
import type { ServiceBase } from '@behzisti/core/schemas';
import { Ajv, type AnySchemaObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { expectSoundPage, sharedBrowser, sharedContext, watch } from './browser.ts';
import { clientDir } from './site.ts';

// The open-data downloads as a consumer gets them from the running server: the HSDS JSON
// validated with Ajv against the published schema, whose $ref to HSDS's own schema is
// fetched and resolved over HTTP like any client would; the CSV read back by the data team's
// own reader; the GeoJSON's points against the records; and the download page itself.

const baseUrl = inject('baseUrl');
const folder = `${baseUrl}/data/open/`;
const browser = sharedBrowser();
const context = sharedContext(browser);

async function download(path: string): Promise<{ bytes: Uint8Array; type: string }> {
  const response = await fetch(folder + path);
  expect(response.status, path).toBe(200);
  return {
    bytes: new Uint8Array(await response.arrayBuffer()),
    type: response.headers.get('content-type') ?? '',
  };
}
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const json = async <T>(path: string): Promise<T> => JSON.parse(text((await download(path)).bytes));

interface Location {
  external_identifier: string;
  latitude: number;
  longitude: number;
  location_type: string;
  schedules: { wkst?: string; freq?: string; timezone: number }[];
}
interface HsdsPage {
  total_items: number;
  contents: { service_at_locations: { location: Location }[] }[];
}
interface FeatureCollection {
  type: string;
  features: {
    id: string;
    geometry: { type: string; coordinates: number[] };
    properties: Record<string, unknown>;
  }[];
}

/** Ajv as a consumer sets it up: draft-07 (HSDS's schemas declare no other), formats, HSDS's annotations. */
function consumerAjv(): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    loadSchema: async (uri) => (await (await fetch(uri)).json()) as AnySchemaObject,
  });
  const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
    addFormatsModule) as (instance: Ajv) => Ajv;
  addFormats(ajv);
  ajv.addVocabulary([...HSDS_ANNOTATION_KEYWORDS]);
  return ajv;
}

async function compilePublished(schemaPath: string) {
  const schema = await json<Record<string, unknown>>(schemaPath);
  // The schema's own URL is its base, so its relative $ref resolves beside it.
  return consumerAjv().compileAsync({ ...schema, $id: folder + schemaPath });
}

let bases: ServiceBase[] = [];
let index: OpenDataIndex;

describe('open-data downloads', () => {
  beforeAll(async () => {
    index = await json<OpenDataIndex>('index.json');
    const csv = await download('service-bases.csv');
    const read = readRecords(text(csv.bytes), 'csv');
    expect(read.problems).toEqual([]);
    const validated = validateServiceBases(read.records.map((record) => record.value));
    expect(validated.skipped).toEqual([]);
    bases = validated.bases;
  });

  it('index.json lists every file with its real size', async () => {
    expect(index.format).toBe('behzisti-open-data');
    expect(index.generated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(index.downloads.map((entry) => entry.path)).toEqual([
      'service-bases.hsds.json',
      'service-bases.en.hsds.json',
      'service-bases.csv',
      'service-bases.geojson',
    ]);
    for (const entry of index.downloads) {
      const file = await download(entry.path);
      expect(file.bytes.length, entry.path).toBe(entry.bytes);
      await download(entry.schema);
    }
    await download('hsds-3.0/compiled-service_with_definitions.json');
  });

  it('the CSV opens in Excel as UTF-8 and reads back to every base (validate-data’s reader)', async () => {
    const csv = await download('service-bases.csv');
    expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.type).toMatch(/^text\/csv/);
    const lines = text(csv.bytes).split('\r\n').filter(Boolean);
    expect(bases.length).toBeGreaterThan(0);
    expect(bases).toHaveLength(index.bases);
    expect(lines.length - 1).toBe(index.bases);
    // The same bases the directory has, one page each.
    const sitemap = readFileSync(join(clientDir, 'sitemap-0.xml'), 'utf8');
    for (const base of bases) expect(sitemap).toContain(`/directory/bases/${base.id}/`);
  });

  for (const path of ['service-bases.hsds.json', 'service-bases.en.hsds.json']) {
    it(`${path} is valid HSDS 3.0 (Ajv, schema fetched from the site) and matches the records`, async () => {
      const validate = await compilePublished('service-bases.hsds.schema.json');
      const page = await json<HsdsPage>(path);
      const ok = validate(page);
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
      expect(page.total_items).toBe(index.services);
      const locations = new Map(
        page.contents
          .flatMap((service) => service.service_at_locations)
          .map((link) => [link.location.external_identifier, link.location]),
      );
      const listed = bases.filter((base) => !index.bases_without_services.includes(base.id));
      expect([...locations.keys()].sort()).toEqual(listed.map((base) => base.id).sort());
      for (const base of listed) {
        const location = locations.get(base.id);
        expect([location?.latitude, location?.longitude]).toEqual([
          base.location.latitude,
          base.location.longitude,
        ]);
        for (const schedule of location?.schedules ?? []) {
          expect(schedule.timezone).toBe(3.5);
          if (schedule.freq === 'WEEKLY') expect(schedule.wkst).toBe('SA');
        }
      }
    });
  }

  it('the GeoJSON is a FeatureCollection whose points are the records’ coordinates', async () => {
    const validate = await compilePublished('service-bases.geojson.schema.json');
    const collection = await json<FeatureCollection>('service-bases.geojson');
    expect(validate(collection), JSON.stringify(validate.errors)).toBe(true);
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features).toHaveLength(bases.length);
    const byId = new Map(bases.map((base) => [base.id, base]));
    for (const feature of collection.features) {
      const base = byId.get(feature.id);
      expect(base, feature.id).toBeDefined();
      expect(feature.geometry).toEqual({
        type: 'Point',
        coordinates: [base?.location.longitude, base?.location.latitude],
      });
      expect(feature.properties.sample).toBe(base?.sample);
    }
  });
});

describe('open-data page', () => {
  for (const [locale, path, title] of [
    ['fa', '/directory/open-data/', 'داده‌های باز پایگاه‌های خدمات'],
    ['en', '/en/directory/open-data/', 'Open data: service bases'],
  ] as const) {
    it(`${path} lists the downloads, says they are samples and passes axe`, async () => {
      const page = await context.newPage();
      const seen = watch(page, baseUrl);
      expect((await page.goto(baseUrl + path))?.status()).toBe(200);
      expect(await page.locator('h1').textContent()).toBe(title);
      expect(await page.getAttribute('html', 'lang')).toBe(locale);
      expect(await page.locator('.sample-notice').count()).toBe(1);
      const hrefs = await page
        .locator('main a[href^="/data/open/"]')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
      for (const entry of index.downloads) {
        expect(hrefs).toContain(`/data/open/${entry.path}`);
        expect(hrefs).toContain(`/data/open/${entry.schema}`);
      }
      await expectSoundPage(page, seen);
      await page.close();
    });
  }

  it('charts the bases per province from the published records, readable as a table without JavaScript', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(`${baseUrl}/en/directory/open-data/`);
    const rows = await page.locator('.bases-chart tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        province: tr.querySelector('th')?.textContent?.trim(),
        href: tr.querySelector('th a')?.getAttribute('href'),
        count: Number(tr.querySelector('td')?.textContent),
        bar: Number(tr.querySelector('rect')?.getAttribute('width')),
        hidden: tr.querySelector('svg')?.getAttribute('aria-hidden'),
      })),
    );
    const expected = new Map<string, number>();
    for (const base of bases) expected.set(base.province, (expected.get(base.province) ?? 0) + 1);
    expect(rows).toHaveLength(expected.size);
    expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(bases.length);
    const most = Math.max(...expected.values());
    for (const row of rows) {
      const id = row.href?.match(/^\/en\/directory\/([a-z-]+)\/$/)?.[1] ?? '';
      expect(row.count, row.province).toBe(expected.get(id));
      expect(row.bar).toBeCloseTo((row.count / most) * 100, 5);
      expect(row.hidden).toBe('true');
    }
    expect(rows.map((row) => row.count)).toEqual(
      rows.map((row) => row.count).toSorted((a, b) => b - a),
    );
    // The provinces without bases are named, so all 31 are accounted for.
    const none = await page.locator('.bases-chart + p').textContent();
    expect(none).toContain(`(${31 - expected.size})`);
    // In Persian the bars grow from the right, with Persian digits.
    await page.goto(`${baseUrl}/directory/open-data/`);
    const first = page.locator('.bases-chart tbody tr').first();
    expect(await first.locator('td').first().textContent()).toMatch(/^[۰-۹]+$/);
    const rect = first.locator('rect');
    expect(Number(await rect.getAttribute('x')) + Number(await rect.getAttribute('width'))).toBe(
      100,
    );
    await noScript.close();
  });

  it('is linked from the directory and works without JavaScript at 320 px', async () => {
    const noScript = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 320, height: 640 },
    });
    const page = await noScript.newPage();
    await page.goto(`${baseUrl}/directory/`);
    await page.getByRole('link', { name: /^داده‌های باز/ }).click();
    await page.waitForURL(`${baseUrl}/directory/open-data/`);
    const csvLink = page.getByRole('link', { name: 'بارگیری service-bases.csv' });
    expect(await csvLink.getAttribute('href')).toBe('/data/open/service-bases.csv');
    // Nothing in the page's content is wider than the screen (no sideways scrolling to read
    // a file name or media type on a small phone). The header is the layout's, tested elsewhere.
    const outside = await page.locator('main').evaluate((main) =>
      [...main.querySelectorAll('*')]
        .map((element) => ({ element, box: element.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && (box.left < -0.5 || box.right > 320.5))
        .map(({ element }) => element.outerHTML.slice(0, 80)),
    );
    expect(outside).toEqual([]);
    await noScript.close();
  });
});
