import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Edge } from '@behzisti/feedback-service/http/boundary';
import { setRoute } from '@behzisti/feedback-service/http/log';
import { readStatus } from './status.ts';

// GET /api/publish/status: the publish pipeline's status.json for the editor (staff only), so
// the office sees in the editor whether its last save is live, building, scheduled or refused.
// Who may read it is who may write with the editor:
// - on the office machine (CMS_LOCAL_EDITING=1), requests from this machine to a loopback name,
//   as for the editor's local backend (src/pages/admin/api/v1.ts);
// - on the organisation's server, the editor's forge account: the request carries the editor's
//   forge token (`Authorization: token …`), and the forge (CMS_GIT_URL, CMS_GIT_REPO) must say the
//   account may push to the repository. The answer is remembered for a minute per token.

const LOOPBACK = /^(?:127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
const LOCAL_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);
const REMEMBER_MS = 60_000;

export interface StatusRouteOptions {
  releasesDir: string;
  env?: Readonly<Record<string, string | undefined>>;
  /** The forge's answer for a token; by default GET {CMS_GIT_URL}/api/v1/repos/{CMS_GIT_REPO}. */
  mayPush?: (token: string) => Promise<boolean>;
}

function forgeCheck(env: Readonly<Record<string, string | undefined>>) {
  const base = env.CMS_GIT_URL?.replace(/\/$/, '');
  const repo = env.CMS_GIT_REPO;
  return async (token: string): Promise<boolean> => {
    if (!base || !repo || !/^[\w.-]+\/[\w.-]+$/.test(repo)) return false;
    try {
      const response = await fetch(`${base}/api/v1/repos/${repo}`, {
        headers: { authorization: `token ${token}`, accept: 'application/json' },
        signal: AbortSignal.timeout(5000),
      });
      if (!response.ok) return false;
      const body = (await response.json()) as { permissions?: { push?: boolean } };
      return body.permissions?.push === true;
    } catch {
      return false;
    }
  };
}

export function createStatusRoute(
  options: StatusRouteOptions,
): (req: IncomingMessage, res: ServerResponse, edge: Edge) => Promise<void> {
  const env = options.env ?? process.env;
  const mayPush = options.mayPush ?? forgeCheck(env);
  const remembered = new Map<string, { ok: boolean; until: number }>();

  const allowed = async (req: IncomingMessage, edge: Edge): Promise<boolean> => {
    if (env.CMS_LOCAL_EDITING === '1' && edge.address && LOOPBACK.test(edge.address)) {
      const host = new URL(`http://${req.headers.host ?? 'invalid'}`).hostname;
      if (LOCAL_NAMES.has(host)) return true;
    }
    const token = /^(?:token|bearer) ([\w.~+/=-]{8,512})$/i.exec(
      String(req.headers.authorization ?? ''),
    )?.[1];
    if (!token) return false;
    const key = createHash('sha256').update(token).digest('hex');
    const now = Date.now();
    const known = remembered.get(key);
    if (known && known.until > now) return known.ok;
    const ok = await mayPush(token);
    if (remembered.size > 1000) remembered.clear();
    remembered.set(key, { ok, until: now + REMEMBER_MS });
    return ok;
  };

  return async (req, res, edge) => {
    setRoute(res, '/api/publish/status');
    const send = (status: number, body: unknown) => {
      const text = JSON.stringify(body);
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        ...(status === 405 ? { allow: 'GET, HEAD' } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : text);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(405, { error: { code: 'METHOD_NOT_ALLOWED' } });
      return;
    }
    if (!(await allowed(req, edge))) {
      send(401, {
        error: {
          code: 'STAFF_ONLY',
          message: {
            fa: 'وضعیت انتشار را فقط کارکنانی می‌بینند که در ویرایشگر وارد شده‌اند. از ویرایشگر (‎/admin/‎) وارد شوید.',
            en: 'Only staff signed in to the editor can see the publishing status. Sign in at /admin/.',
          },
        },
      });
      return;
    }
    // `now`: the server's clock, so the editor can place its own save moment on it.
    send(200, {
      ...(readStatus(options.releasesDir) ?? { state: 'unknown', inReview: 0 }),
      now: new Date().toISOString(),
    });
  };
}
