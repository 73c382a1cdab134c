import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * Approvals of news in review (docs/publishing.md, "Review"): a publisher's approval names the
 * item and the SHA-256 of its file as it was approved, so an edit made after the approval needs a
 * new one. The portal server records them (server/publish/approvals-route.ts) in
 * `<releases>/approvals.json`; the build (news-collection.ts, through PORTAL_APPROVALS), the
 * publish pipeline's plan and the news store read them through `approvalCheck`.
 */

export interface Approval {
  /** `fa/<slug>`: the item's collection id. */
  id: string;
  /** Hex SHA-256 of the file's bytes (UTF-8 text) when approved. */
  sha256: string;
  /** The approving staff account. */
  by: string;
  at: string;
}

export const contentHash = (text: string): string =>
  createHash('sha256').update(text, 'utf8').digest('hex');

/** The approvals file's entries (none when there is no file). */
export function readApprovals(path: string | undefined): Approval[] {
  if (!path) return [];
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  const parsed = JSON.parse(text) as { approvals?: unknown };
  return Array.isArray(parsed.approvals) ? (parsed.approvals as Approval[]) : [];
}

/** Whether item `id` with file text `text` carries an approval of exactly this text. */
export function approvalCheck(
  approvals: readonly Approval[],
): (id: string, text: string) => boolean {
  const approved = new Set(approvals.map((approval) => `${approval.id}\n${approval.sha256}`));
  return (id, text) => approved.has(`${id}\n${contentHash(text)}`);
}
