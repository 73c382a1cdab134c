// CORS for embedding sites. Only origins on the configured allowlist (exact match of scheme,
// host and port) get CORS headers; the request's own origin is always allowed so the portal's
// own pages work without listing themselves. `Vary: Origin` on every answer keeps caches from
// serving one site's answer to another.

/** Decides CORS for one request. */
export interface CorsPolicy {
  /** True when `origin` may call the API from a browser. */
  allows(origin: string, request: Request): boolean;
  /** Adds the CORS headers for `request` (nothing for a missing or refused origin). */
  apply(request: Request, headers: Headers): void;
  /** The answer to a preflight (OPTIONS) request. */
  preflight(
    request: Request,
    methods: readonly string[],
    allowHeaders: readonly string[],
  ): Response;
}

/** Lower-cased `scheme://host[:port]` as browsers send it in `Origin`. */
function normalizeOrigin(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    return url.origin === 'null' ? undefined : url.origin.toLowerCase();
  } catch {
    return undefined;
  }
}

/** A policy for the given allowlist of origins (`https://example.ir`, no path). */
export function createCorsPolicy(allowedOrigins: readonly string[]): CorsPolicy {
  const allowed = new Set(
    allowedOrigins.map((origin) => normalizeOrigin(origin.trim())).filter((o) => o !== undefined),
  );

  const allows = (origin: string, request: Request): boolean => {
    // Compare the header exactly as sent (after case folding): an origin with a path or a
    // trailing slash is not an origin a browser sends, so it is refused.
    const folded = origin.toLowerCase();
    if (allowed.has(folded)) return true;
    return normalizeOrigin(request.url) === folded;
  };

  const apply = (request: Request, headers: Headers): void => {
    headers.append('vary', 'Origin');
    const origin = request.headers.get('origin');
    if (origin === null || !allows(origin, request)) return;
    headers.set('access-control-allow-origin', origin);
    headers.set('access-control-expose-headers', 'Retry-After');
  };

  const preflight = (
    request: Request,
    methods: readonly string[],
    allowHeaders: readonly string[],
  ): Response => {
    const headers = new Headers({ 'cache-control': 'no-store' });
    headers.append('vary', 'Origin');
    headers.append('vary', 'Access-Control-Request-Method');
    headers.append('vary', 'Access-Control-Request-Headers');
    const origin = request.headers.get('origin');
    if (origin === null || !allows(origin, request)) {
      // No CORS headers: the browser refuses the real request. The status says why to people
      // looking at the network panel.
      return new Response(null, { status: 403, headers });
    }
    headers.set('access-control-allow-origin', origin);
    headers.set('access-control-allow-methods', methods.join(', '));
    headers.set('access-control-allow-headers', allowHeaders.join(', '));
    headers.set('access-control-max-age', '600');
    return new Response(null, { status: 204, headers });
  };

  return { allows, apply, preflight };
}
