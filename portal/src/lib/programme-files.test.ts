import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readProgrammeFiles } from './programme-files.ts';

// The programme reader the build's content loader and publish-programmes.ts share, on real files.

const dir = mkdtempSync(join(tmpdir(), 'bz-programme-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sample = readFileSync(
  new URL('../content/programmes/social-emergency.yaml', import.meta.url),
  'utf8',
);
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('readProgrammeFiles', () => {
  it('returns the valid programmes with their file, and leaves drafts and other files out', () => {
    const files = [
      write('published.yaml', sample),
      write('draft.yaml', `${sample.replace(/^id: .*$/m, 'id: a-draft')}\ndraft: true\n`),
      write('notes.md', '# not a programme'),
    ];
    const { found, errors } = readProgrammeFiles(files, basename);
    expect(errors).toEqual([]);
    expect(found.map((entry) => [entry.programme.id, entry.file])).toEqual([
      ['social-emergency', 'published.yaml'],
    ]);
  });

  it('names the file, record and field of every problem', () => {
    const files = [write('broken.yaml', 'id: Bad Id\n'), write('unreadable.json', '{ "id": ')];
    const { found, errors } = readProgrammeFiles(files, basename);
    expect(found).toEqual([]);
    expect(errors).toContain('broken.yaml:1: title — required field is missing');
    expect(errors.some((line) => line.startsWith('broken.yaml:1: id — '))).toBe(true);
    expect(errors.some((line) => line.startsWith('unreadable.json: '))).toBe(true);
  });
});
