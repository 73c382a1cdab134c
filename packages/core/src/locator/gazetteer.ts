// Iran's provinces and counties as data (gazetteer.json, with its source written in the file):
// so the locator can list every place a citizen may live in, including those where no base is
// listed yet, and start "nearest bases" from there. Build-time only: the published places file
// carries what the browser needs (build.ts), so zod and this 100 kB file never reach a widget.

import { z } from 'zod';
import { provinces as provinceList } from '../provinces.ts';
import { LocalizedTextSchema } from '../schemas/localized-text.ts';
import { ProvinceIdSchema } from '../schemas/provinces.ts';
import { strictObject } from '../schemas/strict.ts';
import gazetteerData from './gazetteer.json' with { type: 'json' };

/** `[lat, lng]` inside Iran's bounding box, in decimal degrees. */
const CenterSchema = z.tuple([z.number().min(24).max(40.5), z.number().min(43.5).max(64)]);

const SlugSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a lower-case id with dashes');

const OfficeSchema = strictObject({
  phones: z.array(z.string().regex(/^\+?\d{3,15}$/)).default([]),
  url: z.url().optional(),
}).describe("The provincial office's published contact, only from the organisation's own pages.");

const CountySchema = strictObject({
  id: SlugSchema,
  name: LocalizedTextSchema,
  center: CenterSchema,
  /** The OpenStreetMap boundary relation the name and centre come from. */
  osm: z.number().int().positive(),
  wikidata: z
    .string()
    .regex(/^Q\d+$/)
    .optional(),
});

const ProvinceSchema = strictObject({
  id: ProvinceIdSchema,
  center: CenterSchema,
  office: OfficeSchema.optional(),
  counties: z.array(CountySchema).min(1),
});

export const GazetteerSchema = strictObject({
  format: z.literal('bz-gazetteer'),
  formatVersion: z.literal(1),
  source: strictObject({
    name: z.string().min(1),
    url: z.url(),
    extract: z.string().min(1),
    licence: z.string().min(1),
    retrieved: z.iso.date(),
    notes: z.string(),
  }),
  provinces: z.array(ProvinceSchema).length(provinceList.length),
}).superRefine((gazetteer, context) => {
  const ids = gazetteer.provinces.map((province) => province.id);
  if (new Set(ids).size !== ids.length)
    context.addIssue({ code: 'custom', message: 'a province is listed twice' });
  for (const province of gazetteer.provinces) {
    const counties = province.counties.map((county) => county.id);
    if (new Set(counties).size !== counties.length)
      context.addIssue({ code: 'custom', message: `${province.id}: a county id is listed twice` });
  }
});

export type Gazetteer = z.output<typeof GazetteerSchema>;
export type GazetteerProvince = Gazetteer['provinces'][number];
export type GazetteerCounty = GazetteerProvince['counties'][number];

let cached: Gazetteer | undefined;

/** The validated gazetteer (parsed once); throws with zod's issues if the file is broken. */
export function loadGazetteer(): Gazetteer {
  cached ??= GazetteerSchema.parse(gazetteerData);
  return cached;
}
