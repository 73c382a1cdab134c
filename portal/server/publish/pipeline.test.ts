import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { publishRound } from './pipeline.ts';

const root = mkdtempSync(join(tmpdir(), 'bz-pipeline-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('publishRound', () => {
  it('waits its turn while another round holds the releases folder, and takes over a stale lock', async () => {
    const releasesDir = join(root, 'releases');
    const options = {
      portalDir: root,
      releasesDir,
      contentDir: join(root, 'content'),
      newsDir: join(root, 'content/news'),
      keep: 2,
      graceMs: 0,
      // The build is not reached while the lock is held; when it is, it fails at once.
      build: async () => ({ ok: false, output: 'no build in this test' }),
    };
    mkdirSync(join(root, 'content'));
    const memory = {};
    expect((await publishRound(options, memory)).outcome).toBe('failed');
    // Nothing changed since: not built again, even by a restarted command (new memory).
    expect((await publishRound(options, memory)).outcome).toBe('unchanged');
    expect((await publishRound(options, {})).outcome).toBe('unchanged');
    writeFileSync(join(releasesDir, '.lock'), '1\n');
    expect((await publishRound(options, {})).outcome).toBe('busy');
    writeFileSync(join(root, 'content/changed.md'), 'a change\n');
    const threeHoursAgo = new Date(Date.now() - 3 * 3600_000);
    utimesSync(join(releasesDir, '.lock'), threeHoursAgo, threeHoursAgo);
    expect((await publishRound(options, {})).outcome).toBe('failed');
  });
});
