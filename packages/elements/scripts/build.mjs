// `pnpm --filter @behzisti/elements build`: one self-contained script per widget
// (dist/bz-<name>.js) and one with every widget (dist/bz-elements.js), plus their sizes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { budgets, bundle, gzipSize, widgets } from './bundle.mjs';

const dist = new URL('../dist/', import.meta.url);
mkdirSync(dist, { recursive: true });

const targets = [
  ...widgets().map(({ tag, entry }) => ({ file: `${tag}.js`, entries: [entry] })),
  { file: 'bz-elements.js', entries: widgets().map(({ entry }) => entry) },
];
for (const { file, entries } of targets) {
  const code = await bundle(entries);
  writeFileSync(new URL(file, dist), code);
  const kb = (gzipSize(code) / 1024).toFixed(1);
  console.log(
    `dist/${file}  ${(code.length / 1024).toFixed(1)} kB min, ${kb} kB gzip (budget ${budgets.withLit / 1024} kB per widget)`,
  );
}
