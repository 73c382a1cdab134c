import { requiredServiceBaseCsvColumns, serviceBaseCsvColumns } from '../cli/service-base-csv.ts';
import { provinces } from '../provinces.ts';
import { iranBounds } from '../schemas/service-base.ts';

/**
 * The JSON Schemas published beside each open-data download. All are JSON Schema draft-07,
 * the draft of the HSDS 3.0 schemas they sit next to, so one validator class (Ajv's default)
 * checks every file.
 */

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/** Where the vendored HSDS schema lives relative to the published schemas. */
export const HSDS_SCHEMA_PATH = 'hsds-3.0/compiled-service_with_definitions.json';

/**
 * HSDS 3.0's own annotation keywords, which are not JSON Schema. Declare them to a strict
 * validator (`ajv.addVocabulary(HSDS_ANNOTATION_KEYWORDS)`) instead of turning strictness off,
 * so a misspelt real keyword in our schemas still fails.
 */
export const HSDS_ANNOTATION_KEYWORDS = [
  'name',
  'path',
  'datapackage_metadata',
  'constraints',
  'example',
  'core',
  'datapackage_type',
  'tabular_required',
] as const;

/** The HSDS download: the HSDS API's page of full services, each item HSDS's service schema. */
export function hsdsPageSchema(hsdsSchemaPath: string = HSDS_SCHEMA_PATH) {
  const count = (description: string) => ({ type: 'integer', minimum: 0, description });
  const flag = (description: string) => ({ type: 'boolean', description });
  return {
    $schema: DRAFT_07,
    title: 'Behzisti service bases, Open Referral HSDS 3.0',
    description:
      'Every service with its organization, service_at_locations, locations, addresses, phones, schedules (wkst SA, Asia/Tehran, UTC+03:30) and accessibility, as the HSDS 3.0 API returns GET /services?full=true on one page (openapi.json components.schemas.Page). Records of sample data carry the attribute link_type "data_status", value "sample".',
    type: 'object',
    required: [
      'total_items',
      'total_pages',
      'page_number',
      'size',
      'first_page',
      'last_page',
      'empty',
      'contents',
    ],
    properties: {
      total_items: count('Number of services in the file.'),
      total_pages: count('Always 1: the download is one page.'),
      page_number: count('Always 1.'),
      size: count('Number of services on this page (= total_items).'),
      first_page: flag('Always true.'),
      last_page: flag('Always true.'),
      empty: flag('true when there are no services.'),
      contents: {
        type: 'array',
        description: 'The services, each a fully nested HSDS 3.0 service.',
        items: { $ref: hsdsSchemaPath },
      },
    },
  };
}

const COLUMN_DESCRIPTIONS: Record<(typeof serviceBaseCsvColumns)[number], string> = {
  id: 'Stable id of the base (lowercase Latin letters, digits, hyphens).',
  sample: 'true for sample data that is not an official record.',
  name_fa: 'Name of the base in Persian.',
  name_en: 'Name of the base in English.',
  description_fa: 'Short description in Persian.',
  description_en: 'Short description in English.',
  organization_fa: 'Organization that runs the base, in Persian.',
  organization_en: 'Organization that runs the base, in English.',
  organization_url: 'Website of the organization.',
  province: 'Province id.',
  county: 'County id, unique within the province.',
  county_fa: 'County name in Persian.',
  county_en: 'County name in English.',
  neighbourhood_fa: 'Neighbourhood or settlement in Persian.',
  neighbourhood_en: 'Neighbourhood or settlement in English.',
  latitude: 'Latitude of the entrance, WGS84 decimal degrees.',
  longitude: 'Longitude of the entrance, WGS84 decimal degrees.',
  address_fa: 'Street address in Persian.',
  address_en: 'Street address in English.',
  city_fa: 'City, town or village in Persian.',
  city_en: 'City, town or village in English.',
  region_fa: 'District (bakhsh) in Persian.',
  region_en: 'District (bakhsh) in English.',
  postal_code: 'Iranian 10-digit postal code.',
  transportation_fa: 'How to get there by public transport, in Persian.',
  transportation_en: 'How to get there by public transport, in English.',
  phones: 'Phone numbers separated by "; " (e.g. 123; 1480).',
  email: 'Contact e-mail.',
  url: 'Web page of the base.',
  schedules:
    'Weekly hours, Asia/Tehran: RFC 5545 day codes (SA SU MO TU WE TH FR, ranges in Iranian week order) then HH:MM-HH:MM, entries separated by "; " (e.g. SA-WE 07:30-14:00; TH 07:30-12:00). 24:00 = midnight; a closing time earlier than the opening runs past midnight.',
  closures:
    'Dated closures: YYYY-MM-DD (closed all day) or YYYY-MM-DD HH:MM-HH:MM (special hours), separated by "; ".',
  services: 'Ids of the services offered, separated by "; ".',
  services_fa: 'Persian names of the services, in the order of the ids.',
  services_en: 'English names of the services, in the order of the ids.',
  languages: 'ISO 639 codes of the languages spoken, separated by "; ".',
  accessibility_fa: 'Accessibility arrangements in Persian, separated by "; ".',
  accessibility_en: 'Accessibility arrangements in English, in the same order.',
  assured_date: 'When the record was last checked, YYYY-MM-DD.',
};

const COLUMN_PATTERNS: Partial<Record<(typeof serviceBaseCsvColumns)[number], string>> = {
  id: '^[a-z0-9]+(?:-[a-z0-9]+)*$',
  sample: '^(?:true|false)?$',
  county: '^[a-z0-9]+(?:-[a-z0-9]+)*$',
  latitude: '^-?\\d+(?:\\.\\d+)?$',
  longitude: '^-?\\d+(?:\\.\\d+)?$',
  postal_code: '^(?:\\d{10})?$',
  assured_date: '^(?:\\d{4}-\\d{2}-\\d{2})?$',
};

/**
 * The CSV download, one row read as an object of column → text (as CSV readers with a header
 * row give it). Columns are the data team's spreadsheet layout, so the same file validates with
 * `validate-data` and republishes.
 */
export function csvRowSchema() {
  return {
    $schema: DRAFT_07,
    title: 'Behzisti service bases, CSV row',
    description:
      'One row of service-bases.csv (UTF-8 with byte-order mark, RFC 4180, CRLF), read with its header row as an object of column → text. A value that would start with = + - or @ is prefixed with an apostrophe so spreadsheets do not run it as a formula. The same layout the data team edits: the file goes back through validate-data unchanged.',
    type: 'object',
    required: [...requiredServiceBaseCsvColumns],
    additionalProperties: false,
    properties: Object.fromEntries(
      serviceBaseCsvColumns.map((column) => {
        const pattern = COLUMN_PATTERNS[column];
        return [
          column,
          {
            type: 'string',
            description: COLUMN_DESCRIPTIONS[column],
            ...(column === 'province' ? { enum: provinces.map((province) => province.id) } : {}),
            ...(pattern ? { pattern } : {}),
          },
        ];
      }),
    ),
  };
}

/** The GeoJSON download: Points in Iran whose properties are the CSV's columns. */
export function geoJsonSchema() {
  const properties = Object.fromEntries(
    serviceBaseCsvColumns
      .filter((column) => column !== 'latitude' && column !== 'longitude')
      .map((column) => [
        column,
        {
          type: column === 'sample' ? 'boolean' : 'string',
          description: COLUMN_DESCRIPTIONS[column],
          ...(column === 'province' ? { enum: provinces.map((province) => province.id) } : {}),
        },
      ]),
  );
  return {
    $schema: DRAFT_07,
    title: 'Behzisti service bases, GeoJSON',
    description:
      'A GeoJSON (RFC 7946) FeatureCollection: one Point per service base at its entrance, coordinates [longitude, latitude] in WGS84. Properties have the names and meaning of the CSV columns.',
    type: 'object',
    required: ['type', 'features'],
    properties: {
      type: { const: 'FeatureCollection' },
      features: {
        type: 'array',
        items: {
          type: 'object',
          required: ['type', 'id', 'geometry', 'properties'],
          properties: {
            type: { const: 'Feature' },
            id: { type: 'string', description: 'The base id (as the id property).' },
            geometry: {
              type: 'object',
              required: ['type', 'coordinates'],
              properties: {
                type: { const: 'Point' },
                coordinates: {
                  type: 'array',
                  minItems: 2,
                  maxItems: 2,
                  items: [
                    { type: 'number', minimum: iranBounds.west, maximum: iranBounds.east },
                    { type: 'number', minimum: iranBounds.south, maximum: iranBounds.north },
                  ],
                },
              },
            },
            properties: {
              type: 'object',
              required: ['id', 'sample', 'name_fa', 'province', 'county'],
              additionalProperties: false,
              properties,
            },
          },
        },
      },
    },
  };
}
