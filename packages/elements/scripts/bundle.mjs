// Bundles each widget into one self-contained script (Lit included) for embedding with a single
// <script> tag, and measures it. Shared by the build, the byte-budget test and `pnpm bench`.
import { existsSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const srcDir = new URL('../src/', import.meta.url);
const notWidgets = new Set(['shared', 'generated']);

/** Byte budgets from the design card (min+gzip): with Lit, and for our own code alone. */
export const budgets = { withLit: 25 * 1024, withoutLit: 15 * 1024 };

/**
 * Every widget: a folder `src/<name>/` with `<name>.ts` that defines `bz-<name>`.
 * @returns {{ tag: string, entry: string }[]}
 */
export function widgets() {
  return readdirSync(srcDir, { withFileTypes: true })
    .filter((dirent) => dirent.isDirectory() && !notWidgets.has(dirent.name))
    .map((dirent) => ({
      tag: `bz-${dirent.name}`,
      entry: new URL(`${dirent.name}/${dirent.name}.ts`, srcDir).pathname,
    }))
    .filter(({ entry }) => existsSync(entry))
    .sort((a, b) => a.tag.localeCompare(b.tag));
}

/**
 * One minified ES module. With `externalLit`, Lit stays an import so the figure is our own code.
 * @param {string | string[]} entries
 * @param {{ externalLit?: boolean }} [options]
 * @returns {Promise<Uint8Array>}
 */
export async function bundle(entries, options = {}) {
  const list = Array.isArray(entries) ? entries : [entries];
  const result = await build({
    stdin: {
      contents: list.map((entry) => `import ${JSON.stringify(entry)};`).join('\n'),
      resolveDir: srcDir.pathname,
      loader: 'js',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    legalComments: 'none',
    conditions: ['production'],
    external: options.externalLit
      ? [
          'lit',
          'lit/*',
          '@lit/*',
          'lit-html',
          'lit-html/*',
          'lit-element',
          'lit-element/*',
          '@lit/reactive-element',
          '@lit/reactive-element/*',
        ]
      : [],
  });
  return result.outputFiles?.[0]?.contents ?? new Uint8Array();
}

/** @param {Uint8Array} bytes */
export const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length;
