import { describe, expect, it } from 'vitest';
import { roleView } from './staff-role.ts';

// What each role is offered (the service enforces the same rules on every route; this is what
// the page shows, so that nobody is offered a button that can only fail).
describe('roleView', () => {
  const name = 'e2e';
  it.each([
    ['admin', { browse: true, audit: true, tokens: true, exportCsv: true, onlyKind: undefined }],
    [
      'caseworker',
      { browse: true, audit: false, tokens: true, exportCsv: true, onlyKind: 'feedback' },
    ],
    [
      'moderator',
      { browse: true, audit: false, tokens: false, exportCsv: false, onlyKind: 'comment' },
    ],
    [null, { browse: false, audit: false, tokens: false, exportCsv: false, onlyKind: undefined }],
  ])('%s', (role, view) => {
    expect(roleView({ name, role })).toEqual(view);
  });

  it('offers nothing before anyone is signed in, or for a session without a role field', () => {
    const nothing = { browse: false, audit: false, tokens: false, exportCsv: false };
    expect(roleView(undefined)).toMatchObject(nothing);
    expect(roleView({ name })).toMatchObject(nothing);
  });

  it('treats an unknown role as one that may browse but not administer', () => {
    expect(roleView({ name, role: 'auditor' })).toEqual({
      browse: true,
      audit: false,
      tokens: false,
      exportCsv: false,
      onlyKind: undefined,
    });
  });
});
