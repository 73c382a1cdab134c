// The pictures of the office's guides, made from the real editor by the end-to-end tests that do
// the office's work, then made small with sharp (a 256-colour palette PNG, at most 1100 pixels
// wide):
//   - docs/images/publishing/   e2e/admin.test.ts with CMS_SCREENSHOTS (docs/publishing.md)
//   - docs/images/office-guide/ e2e/office.test.ts with OFFICE_SCREENSHOTS (docs/office-guide.md:
//                               a writer, an approver and the publish pipeline)
//
//   cd portal && node --run build && node scripts/docs-screenshots.ts [publishing|office-guide]
//
// Needs what the tests need: the built portal, Chromium, and PostgreSQL for the office test.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';

const portalDir = resolve(import.meta.dirname, '..');
const sets = {
  publishing: { test: 'e2e/admin.test.ts', variable: 'CMS_SCREENSHOTS' },
  'office-guide': { test: 'e2e/office.test.ts', variable: 'OFFICE_SCREENSHOTS' },
} as const;
const wanted = process.argv.slice(2) as (keyof typeof sets)[];

for (const name of wanted.length > 0 ? wanted : (Object.keys(sets) as (keyof typeof sets)[])) {
  const set = sets[name];
  if (!set) throw new Error(`unknown picture set '${name}': ${Object.keys(sets).join(', ')}`);
  const raw = mkdtempSync(join(tmpdir(), `bz-${name}-shots-`));
  const run = spawnSync(
    process.execPath,
    [
      resolve(portalDir, '../node_modules/vitest/vitest.mjs'),
      'run',
      '-c',
      'vitest.e2e.config.ts',
      set.test,
    ],
    { cwd: portalDir, stdio: 'inherit', env: { ...process.env, [set.variable]: raw } },
  );
  if (run.status !== 0) {
    rmSync(raw, { recursive: true, force: true });
    throw new Error(`${set.test} failed: no pictures of ${name} were replaced`);
  }
  const target = resolve(portalDir, '../docs/images', name);
  mkdirSync(target, { recursive: true });
  let before = 0;
  let after = 0;
  for (const file of readdirSync(raw)
    .filter((entry) => entry.endsWith('.png'))
    .sort()) {
    const from = join(raw, file);
    const to = join(target, file);
    await sharp(from)
      .resize({ width: 1100, withoutEnlargement: true })
      .png({ palette: true, colours: 256, compressionLevel: 9, effort: 10 })
      .toFile(to);
    before += statSync(from).size;
    after += statSync(to).size;
    console.log(`${name}/${file}: ${Math.round(statSync(to).size / 1024)} kB`);
  }
  console.log(`${name}: ${Math.round(before / 1024)} kB → ${Math.round(after / 1024)} kB`);
  rmSync(raw, { recursive: true, force: true });
}
