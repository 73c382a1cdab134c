// The README's test command runs this after `pnpm install`: every suite in turn, each one's
// own output streamed, then one closing line `N passed, N failed` summing all of them.
// Suites keep running after a failure so the summary is complete; the exit code is non-zero
// if anything failed. Checks that are not test runners (lint, types, builds) count as one test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { chromiumHelp, findChromium } from './browsers.mjs';

// Tools run from the workspace's own node_modules, whether or not we were started by pnpm.
const binPath = ['.', 'packages/elements', 'portal']
  .map((dir) => resolve(dir, 'node_modules/.bin'))
  .concat(process.env.PATH ?? '')
  .join(delimiter);

const resultsDir = mkdtempSync(join(tmpdir(), 'bz-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
/** @type {{ name: string, passed: number, failed: number, skipped: number, note?: string }[]} */
const rows = [];

/**
 * Runs a command with inherited output; returns its exit status.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: Record<string, string> }} [options]
 */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    cwd: options.cwd,
    env: { ...process.env, PATH: binPath, ...options.env },
  });
  return result.status ?? 1;
}

/** @param {string} name @param {{ passed: number, failed: number, skipped?: number }} counts @param {string} [note] */
function record(name, counts, note) {
  const row = {
    name,
    passed: counts.passed,
    failed: counts.failed,
    skipped: counts.skipped ?? 0,
    note,
  };
  rows.push(row);
  totals.passed += row.passed;
  totals.failed += row.failed;
  totals.skipped += row.skipped;
}

/** @param {string} name */
function banner(name) {
  console.log(`\n━━ ${name} ${'━'.repeat(Math.max(0, 60 - name.length))}`);
}

/**
 * A check that is not a test runner: one test, passed or failed.
 * @param {string} name
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: Record<string, string> }} [options]
 */
function check(name, command, args, options) {
  banner(name);
  const status = run(command, args, options);
  record(name, status === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });
}

/**
 * A runner that writes counts to a JSON file; a runner that crashes before writing counts
 * as one failure, and one that exits non-zero with no failed test adds one failure too.
 * @param {string} name
 * @param {(file: string) => number} start
 * @param {(json: any) => { passed: number, failed: number, skipped: number }} read
 */
function suite(name, start, read) {
  banner(name);
  const file = join(resultsDir, `${name.replace(/\W+/g, '-')}.json`);
  const status = start(file);
  let counts;
  try {
    counts = read(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    counts = { passed: 0, failed: 1, skipped: 0 };
  }
  if (status !== 0 && counts.failed === 0) counts.failed = 1;
  if (counts.passed + counts.failed === 0) counts.failed = 1; // a suite that ran no test is broken
  record(name, counts);
}

/**
 * A suite that needs a browser: without one it fails with a message saying what to install,
 * rather than passing silently.
 * @param {string} name
 * @param {(file: string) => number} start
 * @param {(json: any) => { passed: number, failed: number, skipped: number }} read
 */
function browserSuite(name, start, read) {
  if (findChromium()) return suite(name, start, read);
  banner(name);
  console.error(chromiumHelp);
  record(name, { passed: 0, failed: 1 }, 'no browser');
}

/** @param {any} json vitest's JSON report */
const vitestCounts = (json) => ({
  passed: json.numPassedTests,
  failed: json.numFailedTests,
  skipped: json.numPendingTests + json.numTodoTests,
});

check('lint and format (biome)', 'biome', ['check', '.']);
check('types (tsc -b)', 'tsc', ['-b']);
check('translations complete', 'node', ['scripts/check-translations.mjs']);

suite(
  'unit (vitest)',
  (file) =>
    run('vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]),
  vitestCounts,
);

browserSuite(
  'elements (web-test-runner)',
  (file) =>
    run('web-test-runner', [], { cwd: 'packages/elements', env: { BZ_RESULTS_FILE: file } }),
  (json) => json,
);

// `node --run` runs a package.json script without needing pnpm on PATH.
check('elements build (widget scripts, manifest)', 'node', ['--run', 'build'], {
  cwd: 'packages/elements',
});
suite(
  'elements npm package (pack, contents, publint, attw, Node, TypeScript)',
  (file) =>
    run('vitest', [
      'run',
      '--config',
      'packages/elements/vitest.package.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${file}`,
    ]),
  vitestCounts,
);
// Installs from the npm registry (the package's dependencies, Vite, Astro, React) into fresh
// projects: about a minute and a half on a 2-core machine with a warm npm cache.
browserSuite(
  'consumer apps (plain HTML, Vite + TypeScript, Astro, React 19; chromium)',
  (file) =>
    run('vitest', [
      'run',
      '--config',
      'packages/elements/vitest.consumers.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${file}`,
    ]),
  vitestCounts,
);
browserSuite(
  'elements on hostile host pages (vitest, chromium)',
  (file) =>
    run(
      'vitest',
      [
        'run',
        '--config',
        'vitest.e2e.config.ts',
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${file}`,
      ],
      { cwd: 'packages/elements' },
    ),
  vitestCounts,
);
check('release dry run (changesets status and version on a copy)', 'node', [
  'scripts/release-dry-run.mjs',
]);
check('storybook build', 'storybook', ['build', '--quiet', '-o', 'storybook-static'], {
  env: { STORYBOOK_DISABLE_TELEMETRY: '1' },
});

browserSuite(
  'stories (storybook, chromium)',
  (file) =>
    run('vitest', [
      'run',
      '--config',
      '.storybook/vitest.smoke.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${file}`,
    ]),
  vitestCounts,
);

check('portal build (data, astro)', 'node', ['--run', 'build'], { cwd: 'portal' });
// After the build: Astro generates the content collection types the portal's TypeScript uses.
check('portal types (tsc)', 'tsc', ['-p', 'portal', '--noEmit']);

browserSuite(
  'portal end to end (playwright)',
  (file) =>
    run('vitest', [
      'run',
      '--config',
      'portal/vitest.e2e.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${file}`,
    ]),
  vitestCounts,
);

rmSync(resultsDir, { recursive: true, force: true });

banner('summary');
const width = Math.max(...rows.map((row) => row.name.length));
for (const row of rows) {
  const mark = row.failed > 0 ? '✗' : '✓';
  console.log(
    `${mark} ${row.name.padEnd(width)}  ${String(row.passed).padStart(4)} passed  ${String(row.failed).padStart(3)} failed${row.skipped ? `  ${row.skipped} skipped` : ''}${row.note ? `  (${row.note})` : ''}`,
  );
}
// The last line is exactly `N passed, N failed` (what CI reads); skipped tests are said before it.
if (totals.skipped) console.log(`${totals.skipped} skipped`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = totals.failed > 0 ? 1 : 0;
