// Publishes the static Storybook (the widgets' live catalogue and their API docs, generated from
// the custom elements manifest) with the portal at /storybook/ (run by `node --run data`).
// Storybook's build uses relative URLs only, so it works under any sub-path.
//
// Storybook is built separately (`pnpm build-storybook` at the root writes storybook-static/;
// the root `pnpm build` runs it before the portal). Without it the portal builds without
// /storybook/ and says so: a docs build is not a reason to stop the site.
//
//   node portal/scripts/publish-storybook.ts [--from <storybook-static>] [--out <public/storybook>]

import { cpSync, existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const portal = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function option(name: string, fallback: string): string {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? (args[at + 1] as string) : fallback;
}

const from = resolve(option('--from', join(portal, '../storybook-static')));
const out = resolve(option('--out', join(portal, 'public/storybook')));

rmSync(out, { recursive: true, force: true });
if (existsSync(join(from, 'index.html'))) {
  cpSync(from, out, { recursive: true });
  console.log(`storybook: ${from} → ${out}`);
} else {
  console.warn(
    `storybook: no build in ${from}; the portal is built without /storybook/ (run \`pnpm build-storybook\` first to include it).`,
  );
}
