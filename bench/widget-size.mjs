// Size of each widget as one self-contained, minified script: what an embedding page loads.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const widgets = /** @type {const} */ ([
  ['bz-hotlines', 'packages/elements/src/hotlines/hotlines.ts'],
]);

/** @returns {Promise<import('./lib.mjs').Row[]>} */
export default async function widgetSizeRows() {
  const rows = [];
  for (const [name, entry] of widgets) {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'esm',
      target: 'es2022',
      write: false,
      legalComments: 'none',
    });
    const code = result.outputFiles?.[0]?.contents ?? new Uint8Array();
    rows.push({
      figure: `${name} script, min+gzip (incl. Lit)`,
      value: `${(gzipSync(code, { level: 9 }).length / 1024).toFixed(1)} kB`,
      note: `${(code.length / 1024).toFixed(1)} kB minified; budget 25 kB`,
    });
  }
  return rows;
}
