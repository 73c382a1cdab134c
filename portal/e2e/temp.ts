import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { newReleaseId, switchTo } from '../server/releases.ts';
import { distDir } from './site.ts';

// The folders the tests write in (databases, copies of the content, releases): made fresh for a
// test file and deleted with everything in them afterwards, so no run sees another's files and
// the repository's own content never changes.

/** A folder of a test's own and how to delete it (with all in it; nothing when already gone). */
export interface TempFolder {
  path: string;
  remove: () => void;
}

/** A fresh folder `bz-<name>-XXXXXX` in the system's temporary folder. */
export function tempFolder(name: string): TempFolder {
  return ownFolder(mkdtempSync(join(tmpdir(), `bz-${name}-`)));
}

/** A temporary copy of the folder `source` (the news content, say), for a test that changes it. */
export function tempCopy(source: string, name: string): TempFolder {
  const folder = tempFolder(name);
  cpSync(source, folder.path, { recursive: true });
  return folder;
}

/** A releases folder and the id of its live release. */
export interface ReleasesFolder extends TempFolder {
  first: string;
}

/**
 * A releases folder (PORTAL_RELEASES) `portal/releases-e2e-<name>-XXXXXX` whose live release is
 * the build under test, hard-linked (instant, and the build is never written to through it: a
 * test that changes a file of it replaces the file). `first` is that release's id.
 */
export function releasesOfBuild(name: string): ReleasesFolder {
  const portalDir = resolve(new URL('..', import.meta.url).pathname);
  const folder = ownFolder(mkdtempSync(join(portalDir, `releases-e2e-${name}-`)));
  const first = newReleaseId(name, new Date(Date.now() - 60_000));
  const copied = spawnSync('cp', ['-al', distDir, join(folder.path, first)]);
  if (copied.status !== 0) throw new Error(`cp -al failed: ${copied.stderr}`);
  switchTo(folder.path, first, new Date());
  return { ...folder, first };
}

function ownFolder(path: string): TempFolder {
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
