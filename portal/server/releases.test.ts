import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isGone, readGone } from './gone.ts';
import {
  isReleaseId,
  newReleaseId,
  POINTER,
  pruneReleases,
  readPointer,
  switchTo,
} from './releases.ts';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});
function makeRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'bz-releases-'));
  roots.push(root);
  return root;
}
const minute = (n: number) => new Date(Date.UTC(2026, 11, 5, 12, n));

describe('releases', () => {
  it('names releases by commit and time, and refuses other names in the pointer', () => {
    const id = newReleaseId('A1B2C3D4E5F60718293a', minute(3));
    expect(id).toBe('a1b2c3d4e5f6-20261205T120300000Z');
    expect(isReleaseId(id)).toBe(true);
    expect(isReleaseId('../etc')).toBe(false);
    const root = makeRoot();
    writeFileSync(join(root, POINTER), JSON.stringify({ id: '../../elsewhere' }));
    expect(() => readPointer(root)).toThrow(/names no release/);
  });

  it('switches the pointer, remembering what each release replaced and when', () => {
    const root = makeRoot();
    expect(readPointer(root)).toBeUndefined();
    const a = newReleaseId('aaa', minute(0));
    const b = newReleaseId('bbb', minute(1));
    switchTo(root, a, minute(0));
    const pointer = switchTo(root, b, minute(2));
    expect(pointer).toEqual({
      id: b,
      at: minute(2).toISOString(),
      previous: [{ id: a, until: minute(2).toISOString() }],
    });
    expect(readPointer(root)).toEqual(pointer);
    // Nothing but the pointer and the releases: the temporary file was renamed, not left.
    expect(readdirSync(root)).toEqual([POINTER]);
  });

  it('prunes old releases but keeps the live one, the newest few, and those within the grace', () => {
    const root = makeRoot();
    const ids = [0, 1, 2, 3, 4].map((n) => newReleaseId(`c${n}`, minute(n)));
    for (const id of ids) mkdirSync(join(root, id));
    for (const [n, id] of ids.entries()) switchTo(root, id, minute(n));
    // At minute 4 with a 90 s grace: c3 was live until minute 4 (kept), c2 until minute 3 (kept).
    expect(pruneReleases(root, { keep: 1, graceMs: 90_000, now: minute(4) })).toEqual([
      ids[1],
      ids[0],
    ]);
    expect(pruneReleases(root, { keep: 2, graceMs: 0, now: minute(30) })).toEqual([ids[2]]);
    expect(existsSync(join(root, ids[4] as string))).toBe(true);
    expect(existsSync(join(root, ids[3] as string))).toBe(true);
  });

  it('reads the withdrawn addresses, whatever the spelling of the path', () => {
    const root = makeRoot();
    expect(readGone(root).size).toBe(0);
    writeFileSync(join(root, 'gone.json'), JSON.stringify({ paths: ['/news/x/', '/en/news/y/'] }));
    const gone = readGone(root);
    for (const path of ['/news/x/', '/news/x', '/news/x/index.html', '/en/news/y']) {
      expect(isGone(gone, path), path).toBe(true);
    }
    for (const path of ['/news/', '/news/xy/', '/en/news/x/', '/news/%E0%A4%A']) {
      expect(isGone(gone, path), path).toBe(false);
    }
  });
});
