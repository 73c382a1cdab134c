import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approvalCheck, contentHash } from './news-approvals.ts';

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
