// Fails when a widget string has no translation. It first re-extracts the messages from the
// sources into the XLIFF files (so a new msg() shows up as a unit without <target>) and rebuilds
// the runtime locale modules, then requires a non-empty <target> in every unit.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const litLocalize = resolve('packages/elements/node_modules/.bin/lit-localize');
for (const step of ['extract', 'build']) {
  execFileSync(litLocalize, [step], { cwd: 'packages/elements', stdio: 'inherit' });
}

const dir = 'packages/elements/xliff';
let problems = 0;
for (const name of readdirSync(dir).filter((file) => file.endsWith('.xlf'))) {
  const xml = readFileSync(join(dir, name), 'utf8');
  const units = [...xml.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)];
  for (const [, id, body] of units) {
    const target = /<target>([\s\S]*?)<\/target>/.exec(body ?? '')?.[1]?.trim();
    if (!target) {
      problems++;
      const source = /<source>([\s\S]*?)<\/source>/.exec(body ?? '')?.[1];
      console.error(`${name}: message ${id} has no translation — add a <target> for: ${source}`);
    }
  }
  console.log(`${name}: ${units.length} messages checked`);
}
process.exitCode = problems > 0 ? 1 : 0;
