// Publishes the embeddable widget scripts under /widgets/ (run by `node --run data`, before the
// Astro build copies public/ into the site):
//
//   /widgets/bz-hotlines.<hash>.js     the script, named by its content: cached for a year
//   /widgets/v<major>/bz-hotlines.js   the stable address a provincial site pastes: a one-line
//                                      module re-exporting the current hashed file, cached briefly
//   /widgets/manifest.json             name → hashed URL, alias, size and SRI integrity (sha384)
//
// The scripts come from packages/elements/dist/ (`node --run build` there). A script that loads
// a sibling at run time (the locator's map add-on, translation files) names it relatively
// (`./bz-service-locator-map.js`); that reference is rewritten to the sibling's hashed name
// before the script's own hash is taken, so a hashed file only ever points at other immutable
// files, and the alias (which runs the hashed file, whose URL is its base) keeps working.
// Files the build already names by content (`bz-x.en.<hash>.js`) keep their names.
//
//   node portal/scripts/publish-widgets.ts [--from <elements dist>] [--out <public/widgets>]

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const portal = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Node's parseArgs: unknown options are refused, `--out x` and `--out=x` both work.
const { values: options } = parseArgs({
  options: { from: { type: 'string' }, out: { type: 'string' } },
});

const elements = resolve(portal, '../packages/elements');
const from = resolve(options.from ?? join(elements, 'dist'));
const out = resolve(options.out ?? join(portal, 'public/widgets'));

/** One published file, as listed in manifest.json. */
export interface PublishedWidget {
  /** Content-hashed URL: never changes meaning, cache it forever. */
  url: string;
  /** Stable URL for this major version (only for files named without a hash). */
  alias?: string;
  bytes: number;
  /** Subresource Integrity of the hashed file, for `<script integrity=…>`. */
  integrity: string;
}

const alreadyHashed = /\.[0-9a-f]{8}\.js$/;
const hash8 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex').slice(0, 8);

/**
 * The published name and contents of every script in `files` (name → contents), with
 * references between them rewritten to the hashed names.
 */
export function hashWidgets(
  files: Map<string, Buffer>,
): Map<string, { name: string; code: Buffer }> {
  const done = new Map<string, { name: string; code: Buffer }>();
  const visiting = new Set<string>();
  const publish = (file: string): { name: string; code: Buffer } => {
    const known = done.get(file);
    if (known) return known;
    if (visiting.has(file)) throw new Error(`widget scripts import each other in a cycle: ${file}`);
    visiting.add(file);
    let text = (files.get(file) as Buffer).toString('utf8');
    for (const other of files.keys()) {
      if (other === file || !text.includes(`./${other}`)) continue;
      // Only quoted specifiers: `"./bz-service-locator-map.js"` or `'./…'`.
      const pattern = new RegExp(
        `(["'\`])\\./${other.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\1`,
        'g',
      );
      const target = publish(other).name;
      text = text.replace(pattern, (_whole, quote: string) => `${quote}./${target}${quote}`);
    }
    const code = Buffer.from(text, 'utf8');
    const name = alreadyHashed.test(file) ? file : file.replace(/\.js$/, `.${hash8(code)}.js`);
    visiting.delete(file);
    const result = { name, code };
    done.set(file, result);
    return result;
  };
  for (const file of files.keys()) publish(file);
  return done;
}

function main(): void {
  if (!existsSync(from) || !readdirSync(from).some((file) => file.endsWith('.js'))) {
    throw new Error(
      `No widget scripts in ${from}: build them first (\`node --run build\` in packages/elements).`,
    );
  }
  const version = String(JSON.parse(readFileSync(join(elements, 'package.json'), 'utf8')).version);
  const major = `v${version.split('.')[0]}`;
  const files = new Map(
    readdirSync(from)
      .filter((file) => /^bz-[\w.-]+\.js$/.test(file))
      .sort()
      .map((file) => [file, readFileSync(join(from, file))] as const),
  );

  // Start clean: stale hashed files from an earlier build must not linger in the site.
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, major), { recursive: true });
  const manifest: Record<string, PublishedWidget> = {};
  const published = [...hashWidgets(files)].sort(([a], [b]) => a.localeCompare(b));
  for (const [file, { name, code }] of published) {
    writeFileSync(join(out, name), code);
    const entry: PublishedWidget = {
      url: `/widgets/${name}`,
      bytes: code.length,
      integrity: `sha384-${createHash('sha384').update(code).digest('base64')}`,
    };
    if (!alreadyHashed.test(file)) {
      // `export *` also runs the module, so one line serves widgets (which only define their
      // tags) and add-ons (whose exports the locator imports).
      writeFileSync(join(out, major, file), `export * from '../${name}';\n`);
      entry.alias = `/widgets/${major}/${file}`;
    }
    manifest[file] = entry;
  }
  writeFileSync(
    join(out, 'manifest.json'),
    `${JSON.stringify({ version, major, files: manifest }, null, 2)}\n`,
  );
  console.log(`widgets: ${files.size} scripts → ${out} (alias /widgets/${major}/)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
