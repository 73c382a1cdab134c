import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * Approvals of news in review (docs/publishing.md, "Review"): a publisher's approval names the
 * item and the SHA-256 of its file as it was approved, so an edit made after the approval needs a
 * new one. The portal server records them (server/publish/approvals-route.ts) in
 * `<releases>/approvals.json`; the build (news-collection.ts, through PORTAL_APPROVALS), the
 * publish pipeline's plan and the news store read them through `readApprovals` and `approvalCheck`.
 *
 * The same file keeps who saved each version ("saves"): the staff account signed in when the
 * editor saved that text, as the server's session says (never a name the browser sends). An
 * approval counts only when a version was saved by someone, and not by the approver: the second
 * pair of eyes the office's rule asks for. A version nobody is recorded as saving (written
 * straight into git, or before saves were recorded) counts as not approvable: if "unknown" were
 * approvable, a publisher could commit outside the editor and approve their own text.
 * `readApprovals` applies this again on reading, so an approval added to the file by hand by the
 * very account that saved the version is not published either.
 */

export interface Approval {
  /** `fa/<slug>`: the item's collection id. */
  id: string;
  /** Hex SHA-256 of the file's bytes (UTF-8 text) when approved. */
  sha256: string;
  /** The approving staff account. */
  by: string;
  at: string;
  /** The accounts recorded as saving this version when it was approved (for the audit). */
  savedBy?: string[];
}

/** A staff account's save of one version (item and SHA-256 of its file), as the server saw it. */
export interface Save {
  id: string;
  sha256: string;
  /** The staff account signed in when the editor saved: from the session, never the request body. */
  by: string;
  at: string;
}

export interface ApprovalsFile {
  approvals: Approval[];
  saves: Save[];
}

export const contentHash = (text: string): string =>
  createHash('sha256').update(text, 'utf8').digest('hex');

/** The approvals file as written (empty lists when there is no file). */
export function readApprovalsFile(path: string | undefined): ApprovalsFile {
  if (!path) return { approvals: [], saves: [] };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { approvals: [], saves: [] };
  }
  const parsed = JSON.parse(text) as { approvals?: unknown; saves?: unknown };
  return {
    approvals: Array.isArray(parsed.approvals) ? (parsed.approvals as Approval[]) : [],
    saves: Array.isArray(parsed.saves) ? (parsed.saves as Save[]) : [],
  };
}

/** The accounts recorded as saving version `sha256` of item `id`. */
export function saversOf(saves: readonly Save[], id: string, sha256: string): Set<string> {
  return new Set(
    saves.filter((save) => save.id === id && save.sha256 === sha256).map((save) => save.by),
  );
}

/**
 * Why `by` may not approve version `sha256` of `id`, or undefined when they may: nobody is
 * recorded as saving it (`SAVER_UNKNOWN`), or `by` is one of its savers (`SAME_ACCOUNT`).
 */
export function secondAccountProblem(
  saves: readonly Save[],
  id: string,
  sha256: string,
  by: string,
): 'SAVER_UNKNOWN' | 'SAME_ACCOUNT' | undefined {
  const savers = saversOf(saves, id, sha256);
  if (savers.size === 0) return 'SAVER_UNKNOWN';
  return savers.has(by) ? 'SAME_ACCOUNT' : undefined;
}

/** The approvals that count: those of a version saved by someone other than the approver. */
export function readApprovals(path: string | undefined): Approval[] {
  const { approvals, saves } = readApprovalsFile(path);
  return approvals.filter(
    (approval) =>
      secondAccountProblem(saves, approval.id, approval.sha256, approval.by) === undefined,
  );
}

/** Whether item `id` with file text `text` carries an approval of exactly this text. */
export function approvalCheck(
  approvals: readonly Approval[],
): (id: string, text: string) => boolean {
  const approved = new Set(approvals.map((approval) => `${approval.id}\n${approval.sha256}`));
  return (id, text) => approved.has(`${id}\n${contentHash(text)}`);
}
