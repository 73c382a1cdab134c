// The portal's production server (`node --run serve`, `pnpm start`): Astro's Node adapter
// serves the built pages, static files and the feedback API; this thin layer in front adds what
// the adapter cannot do for static files (Astro middleware never sees them):
//
// - CORS on /data/ and /widgets/, so widgets embedded on provincial sites can load their
//   scripts (module scripts are always fetched in CORS mode) and data from here. Allowed
//   origins come from PORTAL_ALLOWED_ORIGINS (comma-separated `https://site.example`, or `*`
//   for any site); the portal's own origin is always allowed. The feedback API's allowlist,
//   FEEDBACK_ALLOWED_ORIGINS, defaults to the same list, and is used here when only it is set.
// - Cache headers on /widgets/: content-hashed scripts are immutable for a year; the stable
//   per-major aliases and manifest.json for five minutes, so a release reaches every embedding
//   site within minutes without costing them the hashed file again.
//
// Environment: PORT (4321), HOST (0.0.0.0), PORTAL_DIST (build folder inside portal/, default
// dist), SERVER_CERT_PATH + SERVER_KEY_PATH (serve HTTPS directly), plus the feedback service's
// variables (docs/deployment.md).
import { existsSync, readFileSync, statSync } from 'node:fs';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Paths whose files widgets on other sites fetch. */
const crossOriginPaths = /^\/(?:data|widgets)\//;
/** `/widgets/bz-hotlines.1a2b3c4d.js` (also `bz-x.en.<hash>.js`): named by content. */
const hashedWidget = /^\/widgets\/[\w.-]+\.[0-9a-f]{8}\.js$/;

export const immutable = 'public, max-age=31536000, immutable';
export const shortLived = 'public, max-age=300';

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

/** Cache-Control for a static path, or undefined to leave the adapter's default. */
export function cacheControlFor(pathname: string): string | undefined {
  if (hashedWidget.test(pathname)) return immutable;
  if (pathname.startsWith('/widgets/')) return shortLived;
  return undefined;
}

/**
 * Adds CORS and cache headers for /data/ and /widgets/; answers their preflights itself.
 * Returns true when the response is complete.
 */
export function applyCrossOrigin(
  req: IncomingMessage,
  res: ServerResponse,
  allowed: AllowedOrigins,
  clientDir: string,
): boolean {
  const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (!crossOriginPaths.test(pathname)) return false;
  // A malformed percent-escape (`/widgets/%E0%A4%A`) names no file: it is a client error.
  let filePath: string;
  try {
    filePath = decodeURIComponent(pathname);
  } catch {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request\n');
    return true;
  }
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
  const cache = cacheControlFor(pathname);
  // Only on files that exist: a 404 must not be cached for a year.
  if (cache && isFile(join(clientDir, filePath))) {
    res.setHeader('Cache-Control', cache);
  }
  return false;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

async function main(): Promise<void> {
  const portal = fileURLToPath(new URL('.', import.meta.url));
  const dist = resolve(portal, process.env.PORTAL_DIST ?? 'dist');
  const entry = join(dist, 'server/entry.mjs');
  if (!existsSync(entry)) {
    throw new Error(
      `The portal is not built (${entry} is missing): run \`node --run build\` first.`,
    );
  }
  // One list configures both, whichever name it is set under: PORTAL_ALLOWED_ORIGINS, else the
  // feedback service's FEEDBACK_ALLOWED_ORIGINS. The API takes only exact origins (no `*`).
  const allowed = parseAllowedOrigins(
    process.env.PORTAL_ALLOWED_ORIGINS ?? process.env.FEEDBACK_ALLOWED_ORIGINS,
  );
  if (process.env.FEEDBACK_ALLOWED_ORIGINS === undefined && allowed.origins.size > 0) {
    process.env.FEEDBACK_ALLOWED_ORIGINS = [...allowed.origins].join(',');
  }
  // The adapter's entry starts its own server unless told not to; we wrap its handler instead.
  process.env.ASTRO_NODE_AUTOSTART = 'disabled';
  const { handler, options } = (await import(pathToFileURL(entry).href)) as {
    handler: NodeHandler;
    options: { port?: number };
  };
  // The adapter keeps client/ beside server/ in every build folder.
  const clientDir = join(dist, 'client');
  const listener: NodeHandler = (req, res) => {
    // A thrown error must end this request only, never the process.
    try {
      if (applyCrossOrigin(req, res, allowed, clientDir)) return;
      handler(req, res);
    } catch (error) {
      console.error('portal: request failed:', error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  };
  const cert = process.env.SERVER_CERT_PATH;
  const key = process.env.SERVER_KEY_PATH;
  const server =
    cert && key
      ? createHttpsServer({ cert: readFileSync(cert), key: readFileSync(key) }, listener)
      : createHttpServer(listener);
  const port = Number(process.env.PORT ?? options.port ?? 4321);
  const host = process.env.HOST ?? '0.0.0.0';
  server.listen(port, host, () => {
    console.log(`portal: ${cert && key ? 'https' : 'http'}://${host}:${port}/`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
