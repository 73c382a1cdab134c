// The npm package as a consumer gets it: `pnpm pack` (publishConfig swaps the workspace's
// TypeScript-source exports for dist/esm/), unpacked into a throwaway project whose
// dependencies are linked from this workspace (no network), then imported by Node and
// type-checked by TypeScript. Needs a built package (`node --run build`), so it runs after the
// build: `vitest run -c packages/elements/vitest.package.config.ts`.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const packageDir = new URL('..', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
const workDir = mkdtempSync(join(tmpdir(), 'bz-elements-pack-'));
const consumer = join(workDir, 'consumer');
const installed = join(consumer, 'node_modules/@behzisti/elements');

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

beforeAll(() => {
  if (!existsSync(join(packageDir, 'dist/esm'))) {
    throw new Error('Build the package first: `node --run build` in packages/elements.');
  }
  // Scripts are skipped: prepack would rebuild, and the build under test is the one on disk.
  pnpm(['pack', '--ignore-scripts', '--pack-destination', workDir], packageDir);
  const tarball = join(workDir, `behzisti-elements-${manifest.version}.tgz`);
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
