// The npm package as a consumer gets it: `pnpm pack` (publishConfig swaps the workspace's
// TypeScript-source exports for dist/esm/), unpacked into a throwaway project whose
// dependencies are linked from this workspace (no network), then imported by Node and
// type-checked by TypeScript. Needs a built package (`node --run build`), so it runs after the
// build: `vitest run -c packages/elements/vitest.package.config.ts`.
import { execFileSync } from 'node:child_process';
import {
  type Dirent,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, matchesGlob, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elementsOf, readmeApi, vscodeCss, vscodeHtml } from '../scripts/manifest-outputs.mjs';

const packageDir = new URL('..', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
const workDir = mkdtempSync(join(tmpdir(), 'bz-elements-pack-'));
const consumer = join(workDir, 'consumer');
const installed = join(consumer, 'node_modules/@behzisti/elements');
const repositoryRoot = join(packageDir, '../..');
const tarball = join(workDir, `behzisti-elements-${manifest.version}.tgz`);

/**
 * pnpm as the test command was started with, else the pinned version through npx. pnpm may be a
 * JavaScript file (run it with Node) or, as pnpm 12 is, a native executable (run it as it is).
 */
function pnpm(args: string[], cwd: string): string {
  const execPath = process.env.npm_execpath;
  const [command, prefix]: [string, string[]] =
    execPath && /pnpm/.test(execPath)
      ? /\.[cm]?js$/.test(execPath)
        ? [process.execPath, [execPath]]
        : [execPath, []]
      : ['npx', ['--yes', `pnpm@${String(manifestRoot().packageManager).split('@')[1]}`]];
  return execFileSync(command, [...prefix, ...args], { cwd, encoding: 'utf8', stdio: 'pipe' });
}

function manifestRoot() {
  return JSON.parse(readFileSync(join(packageDir, '../../package.json'), 'utf8'));
}

const exec = (file: string, args: string[], cwd: string) =>
  execFileSync(file, args, { cwd, encoding: 'utf8', stdio: 'pipe' });

/** Every file in a folder, as paths relative to it with `/`. */
const filesUnder = (dir: string): string[] =>
  (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'));

/** Every string leaf of a package.json field (exports conditions, bin maps…). */
const leaves = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : value && typeof value === 'object'
      ? Object.values(value).flatMap(leaves)
      : [];

/** A package binary from the workspace's node_modules/.bin, with its output on failure. */
function tool(name: string, args: string[]): { status: number; output: string } {
  try {
    const output = exec(join(packageDir, 'node_modules/.bin', name), args, workDir);
    return { status: 0, output };
  } catch (error) {
    const failed = error as { status?: number; stdout?: string; stderr?: string };
    return { status: failed.status ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

beforeAll(() => {
  if (!existsSync(join(packageDir, 'dist/esm'))) {
    throw new Error('Build the package first: `node --run build` in packages/elements.');
  }
  // Scripts are skipped: prepack would rebuild, and the build under test is the one on disk.
  pnpm(['pack', '--ignore-scripts', '--pack-destination', workDir], packageDir);
  mkdirSync(installed, { recursive: true });
  exec('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1'], workDir);
  // The package's dependencies, linked from this workspace's install of them.
  for (const name of Object.keys(manifest.dependencies)) {
    const target = join(consumer, 'node_modules', name);
    mkdirSync(dirname(target), { recursive: true });
    symlinkSync(realpathSync(join(packageDir, 'node_modules', name)), target, 'dir');
  }
  writeFileSync(join(consumer, 'package.json'), '{ "name": "consumer", "type": "module" }\n');
}, 60_000);

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('the packed @behzisti/elements', () => {
  it('exports built JavaScript with declarations, never the TypeScript sources', () => {
    const packed = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    expect(Object.keys(packed.exports)).toEqual(Object.keys(manifest.exports));
    for (const [subpath, target] of Object.entries<string | Record<string, string>>(
      packed.exports,
    )) {
      const files = typeof target === 'string' ? [target] : Object.values(target);
      for (const file of files) {
        expect(file, subpath).not.toMatch(/^\.\/src\//);
        expect(existsSync(join(installed, file)), `${subpath} → ${file}`).toBe(true);
      }
    }
    expect(existsSync(join(installed, 'src'))).toBe(false);
    expect(packed.dependencies['@behzisti/core']).toBeUndefined();
    expect(JSON.stringify(packed)).not.toContain('workspace:');
  });

  it('ships the embeddable scripts and a manifest that points at shipped modules', () => {
    for (const file of ['bz-hotlines.js', 'bz-elements.js', 'bz-service-locator-map.js']) {
      expect(existsSync(join(installed, 'dist', file)), file).toBe(true);
    }
    const cem = JSON.parse(readFileSync(join(installed, 'dist/custom-elements.json'), 'utf8'));
    const tags = cem.modules.flatMap(
      (module: { path: string; declarations?: { tagName?: string }[] }) =>
        (module.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName, module.path]),
    );
    expect(tags.map(([tag]: string[]) => tag)).toEqual(
      expect.arrayContaining(['bz-hotlines', 'bz-service-locator', 'bz-feedback-form']),
    );
    for (const [, path] of tags) expect(existsSync(join(installed, path)), path).toBe(true);
  });

  it('imports in Node, each subpath defining its element', () => {
    // Every element subpath (the map add-on needs a browser: Leaflet reads `window` on import).
    const names = Object.keys(manifest.exports)
      .filter((subpath) => !/\.json$|\/map$/.test(subpath))
      .map((subpath) => subpath.slice(2));
    expect(names).toContain('hotlines');
    const script = `
      for (const name of ${JSON.stringify(names)}) {
        const module = await import('@behzisti/elements/' + name);
        const tag = 'bz-' + name;
        if (customElements.get(tag) !== Object.values(module)[0]) throw new Error(tag + ' not defined');
      }
      console.log('ok');
    `;
    expect(exec(process.execPath, ['--input-type=module', '-e', script], consumer).trim()).toBe(
      'ok',
    );
  });

  it('type-checks a TypeScript consumer against the shipped declarations', () => {
    writeFileSync(
      join(consumer, 'main.ts'),
      `import { BzServiceLocator } from '@behzisti/elements/service-locator';
import type { MapModule } from '@behzisti/elements/service-locator/map';
import { BzHotlines } from '@behzisti/elements/hotlines';
import type { BzResultDetail } from '@behzisti/elements/eligibility-checker';
import '@behzisti/elements/feedback-form';

BzServiceLocator.loadMap = (): Promise<MapModule> => import('@behzisti/elements/service-locator/map');
const hotlines: BzHotlines = document.createElement('bz-hotlines');
hotlines.headingLevel = 3;
// @ts-expect-error headingLevel is a number: proves the declarations are real, not any
hotlines.headingLevel = 'three';
export const outcomes = (detail: BzResultDetail) => Object.keys(detail.outcomes);
`,
    );
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'nodenext',
          moduleResolution: 'nodenext',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ['main.ts'],
      }),
    );
    const tsc = join(
      dirname(createRequire(import.meta.url).resolve('typescript/package.json')),
      'bin/tsc',
    );
    let output = '';
    try {
      exec(process.execPath, [tsc, '-p', consumer], consumer);
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe('');
  });
});

describe('what the packed @behzisti/elements ships (issue 17)', () => {
  const packed = () => JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));

  it('ships every file its package.json names: exports, types, customElements, web-types, bin', () => {
    const json = packed();
    const named = [
      ...leaves(json.exports),
      ...leaves(json.types),
      ...leaves(json.typings),
      ...leaves(json.main),
      ...leaves(json.module),
      ...leaves(json.bin),
      ...leaves(json.customElements),
      ...leaves(json['web-types']),
    ];
    expect(named).toEqual(expect.arrayContaining(['./dist/web-types.json']));
    expect(json.customElements).toBe('dist/custom-elements.json');
    for (const file of named) {
      expect(existsSync(join(installed, file)), `${file} is named but not shipped`).toBe(true);
    }
  });

  it('has a README, the repository LICENSE, and repository, homepage and bugs', () => {
    const json = packed();
    expect(readFileSync(join(installed, 'LICENSE'), 'utf8')).toBe(
      readFileSync(join(repositoryRoot, 'LICENSE'), 'utf8'),
    );
    expect(json.license).toBe('MIT');
    expect(json.repository).toMatchObject({
      type: 'git',
      url: expect.stringMatching(/^git\+https:\/\/.+\.git$/),
      directory: 'packages/elements',
    });
    expect(json.homepage).toMatch(/^https:\/\//);
    expect(json.bugs.url).toMatch(/^https:\/\//);
    const readme = readFileSync(join(installed, 'README.md'), 'utf8');
    for (const heading of [
      '## Install',
      '## Use with a script tag',
      '## Use with npm and a bundler',
    ]) {
      expect(readme).toContain(heading);
    }
  });

  it("has the README's element tables generated from the shipped manifest", () => {
    const cem = JSON.parse(readFileSync(join(installed, 'dist/custom-elements.json'), 'utf8'));
    const readme = readFileSync(join(installed, 'README.md'), 'utf8');
    const tables = readmeApi(cem);
    expect(
      readme,
      'README.md is older than the manifest: run `node --run build` and commit it',
    ).toContain(tables);
    for (const element of elementsOf(cem)) {
      expect(tables).toContain(`### \`<${element.tagName}>\``);
      for (const attribute of element.attributes ?? [])
        expect(tables).toContain(`| \`${attribute.name}\` |`);
      for (const event of element.events ?? []) expect(tables).toContain(`| \`${event.name}\` |`);
      for (const part of element.cssParts ?? []) expect(tables).toContain(`| \`${part.name}\` |`);
    }
  });

  it('marks as side effects exactly the kinds of module that act on import', () => {
    const patterns: string[] = packed().sideEffects;
    const shipped = filesUnder(installed);
    // As bundlers read them: `./` is the package root, a pattern without `/` matches anywhere.
    const matchesOne = (file: string, pattern: string) =>
      pattern.startsWith('./')
        ? matchesGlob(file, pattern.slice(2))
        : matchesGlob(file, pattern.includes('/') ? pattern : `**/${pattern}`);
    const matches = (file: string) => patterns.some((pattern) => matchesOne(file, pattern));
    for (const pattern of patterns) {
      expect(
        shipped.some((file) => matchesOne(file, pattern)),
        `${pattern} matches no shipped file`,
      ).toBe(true);
    }
    // A module that defines a tag or configures the translations must never be dropped by a
    // bundler's tree shaking; the embeddable scripts run on load as a whole.
    const acting = shipped.filter(
      (file) =>
        file.endsWith('.js') &&
        /^(?:defineElement|customElements\.define|configure\w*Localization)\(|\n(?:defineElement|customElements\.define|configure\w*Localization)\(/m.test(
          readFileSync(join(installed, file), 'utf8'),
        ),
    );
    expect(acting.length).toBeGreaterThan(5);
    for (const file of acting) expect(matches(file), `${file} acts on import`).toBe(true);
    // …and the modules that only declare things are free to be dropped.
    for (const file of ['dist/esm/shared/bz-element.js', 'dist/esm/core/text.js']) {
      expect(shipped).toContain(file);
      expect(matches(file), file).toBe(false);
    }
  });

  it('passes publint (strict) and arethetypeswrong (ES modules only)', () => {
    const lint = tool('publint', ['run', tarball, '--strict', '--level', 'suggestion']);
    expect(lint.output).toContain('All good!');
    expect(lint.status).toBe(0);
    // attw exits non-zero on any problem in the resolutions the profile keeps (node16 from ESM,
    // bundler); CommonJS and node10 are not ours to serve: the package is ES modules only.
    const types = tool('attw', [tarball, '--profile', 'esm-only', '--no-emoji']);
    expect(types.output).toContain('"@behzisti/elements/service-locator"');
    expect(types.status, types.output).toBe(0);
  });

  it('ships editor data (web-types, VS Code) that lists every element, attribute, event and part', () => {
    const cem = JSON.parse(readFileSync(join(installed, 'dist/custom-elements.json'), 'utf8'));
    const read = (file: string) => JSON.parse(readFileSync(join(installed, 'dist', file), 'utf8'));
    const webTypes = read('web-types.json');
    expect(webTypes.name).toBe('@behzisti/elements');
    expect(webTypes.version).toBe(manifest.version);
    const html = read('vscode.html-custom-data.json');
    expect(html).toEqual(vscodeHtml(cem));
    expect(read('vscode.css-custom-data.json')).toEqual(vscodeCss(cem));
    for (const element of elementsOf(cem)) {
      const typed = webTypes.contributions.html.elements.find(
        (entry: { name: string }) => entry.name === element.tagName,
      );
      expect(typed, element.tagName).toBeDefined();
      expect(typed.attributes.map((a: { name: string }) => a.name)).toEqual(
        (element.attributes ?? []).map((a: { name: string }) => a.name),
      );
      expect(typed.js.events.map((e: { name: string }) => e.name)).toEqual(
        (element.events ?? []).map((e: { name: string }) => e.name),
      );
      expect(typed.css.parts.map((p: { name: string }) => p.name)).toEqual(
        (element.cssParts ?? []).map((p: { name: string }) => p.name),
      );
      const tag = html.tags.find((entry: { name: string }) => entry.name === element.tagName);
      expect(tag.attributes.length, element.tagName).toBe((element.attributes ?? []).length);
    }
  });
});

describe('what is published at all (issue 17, decision in docs/deployment.md)', () => {
  it('publishes only @behzisti/elements: core, the feedback service and the portal are private', () => {
    const root = (path: string) => JSON.parse(readFileSync(join(repositoryRoot, path), 'utf8'));
    expect(root('packages/core/package.json').private).toBe(true);
    expect(root('packages/feedback-service/package.json').private).toBe(true);
    expect(root('portal/package.json').private).toBe(true);
    expect(manifest.private).toBeUndefined();
  });
});

describe('engines (issue 17): the Node version the code needs, said the same everywhere', () => {
  // What the code run by Node relies on, with the first Node 22 release that has it unflagged.
  const needs: [string, string][] = [
    [
      'TypeScript run by type stripping without a flag (every bin, the servers, the scripts)',
      '22.18.0',
    ],
    ['node:sqlite without --experimental-sqlite (the feedback store)', '22.13.0'],
    [
      'DatabaseSync#isTransaction (the SQLite store rolls back only an open transaction)',
      '22.16.0',
    ],
  ];
  const minimum = needs
    .map(([, version]) => version)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .at(-1) as string;
  const declared = `>=${minimum.replace(/\.0$/, '')}`;
  const read = (path: string) => readFileSync(join(repositoryRoot, path), 'utf8');

  it('is declared in every package Node runs, and checked by CI', () => {
    expect(declared).toBe('>=22.18');
    for (const path of [
      'package.json',
      'packages/core/package.json',
      'packages/feedback-service/package.json',
    ]) {
      expect(JSON.parse(read(path)).engines?.node, path).toBe(declared);
    }
    expect(read('.ci/run')).toContain('(a === 22 && b >= 18)');
    for (const path of [
      'packages/core/bin/validate-data.mjs',
      'packages/core/bin/check-rules.mjs',
      'packages/feedback-service/bin/hash-secret.mjs',
    ]) {
      expect(read(path), path).toContain('22.18');
    }
  });
});
