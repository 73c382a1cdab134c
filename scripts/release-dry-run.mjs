// `node scripts/release-dry-run.mjs` (a check in the README's test command): the release flow of
// docs/deployment.md ("Releasing the widgets") run on a throwaway copy, so a changeset that would
// break the release fails CI rather than the release day. In a temporary git repository holding
// the committed .changeset/ folder, every package.json and CHANGELOG.md:
// 1. `changeset status` must read the pending changesets and plan the releases;
// 2. `changeset version` must bump exactly the planned packages to the planned versions, write
//    each one's CHANGELOG entry and consume the changesets; private packages (core, the feedback
//    service, the portal) must never be versioned or named by a changeset.
// Nothing in the working tree changes. Exit code 0 when the flow works, 1 with reasons if not.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const changesetBin = join(root, 'node_modules/.bin/changeset');
const temp = mkdtempSync(join(tmpdir(), 'bz-release-'));
/** @type {string[]} */
const problems = [];

/** @param {string} command @param {string[]} args */
const run = (command, args) =>
  execFileSync(command, args, { cwd: temp, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
/** @param {string} path */
const readJson = (path) => JSON.parse(readFileSync(join(temp, path), 'utf8'));

try {
  const files = execFileSync(
    'git',
    [
      'ls-files',
      '--',
      '.changeset',
      'package.json',
      'pnpm-workspace.yaml',
      'packages/*/package.json',
      'packages/*/CHANGELOG.md',
      'portal/package.json',
    ],
    { cwd: root, encoding: 'utf8' },
  )
    .split('\n')
    .filter((file) => file && existsSync(join(root, file)));
  for (const file of files) {
    mkdirSync(dirname(join(temp, file)), { recursive: true });
    cpSync(join(root, file), join(temp, file));
  }
  // The changelog generator named in .changeset/config.json resolves from the copy.
  symlinkSync(join(root, 'node_modules'), join(temp, 'node_modules'), 'dir');
  run('git', ['init', '--quiet', '--initial-branch=main']);
  run('git', ['add', '--all']);
  run('git', [
    '-c',
    'user.name=release dry run',
    '-c',
    'user.email=release@example.invalid',
    'commit',
    '--quiet',
    '--message=copy',
  ]);

  const packages = files
    .filter((file) => file.endsWith('/package.json'))
    .map((file) => ({ file, json: readJson(file) }));
  const privateNames = new Set(packages.filter((p) => p.json.private).map((p) => p.json.name));

  // 1. The plan.
  run(changesetBin, ['status', '--output=status.json']);
  const status = readJson('status.json');
  /** @type {{ name: string, type: string, oldVersion: string, newVersion: string, changesets: string[] }[]} */
  const releases = status.releases.filter((/** @type {{ type: string }} */ r) => r.type !== 'none');
  for (const changeset of status.changesets) {
    for (const release of changeset.releases) {
      if (privateNames.has(release.name)) {
        problems.push(
          `.changeset/${changeset.id}.md names ${release.name}, which is private and never released`,
        );
      }
    }
  }

  // 2. The bump.
  run(changesetBin, ['version']);
  for (const { file, json: before } of packages) {
    const after = readJson(file);
    const planned = releases.find((r) => r.name === before.name);
    if (!planned) {
      if (after.version !== before.version) {
        problems.push(`${before.name} went ${before.version} → ${after.version} with no changeset`);
      }
      continue;
    }
    if (after.version !== planned.newVersion) {
      problems.push(`${before.name} is ${after.version}; the plan said ${planned.newVersion}`);
    }
    const changelog = join(dirname(file), 'CHANGELOG.md');
    const text = existsSync(join(temp, changelog))
      ? readFileSync(join(temp, changelog), 'utf8')
      : '';
    if (!text.includes(`## ${planned.newVersion}\n`)) {
      problems.push(`${changelog} has no entry for ${planned.newVersion}`);
    }
  }
  const left = readdirSync(join(temp, '.changeset')).filter(
    (file) => file.endsWith('.md') && file !== 'README.md',
  );
  if (left.length > 0) problems.push(`changeset version left ${left.join(', ')} unconsumed`);

  const plan = releases.length
    ? releases.map((r) => `${r.name} ${r.oldVersion} → ${r.newVersion} (${r.type})`).join(', ')
    : 'nothing pending';
  console.log(`release dry run: ${status.changesets.length} changeset(s); ${plan}`);
} catch (error) {
  const failed = /** @type {{ stderr?: string, stdout?: string, message: string }} */ (error);
  problems.push(`${failed.message}\n${failed.stdout ?? ''}${failed.stderr ?? ''}`);
} finally {
  rmSync(temp, { recursive: true, force: true });
}

for (const problem of problems) console.error(`release dry run: ${problem}`);
process.exitCode = problems.length > 0 ? 1 : 0;
