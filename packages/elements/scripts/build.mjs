// `pnpm --filter @behzisti/elements build`: one self-contained script per widget
// (dist/bz-<name>.js), one with every widget (dist/bz-elements.js) and the parts loaded on
// demand (the locator's map); prints their sizes. Budgets are checked by test/budgets.test.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { addons, bundle, gzipSize, widgets } from './bundle.mjs';

const dist = new URL('../dist/', import.meta.url);
mkdirSync(dist, { recursive: true });

const targets = [
  ...widgets().map(({ tag, entry }) => ({ file: `${tag}.js`, entries: [entry] })),
  { file: 'bz-elements.js', entries: widgets().map(({ entry }) => entry) },
  ...addons.map(({ file, entry }) => ({ file, entries: [entry] })),
];
for (const { file, entries } of targets) {
  const code = await bundle(entries);
  writeFileSync(new URL(file, dist), code);
  const kb = (gzipSize(code) / 1024).toFixed(1);
  console.log(`dist/${file}  ${(code.length / 1024).toFixed(1)} kB min, ${kb} kB gzip`);
}
