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
import { parseArgs } from 'node:util';

const portal = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Node's parseArgs: unknown options are refused, `--out x` and `--out=x` both work.
const { values: options } = parseArgs({
  options: { from: { type: 'string' }, out: { type: 'string' } },
});
const from = resolve(options.from ?? join(portal, '../storybook-static'));
const out = resolve(options.out ?? join(portal, 'public/storybook'));

rmSync(out, { recursive: true, force: true });
if (existsSync(join(from, 'index.html'))) {
  cpSync(from, out, { recursive: true });
  console.log(`storybook: ${from} → ${out}`);
} else {
  console.warn(
    `storybook: no build in ${from}; the portal is built without /storybook/ (run \`pnpm build-storybook\` first to include it).`,
  );
}
