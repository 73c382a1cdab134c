import type { IncomingMessage, ServerResponse } from 'node:http';

// CORS on /data/ and /widgets/, so widgets embedded on provincial sites can load their scripts
// (module scripts are always fetched in CORS mode) and data from here. Allowed origins come
// from PORTAL_ALLOWED_ORIGINS (comma-separated `https://site.example`, or `*` for any site);
// the portal's own origin is always allowed.

/** Paths whose files widgets on other sites fetch. */
export const crossOriginPaths = /^\/(?:data|widgets)\//;

/** The allowlist: exact origins, or every origin when it contains `*`. */
export interface AllowedOrigins {
  any: boolean;
  origins: ReadonlySet<string>;
}

/** Parses PORTAL_ALLOWED_ORIGINS; refuses entries that are not bare origins, naming them. */
export function parseAllowedOrigins(value: string | undefined): AllowedOrigins {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const origins = new Set<string>();
  for (const entry of entries) {
    if (entry === '*') continue;
    let origin: string | undefined;
    try {
      origin = new URL(entry).origin;
    } catch {
      origin = undefined;
    }
    if (!origin || origin === 'null' || origin !== entry.replace(/\/$/, '').toLowerCase()) {
      throw new Error(
        `PORTAL_ALLOWED_ORIGINS: "${entry}" is not an origin (scheme://host[:port], no path).`,
      );
    }
    origins.add(origin);
  }
  return { any: entries.includes('*'), origins };
}

/**
 * Adds the CORS headers for /data/ and /widgets/ and answers their preflights itself.
 * Returns true when the response is complete.
 */
export function applyCrossOrigin(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  allowed: AllowedOrigins,
): boolean {
  if (!crossOriginPaths.test(pathname)) return false;
  res.setHeader('Vary', 'Origin');
  const origin = req.headers.origin;
  const own = req.headers.host ? [`http://${req.headers.host}`, `https://${req.headers.host}`] : [];
  const permitted =
    typeof origin === 'string' &&
    (allowed.any ||
      allowed.origins.has(origin.toLowerCase()) ||
      own.includes(origin.toLowerCase()));
  if (permitted) {
    res.setHeader('Access-Control-Allow-Origin', allowed.any ? '*' : origin);
  }
  if (req.method === 'OPTIONS') {
    // Only GET and HEAD are served here; a preflight happens when a page adds headers.
    res.setHeader('Cache-Control', 'no-store');
    if (!permitted) {
      res.writeHead(403).end();
      return true;
    }
    res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD');
    const requested = req.headers['access-control-request-headers'];
    if (requested) res.setHeader('Access-Control-Allow-Headers', requested);
    res.setHeader('Access-Control-Max-Age', '600');
    res.writeHead(204).end();
    return true;
  }
  return false;
}
