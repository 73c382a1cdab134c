import { closestName } from '../schemas/strict.ts';
import { parseNumber } from '../text.ts';
import { parseCompactClosures, parseCompactSchedules } from './compact-hours.ts';

/**
 * The flat CSV layout of service bases: one base per row, one value per cell, so a data team can
 * keep the list in a spreadsheet. Columns (any order; empty cell = field left out):
 *
 *   id                      → id                      (required)
 *   sample                  → sample                  true/false, yes/no, 1/0
 *   name_fa, name_en        → name.fa, name.en        (name_fa required)
 *   description_fa, _en     → description
 *   organization_fa, _en    → organization.name       (organization_fa required)
 *   organization_url        → organization.url
 *   province                → province                province id, e.g. isfahan (required)
 *   county                  → county.id               (required)
 *   county_fa, county_en    → county.name             (county_fa required)
 *   neighbourhood_fa, _en   → neighbourhood
 *   latitude, longitude     → location.latitude/longitude   any digit set (required)
 *   address_fa, address_en  → address.address_1       (address_fa required)
 *   city_fa, city_en        → address.city            (city_fa required)
 *   region_fa, region_en    → address.region
 *   postal_code             → address.postal_code
 *   transportation_fa, _en  → transportation
 *   phones                  → phones[].number         `123; 1480`
 *   email, url              → email, url
 *   schedules               → schedules               `SA-WE 08:00-14:00; TH 08:00-12:00` (see compact-hours.ts)
 *   closures                → closures                `2025-03-21; 2025-04-01 08:00-12:00`
 *   services                → services[].id           `counselling; rehabilitation`
 *   services_fa, services_en→ services[].name         names in the same order as the ids
 *   languages               → languages               `fa; azb`
 *   accessibility_fa, _en   → accessibility[].description   `step-free entrance; accessible toilet`
 *   assured_date            → assured_date            YYYY-MM-DD
 *
 * List cells separate entries with `;`. Errors found in a row are reported against these
 * column names, with the entry's position for list columns (`phones[2]`).
 */

/** Every column the service-base CSV may have. */
export const serviceBaseCsvColumns = [
  'id',
  'sample',
  'name_fa',
  'name_en',
  'description_fa',
  'description_en',
  'organization_fa',
  'organization_en',
  'organization_url',
  'province',
  'county',
  'county_fa',
  'county_en',
  'neighbourhood_fa',
  'neighbourhood_en',
  'latitude',
  'longitude',
  'address_fa',
  'address_en',
  'city_fa',
  'city_en',
  'region_fa',
  'region_en',
  'postal_code',
  'transportation_fa',
  'transportation_en',
  'phones',
  'email',
  'url',
  'schedules',
  'closures',
  'services',
  'services_fa',
  'services_en',
  'languages',
  'accessibility_fa',
  'accessibility_en',
  'assured_date',
] as const;

/** A CSV column name. */
export type ServiceBaseCsvColumn = (typeof serviceBaseCsvColumns)[number];

/** Columns every file must have, because the fields behind them are required. */
export const requiredServiceBaseCsvColumns: readonly ServiceBaseCsvColumn[] = [
  'id',
  'name_fa',
  'organization_fa',
  'province',
  'county',
  'county_fa',
  'latitude',
  'longitude',
  'address_fa',
  'city_fa',
];

/** A problem found while turning a row into a record, against a column. */
export interface CsvCellProblem {
  column: string;
  message: string;
}

/** Problems with the header row: unknown and missing columns. */
export function checkServiceBaseCsvHeader(header: readonly string[]): CsvCellProblem[] {
  const problems: CsvCellProblem[] = [];
  const known = serviceBaseCsvColumns as readonly string[];
  const seen = new Set<string>();
  for (const column of header) {
    if (seen.has(column)) problems.push({ column, message: `column '${column}' appears twice` });
    seen.add(column);
    if (known.includes(column) || column === '') continue;
    const suggestion = closestName(column, known);
    problems.push({
      column,
      message: `unknown column '${column}' — check the spelling${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`,
    });
  }
  for (const column of requiredServiceBaseCsvColumns) {
    if (!seen.has(column))
      problems.push({ column, message: `required column '${column}' is missing` });
  }
  return problems;
}

const list = (cell: string): string[] =>
  cell
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');

/** `{ fa, en }` from two cells, or undefined when both are empty (the field is left out). */
function localized(row: Readonly<Record<string, string>>, prefix: string) {
  const fa = row[`${prefix}_fa`];
  const en = row[`${prefix}_en`];
  if (!fa && !en) return undefined;
  return { ...(fa ? { fa } : {}), ...(en ? { en } : {}) };
}

const TRUE = new Set(['true', 'yes', '1', 'بله']);
const FALSE = new Set(['false', 'no', '0', 'خیر']);

/** A yes/no cell as a boolean; anything else passes through so the schema names the problem. */
function booleanCell(cell: string): boolean | string {
  const value = cell.trim().toLowerCase();
  if (TRUE.has(value)) return true;
  if (FALSE.has(value)) return false;
  return cell;
}

/** A number cell in any digit set; text that is not a number passes through for the schema to report. */
function numberCell(cell: string): number | string {
  return parseNumber(cell) ?? cell;
}

/** Drops keys whose value is undefined, so absent cells mean absent fields. */
function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

/**
 * Turns one CSV row (cells keyed by column name, blank cells already removed) into a
 * service-base record for the schema, with problems the compact cells had.
 */
export function serviceBaseFromCsvRow(row: Readonly<Record<string, string>>): {
  record: Record<string, unknown>;
  problems: CsvCellProblem[];
} {
  const problems: CsvCellProblem[] = [];
  const cell = (column: ServiceBaseCsvColumn) => row[column];

  const schedules = cell('schedules') ? parseCompactSchedules(cell('schedules') ?? '') : undefined;
  const closures = cell('closures') ? parseCompactClosures(cell('closures') ?? '') : undefined;
  for (const message of schedules?.errors ?? []) problems.push({ column: 'schedules', message });
  for (const message of closures?.errors ?? []) problems.push({ column: 'closures', message });

  const serviceIds = list(cell('services') ?? '');
  const serviceNamesFa = list(cell('services_fa') ?? '');
  const serviceNamesEn = list(cell('services_en') ?? '');
  for (const [column, names] of [
    ['services_fa', serviceNamesFa],
    ['services_en', serviceNamesEn],
  ] as const) {
    if (names.length > 0 && names.length !== serviceIds.length) {
      problems.push({
        column,
        message: `has ${names.length} names but services has ${serviceIds.length} ids; give one name per id, in the same order`,
      });
    }
  }
  const accessibilityFa = list(cell('accessibility_fa') ?? '');
  const accessibilityEn = list(cell('accessibility_en') ?? '');
  if (accessibilityEn.length > 0 && accessibilityEn.length !== accessibilityFa.length) {
    problems.push({
      column: 'accessibility_en',
      message: `has ${accessibilityEn.length} entries but accessibility_fa has ${accessibilityFa.length}; translate each, in the same order`,
    });
  }

  const organizationName = localized(row, 'organization');
  const address = compact({
    address_1: localized(row, 'address'),
    city: localized(row, 'city'),
    region: localized(row, 'region'),
    postal_code: cell('postal_code'),
  });

  const record = compact({
    id: cell('id'),
    sample: cell('sample') === undefined ? undefined : booleanCell(cell('sample') ?? ''),
    name: localized(row, 'name'),
    description: localized(row, 'description'),
    organization:
      organizationName || cell('organization_url')
        ? compact({ name: organizationName, url: cell('organization_url') })
        : undefined,
    province: cell('province'),
    county:
      cell('county') || localized(row, 'county')
        ? compact({ id: cell('county'), name: localized(row, 'county') })
        : undefined,
    neighbourhood: localized(row, 'neighbourhood'),
    location:
      cell('latitude') || cell('longitude')
        ? compact({
            latitude:
              cell('latitude') === undefined ? undefined : numberCell(cell('latitude') ?? ''),
            longitude:
              cell('longitude') === undefined ? undefined : numberCell(cell('longitude') ?? ''),
          })
        : undefined,
    address: Object.keys(address).length > 0 ? address : undefined,
    transportation: localized(row, 'transportation'),
    phones: cell('phones') ? list(cell('phones') ?? '').map((number) => ({ number })) : undefined,
    email: cell('email'),
    url: cell('url'),
    schedules: schedules?.entries,
    closures: closures?.entries,
    services:
      serviceIds.length > 0
        ? serviceIds.map((id, i) =>
            compact({ id, name: compact({ fa: serviceNamesFa[i], en: serviceNamesEn[i] }) }),
          )
        : undefined,
    languages: cell('languages')
      ? (cell('languages') ?? '').split(/[;,\s]+/).filter(Boolean)
      : undefined,
    accessibility:
      accessibilityFa.length > 0
        ? accessibilityFa.map((fa, i) => ({
            description: compact({ fa, en: accessibilityEn[i] }),
          }))
        : undefined,
    assured_date: cell('assured_date'),
  });
  return { record, problems };
}

const LOCALIZED_FIELDS = new Set(['name', 'description', 'neighbourhood', 'transportation']);

/**
 * The CSV column (with the entry position for list columns) that holds the field at `path` of
 * a record made by `serviceBaseFromCsvRow`, e.g. `['location', 'latitude']` → `latitude`,
 * `['phones', 1, 'number']` → `phones[2]`.
 */
export function csvColumnForPath(path: readonly (string | number)[]): string {
  const [head, second, third, fourth] = path;
  const lang = (segment: unknown) => (segment === 'en' ? 'en' : 'fa');
  const entry = (column: string) =>
    typeof second === 'number' ? `${column}[${second + 1}]` : column;
  switch (head) {
    case 'organization':
      return second === 'url' ? 'organization_url' : `organization_${lang(third)}`;
    case 'county':
      return second === 'name' ? `county_${lang(third)}` : 'county';
    case 'location':
      return second === 'longitude' ? 'longitude' : 'latitude';
    case 'address':
      if (second === 'postal_code') return 'postal_code';
      if (second === 'city') return `city_${lang(third)}`;
      if (second === 'region') return `region_${lang(third)}`;
      return `address_${lang(third)}`;
    case 'phones':
    case 'schedules':
    case 'closures':
    case 'languages':
      return entry(head);
    case 'services':
      return entry(third === 'name' ? `services_${lang(fourth)}` : 'services');
    case 'accessibility':
      return entry(`accessibility_${lang(fourth)}`);
    default:
      if (typeof head === 'string' && LOCALIZED_FIELDS.has(head)) return `${head}_${lang(second)}`;
      return head === undefined ? '' : String(head);
  }
}
