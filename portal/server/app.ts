import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorResponse } from '@behzisti/feedback-service';
import {
  answerBadRequest,
  type Edge,
  type EdgeListener,
  isApiPath,
} from '@behzisti/feedback-service/http/boundary';
import { answerHealth } from '@behzisti/feedback-service/http/health';
import { apiRoutePattern, setRoute } from '@behzisti/feedback-service/http/log';
import { drainSignal } from '@behzisti/feedback-service/http/pace';
import compression from 'compression';
import { answerFast } from './api-fast-path.ts';
import { type AllowedOrigins, applyCrossOrigin } from './cors.ts';
import { answerGone } from './gone.ts';
import type { SiteSwitch } from './site.ts';

// What the portal server does with a request that passed the edge (the error boundary, security
// headers, proxies and log line of @behzisti/feedback-service/http/boundary):
//
//   /healthz, /readyz           probes (readiness asks the feedback store, through Astro)
//   CORS preflight /data/, /widgets/
//   GET/HEAD of a built file    sirv (server/static.ts): precompressed, cached by kind; a
//                               content-hashed file of the previous release during its grace
//   a withdrawn news address    410 with a short note (server/gone.ts)
//   /api/publish/status         the publish pipeline's status, staff only (release mode)
//   /api/publish/approvals      a publisher approves an item in review (release mode)
//   /api/publish/saves          the editor records which staff account saved a version (same route)
//   the feedback API's routes   its handler directly, once the build's service runs
//                               (server/api-fast-path.ts)
//   on-demand routes            Astro (the news pages for GET/HEAD; the feedback API and the
//                               editor's local backend for every method); its pages compressed
//                               as they are written (`compression`)
//
// Which build answers is the SiteSwitch's (server/site.ts): the live release is read once per
// request, so a request is answered by one build even when the switch happens meanwhile.
//   anything else               404 page for GET/HEAD, 204 for OPTIONS, else 405

/** Astro's Node adapter in middleware mode: on-demand routes only, `next` when none matches. */
export type AstroHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next: () => void,
  locals: object,
) => Promise<void>;

/** What on-demand routes read from `Astro.locals` (src/pages/api/feedback/_service.ts). */
export interface EdgeLocals {
  clientAddress: string | undefined;
  secure: boolean;
  requestId: string;
  /** Resolves when the socket can take more (Astro's writer does not wait by itself). */
  drained: () => Promise<void>;
}

const ALLOWED = 'GET, HEAD, OPTIONS';

/**
 * Brotli or gzip as the client accepts, for text over 1 kB, as the answer is written: built files
 * are compressed at build time (server/static.ts), answers rendered on demand (news pages, the
 * latest-news blocks) here; the search API compresses its own. The expressjs package, because negotiating
 * `Accept-Encoding`, `Vary`, `no-transform` and streaming is not our field. Not the other APIs:
 * their answers are small JSON, and the CSV export paces its reads on the socket's drain, which a
 * compressor in between would hide.
 */
const compress = compression({ threshold: 1024 }) as unknown as (
  // Its types name Express's request and response; it uses only what Node's have.
  req: IncomingMessage,
  res: ServerResponse,
  next: () => void,
) => void;

const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

export interface PortalOptions {
  sites: SiteSwitch;
  /** GET /api/publish/status (release mode only; server/publish/status-route.ts). */
  publishStatus?: EdgeListener | undefined;
  /** POST /api/publish/approvals (release mode only; server/publish/approvals-route.ts). */
  publishApprovals?: EdgeListener | undefined;
  allowed: AllowedOrigins;
  /** True once shutdown has begun: readiness then fails so traffic goes elsewhere. */
  isStopping: () => boolean;
  /** Whether the feedback API's routes skip Astro once its service runs (server/api-fast-path.ts). */
  fastApi?: boolean;
}

export function createPortalListener(options: PortalOptions): EdgeListener {
  /** No file and no on-demand route: the same answer for every such path. */
  const nothingHere = (
    req: IncomingMessage,
    res: ServerResponse,
    edge: Edge,
    notFound: (req: IncomingMessage, res: ServerResponse) => void,
  ): void => {
    const method = req.method ?? 'GET';
    if (/^\/api(?:\/|$)/.test(edge.pathname)) {
      setRoute(res, 'not-found');
      void sendJsonError(
        res,
        method === 'GET' || method === 'HEAD' ? 'NOT_FOUND' : 'METHOD_NOT_ALLOWED',
      );
      return;
    }
    if (method === 'GET' || method === 'HEAD') {
      notFound(req, res);
      return;
    }
    setRoute(res, 'no-method');
    res.writeHead(method === 'OPTIONS' ? 204 : 405, {
      allow: ALLOWED,
      'cache-control': 'no-store',
    });
    res.end();
  };

  return async (req, res, edge) => {
    if (edge.pathname === '/readyz' && options.isStopping()) {
      answerHealth(req, res, edge.pathname, async () => false);
      return;
    }
    if (edge.pathname === '/healthz') {
      answerHealth(req, res, edge.pathname, async () => true);
      return;
    }
    // Everything below decodes the path; one that is not valid percent-encoding is bad input.
    try {
      decodeURIComponent(edge.pathname);
    } catch {
      answerBadRequest(res, edge);
      return;
    }
    if (applyCrossOrigin(req, res, edge.pathname, options.allowed)) {
      setRoute(res, 'cors-preflight');
      return;
    }
    if (edge.pathname === '/api/publish/status' && options.publishStatus) {
      await options.publishStatus(req, res, edge);
      return;
    }
    if (
      (edge.pathname === '/api/publish/approvals' || edge.pathname === '/api/publish/saves') &&
      options.publishApprovals
    ) {
      await options.publishApprovals(req, res, edge);
      return;
    }
    const site = options.sites.current();
    const read = req.method === 'GET' || req.method === 'HEAD';
    if (read && site.staticFiles(req, res)) return;
    if (read && options.sites.olderAsset(req, res, edge.pathname)) return;
    if (read && options.sites.gone(edge.pathname)) {
      answerGone(req, res, edge.pathname);
      return;
    }
    // Methods a web Request cannot carry (Astro would fail on them with a 500): never ours. Pages
    // rendered on demand (the news) answer GET and HEAD only, as the built ones do; other methods
    // are for the APIs.
    if (FORBIDDEN_METHODS.has(req.method ?? '') || (!isApiPath(edge.pathname) && !read)) {
      nothingHere(req, res, edge, site.notFound);
      return;
    }
    if (options.fastApi !== false && (await answerFast(req, res, edge, site.dir))) return;
    setRoute(
      res,
      edge.pathname === '/readyz'
        ? '/readyz'
        : isApiPath(edge.pathname)
          ? apiRoutePattern(edge.pathname)
          : 'astro',
    );
    const locals: EdgeLocals = {
      clientAddress: edge.address,
      secure: edge.secure,
      requestId: edge.requestId,
      drained: drainSignal(res),
    };
    if (read && !isApiPath(edge.pathname))
      await new Promise<void>((resolve) => compress(req, res, () => resolve()));
    await site.astro(req, res, () => nothingHere(req, res, edge, site.notFound), locals);
  };
}

async function sendJsonError(
  res: ServerResponse,
  code: 'NOT_FOUND' | 'METHOD_NOT_ALLOWED',
): Promise<void> {
  const response = errorResponse(
    code,
    code === 'METHOD_NOT_ALLOWED' ? { headers: { allow: ALLOWED } } : {},
  );
  const body = await response.text();
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(body);
}
