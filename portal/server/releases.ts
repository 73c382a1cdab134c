import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The releases folder (portal/releases by default, PORTAL_RELEASES): one built site per folder,
// `<commit>-<time>/` (client/ and server/, as `astro build` writes them), and `current.json`, the
// pointer to the live one. The publish pipeline (server/publish/) builds a new folder and then
// rewrites the pointer; the running server (server/site.ts) watches the pointer and switches.
// The pointer is written to a temporary file and renamed over the old one: rename is atomic
// within a file system, so a reader sees the old pointer or the new one, never half of one.

/** What `current.json` says. */
export interface ReleasePointer {
  /** The live release: a folder name in the releases folder. */
  id: string;
  /** When it went live (ISO 8601). */
  at: string;
  /** The releases it replaced, newest first, with when each stopped being live. */
  previous: { id: string; until: string }[];
}

export const POINTER = 'current.json';
/** A release id is a folder name we made: `<commit or "local">-<yyyymmddThhmmssZ>`. */
const RELEASE_ID = /^[0-9a-z]{1,40}-\d{8}T\d{6}(?:\d{3})?Z$/;

export function isReleaseId(id: string): boolean {
  return RELEASE_ID.test(id);
}

/** A new release id for a commit (or `local` for an uncommitted checkout), named by the time. */
export function newReleaseId(commit: string | undefined, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('.', '');
  return `${(commit ?? 'local').slice(0, 12).toLowerCase()}-${stamp}`;
}

/** The pointer, or undefined when no release is live yet (or the file is not ours). */
export function readPointer(root: string): ReleasePointer | undefined {
  let text: string;
  try {
    text = readFileSync(join(root, POINTER), 'utf8');
  } catch {
    return undefined;
  }
  const pointer = JSON.parse(text) as ReleasePointer;
  if (typeof pointer.id !== 'string' || !isReleaseId(pointer.id)) {
    throw new Error(`${POINTER} names no release we made: ${JSON.stringify(pointer.id)}`);
  }
  return { ...pointer, previous: Array.isArray(pointer.previous) ? pointer.previous : [] };
}

/** Writes a file so that readers see the old or the new content, never a part of it. */
export function writeAtomically(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

/** Makes `id` the live release; the one it replaces goes to the head of `previous`. */
export function switchTo(root: string, id: string, now: Date): ReleasePointer {
  if (!isReleaseId(id)) throw new Error(`not a release id: ${id}`);
  mkdirSync(root, { recursive: true });
  const old = readPointer(root);
  const previous = old
    ? [{ id: old.id, until: now.toISOString() }, ...old.previous].slice(0, 20)
    : [];
  const pointer: ReleasePointer = { id, at: now.toISOString(), previous };
  writeAtomically(join(root, POINTER), `${JSON.stringify(pointer, null, 2)}\n`);
  return pointer;
}

/**
 * Deletes old releases: keeps the live one, the newest `keep` in all, and every release that was
 * live within `graceMs` (a page it served may still ask for its hashed files; server/site.ts
 * serves them from there). Returns the ids deleted.
 */
export function pruneReleases(
  root: string,
  { keep, graceMs, now }: { keep: number; graceMs: number; now: Date },
): string[] {
  const pointer = readPointer(root);
  const ids = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && isReleaseId(entry.name))
    .map((entry) => entry.name)
    // The time stamp orders them: newest first.
    .sort((a, b) => b.slice(b.indexOf('-')).localeCompare(a.slice(a.indexOf('-'))));
  const recent = new Set(
    (pointer?.previous ?? [])
      .filter((old) => now.getTime() - Date.parse(old.until) < graceMs)
      .map((old) => old.id),
  );
  const kept = new Set(ids.slice(0, Math.max(1, keep)));
  const deleted: string[] = [];
  for (const id of ids) {
    if (id === pointer?.id || kept.has(id) || recent.has(id)) continue;
    rmSync(join(root, id), { recursive: true, force: true });
    deleted.push(id);
  }
  return deleted;
}
