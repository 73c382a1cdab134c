// `pnpm --filter @behzisti/elements build`: one self-contained script per widget
// (dist/bz-<name>.js), one with every widget (dist/bz-elements.js) and the parts loaded on
// demand (the locator's map), each with its translation files (dist/bz-<name>.en.<hash>.js);
// prints their sizes. Budgets are checked by test/budgets.test.ts.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { addons, bundleFiles, gzipSize, widgets } from './bundle.mjs';

const dist = new URL('../dist/', import.meta.url);
mkdirSync(dist, { recursive: true });
// Translation files carry a content hash in their names: drop the previous build's.
for (const file of readdirSync(dist)) {
  if (/^bz-.*\.js$/.test(file)) rmSync(new URL(file, dist));
}

/** @type {{ file: string, entries: string[], exportAll?: boolean, borrowLit?: boolean }[]} */
const targets = [
  ...widgets().map(({ tag, entry }) => ({ file: `${tag}.js`, entries: [entry] })),
  { file: 'bz-elements.js', entries: widgets().map(({ entry }) => entry) },
  ...addons.map(({ file, entry, borrowLit }) => ({
    file,
    entries: [entry],
    exportAll: true,
    borrowLit,
  })),
];
for (const { file, entries, exportAll, borrowLit } of targets) {
  const [main, ...translations] = await bundleFiles(entries, {
    name: file.replace(/\.js$/, ''),
    exportAll,
    borrowLit,
  });
  if (!main) throw new Error(`nothing built for ${file}`);
  const text = new TextDecoder().decode(main.code);
  // A part that renders no text (the map add-on) imports no translation file.
  for (const { file: output, code } of [
    main,
    ...translations.filter((t) => text.includes(t.file)),
  ]) {
    writeFileSync(new URL(output, dist), code);
    const kb = (gzipSize(code) / 1024).toFixed(1);
    console.log(`dist/${output}  ${(code.length / 1024).toFixed(1)} kB min, ${kb} kB gzip`);
  }
}
