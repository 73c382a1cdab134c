import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { dataFilesIn, readServiceBaseFolder } from './data-files.ts';

const dataset = fileURLToPath(
  new URL('../../../portal/src/content/service-bases/', import.meta.url),
);
const scratch = mkdtempSync(join(tmpdir(), 'bz-data-files-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const good = `- id: test-a
  sample: true
  name: { fa: پایگاه آ }
  organization: { name: { fa: بهزیستی } }
  province: isfahan
  county: { id: isfahan, name: { fa: اصفهان } }
  location: { latitude: 32.6, longitude: 51.6 }
  address: { address_1: { fa: نشانی }, city: { fa: اصفهان } }
`;

describe('data files', () => {
  it('lists data files in name order, recursively, skipping dot files and other types', () => {
    mkdirSync(join(scratch, 'list/sub'), { recursive: true });
    for (const name of ['b.yaml', 'a.json', '.hidden.yaml', 'notes.txt', 'sub/c.csv'])
      writeFileSync(join(scratch, 'list', name), '');
    const names = (files: string[]) => files.map((file) => file.slice(scratch.length + 6));
    expect(names(dataFilesIn(join(scratch, 'list')))).toEqual(['a.json', 'b.yaml', 'sub/c.csv']);
    expect(names(dataFilesIn(join(scratch, 'list'), { recursive: false }))).toEqual([
      'a.json',
      'b.yaml',
    ]);
  });

  it('reads the portal dataset: every base valid', () => {
    const read = readServiceBaseFolder(dataset);
    expect(read.bases.length).toBeGreaterThan(20);
    expect(read.skipped).toEqual([]);
    expect(read.fileProblems).toEqual([]);
  });

  it('skips a bad record and says where it was', () => {
    mkdirSync(join(scratch, 'bad'));
    writeFileSync(
      join(scratch, 'bad/isfahan.yaml'),
      `${good}${good.replace('test-a', 'test-b').replace('32.6', '3.26')}`,
    );
    writeFileSync(join(scratch, 'bad/broken.json'), '{ nope');
    const read = readServiceBaseFolder(join(scratch, 'bad'), { relativeTo: scratch });
    expect(read.bases.map((base) => base.id)).toEqual(['test-a']);
    expect(read.skipped).toMatchObject([{ id: 'test-b', where: 'bad/isfahan.yaml:2' }]);
    expect(read.skipped[0]?.problems.join(' ')).toMatch(/latitude/);
    expect(read.fileProblems).toHaveLength(1);
    expect(read.fileProblems[0]).toMatch(/^bad\/broken\.json: /);
  });
});
