import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * A data file the build writes beside its server output (`<dist>/news.sqlite`,
 * `<dist>/search.sqlite`), found from `from`, a module of that output (`<dist>/server/…`): so a
 * server running several builds in turn (the publish pipeline's releases, server/site.ts) reads
 * each build's own file. Outside a built server (`astro dev`, scripts): under PORTAL_DIST (or
 * `dist`) in the working directory.
 */
export function besideBuild(from: string, file: string, env = process.env): string {
  let dir = dirname(from);
  for (let depth = 0; depth < 6; depth++) {
    if (dir.endsWith('/server') && existsSync(join(dir, 'entry.mjs'))) {
      return join(dirname(dir), file);
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return resolve(env.PORTAL_DIST ?? 'dist', file);
}
