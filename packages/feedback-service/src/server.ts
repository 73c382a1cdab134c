import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError, createFeedbackServiceFromEnv, describeStore } from './config.ts';
import { answerBadRequest, answerClientErrors, withEdge } from './http/boundary.ts';
import { answerHealth } from './http/health.ts';
import { apiRoutePattern, createLogger, setRoute } from './http/log.ts';
import { shutdownGracefully } from './http/shutdown.ts';
import { answerWithHandler } from './node-adapter.ts';

// The standalone service: `node src/server.ts` (or the `feedback-service` bin). Configured by
// environment variables (see config.ts and docs/feedback-service.md). Every request passes the
// edge (http/boundary.ts: error boundary, request id, security headers, trusted proxies, log
// line); /healthz and /readyz answer probes; SIGTERM or SIGINT drain it (http/shutdown.ts).

async function main(): Promise<void> {
  const logger = createLogger('feedback-service');
  const { handler, store, config } = await createFeedbackServiceFromEnv();
  let isStopping = (): boolean => false;
  const listener = withEdge(
    async (req, res, edge) => {
      const ready = async () => !isStopping() && (await store.ready());
      if (answerHealth(req, res, edge.pathname, ready)) return;
      // The handler parses the URL itself; a path that is not valid percent-encoding is bad input.
      try {
        decodeURIComponent(edge.pathname);
      } catch {
        answerBadRequest(res, edge);
        return;
      }
      setRoute(res, apiRoutePattern(edge.pathname));
      await answerWithHandler(handler, req, res, {
        clientAddress: edge.address,
        secure: edge.secure,
      });
    },
    { logger, trust: config.trustProxy, policyFor: () => 'api' },
  );
  const server = createServer(listener);
  answerClientErrors(server, logger);
  // Bodies are at most 16 kB: a client still sending after 15 s is stalling, not slow.
  server.requestTimeout = 15_000;
  server.headersTimeout = 10_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  isStopping = shutdownGracefully(server, { logger, close: () => store.close() });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  // Tests and scripts read this line to learn the port (PORT=0 picks a free one).
  console.log(`feedback-service listening on http://${host}:${port} (${describeStore(config)})`);
  if (!config.staffToken && config.staffAccounts.length === 0) {
    console.log('staff endpoints off (set FEEDBACK_STAFF or FEEDBACK_STAFF_TOKEN to enable)');
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`feedback-service: ${error.message}`);
  else console.error('feedback-service could not start:', error);
  process.exit(1);
});
