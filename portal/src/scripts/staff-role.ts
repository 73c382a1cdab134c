import type { StaffSession } from './staff-api.ts';

// What the inbox offers for the signed-in role (the service checks every route all the same,
// docs/security.md): caseworkers see feedback and no comment moderation, moderators comments and
// no CSV export, only admins the audit log, and an account without a role nothing but its session.

/** The parts of the inbox that depend on the role. */
export interface RoleParts {
  browse: HTMLElement;
  kindSelect: HTMLSelectElement;
  exportButton: HTMLElement;
  audit: HTMLElement;
  tokens: HTMLElement;
  noRole: HTMLElement;
}

const KIND: Record<string, string> = { caseworker: 'feedback', moderator: 'comment' };

/** Shows and hides the parts of the inbox for `session`'s role. */
export function fitToRole(session: StaffSession, parts: RoleParts): void {
  const role = session.role ?? null;
  parts.noRole.hidden = role !== null;
  parts.browse.hidden = role === null;
  parts.audit.hidden = role !== 'admin';
  parts.tokens.hidden = role !== 'admin' && role !== 'caseworker';
  parts.exportButton.hidden = role !== 'admin' && role !== 'caseworker';
  // One kind for a role that works on one: the other is not offered at all.
  const only = role === null ? undefined : KIND[role];
  for (const option of parts.kindSelect.options) {
    option.hidden = only !== undefined && option.value !== only;
    option.disabled = option.hidden;
  }
  if (only !== undefined) parts.kindSelect.value = only;
}
