// Consumer apps (issue 17): the packed @behzisti/elements installed with npm, from the registry
// like any site would (its dependencies too), into fresh temporary projects, each driving a widget
// in real Chromium:
// - a plain HTML page with the self-contained script, no build step;
// - Vite + TypeScript: `tsc` must accept typed properties and event details and reject a wrong
//   property type, then `vite build`, and the built page renders the element with the property;
// - Astro: a page whose <script> imports the element module, built by `astro build`;
// - React 19: properties set as properties (`headingLevel={5}`) and a `bz-` event handled through
//   React's own custom-element events (`onbz-quick-exit`), type-checked and built with Vite.
// The installs run in parallel to keep CI short. Needs the built package (`node --run build`)
// and the network to the npm registry; run by `vitest run -c vitest.consumers.config.ts`.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { promisify } from 'node:util';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, findChromium } from '../../../scripts/browsers.mjs';

const run = promisify(execFile);
const packageDir = new URL('..', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
const workDir = mkdtempSync(join(tmpdir(), 'bz-consumers-'));
const tarball = join(workDir, `behzisti-elements-${manifest.version}.tgz`);

/** Versions the consumer projects install (exact, so a failure is ours, not a new release's). */
const VITE = '8.3.8';
const TYPESCRIPT = '7.0.2';
const ASTRO = '7.3.5';
const REACT = [
  'react@19.3.1',
  'react-dom@19.3.1',
  '@types/react@19.3.3',
  '@types/react-dom@19.3.0',
];
const PLUGIN_REACT = '6.3.1';

/**
 * pnpm as the test command was started with, else the pinned version through npx (as in
 * package.check.ts): pnpm 12 may be a native executable.
 */
function pnpm(args: string[], cwd: string): string {
  const execPath = process.env.npm_execpath;
  const root = JSON.parse(readFileSync(join(packageDir, '../../package.json'), 'utf8'));
  const [command, prefix]: [string, string[]] =
    execPath && /pnpm/.test(execPath)
      ? /\.[cm]?js$/.test(execPath)
        ? [process.execPath, [execPath]]
        : [execPath, []]
      : ['npx', ['--yes', `pnpm@${String(root.packageManager).split('@')[1]}`]];
  return execFileSync(command, [...prefix, ...args], { cwd, encoding: 'utf8', stdio: 'pipe' });
}

/** `npm install` into a fresh project: quiet, no audit (the registry mirror may refuse it). */
async function npmInstall(dir: string, packages: string[]): Promise<void> {
  await run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--loglevel=error', '--prefer-offline', ...packages],
    { cwd: dir, maxBuffer: 16 * 1024 * 1024 },
  );
}

/** A fresh project folder with a package.json. */
function project(name: string): string {
  const dir = join(workDir, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: `consumer-${name}`, private: true, type: 'module' }, null, 2)}\n`,
  );
  return dir;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};

/** A static file server for one folder on a free loopback port. */
async function serve(root: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const servers: Server[] = [];
let browser: Browser;
const plain = project('plain-html');
const vite = project('vite-ts');
const astro = project('astro');
const react = project('react');

beforeAll(async () => {
  if (!existsSync(join(packageDir, 'dist/esm'))) {
    throw new Error('Build the package first: `node --run build` in packages/elements.');
  }
  const executablePath = findChromium();
  if (!executablePath)
    throw new Error('No Chromium: install it (Debian: apt-get install chromium).');
  // pnpm packs (its publishConfig swaps in the built exports); the build on disk is the one
  // under test, so prepack's rebuild is skipped.
  pnpm(['pack', '--ignore-scripts', '--pack-destination', workDir], packageDir);
  await Promise.all([
    npmInstall(plain, [tarball]),
    npmInstall(vite, [tarball, `vite@${VITE}`, `typescript@${TYPESCRIPT}`]),
    npmInstall(astro, [tarball, `astro@${ASTRO}`]),
    npmInstall(react, [
      tarball,
      ...REACT,
      `vite@${VITE}`,
      `@vitejs/plugin-react@${PLUGIN_REACT}`,
      `typescript@${TYPESCRIPT}`,
    ]),
  ]);
  browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  for (const server of servers) server.close();
  rmSync(workDir, { recursive: true, force: true });
});

/** Opens a page and returns the rendered heading level of its `bz-hotlines`, and any errors. */
async function hotlinesOn(url: string) {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  const heading = page.locator('bz-hotlines').getByRole('heading');
  await heading.waitFor();
  const level = await heading.evaluate((element) => element.tagName);
  const numbers = await page.locator('bz-hotlines').getByRole('link').count();
  await page.close();
  return { level, numbers, errors };
}

/** How the Vite consumers are type-checked: strictly, the package's own types included. */
const strictTypeCheck = {
  target: 'ES2022',
  module: 'ESNext',
  moduleResolution: 'bundler',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  strict: true,
  noEmit: true,
  skipLibCheck: false,
  types: [],
};

/** Serves `root` and reads the `bz-hotlines` of its page at `path` in Chromium. */
async function servedHotlines(root: string, path = '/index.html') {
  const { url, server } = await serve(root);
  servers.push(server);
  return { url, ...(await hotlinesOn(`${url}${path}`)) };
}

/** The hotlines box rendered without a page error, its heading at `level`, its numbers links. */
function expectHotlines(found: Awaited<ReturnType<typeof hotlinesOn>>, level: string) {
  expect(found.errors).toEqual([]);
  expect(found.level).toBe(level);
  expect(found.numbers).toBeGreaterThanOrEqual(2);
}

/**
 * A Vite project's page (`body` in a bare document titled `title`): `tsc` must accept it, then
 * `vite build`; the built page is served and its `bz-hotlines` read in Chromium.
 */
async function builtViteApp(dir: string, title: string, body: string) {
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>${title}</title></head>
  <body>${body}</body>
</html>
`,
  );
  let typeErrors = '';
  try {
    await run(join(dir, 'node_modules/.bin/tsc'), ['-p', dir], { cwd: dir });
  } catch (error) {
    typeErrors = String((error as { stdout?: string }).stdout ?? error);
  }
  expect(typeErrors).toBe('');
  await run(join(dir, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], { cwd: dir });
  return servedHotlines(join(dir, 'dist'));
}

describe('consumer apps of the packed @behzisti/elements', () => {
  it('a plain HTML page with the self-contained script', async () => {
    writeFileSync(
      join(plain, 'index.html'),
      `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>Plain HTML consumer</title>
    <script type="module" src="./node_modules/@behzisti/elements/dist/bz-hotlines.js"></script>
  </head>
  <body>
    <bz-hotlines lang="fa" heading-level="3"><p>Help lines: 123, 1480</p></bz-hotlines>
  </body>
</html>
`,
    );
    expectHotlines(await servedHotlines(plain), 'H3');
  });

  it('Vite + TypeScript: typed properties and events in tsc, then a built page', async () => {
    writeFileSync(
      join(vite, 'main.ts'),
      `import '@behzisti/elements/hotlines';
import '@behzisti/elements/service-locator';
import type { BzResultDetail } from '@behzisti/elements/eligibility-checker';

const hotlines = document.createElement('bz-hotlines');
hotlines.headingLevel = 4;
hotlines.lang = 'en';
document.body.append(hotlines);

const locator = document.createElement('bz-service-locator');
locator.province = 'kerman';
locator.addEventListener('bz-select', (event) => {
  const id: string = event.detail.id;
  console.log(id);
});
export const outcomes = (detail: BzResultDetail) => Object.keys(detail.outcomes);
`,
    );
    // A wrong property type must fail tsc: the declarations are real, not \`any\`.
    writeFileSync(
      join(vite, 'wrong.ts'),
      `import '@behzisti/elements/hotlines';
const hotlines = document.createElement('bz-hotlines');
// @ts-expect-error headingLevel is a number
hotlines.headingLevel = 'four';
document.createElement('bz-service-locator').addEventListener('bz-select', (event) => {
  // @ts-expect-error the detail has an id, not a name
  console.log(event.detail.name);
});
`,
    );
    writeFileSync(
      join(vite, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: strictTypeCheck, files: ['main.ts', 'wrong.ts'] }),
    );
    const found = await builtViteApp(
      vite,
      'Vite consumer',
      '<script type="module" src="./main.ts"></script>',
    );
    expectHotlines(found, 'H4');
  });
  it('Astro: a page that imports the element in its script', async () => {
    mkdirSync(join(astro, 'src/pages'), { recursive: true });
    writeFileSync(join(astro, 'astro.config.mjs'), 'export default {};\n');
    writeFileSync(
      join(astro, 'src/pages/index.astro'),
      `---
const level = 6;
---
<html lang="en">
  <head><meta charset="utf-8"><title>Astro consumer</title></head>
  <body>
    <bz-hotlines lang="fa" heading-level={level}><p>Help lines: 123, 1480</p></bz-hotlines>
    <script>
      import '@behzisti/elements/hotlines';
    </script>
  </body>
</html>
`,
    );
    await run(join(astro, 'node_modules/.bin/astro'), ['build', '--silent'], {
      cwd: astro,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    expectHotlines(await servedHotlines(join(astro, 'dist'), '/'), 'H6');
  });

  it('React 19: properties and bz- events on custom elements, type-checked and built', async () => {
    writeFileSync(
      join(react, 'main.tsx'),
      `import '@behzisti/elements/hotlines';
import '@behzisti/elements/feedback-form';
import type { BzFeedbackForm } from '@behzisti/elements/feedback-form';
import type { BzHotlines } from '@behzisti/elements/hotlines';
import { type DetailedHTMLProps, type HTMLAttributes, useState } from 'react';
import { createRoot } from 'react-dom/client';

// What a React app declares once for the tags it uses: the elements' own types, so props and
// event details are checked.
type Tag<T> = DetailedHTMLProps<HTMLAttributes<T>, T>;
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'bz-hotlines': Tag<BzHotlines> & { headingLevel?: BzHotlines['headingLevel'] };
      'bz-feedback-form': Tag<BzFeedbackForm> & {
        endpoint?: string;
        'onbz-quick-exit'?: (event: HTMLElementEventMap['bz-quick-exit']) => void;
      };
    }
  }
}

function App() {
  const [left, setLeft] = useState('');
  return (
    <main>
      <bz-hotlines lang="fa" headingLevel={5} />
      <bz-feedback-form
        lang="fa"
        endpoint="/api/feedback"
        onbz-quick-exit={(event) => {
          // The host page handles the quick exit itself: the page stays.
          event.preventDefault();
          setLeft(event.detail.url);
        }}
      />
      <output id="left">{left}</output>
    </main>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(<App />);
`,
    );
    writeFileSync(
      join(react, 'vite.config.ts'),
      `import react from '@vitejs/plugin-react';
export default { plugins: [react()] };
`,
    );
    writeFileSync(
      join(react, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { ...strictTypeCheck, jsx: 'react-jsx' },
        files: ['main.tsx'],
      }),
    );
    const found = await builtViteApp(
      react,
      'React consumer',
      '<div id="root"></div><script type="module" src="./main.tsx"></script>',
    );
    expectHotlines(found, 'H5');
    const { url } = found;

    const page = await browser.newPage();
    await page.goto(`${url}/index.html`);
    await page
      .locator('bz-feedback-form')
      .getByRole('button', { name: /خروج سریع/ })
      .click();
    await expect.poll(() => page.locator('#left').textContent()).toMatch(/^https?:\/\//);
    expect(new URL(page.url()).pathname).toBe('/index.html');
    await page.close();
  });
});
