// The office guide's pictures (docs/office-guide.md), made from the real editor: runs the office's
// end-to-end test (e2e/office.test.ts: a writer, an approver and the publish pipeline against the
// built portal) with OFFICE_SCREENSHOTS set, then makes each picture small with sharp (a 256-colour
// palette PNG, at most 1100 pixels wide) into docs/images/office-guide/.
//
//   cd portal && node --run build && node scripts/office-screenshots.ts
//
// Needs what the test needs: the built portal, Chromium and PostgreSQL (see the test's opening).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';

const portalDir = resolve(import.meta.dirname, '..');
const target = resolve(portalDir, '../docs/images/office-guide');
const raw = mkdtempSync(join(tmpdir(), 'bz-office-shots-'));

const run = spawnSync(
  process.execPath,
  [
    resolve(portalDir, '../node_modules/vitest/vitest.mjs'),
    'run',
    '-c',
    'vitest.e2e.config.ts',
    'e2e/office.test.ts',
  ],
  { cwd: portalDir, stdio: 'inherit', env: { ...process.env, OFFICE_SCREENSHOTS: raw } },
);
if (run.status !== 0) {
  rmSync(raw, { recursive: true, force: true });
  throw new Error('the office test failed: no pictures were replaced');
}

mkdirSync(target, { recursive: true });
let before = 0;
let after = 0;
for (const name of readdirSync(raw)
  .filter((file) => file.endsWith('.png'))
  .sort()) {
  const from = join(raw, name);
  const to = join(target, name);
  await sharp(from)
    .resize({ width: 1100, withoutEnlargement: true })
    .png({ palette: true, colours: 256, compressionLevel: 9, effort: 10 })
    .toFile(to);
  before += statSync(from).size;
  after += statSync(to).size;
  console.log(`${name}: ${Math.round(statSync(to).size / 1024)} kB`);
}
console.log(
  `office guide pictures: ${Math.round(before / 1024)} kB → ${Math.round(after / 1024)} kB`,
);
rmSync(raw, { recursive: true, force: true });
