// The portal's production server (`node --run serve`, `pnpm start`): the built pages and files,
// the feedback API and the probes in one process. The pieces, one job each:
//
// - @behzisti/feedback-service/http/boundary: the edge every request passes — error boundary,
//   request id, security headers (http/security-headers.ts), trusted proxies (http/proxy.ts),
//   one JSON log line (http/log.ts)
// - server/app.ts: what answers what (probes, CORS, files, Astro's on-demand routes, 404/405)
// - server/static.ts: the built files through sirv, precompressed, cached by kind
// - server/site.ts: which build answers; in release mode it follows the releases folder's pointer
//   and switches to a newly published build without a restart (docs/deployment.md, "Releases")
// - server/cors.ts: CORS for /data/ and /widgets/ (PORTAL_ALLOWED_ORIGINS)
// - @behzisti/feedback-service/http/shutdown: SIGTERM drains requests, then closes the store
//
// Environment: PORT (4321), HOST (0.0.0.0), PORTAL_DIST (build folder inside portal/, default
// dist), PORTAL_RELEASES (releases folder inside portal/; release mode, the default when
// portal/releases/current.json exists and PORTAL_DIST is not set), PORTAL_RELEASE_GRACE_SECONDS
// (600: how long the previous release's hashed files stay reachable), PORTAL_API_FAST_PATH (`off`
// sends the feedback API through Astro too: server/api-fast-path.ts), TRUSTED_PROXIES, LOG_LEVEL, SERVER_CERT_PATH + SERVER_KEY_PATH (serve HTTPS directly),
// plus the feedback service's variables (docs/deployment.md).
import { existsSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configFromEnv } from '@behzisti/feedback-service';
import { answerClientErrors, withEdge } from '@behzisti/feedback-service/http/boundary';
import { createLogger } from '@behzisti/feedback-service/http/log';
import { parseTrustedProxies } from '@behzisti/feedback-service/http/proxy';
import { portalPolicyFor } from '@behzisti/feedback-service/http/security-headers';
import {
  closeRegisteredStores,
  shutdownGracefully,
} from '@behzisti/feedback-service/http/shutdown';
import { createPortalListener } from './server/app.ts';
import { parseAllowedOrigins } from './server/cors.ts';
import { createApprovalsRoute } from './server/publish/approvals-route.ts';
import { createStatusRoute } from './server/publish/status-route.ts';
import { POINTER } from './server/releases.ts';
import { fixedSite, loadSite, releaseSite, type SiteSwitch } from './server/site.ts';

/** Release mode (a releases folder with a live pointer) or one build folder. */
async function openSites(
  portal: string,
  logger: ReturnType<typeof createLogger>,
): Promise<{ sites: SiteSwitch; releases?: string }> {
  const releases = resolve(portal, process.env.PORTAL_RELEASES ?? 'releases');
  const releaseMode =
    process.env.PORTAL_RELEASES !== undefined ||
    (process.env.PORTAL_DIST === undefined && existsSync(join(releases, POINTER)));
  if (releaseMode) {
    const grace = Number(process.env.PORTAL_RELEASE_GRACE_SECONDS ?? 600);
    if (!Number.isFinite(grace) || grace < 0) {
      throw new Error('PORTAL_RELEASE_GRACE_SECONDS must be a number of seconds (e.g. 600).');
    }
    const sites = await releaseSite({
      root: releases,
      graceMs: grace * 1000,
      log: (event, fields) => logger.info({ event, ...fields }),
    });
    // The publish command rewrites the pointer; SIGHUP makes the server look at once.
    process.on('SIGHUP', () => void sites.check());
    logger.info({ event: 'release-live', release: sites.current().id });
    return { sites, releases };
  }
  const dist = resolve(portal, process.env.PORTAL_DIST ?? 'dist');
  const entry = join(dist, 'server/entry.mjs');
  if (!existsSync(entry)) {
    throw new Error(
      `The portal is not built (${entry} is missing): run \`node --run build\` first.`,
    );
  }
  return { sites: fixedSite(await loadSite(dist, 'dist')) };
}

async function main(): Promise<void> {
  const portal = fileURLToPath(new URL('.', import.meta.url));
  // The feedback API starts on its first request; check its configuration now, so that a
  // mistake (e.g. a plain-text staff secret) stops the start with its message instead.
  configFromEnv(process.env, process.cwd());
  // One list configures both, whichever name it is set under: PORTAL_ALLOWED_ORIGINS, else the
  // feedback service's FEEDBACK_ALLOWED_ORIGINS. The API takes only exact origins (no `*`).
  const allowed = parseAllowedOrigins(
    process.env.PORTAL_ALLOWED_ORIGINS ?? process.env.FEEDBACK_ALLOWED_ORIGINS,
  );
  if (process.env.FEEDBACK_ALLOWED_ORIGINS === undefined && allowed.origins.size > 0) {
    process.env.FEEDBACK_ALLOWED_ORIGINS = [...allowed.origins].join(',');
  }
  if (process.env.FEEDBACK_TRUST_PROXY?.trim()) {
    throw new Error(
      'FEEDBACK_TRUST_PROXY is no longer read: set TRUSTED_PROXIES to the address of your reverse proxy instead (e.g. TRUSTED_PROXIES=loopback when it runs on this machine), and remove FEEDBACK_TRUST_PROXY.',
    );
  }
  let trust: ReturnType<typeof parseTrustedProxies>;
  try {
    trust = parseTrustedProxies(process.env.TRUSTED_PROXIES);
  } catch (error) {
    throw new Error(`TRUSTED_PROXIES: ${(error as Error).message}`);
  }
  const logger = createLogger('portal');
  // The adapter is built in middleware mode: it answers on-demand routes and never files.
  const { sites, releases } = await openSites(portal, logger);
  let isStopping = (): boolean => false;
  // This server's own loopback address (known once it listens), for the approvals route.
  let self = { url: '', https: false };
  const listener = withEdge(
    createPortalListener({
      sites,
      publishStatus: releases ? createStatusRoute({ releasesDir: releases }) : undefined,
      publishApprovals: releases
        ? createApprovalsRoute({
            releasesDir: releases,
            newsDir: process.env.PORTAL_NEWS_DIR
              ? resolve(portal, process.env.PORTAL_NEWS_DIR)
              : resolve(portal, process.env.CMS_CONTENT_DIR ?? 'src/content', 'news'),
            self: () => self,
            approverRoles: (process.env.PUBLISH_APPROVER_ROLES ?? 'admin')
              .split(',')
              .map((r) => r.trim()),
            log: (event, fields) => logger.info({ event, ...fields }),
          })
        : undefined,
      allowed,
      isStopping: () => isStopping(),
      fastApi: process.env.PORTAL_API_FAST_PATH?.trim().toLowerCase() !== 'off',
    }),
    { logger, trust, policyFor: portalPolicyFor },
  );
  const cert = process.env.SERVER_CERT_PATH;
  const key = process.env.SERVER_KEY_PATH;
  const server =
    cert && key
      ? createHttpsServer({ cert: readFileSync(cert), key: readFileSync(key) }, listener)
      : createHttpServer(listener);
  answerClientErrors(server, logger);
  // A client still sending its request after 30 s is stalling, not slow (bodies are small).
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;
  const port = Number(process.env.PORT ?? 4321);
  const host = process.env.HOST ?? '0.0.0.0';
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, done);
  });
  const address = server.address();
  const secure = Boolean(cert && key);
  if (address && typeof address === 'object') {
    // Bound to every address: ask over loopback; else the one address it listens on.
    const to =
      address.address === '0.0.0.0' || address.address === '::'
        ? '127.0.0.1'
        : address.family === 'IPv6'
          ? `[${address.address}]`
          : address.address;
    self = { url: `${secure ? 'https' : 'http'}://${to}:${address.port}`, https: secure };
  }
  isStopping = shutdownGracefully(server, { logger, close: closeRegisteredStores });
  console.log(`portal: ${cert && key ? 'https' : 'http'}://${host}:${port}/`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
