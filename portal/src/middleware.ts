import { defineMiddleware } from 'astro:middleware';
import { fileURLToPath } from 'node:url';
import { init } from 'es-module-lexer';
import { withModulePreloads } from '../scripts/preload-modules.ts';
import { besideBuild } from './lib/build-output.ts';

// Pages rendered on demand (the news: docs/scale.md) declare the modules their scripts import
// statically, as the built pages do (scripts/preload-modules.ts adds the same links to those
// after the build): without them a widget on a news page waits for a chain of imports, one
// round trip each, before it can start (issue "Fast on a 2G phone", item 2).

/** The build's client files, beside its server output. */
const clientDir = besideBuild(fileURLToPath(import.meta.url), 'client');
/** Each module's static imports, read once per process (the files of a build never change). */
const graph = new Map<string, string[]>();

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (context.isPrerendered || !response.headers.get('content-type')?.startsWith('text/html')) {
    return response;
  }
  const html = await response.text();
  let declared = html;
  try {
    await init;
    declared = withModulePreloads(html, clientDir, graph);
  } catch {
    // A module the page names that this build does not have (`astro dev`): the page as it is.
  }
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(declared, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
});
