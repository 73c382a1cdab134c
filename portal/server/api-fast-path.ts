import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerWithHandler } from '@behzisti/feedback-service';
import type { Edge } from '@behzisti/feedback-service/http/boundary';
import { registeredHandler } from '@behzisti/feedback-service/http/handlers';
import { apiRoutePattern, setRoute, setVia } from '@behzisti/feedback-service/http/log';

// The feedback API's routes answered by the portal server itself, with the handler the build's
// Astro route uses (src/pages/api/feedback/_service.ts registers it when its service starts),
// instead of through Astro's routing, middleware and response writer: the same answer for a
// fraction of the CPU (docs/performance.md, "HTTP"). The edge around it is unchanged (error
// boundary, request id, security headers, proxies, log line: http/boundary.ts), and so is what
// the handler does (limits in the store, body limit, validation, CORS).
//
// Only requests whose answer through Astro would be the handler's own take this path:
// - a path Astro routes to the handler, matched as Astro's route patterns match it, and
//   without percent-escapes (those Astro decodes first: they keep going through Astro);
// - not a request Astro's origin check would refuse (security.checkOrigin: an unsafe method
//   without a content type, or with a form's, from another origin): anything that is not a safe
//   method or JSON goes through Astro, which answers it as before.
// Until the handler is registered (the first API request or /readyz starts the service through
// Astro), and with PORTAL_API_FAST_PATH=off, every request goes through Astro.

/** Astro's patterns of the routes whose files hand their requests to the feedback handler. */
const HANDLER_ROUTES =
  /^\/api\/(?:feedback(?:\/[^/]+?(?:\/contact)?)?\/?|feedback\.csv|comments(?:\/counts)?\/?|staff\/(?:session|sessions|secret|audit|tokens(?:\/[^/]+?)?)\/?)$/;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether Astro would pass this request to the handler unchanged. */
export function takesFastPath(req: IncomingMessage, pathname: string): boolean {
  if (pathname.includes('%') || !HANDLER_ROUTES.test(pathname)) return false;
  if (SAFE_METHODS.has(req.method ?? '')) return true;
  const type = req.headers['content-type']?.toLowerCase();
  return (
    type !== undefined && /^application\/(?:[\w.+-]+\+)?json\b/.test(type) && !isFormLike(type)
  );
}

/** Astro's form-like content types (astro/dist/core/app/origin-check.js, hasFormLikeHeader). */
function isFormLike(type: string): boolean {
  return (
    type.includes('application/x-www-form-urlencoded') ||
    type.includes('multipart/form-data') ||
    type.includes('text/plain')
  );
}

/**
 * Answers the request with the build's feedback handler; false (nothing written) when this
 * request is not for the fast path or the build's handler has not started yet.
 */
export async function answerFast(
  req: IncomingMessage,
  res: ServerResponse,
  edge: Edge,
  buildDir: string,
): Promise<boolean> {
  if (!takesFastPath(req, edge.pathname)) return false;
  const handler = registeredHandler(buildDir);
  if (!handler) return false;
  setRoute(res, apiRoutePattern(edge.pathname));
  setVia(res, 'handler');
  await answerWithHandler(handler, req, res, { clientAddress: edge.address, secure: edge.secure });
  return true;
}
