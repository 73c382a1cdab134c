import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError, createFeedbackServiceFromEnv, describeStore } from './config.ts';
import { nodeListener } from './node-adapter.ts';

// The standalone service: `node src/server.ts` (or the `feedback-service` bin). Configured by
// environment variables (see config.ts and docs/feedback-service.md). On SIGTERM or SIGINT it
// stops accepting connections, lets requests in flight finish (their rows are committed before
// they are answered), closes the database and exits.

/** Longest wait for requests in flight on shutdown before giving up. */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const { handler, store, config } = await createFeedbackServiceFromEnv();
  const server = createServer(nodeListener(handler));
  // Bodies are at most 16 kB: a client still sending after 15 s is stalling, not slow.
  server.requestTimeout = 15_000;
  server.headersTimeout = 10_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  // Tests and scripts read this line to learn the port (PORT=0 picks a free one).
  console.log(`feedback-service listening on http://${host}:${port} (${describeStore(config)})`);
  if (!config.staffToken && config.staffAccounts.length === 0) {
    console.log('staff endpoints off (set FEEDBACK_STAFF or FEEDBACK_STAFF_TOKEN to enable)');
  }

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`feedback-service: ${signal} received, finishing requests in flight`);
    const force = setTimeout(() => {
      console.error('feedback-service: requests still open after the grace period; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(() => {
      store.close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('feedback-service: closing the database failed:', error);
          process.exit(1);
        },
      );
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`feedback-service: ${error.message}`);
  else console.error('feedback-service could not start:', error);
  process.exit(1);
});
