import type { StaffSession } from './staff-api.ts';

// What the inbox offers for the signed-in role (the service checks every route all the same,
// docs/security.md): caseworkers see feedback and no comment moderation, moderators comments and
// no CSV export, only admins the audit log, and an account without a role nothing but its session.

/** The parts of the inbox a role sees. */
export interface RoleView {
  browse: boolean;
  audit: boolean;
  tokens: boolean;
  exportCsv: boolean;
  /** The one kind a role works on (the other is not offered at all), or undefined for both. */
  onlyKind: string | undefined;
}

const KIND: Record<string, string> = { caseworker: 'feedback', moderator: 'comment' };

export function roleView(session: StaffSession | undefined): RoleView {
  const role = session?.role ?? null;
  const files = role === 'admin' || role === 'caseworker';
  return {
    browse: role !== null,
    audit: role === 'admin',
    tokens: files,
    exportCsv: files,
    onlyKind: role === null ? undefined : KIND[role],
  };
}
