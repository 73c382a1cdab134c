import type { ServiceBase } from '../schemas/service-base.ts';
import { toServiceBaseCsv } from './csv.ts';
import { toGeoJson } from './geojson.ts';
import { basesWithoutServices, toHsds } from './hsds.ts';
import { csvRowSchema, geoJsonSchema, HSDS_SCHEMA_PATH, hsdsPageSchema } from './schemas.ts';

/**
 * Every open-data file as path → text, plus the index that lists them with their sizes. Pure,
 * so the publish script writes exactly what the download page describes (the page calls this
 * too, for the sizes). The vendored HSDS schema is the one file not made here: the script
 * copies it to `HSDS_SCHEMA_PATH` beside the others.
 */

/** The downloads, in the order the page lists them. */
export const OPEN_DATA_DOWNLOADS = [
  {
    id: 'hsds',
    path: 'service-bases.hsds.json',
    format: 'HSDS 3.0 JSON',
    mediaType: 'application/json',
    schema: 'service-bases.hsds.schema.json',
  },
  {
    id: 'hsds-en',
    path: 'service-bases.en.hsds.json',
    format: 'HSDS 3.0 JSON',
    mediaType: 'application/json',
    schema: 'service-bases.hsds.schema.json',
  },
  {
    id: 'csv',
    path: 'service-bases.csv',
    format: 'CSV',
    mediaType: 'text/csv; charset=utf-8',
    schema: 'service-bases.csv.schema.json',
  },
  {
    id: 'geojson',
    path: 'service-bases.geojson',
    format: 'GeoJSON',
    mediaType: 'application/geo+json',
    schema: 'service-bases.geojson.schema.json',
  },
] as const;

export type OpenDataDownloadId = (typeof OPEN_DATA_DOWNLOADS)[number]['id'];

/** One download as index.json lists it. */
export interface OpenDataDownload {
  id: OpenDataDownloadId;
  path: string;
  format: string;
  media_type: string;
  /** Size in bytes (UTF-8, as served). */
  bytes: number;
  /** Records in the file: services for HSDS, bases for CSV and GeoJSON. */
  records: number;
  schema: string;
}

/** `index.json`: what is published, when, and whether it is sample data. */
export interface OpenDataIndex {
  format: 'behzisti-open-data';
  version: 1;
  /** Tehran calendar day the files were made, YYYY-MM-DD. */
  generated: string;
  hsds_version: '3.0';
  bases: number;
  services: number;
  /** Bases that are sample data (not official records). */
  sample_bases: number;
  /** Bases left out of the HSDS files because they list no services (HSDS lists services). */
  bases_without_services: string[];
  downloads: OpenDataDownload[];
}

export interface OpenDataBuild {
  files: Map<string, string>;
  index: OpenDataIndex;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Every file of the open data for these bases. */
export function buildOpenData(
  bases: readonly ServiceBase[],
  options: { generated: string },
): OpenDataBuild {
  const hsdsFa = toHsds(bases, 'fa');
  const hsdsEn = toHsds(bases, 'en');
  const contents: Record<OpenDataDownloadId, { text: string; records: number }> = {
    // Compact: these are the big files, and every JSON tool pretty-prints on demand.
    hsds: { text: JSON.stringify(hsdsFa), records: hsdsFa.total_items },
    'hsds-en': { text: JSON.stringify(hsdsEn), records: hsdsEn.total_items },
    csv: { text: toServiceBaseCsv(bases), records: bases.length },
    geojson: { text: JSON.stringify(toGeoJson(bases)), records: bases.length },
  };
  const files = new Map<string, string>();
  const downloads: OpenDataDownload[] = OPEN_DATA_DOWNLOADS.map((download) => {
    const { text, records } = contents[download.id];
    files.set(download.path, text);
    return {
      id: download.id,
      path: download.path,
      format: download.format,
      media_type: download.mediaType,
      bytes: new TextEncoder().encode(text).length,
      records,
      schema: download.schema,
    };
  });
  files.set('service-bases.hsds.schema.json', json(hsdsPageSchema(HSDS_SCHEMA_PATH)));
  files.set('service-bases.csv.schema.json', json(csvRowSchema()));
  files.set('service-bases.geojson.schema.json', json(geoJsonSchema()));
  const index: OpenDataIndex = {
    format: 'behzisti-open-data',
    version: 1,
    generated: options.generated,
    hsds_version: '3.0',
    bases: bases.length,
    services: hsdsFa.total_items,
    sample_bases: bases.filter((base) => base.sample).length,
    bases_without_services: basesWithoutServices(bases),
    downloads,
  };
  files.set('index.json', json(index));
  return { files, index };
}
