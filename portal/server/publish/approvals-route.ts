import { readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import type { Edge } from '@behzisti/feedback-service/http/boundary';
import { setRoute } from '@behzisti/feedback-service/http/log';
import {
  type Approval,
  type ApprovalsFile,
  contentHash,
  readApprovalsFile,
  type Save,
  saversOf,
  secondAccountProblem,
} from '../../src/lib/news-approvals.ts';
import { writeAtomically } from '../releases.ts';
import { readVisibility } from './plan.ts';

// POST /api/publish/approvals {"id": "fa/<slug>", "sha256": "<hex, optional>"}: a publisher approves an item in review. The
// approver signs in as portal staff (the feedback service's accounts: FEEDBACK_STAFF, sessions,
// rate limits and audit; docs/publishing.md says why these and not forge pull requests), and must
// hold a role with the right to publish (PUBLISH_APPROVER_ROLES, default `admin`). Who is asking
// is answered by the feedback service itself: the request's cookie and Authorization header are
// passed to this same server's GET /api/staff/session, so no second copy of the sign-in exists.
// The approval pins the file's SHA-256: an edit after it needs a new approval. The pipeline reads
// approvals.json on its next round and publishes the item (src/lib/news-approvals.ts).
//
// POST /api/publish/saves {"id": "fa/<slug>", "sha256": "<hex, optional>"}: the editor records,
// after each save, that the signed-in staff account (any role) saved that version. The account
// is the session's, never a name in the body, so nobody can write "saved by a colleague". Why
// the editor reports it rather than the save itself: on the organisation's server the editor
// commits straight to the forge (the portal never sees the save), and on the office machine the
// local backend (/admin/api/v1) does not receive the staff cookie (Path=/api). The SHA-256 is the
// browser's word, and need not be checked: a claim "I saved this text" can only add the claimant
// to the version's savers, which takes approving it away from them and gives nobody else a
// right they did not have, except that a version nobody saved becomes approvable by others (the
// claimant vouches for it: two accounts are then involved). An approval is refused to any
// account recorded as saving that version (SAME_ACCOUNT) and for a version nobody is recorded as
// saving (SAVER_UNKNOWN): see news-approvals.ts for why unknown is not approvable.

export const APPROVALS_FILE = 'approvals.json';
const ITEM_ID = /^(fa|en)\/[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_BODY = 4096;
const SHA256 = /^[0-9a-f]{64}$/;
/**
 * Versions whose saves are kept per item, and items with saves kept: only the current version's
 * savers matter. A version is dropped whole, never some of its savers, so that recording many
 * made-up versions cannot push one's own save of a text out and leave a colleague's: a dropped
 * version is "saved by nobody", which nobody may approve.
 */
const VERSIONS_KEPT = 20;
const ITEMS_KEPT = 1000;

/** `saves` with `save` added, pruned by whole versions and whole items (oldest first). */
export function withSave(saves: readonly Save[], save: Save): Save[] {
  const all = [...saves, save];
  const latest = (records: readonly Save[], key: (record: Save) => string) => {
    const order = new Map<string, number>();
    for (const [index, record] of records.entries()) order.set(key(record), index);
    return order;
  };
  const items = new Set(
    [...latest(all, (record) => record.id)]
      .sort((a, b) => b[1] - a[1])
      .slice(0, ITEMS_KEPT)
      .map(([id]) => id),
  );
  const own = all.filter((record) => record.id === save.id);
  const versions = new Set(
    [...latest(own, (record) => record.sha256)]
      .sort((a, b) => b[1] - a[1])
      .slice(0, VERSIONS_KEPT)
      .map(([sha]) => sha),
  );
  return all.filter(
    (record) => items.has(record.id) && (record.id !== save.id || versions.has(record.sha256)),
  );
}

export interface ApprovalsRouteOptions {
  releasesDir: string;
  newsDir: string;
  /** This server's own address, for asking the feedback service who is signed in. */
  self: () => { url: string; https: boolean };
  approverRoles?: readonly string[];
  log?: (event: string, fields: Record<string, unknown>) => void;
}

/** Who the request's credentials belong to, by the feedback service's own answer. */
function whoIs(
  req: IncomingMessage,
  self: { url: string; https: boolean },
): Promise<{ name: string; role: string | null } | undefined> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (req.headers.cookie) headers.cookie = req.headers.cookie;
  if (req.headers.authorization) headers.authorization = req.headers.authorization;
  if (!headers.cookie && !headers.authorization) return Promise.resolve(undefined);
  const request = self.https ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const asking = request(
      `${self.url}/api/staff/session`,
      // Loopback to this very process: its certificate names the public host, not 127.0.0.1.
      { headers, timeout: 5000, ...(self.https ? { rejectUnauthorized: false } : {}) },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => {
          if (res.statusCode !== 200) return resolve(undefined);
          try {
            const who = JSON.parse(body) as { name?: unknown; role?: unknown };
            resolve(
              typeof who.name === 'string'
                ? { name: who.name, role: typeof who.role === 'string' ? who.role : null }
                : undefined,
            );
          } catch {
            resolve(undefined);
          }
        });
      },
    );
    asking.on('error', () => resolve(undefined));
    asking.on('timeout', () => asking.destroy());
    asking.end();
  });
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > MAX_BODY) {
        resolve(undefined);
        req.destroy();
      }
    });
    req.on('end', () => resolve(body));
    req.on('error', () => resolve(undefined));
  });
}

const MESSAGES = {
  BAD_REQUEST: {
    fa: 'درخواست تأیید درست نیست: شناسه‌ی خبر (مثل fa/news-140409021030) را بفرستید.',
    en: 'The approval request is not valid: send the item id (e.g. fa/news-140409021030).',
  },
  SIGN_IN: {
    fa: 'برای تأیید خبر، با حساب کارکنانی که اجازه‌ی انتشار دارد وارد شوید.',
    en: 'To approve an item, sign in with a staff account that may publish.',
  },
  NOT_A_PUBLISHER: {
    fa: 'این حساب اجازه‌ی انتشار ندارد. از همکاری که اجازه‌ی انتشار دارد بخواهید خبر را تأیید کند.',
    en: 'This account may not publish. Ask a colleague who may publish to approve the item.',
  },
  NOT_FOUND: {
    fa: 'این خبر پیدا نشد. فهرست خبرها را در ویرایشگر دوباره باز کنید.',
    en: 'This item was not found. Open the list of items in the editor again.',
  },
  NOT_THIS_TEXT: {
    fa: 'متنی که تأیید کردید با متنی که سرور انتشار دارد یکی نیست: یا نسخه‌ی تازه هنوز به سرور نرسیده یا پس از باز کردن شما تغییر کرده است. یک دقیقه صبر کنید، خبر را دوباره باز کنید، بخوانید و دوباره تأیید کنید.',
    en: 'The text you approved is not the text the publishing server has: either the new version has not reached it yet, or it changed after you opened it. Wait a minute, open the item again, read it and approve again.',
  },
  SAME_ACCOUNT: {
    fa: 'شما این نسخه‌ی خبر را ذخیره کرده‌اید و خودتان نمی‌توانید آن را تأیید کنید. از همکاری که اجازه‌ی انتشار دارد بخواهید آن را بخواند و تأیید کند.',
    en: 'You saved this version of the item, so you cannot approve it yourself. Ask a colleague who may publish to read it and approve it.',
  },
  SAVER_UNKNOWN: {
    fa: 'معلوم نیست چه کسی این نسخه را ذخیره کرده است (مثلاً بیرون از ویرایشگر نوشته شده است). نویسنده یا همکاری که آن را خوانده است، با حساب کارکنان وارد شود و در ویرایشگر «ثبت این نسخه به نام من» را بزند؛ سپس همکار دیگری که اجازه‌ی انتشار دارد آن را تأیید کند.',
    en: 'Nobody is recorded as saving this version (it may have been written outside the editor). Its writer, or a colleague who has read it, signs in with a staff account and presses “Record this version as mine” in the editor; then another colleague who may publish approves it.',
  },
  NOT_IN_REVIEW: {
    fa: 'این خبر در انتظار تأیید نیست. نویسنده باید وضعیت آن را «در انتظار تأیید» بگذارد و ذخیره کند.',
    en: 'This item is not waiting for approval. Its writer must set its status to “in review” and save it.',
  },
} as const;

export function createApprovalsRoute(
  options: ApprovalsRouteOptions,
): (req: IncomingMessage, res: ServerResponse, edge: Edge) => Promise<void> {
  const roles = new Set(options.approverRoles ?? ['admin']);
  const file = join(options.releasesDir, APPROVALS_FILE);
  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      ...(status === 405
        ? { allow: res.req.url?.startsWith('/api/publish/saves') ? 'POST' : 'GET, POST' }
        : {}),
    });
    res.end(JSON.stringify(body));
  };
  const refuse = (res: ServerResponse, status: number, code: keyof typeof MESSAGES) =>
    send(res, status, { error: { code, message: MESSAGES[code] } });

  /**
   * GET ?id=fa/<slug>: for the editor's approve button. Staff only (401 otherwise): whether this
   * account may approve, and the item's approval if there is one (its SHA-256, so the editor can
   * say that the text changed after it).
   */
  const answerQuestion = async (req: IncomingMessage, res: ServerResponse) => {
    const id = new URL(req.url ?? '/', 'http://x').searchParams.get('id') ?? '';
    if (!ITEM_ID.test(id)) return refuse(res, 400, 'BAD_REQUEST');
    const who = await whoIs(req, options.self());
    if (!who) return refuse(res, 401, 'SIGN_IN');
    const recorded = readApprovalsFile(file);
    const approval = recorded.approvals.find((old) => old.id === id);
    return send(res, 200, {
      by: who.name,
      mayApprove: who.role !== null && roles.has(who.role),
      ...(approval ? { approval } : {}),
      // Who saved which version, so the editor can say "you saved this text" before a click.
      saves: recorded.saves
        .filter((save) => save.id === id)
        .map(({ sha256, by, at }) => ({ sha256, by, at })),
    });
  };

  const write = (recorded: ApprovalsFile) =>
    writeAtomically(file, `${JSON.stringify(recorded, null, 2)}\n`);

  /** The item's file text on this server, or undefined when it has none. */
  const serverCopy = (id: string): string | undefined => {
    try {
      return readFileSync(join(options.newsDir, `${id}.md`), 'utf8');
    } catch {
      return undefined;
    }
  };

  /** POST /api/publish/saves: the signed-in account saved version `sha256` of `id`. */
  const recordSave = async (
    req: IncomingMessage,
    res: ServerResponse,
    id: string,
    seen: string | undefined,
  ) => {
    const who = await whoIs(req, options.self());
    if (!who) return refuse(res, 401, 'SIGN_IN');
    // Without a SHA-256 the save is of the server's copy (a file written outside the editor).
    let sha256 = seen;
    if (sha256 === undefined) {
      const text = serverCopy(id);
      if (text === undefined) return refuse(res, 404, 'NOT_FOUND');
      sha256 = contentHash(text);
    }
    const save: Save = { id, sha256, by: who.name, at: new Date().toISOString() };
    // Read, change and write with no await between: one server's requests cannot interleave.
    const recorded = readApprovalsFile(file);
    write({ ...recorded, saves: withSave(recorded.saves, save) });
    options.log?.('news-saved', { item: id, by: who.name, sha256 });
    return send(res, 201, save);
  };

  return async (req, res) => {
    const saves = new URL(req.url ?? '/', 'http://x').pathname === '/api/publish/saves';
    setRoute(res, saves ? '/api/publish/saves' : '/api/publish/approvals');
    if (req.method === 'GET' && !saves) return answerQuestion(req, res);
    if (req.method !== 'POST') return send(res, 405, { error: { code: 'METHOD_NOT_ALLOWED' } });
    // A JSON body forces a CORS preflight (never granted) on other sites' forms and scripts.
    const origin = req.headers.origin;
    const host = req.headers.host;
    if (
      !String(req.headers['content-type'] ?? '').startsWith('application/json') ||
      (origin !== undefined && host !== undefined && new URL(origin).host !== host)
    ) {
      return refuse(res, 400, 'BAD_REQUEST');
    }
    const body = await readBody(req);
    let id: unknown;
    let seen: unknown;
    try {
      ({ id, sha256: seen } = JSON.parse(body ?? '') as { id?: unknown; sha256?: unknown });
    } catch {
      return refuse(res, 400, 'BAD_REQUEST');
    }
    if (typeof id !== 'string' || !ITEM_ID.test(id)) return refuse(res, 400, 'BAD_REQUEST');
    if (seen !== undefined && (typeof seen !== 'string' || !SHA256.test(seen))) {
      return refuse(res, 400, 'BAD_REQUEST');
    }
    if (saves) return recordSave(req, res, id, seen);
    const who = await whoIs(req, options.self());
    if (!who) return refuse(res, 401, 'SIGN_IN');
    if (!who.role || !roles.has(who.role)) return refuse(res, 403, 'NOT_A_PUBLISHER');
    const text = serverCopy(id);
    if (text === undefined) return refuse(res, 404, 'NOT_FOUND');
    if (readVisibility(text)?.status !== 'review') return refuse(res, 409, 'NOT_IN_REVIEW');
    // The editor sends the SHA-256 of the text the approver read: only that text is approved.
    const sha256 = contentHash(text);
    if (seen !== undefined && seen !== sha256) return refuse(res, 409, 'NOT_THIS_TEXT');
    // A second pair of eyes: not an account that saved this very text, and not a text nobody saved.
    const recorded = readApprovalsFile(file);
    const problem = secondAccountProblem(recorded.saves, id, sha256, who.name);
    if (problem) return refuse(res, problem === 'SAME_ACCOUNT' ? 403 : 409, problem);
    const approval: Approval = {
      id,
      sha256,
      by: who.name,
      at: new Date().toISOString(),
      savedBy: [...saversOf(recorded.saves, id, sha256)],
    };
    const others = recorded.approvals.filter((old) => old.id !== id);
    write({ ...recorded, approvals: [...others, approval] });
    options.log?.('news-approved', { item: id, by: who.name, savedBy: approval.savedBy });
    return send(res, 201, approval);
  };
}
