import { existsSync, unwatchFile, watchFile } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroHandler } from './app.ts';
import { isGone, readGone } from './gone.ts';
import { POINTER, readPointer } from './releases.ts';
import { cacheControlFor, createNotFound, createStaticFiles, immutable } from './static.ts';

// The site the server answers with, and how it changes without a restart. A Site is one build:
// its files (sirv), its 404 page, its withdrawn addresses and its server entry (Astro's handler).
// A SiteSwitch holds the live one and, in release mode, watches the releases folder's pointer
// (server/releases.ts): when it names another release, the new build is loaded completely (its
// entry imported, its file list read) before one assignment makes it live, so each request is
// answered by one build from start to end. A page of the previous build still in a reader's
// browser asks for its own content-hashed files (/_astro/…); those are served from the
// previous builds for `graceMs`, so no page loses its styles or scripts mid-switch.
//
// Each switch keeps the old build's server code in memory (Node cannot unload a module); the
// process logs the number of switches, and a restart (any deploy, or a nightly one) frees it.

export interface Site {
  /** The release id, or `dist` for a single build folder. */
  id: string;
  /** The build folder (its feedback handler is registered under it: server/api-fast-path.ts). */
  dir: string;
  astro: AstroHandler;
  staticFiles: (req: IncomingMessage, res: ServerResponse) => boolean;
  notFound: (req: IncomingMessage, res: ServerResponse) => void;
  gone: ReadonlySet<string>;
}

/** Loads one build folder (client/, server/entry.mjs, gone.json). */
export async function loadSite(dir: string, id: string): Promise<Site> {
  const entry = join(dir, 'server/entry.mjs');
  if (!existsSync(entry)) throw new Error(`no server entry in release ${id}`);
  const { handler } = (await import(pathToFileURL(entry).href)) as { handler: AstroHandler };
  if (typeof handler !== 'function') throw new Error(`release ${id}: entry exports no handler`);
  const clientDir = join(dir, 'client');
  return {
    id,
    dir,
    astro: handler,
    staticFiles: createStaticFiles(clientDir),
    notFound: createNotFound(clientDir),
    gone: readGone(dir),
  };
}

export interface SiteSwitch {
  current(): Site;
  /** Serves a content-hashed file the live build lacks from a build live within the grace. */
  olderAsset(req: IncomingMessage, res: ServerResponse, pathname: string): boolean;
  /** True when the path is a withdrawn news address of the live build. */
  gone(pathname: string): boolean;
  close(): void;
}

/** One build for the whole life of the process (PORTAL_DIST). */
export function fixedSite(site: Site): SiteSwitch {
  return {
    current: () => site,
    olderAsset: () => false,
    gone: (pathname) => isGone(site.gone, pathname),
    close: () => {},
  };
}

export interface ReleaseOptions {
  root: string;
  graceMs: number;
  /** How often the pointer is checked (fs.watchFile polls; it works on every file system). */
  pollMs?: number;
  log: (event: string, fields: Record<string, unknown>) => void;
  load?: (dir: string, id: string) => Promise<Site>;
}

/**
 * The live release of `root`, switched whenever current.json changes (or `check()` is called,
 * e.g. on SIGHUP). A release that fails to load is logged and the live one stays.
 */
export async function releaseSite(
  options: ReleaseOptions,
): Promise<SiteSwitch & { check: () => Promise<void>; switches: () => number }> {
  const load = options.load ?? loadSite;
  const pointer = readPointer(options.root);
  if (!pointer) throw new Error(`no live release: ${join(options.root, POINTER)} is missing`);
  let live = await load(join(options.root, pointer.id), pointer.id);
  let older: { site: Site; until: number }[] = [];
  let switches = 0;
  let checking: Promise<void> = Promise.resolve();

  const check = async () => {
    let next: ReturnType<typeof readPointer>;
    try {
      next = readPointer(options.root);
    } catch (error) {
      options.log('release-pointer-unreadable', { error: (error as Error).message });
      return;
    }
    if (!next || next.id === live.id) return;
    try {
      const site = await load(join(options.root, next.id), next.id);
      const now = Date.now();
      older = [{ site: live, until: now + options.graceMs }, ...older].filter(
        (old) => old.until > now,
      );
      live = site;
      switches += 1;
      options.log('release-switched', { release: site.id, switches });
    } catch (error) {
      options.log('release-load-failed', { release: next.id, error: (error as Error).message });
    }
  };
  // One check at a time, in order: two quick pointer changes load one after the other.
  const queued = () => {
    checking = checking.then(check);
    return checking;
  };
  const pointerPath = join(options.root, POINTER);
  watchFile(pointerPath, { interval: options.pollMs ?? 500 }, () => void queued());

  return {
    current: () => live,
    olderAsset(req, res, pathname) {
      if (cacheControlFor(pathname) !== immutable) return false;
      const now = Date.now();
      older = older.filter((old) => old.until > now);
      return older.some((old) => old.site.staticFiles(req, res));
    },
    gone: (pathname) => isGone(live.gone, pathname),
    check: queued,
    switches: () => switches,
    close: () => unwatchFile(pointerPath),
  };
}
