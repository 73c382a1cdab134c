// `node scripts/build-esm.mjs` (run by `node --run build`): the npm package's ES modules and type
// declarations in dist/esm/, for sites that bundle the elements themselves (the `exports` that
// `publishConfig` switches to when the package is packed; see package.json).
//
// One JavaScript file per source file, so a consumer's bundler sees the same module graph as the
// sources and shares Lit and our shared pieces between widgets. Lit, @lit/*, Leaflet and the
// libraries core uses stay imports (package dependencies). @behzisti/core is not published: it
// ships TypeScript sources, so the subpaths the elements use are bundled into dist/esm/core/
// (one module per subpath, shared code in chunks) and the imports point there.
//
// Declarations come from TypeScript (tsc, declaration only) for the elements and the part of core
// their public types reach; relative `.ts` specifiers become `.js` and `@behzisti/core/…`
// becomes a relative path into dist/esm/core/. Finally dist/custom-elements.json is the manifest
// with module paths pointing at the built files.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { addons, widgets } from './bundle.mjs';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const srcDir = join(packageDir, 'src');
const outDir = join(packageDir, 'dist/esm');
// core's exports map has no ./package.json; the workspace link is its folder.
const coreDir = realpathSync(join(packageDir, 'node_modules/@behzisti/core'));
const coreExports = /** @type {Record<string, string>} */ (
  JSON.parse(readFileSync(join(coreDir, 'package.json'), 'utf8')).exports
);

/** Imports that stay imports: the package's own dependencies. */
const externals = /^(lit|lit-html|lit-element|@lit\/[^/]+|leaflet|zod|kdbush|geokdbush)(\/|$)/;

/** Source files that are not part of the package (tests, stories and their fixtures). */
const notShipped = /\.(test|stories)\.ts$|stories-data\.ts$|\.d\.ts$/;

/** @param {string} dir @returns {string[]} */
const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });

/**
 * `./src/text.ts` for `@behzisti/core/text`, from core's own exports map.
 * @param {string} specifier
 */
function coreSource(specifier) {
  const subpath =
    specifier === '@behzisti/core' ? '.' : `.${specifier.slice('@behzisti/core'.length)}`;
  const target = coreExports[subpath];
  if (!target) throw new Error(`${specifier} is not exported by @behzisti/core`);
  return resolve(coreDir, target);
}

/** Where a core source file's module lands in dist/esm/core/ (`src/` dropped, `.js`). */
const coreOutput = (/** @type {string} */ source) =>
  join(outDir, 'core', relative(join(coreDir, 'src'), source)).replace(/\.ts$/, '.js');

/**
 * A relative specifier from `fromFile` to `toFile`, always starting with `.`.
 * @param {string} fromFile
 * @param {string} toFile
 */
function relativeSpecifier(fromFile, toFile) {
  const path = relative(dirname(fromFile), toFile).split('\\').join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

/**
 * `paths` for tsc that map every `@behzisti/core…` subpath straight to its source file, from
 * core's exports map. See step 4 for why the declarations must not find core through
 * node_modules.
 */
const corePaths = () =>
  Object.fromEntries(
    Object.keys(coreExports).map((subpath) => {
      const specifier = subpath === '.' ? '@behzisti/core' : `@behzisti/core${subpath.slice(1)}`;
      return [specifier, [coreSource(specifier)]];
    }),
  );

rmSync(outDir, { recursive: true, force: true });

// 1. Our sources, one output file each; every import left as an import with its path rewritten.
const sources = walk(srcDir).filter((file) => file.endsWith('.ts') && !notShipped.test(file));
/** @type {Set<string>} */
const coreUsed = new Set();
await build({
  entryPoints: sources,
  outbase: srcDir,
  outdir: outDir,
  bundle: true,
  format: 'esm',
  target: 'es2022',
  platform: 'browser',
  charset: 'utf8',
  logLevel: 'warning',
  plugins: [
    {
      name: 'keep-imports',
      setup(b) {
        b.onResolve({ filter: /.*/ }, (args) => {
          if (args.kind === 'entry-point') return undefined;
          const from = join(outDir, relative(srcDir, args.importer)).replace(/\.ts$/, '.js');
          if (args.path.startsWith('.')) {
            return { path: args.path.replace(/\.ts$/, '.js'), external: true };
          }
          if (args.path.startsWith('@behzisti/core')) {
            const source = coreSource(args.path);
            coreUsed.add(args.path);
            return { path: relativeSpecifier(from, coreOutput(source)), external: true };
          }
          if (externals.test(args.path)) return { path: args.path, external: true };
          throw new Error(`${args.path} (imported by ${args.importer}) is not a dependency`);
        });
      },
    },
  ],
});

// 2. The core subpaths the elements import, bundled with shared code split into chunks.
await build({
  entryPoints: [...coreUsed].map(coreSource),
  outbase: join(coreDir, 'src'),
  outdir: join(outDir, 'core'),
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  target: 'es2022',
  platform: 'browser',
  charset: 'utf8',
  logLevel: 'warning',
  external: ['zod', 'kdbush', 'geokdbush'],
});

// 3. The locator loads its map from `./bz-service-locator-map.js` beside itself when it is not
// running from sources (see mapModuleUrl in service-locator.ts): name the map module so there.
for (const { file, entry } of addons) {
  const built = join(outDir, relative(srcDir, entry)).replace(/\.ts$/, '.js');
  writeFileSync(
    join(dirname(built), file),
    `export * from ${JSON.stringify(relativeSpecifier(join(dirname(built), file), built))};\n`,
  );
}

// 4. Declarations: tsc over the entry modules, with core's subpaths mapped to its sources by
// `paths` rather than found through node_modules/@behzisti/core. Why: tsc writes no output for a
// file it reached by a node_modules lookup (it is someone else's library), and the native
// TypeScript 7 loads files concurrently, so a core file reached both through the package and by
// a relative import from a listed root file was emitted or not depending on which goroutine got
// there first (microsoft/typescript-go#1570). The build then failed about one run in five with
// ENOENT for a declaration such as core/src/schemas/schedule.d.ts, while tsc itself exited 0.
// With `paths` no file is reached through node_modules at all, so the emitted set is the same
// every run; the checks below fail the build with names and reasons if it ever is not.
const require = createRequire(import.meta.url);
const tsc = join(dirname(require.resolve('typescript/package.json')), 'bin/tsc');
const temp = mkdtempSync(join(tmpdir(), 'bz-elements-dts-'));
try {
  const entries = [...widgets().map(({ entry }) => entry), ...addons.map(({ entry }) => entry)];
  const packagesDir = resolve(packageDir, '..');
  const tsconfig = join(temp, 'tsconfig.json');
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: join(packageDir, '../../tsconfig.base.json'),
      compilerOptions: {
        composite: false,
        incremental: false,
        rootDir: packagesDir,
        outDir: join(temp, 'out'),
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        useDefineForClassFields: true,
        types: [],
        declaration: true,
        emitDeclarationOnly: true,
        // Types are checked by `tsc -b` (the test command); here only declarations are written.
        noCheck: true,
        paths: corePaths(),
      },
      files: [...entries, ...walk(srcDir).filter((file) => file.endsWith('.d.ts'))],
    }),
  );
  const run = spawnSync(
    process.execPath,
    [tsc, '-p', tsconfig, '--listFiles', '--listEmittedFiles'],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const lines = `${run.stdout ?? ''}`.split('\n').filter(Boolean);
  const emittedFiles = new Set(
    lines.filter((line) => line.startsWith('TSFILE: ')).map((line) => resolve(line.slice(8))),
  );
  const readFiles = lines.filter((line) => !line.startsWith('TSFILE: ') && isAbsolute(line));
  const messages = lines.filter((line) => !line.startsWith('TSFILE: ') && !isAbsolute(line));
  if (messages.length > 0 || run.stderr) console.error([...messages, run.stderr].join('\n'));
  if (run.status !== 0) {
    throw new Error(`tsc (declarations) exited with ${run.status ?? run.signal}; see above.`);
  }

  const emitted = join(temp, 'out');
  /** Where tsc writes the declaration of a source file. */
  const declarationOf = (/** @type {string} */ source) =>
    join(emitted, relative(packagesDir, source)).replace(/\.ts$/, '.d.ts');
  // Every source of ours that tsc read must have its declaration: a file it read but treated as
  // a library (not emitted) is the failure described above, named here rather than later.
  const notEmitted = readFiles.filter(
    (file) =>
      file.startsWith(packagesDir) &&
      !file.split(/[\\/]/).includes('node_modules') &&
      file.endsWith('.ts') &&
      !file.endsWith('.d.ts') &&
      !emittedFiles.has(declarationOf(file)),
  );
  if (notEmitted.length > 0) {
    throw new Error(
      `tsc read these sources but wrote no declaration for them, so it treated them as library ` +
        `files (reached through node_modules instead of \`paths\`?):\n  ${notEmitted.join('\n  ')}`,
    );
  }
  const elementsOut = join(emitted, relative(packagesDir, srcDir));
  const coreOut = join(emitted, relative(packagesDir, join(coreDir, 'src')));
  /** Where an emitted declaration file goes in dist/esm. */
  const destination = (/** @type {string} */ file) =>
    file.startsWith(coreOut)
      ? join(outDir, 'core', relative(coreOut, file))
      : join(outDir, relative(elementsOut, file));

  // Copy only the declarations the entries reach, rewriting specifiers on the way.
  /** @type {{ file: string, from: string }[]} */
  const queue = entries.map((entry) => ({ file: declarationOf(entry), from: 'an entry' }));
  const seen = new Set();
  /** @type {string[]} Declarations an import points at that tsc did not write. */
  const missing = [];
  const specifier = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"]+)\2/g;
  while (queue.length > 0) {
    const { file, from } = /** @type {{ file: string, from: string }} */ (queue.pop());
    if (seen.has(file)) continue;
    seen.add(file);
    if (!emittedFiles.has(file)) {
      missing.push(`${relative(emitted, file)} (imported as ${from})`);
      continue;
    }
    const to = destination(file);
    /** @param {string} line */
    const rewrite = (line) =>
      line.replace(specifier, (whole, lead, quote, path) => {
        /** @type {string | undefined} */
        let target;
        if (path.startsWith('.')) target = resolve(dirname(file), path.replace(/\.ts$/, '.d.ts'));
        else if (path.startsWith('@behzisti/core')) target = declarationOf(coreSource(path));
        if (!target) return whole;
        if (!target.endsWith('.d.ts') && emittedFiles.has(`${target}.d.ts`)) {
          target = `${target}.d.ts`;
        }
        queue.push({ file: target, from: `'${path}' in ${relative(emitted, file)}` });
        const rewritten = relativeSpecifier(to, destination(target)).replace(/\.d\.ts$/, '.js');
        return `${lead}${quote}${rewritten}${quote}`;
      });
    // Doc comments may quote import examples; only code lines are rewritten.
    const text = readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => (/^\s*(\*|\/\*|\/\/)/.test(line) ? line : rewrite(line)))
      .join('\n');
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(to, text);
  }
  if (missing.length > 0) {
    throw new Error(
      `tsc exited 0 but wrote no declaration for these imports of the published types:\n  ${missing.join('\n  ')}`,
    );
  }
  // Ambient module declarations (Leaflet's ES module build) are referenced by no import.
  for (const file of walk(srcDir).filter((f) => f.endsWith('.d.ts'))) {
    cpSync(file, join(outDir, relative(srcDir, file)));
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}

// 5. The custom elements manifest with module paths pointing at the built modules.
const manifestPath = join(packageDir, 'custom-elements.json');
if (existsSync(manifestPath)) {
  const toBuilt = (/** @type {unknown} */ path) =>
    typeof path === 'string' && path.startsWith('src/')
      ? posix.join('dist/esm', path.slice('src/'.length)).replace(/\.ts$/, '.js')
      : path;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'), (key, value) =>
    key === 'path' || key === 'module' ? toBuilt(value) : value,
  );
  writeFileSync(
    join(packageDir, 'dist/custom-elements.json'),
    `${JSON.stringify(manifest, null, 2)}\n`,
  );
}
console.log(`dist/esm  ${walk(outDir).length} files (ES modules and declarations)`);
