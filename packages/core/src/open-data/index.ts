/**
 * The open-data downloads of the service-base dataset: Open Referral HSDS 3.0 JSON, CSV in the
 * data team's layout, GeoJSON, and the JSON Schemas published beside them. Pure functions from
 * validated records to file contents; the portal's publish-open-data script writes the files.
 */
export * from './build.ts';
export * from './csv.ts';
export * from './geojson.ts';
export * from './hsds.ts';
export * from './schemas.ts';
export * from './uuid.ts';
