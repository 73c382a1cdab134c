// Publishes the service-base dataset as open data: Open Referral HSDS 3.0 JSON (Persian and
// English), CSV in the data team's spreadsheet layout, GeoJSON, a JSON Schema for each, and an
// index.json with sizes and the date (formats: docs/data.md). Reads the same files, with the
// same validation, as publish-locator-data.ts and the directory pages: one copy of the data.
// A bad record is skipped with a warning, exactly as the locator skips it, so the downloads,
// the locator and the directory always list the same bases.
//
//   node portal/scripts/publish-open-data.ts [--source <folder>] [--out <folder>]
//
// Defaults: portal/src/content/service-bases → portal/public/data/open (generated; not in git).
// The output folder is replaced as a whole. SOURCE_DATE_EPOCH (seconds) fixes the date.

import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readServiceBaseFolder } from '@behzisti/core/data-files';
import { formatIsoDay, toWallTime } from '@behzisti/core/dates';
import { buildOpenData, HSDS_SCHEMA_PATH } from '@behzisti/core/open-data';

const portal = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const vendoredHsds = resolve(
  portal,
  '../packages/core/schemas/hsds-3.0/compiled-service_with_definitions.json',
);

// Node's parseArgs: unknown options are refused, `--out x` and `--out=x` both work.
const { values: options } = parseArgs({
  options: { source: { type: 'string' }, out: { type: 'string' } },
});
const source = resolve(options.source ?? join(portal, 'src/content/service-bases'));
const out = resolve(options.out ?? join(portal, 'public/data/open'));

const { bases, skipped, fileProblems } = readServiceBaseFolder(source);
for (const problem of fileProblems) console.warn(`warning: ${problem}`);
for (const record of skipped) {
  console.warn(`warning: skipped ${record.where}${record.id ? ` (${record.id})` : ''}:`);
  for (const problem of record.problems) console.warn(`  ${problem}`);
}
const warnings = fileProblems.length + skipped.length;

const epoch = Number(process.env.SOURCE_DATE_EPOCH);
const now = Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date();
const today = toWallTime(now);
const { files, index } = buildOpenData(bases, {
  generated: today ? formatIsoDay(today) : now.toISOString().slice(0, 10),
});

rmSync(out, { recursive: true, force: true });
for (const [path, text] of files) {
  const target = join(out, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
}
// The published HSDS schema refers to HSDS's own schema by a relative path; put it there.
const hsdsTarget = join(out, HSDS_SCHEMA_PATH);
mkdirSync(dirname(hsdsTarget), { recursive: true });
copyFileSync(vendoredHsds, hsdsTarget);

console.log(
  `open data: ${index.bases} bases, ${index.services} services (HSDS), ${skipped.length} skipped → ${relative(process.cwd(), out)}`,
);
for (const download of index.downloads)
  console.log(
    `  ${download.path}: ${(download.bytes / 1024).toFixed(1)} kB, ${download.records} records`,
  );
if (index.bases_without_services.length > 0)
  console.warn(
    `note: not in the HSDS files (no services listed): ${index.bases_without_services.join(', ')}`,
  );
if (warnings > 0) console.warn(`${warnings} warning(s): the records named above were left out.`);
