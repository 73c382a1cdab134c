import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { setRoute } from '@behzisti/feedback-service/http/log';
import sirv from 'sirv';
import { crossOriginPaths } from './cors.ts';

// The built site's files, through sirv: it reads the folder's file list once at start-up and
// answers only paths in that list, so no request path — encoded `..` or not — ever reaches the
// file system, and every path outside the folder gets the same 404. It picks the .br or .gz
// copy made at build time (scripts/compress-static.ts) that the client accepts, with
// Content-Encoding and Vary: Accept-Encoding.

/** `/widgets/bz-hotlines.1a2b3c4d.js` (also `bz-x.en.<hash>.js`): named by content. */
const hashedWidget = /^\/widgets\/[\w.-]+\.[0-9a-f]{8}\.js$/;
/**
 * Pagefind's index files, named by their content (`index/fa_1a2b3c4.pf_index`,
 * `pagefind.fa_1a2b3c4d5e.pf_meta`, likewise fragments and filters); its entry file, script and
 * WebAssembly keep their names across builds, so they are revalidated.
 */
const hashedSearchFile =
  /^\/pagefind\/(?:(index|fragment|filter)\/[a-z0-9_-]+\.pf_\1|pagefind\.[a-z0-9_-]+\.pf_meta)$/;

export const immutable = 'public, max-age=31536000, immutable';
export const shortLived = 'public, max-age=300';
/** Pages and everything not named by content: kept, but checked (ETag) before each use. */
export const revalidate = 'no-cache';

/**
 * Cache-Control for a served file. Content-hashed names (Astro's /_astro/, hashed widgets,
 * Pagefind's index files) never
 * change, so a year; the stable per-major widget aliases and manifest.json five minutes, so a
 * release reaches every embedding site within minutes; the rest is revalidated.
 */
export function cacheControlFor(pathname: string): string {
  if (pathname.startsWith('/_astro/') || hashedWidget.test(pathname)) return immutable;
  if (hashedSearchFile.test(pathname)) return immutable;
  if (pathname.startsWith('/widgets/')) return shortLived;
  return revalidate;
}

/**
 * Keeps a Range header only when it is one well-formed `bytes=a-b` range with a ≤ b; any other
 * is dropped and the whole file is sent (always allowed, RFC 9110 §14.2). sirv reads ranges
 * loosely, and a reversed one would make it fail mid-answer.
 */
function sanitizeRange(req: IncomingMessage): void {
  const range = req.headers.range;
  if (range === undefined) return;
  const match = /^bytes=(\d{1,15})-(\d{0,15})$/.exec(range);
  if (!match || (match[2] !== '' && Number(match[1]) > Number(match[2]))) {
    delete req.headers.range;
  }
}

/** Serves a file of `clientDir` for GET and HEAD; returns false when there is none. */
export function createStaticFiles(
  clientDir: string,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  const serve = sirv(clientDir, {
    etag: true,
    brotli: true,
    gzip: true,
    extensions: ['html'],
    setHeaders(res, pathname) {
      res.setHeader('Cache-Control', cacheControlFor(pathname));
      // sirv has just set Vary: Accept-Encoding; the CORS paths also vary by Origin.
      if (crossOriginPaths.test(pathname)) res.setHeader('Vary', 'Accept-Encoding, Origin');
    },
  });
  return (req, res) => {
    sanitizeRange(req);
    let missed = false;
    serve(req, res, () => {
      missed = true;
    });
    if (!missed) setRoute(res, 'static');
    return !missed;
  };
}

/** One built 404 page in its compressed forms. */
function notFoundVariants(page: string) {
  return {
    br: tryRead(`${page}.br`),
    gzip: tryRead(`${page}.gz`),
    identity: tryRead(page),
  };
}

/**
 * The built 404 page, compressed as the client accepts, for every path that names nothing: the
 * English one (en/404) for paths under /en/, the Persian one for the rest.
 */
export function createNotFound(
  clientDir: string,
): (req: IncomingMessage, res: ServerResponse) => void {
  const fa = notFoundVariants(join(clientDir, '404.html'));
  const enFile = [join(clientDir, 'en/404.html'), join(clientDir, 'en/404/index.html')].find(
    (path) => tryRead(path) !== undefined,
  );
  const en = enFile ? notFoundVariants(enFile) : fa;
  return (req, res) => {
    setRoute(res, 'not-found');
    const path = String(req.url ?? '/');
    const variants = /^\/en(?:[/?#]|$)/.test(path) && en.identity ? en : fa;
    const accepted = String(req.headers['accept-encoding'] ?? '');
    const encoding =
      variants.br && /\bbr\b/.test(accepted)
        ? 'br'
        : variants.gzip && /\bgzip\b/.test(accepted)
          ? 'gzip'
          : 'identity';
    const body = variants[encoding] ?? variants.identity ?? Buffer.from('Not found\n');
    res.writeHead(404, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': body.length,
      'cache-control': 'no-store',
      vary: [res.getHeader('vary'), 'Accept-Encoding'].filter(Boolean).join(', '),
      ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

function tryRead(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}
