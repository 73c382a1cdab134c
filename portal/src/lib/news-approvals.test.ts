import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approvalCheck, contentHash, readApprovals } from './news-approvals.ts';

describe('approvalCheck', () => {
  it('approves exactly the text that was approved, for that item only', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (approvedText, other) => {
        const check = approvalCheck([
          { id: 'fa/x', sha256: contentHash(approvedText), by: 'p', at: '2026-12-05T12:00:00Z' },
        ]);
        expect(check('fa/x', approvedText)).toBe(true);
        expect(check('fa/y', approvedText)).toBe(false);
        // An edit after the approval needs a new one.
        expect(check('fa/x', other)).toBe(other === approvedText);
      }),
    );
  });
});

describe('readApprovals (what the pipeline counts)', () => {
  const at = '2026-12-06T00:00:00Z';
  const read = (file: unknown) => {
    const dir = mkdtempSync(join(tmpdir(), 'bz-approvals-'));
    try {
      writeFileSync(join(dir, 'approvals.json'), JSON.stringify(file));
      return readApprovals(join(dir, 'approvals.json')).map((approval) => approval.by);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('drops an approval by an account that saved that version, or of a version nobody saved', () => {
    const sha = contentHash('متن');
    const approval = { id: 'fa/x', sha256: sha, by: 'p', at };
    // Edited by hand: the saver approving their own text is still not published.
    expect(
      read({ approvals: [approval], saves: [{ id: 'fa/x', sha256: sha, by: 'p', at }] }),
    ).toEqual([]);
    expect(
      read({
        approvals: [approval],
        saves: [
          { id: 'fa/x', sha256: sha, by: 'w', at },
          { id: 'fa/x', sha256: sha, by: 'p', at },
        ],
      }),
    ).toEqual([]);
    // No save recorded (written before saves were recorded, or added by hand): not counted.
    expect(read({ approvals: [approval] })).toEqual([]);
    // A save of another version, or of another item, does not stand for this one.
    expect(
      read({
        approvals: [approval],
        saves: [
          { id: 'fa/x', sha256: contentHash('دیگر'), by: 'w', at },
          { id: 'fa/y', sha256: sha, by: 'w', at },
        ],
      }),
    ).toEqual([]);
    expect(
      read({ approvals: [approval], saves: [{ id: 'fa/x', sha256: sha, by: 'w', at }] }),
    ).toEqual(['p']);
  });
});
