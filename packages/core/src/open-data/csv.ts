import { serviceBaseCsvColumns } from '../cli/service-base-csv.ts';
import type { LocalizedText } from '../schemas/localized-text.ts';
import { weekdayCodes } from '../schemas/schedule.ts';
import type { ServiceBase } from '../schemas/service-base.ts';
import { csvRow } from '../spreadsheet.ts';

export { csvField, csvRow, spreadsheetSafe } from '../spreadsheet.ts';

/**
 * Service bases → CSV in the data team's own spreadsheet layout (cli/service-base-csv.ts), so
 * the download opens in Excel or LibreOffice and, edited, goes straight back through
 * `validate-data` and the publish scripts: a province republishes its data with the file it
 * downloaded. One base per row; RFC 4180 quoting, CRLF line ends, and a UTF-8 byte-order mark
 * (without it Excel reads UTF-8 as the ANSI code page and Persian turns into mojibake).
 *
 * The flat layout has no column for a few details the YAML can hold (phone and service
 * descriptions, schedule notes and seasonal dates, closure reasons, accessibility details,
 * address_2): those are in the HSDS JSON download.
 */

/** The UTF-8 byte-order mark that tells spreadsheet programs the file is UTF-8. */
export const UTF8_BOM = '\uFEFF';

/**
 * Day codes in week order, with runs of three or more written as a range the reader accepts
 * (`SA,SU,MO,TU,WE,TH` → `SA-TH`; `SA,MO` stays).
 */
export function compactDays(byday: string): string {
  const present = new Set(byday.split(','));
  const indexes = weekdayCodes.flatMap((code, i) => (present.has(code) ? [i] : []));
  const parts: string[] = [];
  for (let start = 0; start < indexes.length; ) {
    let end = start;
    while (end + 1 < indexes.length && (indexes[end + 1] ?? -1) === (indexes[end] ?? 0) + 1) end++;
    const from = weekdayCodes[indexes[start] ?? 0];
    const to = weekdayCodes[indexes[end] ?? 0];
    if (end - start >= 2) parts.push(`${from}-${to}`);
    else for (let i = start; i <= end; i++) parts.push(weekdayCodes[indexes[i] ?? 0] as string);
    start = end + 1;
  }
  return parts.join(',');
}

/** The `schedules` cell: `SA-WE 07:30-14:00; TH 07:30-12:00` (compact-hours.ts reads it back). */
export function compactSchedules(schedules: ServiceBase['schedules']): string {
  return schedules
    .map((entry) => `${compactDays(entry.byday)} ${entry.opens_at}-${entry.closes_at}`)
    .join('; ');
}

/** The `closures` cell: `2027-03-21; 2027-04-01 08:00-12:00`. */
export function compactClosures(closures: ServiceBase['closures']): string {
  return closures
    .map((closure) =>
      closure.opens_at && closure.closes_at
        ? `${closure.date} ${closure.opens_at}-${closure.closes_at}`
        : closure.date,
    )
    .join('; ');
}

/** A list cell (`a; b`), or empty when the English list would not line up with the Persian one. */
function listCell(items: readonly string[]): string {
  return items.join('; ');
}

function translations(texts: readonly LocalizedText[]): { fa: string; en: string } {
  const complete = texts.every((text) => text.en !== undefined);
  return {
    fa: listCell(texts.map((text) => text.fa)),
    // The reader pairs the n-th English name with the n-th id; a partial list would misalign.
    en: complete ? listCell(texts.map((text) => text.en as string)) : '',
  };
}

/** One base as cells keyed by the data team's column names. */
export function serviceBaseCsvCells(
  base: ServiceBase,
): Record<(typeof serviceBaseCsvColumns)[number], string | number | boolean | undefined> {
  const services = translations(base.services.map((service) => service.name));
  const accessibility = translations(base.accessibility.map((item) => item.description));
  return {
    id: base.id,
    sample: base.sample,
    name_fa: base.name.fa,
    name_en: base.name.en,
    description_fa: base.description?.fa,
    description_en: base.description?.en,
    organization_fa: base.organization.name.fa,
    organization_en: base.organization.name.en,
    organization_url: base.organization.url,
    province: base.province,
    county: base.county.id,
    county_fa: base.county.name.fa,
    county_en: base.county.name.en,
    neighbourhood_fa: base.neighbourhood?.fa,
    neighbourhood_en: base.neighbourhood?.en,
    latitude: base.location.latitude,
    longitude: base.location.longitude,
    address_fa: base.address.address_1.fa,
    address_en: base.address.address_1.en,
    city_fa: base.address.city.fa,
    city_en: base.address.city.en,
    region_fa: base.address.region?.fa,
    region_en: base.address.region?.en,
    postal_code: base.address.postal_code,
    transportation_fa: base.transportation?.fa,
    transportation_en: base.transportation?.en,
    phones: listCell(base.phones.map((phone) => phone.number)),
    email: base.email,
    url: base.url,
    schedules: compactSchedules(base.schedules),
    closures: compactClosures(base.closures),
    services: listCell(base.services.map((service) => service.id)),
    services_fa: services.fa,
    services_en: services.en,
    languages: listCell(base.languages),
    accessibility_fa: accessibility.fa,
    accessibility_en: accessibility.en,
    assured_date: base.assured_date,
  };
}

/** Every base as a CSV file (BOM, header row, one row per base, CRLF). */
export function toServiceBaseCsv(bases: readonly ServiceBase[]): string {
  let text = UTF8_BOM + csvRow(serviceBaseCsvColumns);
  for (const base of bases) {
    const cells = serviceBaseCsvCells(base);
    text += csvRow(serviceBaseCsvColumns.map((column) => cells[column]));
  }
  return text;
}
