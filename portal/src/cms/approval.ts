import type { GitBackend } from './config.ts';
import { LOCAL_BACKEND_URL } from './config.ts';
import type { Bilingual } from './messages.ts';

/**
 * What the editor's approve button talks to (server/publish/approvals-route.ts):
 * GET /api/publish/approvals?id=fa/<slug> says whether the signed-in staff account may approve
 * and what approval the item has; POST approves. An approval is of exact text: the editor sends
 * the SHA-256 of the saved file it shows, the server refuses when its own copy differs, and the
 * editor compares an existing approval's SHA-256 with the saved text to say that the text changed
 * after it. The staff session is the portal's own (cookie from /staff/, path /api).
 *
 * After each save the editor reports it (POST /api/publish/saves, `recordSave`): the server
 * notes the signed-in account as that version's saver, and refuses its approval by that account
 * (news-approvals.ts). The GET lists the item's saves, so the box can say "you saved this" and
 * keep the button disabled before anyone clicks; the server decides either way.
 */

export interface Approval {
  id: string;
  sha256: string;
  by: string;
  at: string;
}

export interface SaveRecord {
  sha256: string;
  by: string;
  at: string;
}

export type ApprovalState =
  /** The server has no pipeline (or did not answer): nothing to show. */
  | { kind: 'none' }
  /** Not signed in as staff: saves are not recorded, so the box says to sign in. */
  | { kind: 'signed-out' }
  | {
      kind: 'staff';
      /** The signed-in account. */
      by: string;
      mayApprove: boolean;
      approval?: Approval;
      textSha?: string;
      /** The accounts recorded as saving the text shown (`textSha`); empty when nobody is. */
      savers: string[];
    };

/** Hex SHA-256 of text as UTF-8, as the server hashes the file (news-approvals.ts contentHash). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The saved text of a repository file: through the local backend when the editor runs on the
 * office machine, else from the forge's raw file API with the editor's forge token.
 */
export async function savedText(path: string): Promise<string | undefined> {
  const local = await fetch(LOCAL_BACKEND_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'getEntry', params: { path } }),
    cache: 'no-store',
  }).catch(() => undefined);
  if (local?.ok) {
    const entry = (await local.json()) as { data?: unknown };
    return typeof entry.data === 'string' ? entry.data : undefined;
  }
  const backend = JSON.parse(document.body.dataset.backend ?? '{}') as Partial<GitBackend>;
  const token = forgeToken();
  if (!backend.base_url || !backend.repo || !token) return undefined;
  const response = await fetch(
    `${backend.base_url}/api/v1/repos/${backend.repo}/raw/${path.split('/').map(encodeURIComponent).join('/')}?ref=${encodeURIComponent(backend.branch ?? 'main')}`,
    { headers: { authorization: `token ${token}` }, cache: 'no-store' },
  ).catch(() => undefined);
  return response?.ok ? response.text() : undefined;
}

/** The editor's forge token (Decap keeps the signed-in user in localStorage), if any. */
export function forgeToken(): string | undefined {
  try {
    const user = JSON.parse(localStorage.getItem('decap-cms-user') ?? 'null') as {
      token?: unknown;
    } | null;
    return typeof user?.token === 'string' ? user.token : undefined;
  } catch {
    return undefined;
  }
}

/** The approval state of item `id` (`fa/<slug>`) whose saved file is at `path`. */
export async function approvalState(id: string, path: string): Promise<ApprovalState> {
  const response = await fetch(`/api/publish/approvals?id=${encodeURIComponent(id)}`, {
    cache: 'no-store',
    credentials: 'same-origin',
  }).catch(() => undefined);
  if (response?.status === 401) return { kind: 'signed-out' };
  if (!response?.ok) return { kind: 'none' };
  const answer = (await response.json()) as {
    by?: string;
    mayApprove?: boolean;
    approval?: Approval;
    saves?: SaveRecord[];
  };
  const text = await savedText(path);
  const textSha = text === undefined ? undefined : await sha256Hex(text);
  return {
    kind: 'staff',
    by: answer.by ?? '',
    mayApprove: answer.mayApprove === true,
    ...(answer.approval ? { approval: answer.approval } : {}),
    ...(textSha === undefined ? {} : { textSha }),
    savers: [
      ...new Set(
        (answer.saves ?? []).filter((save) => save.sha256 === textSha).map((save) => save.by),
      ),
    ],
  };
}

/**
 * Tells the server that the signed-in staff account saved the text now at `path` (after a save,
 * or "record this version as mine"). The server takes the account from the session.
 */
export async function recordSave(
  id: string,
  path: string,
): Promise<'recorded' | 'signed-out' | 'failed'> {
  const text = await savedText(path);
  if (text === undefined) return 'failed';
  const response = await fetch('/api/publish/saves', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify({ id, sha256: await sha256Hex(text) }),
  }).catch(() => undefined);
  if (response?.status === 201) return 'recorded';
  return response?.status === 401 ? 'signed-out' : 'failed';
}

/** Approves the saved text of `id`; the approval, or the server's bilingual refusal. */
export async function approve(
  id: string,
  path: string,
): Promise<{ ok: true; approval: Approval } | { ok: false; message: Bilingual }> {
  const text = await savedText(path);
  const response = await fetch('/api/publish/approvals', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify({ id, ...(text === undefined ? {} : { sha256: await sha256Hex(text) }) }),
  }).catch(() => undefined);
  if (response?.status === 201) return { ok: true, approval: (await response.json()) as Approval };
  const body = (await response?.json().catch(() => undefined)) as
    | { error?: { message?: Bilingual } }
    | undefined;
  return {
    ok: false,
    message: body?.error?.message ?? {
      fa: 'سرور انتشار پاسخ نداد. چند لحظه بعد دوباره تأیید کنید؛ اگر باز نشد به تیم فنی خبر دهید.',
      en: 'The publishing server did not answer. Approve again in a moment; if it still fails, tell the technical team.',
    },
  };
}
