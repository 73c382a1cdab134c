// Publishes the eligibility rules for <bz-eligibility-checker>: reads every programme file
// (YAML or JSON, one programme per file) directly in the programmes folder — not the table tests
// under tests/ — validates each with core's ProgrammeSchema and checks them together as
// check-rules does, then writes one JSON file the element loads (format: docs/eligibility-checker.md),
// and beside it one file per programme (programmes/<id>.json, the same format with one programme)
// for that programme's own page, which so downloads no other programme's rules.
// Drafts (`draft: true`) are left out. Any error stops the build: the element must never be
// served rules that the data team's validator refuses.
//
//   node portal/scripts/publish-programmes.ts [--source <folder>] [--out <file>] [--fixture]
//
// Defaults: portal/src/content/programmes → portal/public/data/programmes.json (generated).
// --fixture also writes packages/elements/test-fixtures/programmes.json for element tests and
// stories. SOURCE_DATE_EPOCH (seconds) fixes the "generated" day for reproducible builds.

import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatFromPath } from '@behzisti/core/data-files';
import { formatIsoDay, toWallTime } from '../../packages/core/src/dates.ts';
import { analyseProgrammes } from '../../packages/core/src/rules/analysis.ts';
import { formatFieldPath } from '../../packages/core/src/schemas/explain-issues.ts';
import { readProgrammeFiles } from '../src/lib/programme-files.ts';

const portal = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Node's parseArgs: unknown options are refused, `--out x` and `--out=x` both work.
const { values: options } = parseArgs({
  options: { source: { type: 'string' }, out: { type: 'string' }, fixture: { type: 'boolean' } },
});
const source = resolve(options.source ?? join(portal, 'src/content/programmes'));
const out = resolve(options.out ?? join(portal, 'public/data/programmes.json'));
const fixture = resolve(portal, '../packages/elements/test-fixtures/programmes.json');

/** Programme files directly in the folder (tests/ and other sub-folders are not programmes). */
const files = readdirSync(source, { withFileTypes: true })
  .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
  .map((entry) => join(source, entry.name))
  .filter((file) => {
    const format = formatFromPath(file);
    return format === 'yaml' || format === 'json';
  })
  .sort();

const read = readProgrammeFiles(files, (file) => relative(process.cwd(), file));
const errors = read.errors;
const programmes = read.found.map((entry) => entry.programme);
const origins = read.found.map((entry) => entry.file);
for (const issue of analyseProgrammes(programmes))
  errors.push(
    `${origins[issue.programme] ?? '?'}: ${formatFieldPath(issue.path) || '(record)'} — ${issue.message}`,
  );

if (errors.length > 0) {
  for (const line of errors) console.error(line);
  console.error(`publish-programmes: ${errors.length} errors; nothing written (see docs/rules.md)`);
  process.exit(1);
}

const epoch = Number(process.env.SOURCE_DATE_EPOCH);
const now = Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date();
const today = toWallTime(now);
const data = {
  version: 1,
  generated: today ? formatIsoDay(today) : now.toISOString().slice(0, 10),
  programmes,
};

const targets = options.fixture ? [out, fixture] : [out];
for (const target of targets) {
  mkdirSync(dirname(target), { recursive: true });
  // The fixture is committed: a fixed day keeps it from changing on every run.
  const body = target === fixture ? { ...data, generated: '2025-06-01' } : data;
  writeFileSync(target, `${JSON.stringify(body, null, target === fixture ? 1 : undefined)}\n`);
  console.log(`${relative(process.cwd(), target)}: ${programmes.length} programmes`);
}
// The per-programme files sit beside the published file only (element tests use the fixture).
const perProgramme = join(dirname(out), 'programmes');
rmSync(perProgramme, { recursive: true, force: true });
mkdirSync(perProgramme);
for (const programme of programmes) {
  writeFileSync(
    join(perProgramme, `${programme.id}.json`),
    `${JSON.stringify({ ...data, programmes: [programme] })}\n`,
  );
}
console.log(`${relative(process.cwd(), perProgramme)}/: one file per programme`);
