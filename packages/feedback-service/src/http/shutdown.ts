import type { Server } from 'node:http';
import { requestsSettled } from './boundary.ts';
import type { Logger } from './log.ts';

// Graceful shutdown on SIGTERM (what orchestrators and systemd send) and SIGINT: stop accepting
// connections, let requests in flight finish — an acknowledged submission is committed before
// its 201 is sent, so finishing them loses nothing —, close the store, exit.

/** Longest wait for requests in flight before giving up. */
export const SHUTDOWN_GRACE_MS = 10_000;

export interface ShutdownOptions {
  logger: Logger;
  /** Closes the store (after the last request has been answered). */
  close: () => Promise<void>;
  graceMs?: number;
}

/** Installs the signal handlers; returns `isStopping` for readiness probes. */
export function shutdownGracefully(server: Server, options: ShutdownOptions): () => boolean {
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    options.logger.info({ signal }, 'finishing requests in flight, then stopping');
    const force = setTimeout(() => {
      options.logger.error('requests still open after the grace period; exiting');
      process.exit(1);
    }, options.graceMs ?? SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(() => {
      // A request whose client left mid-answer is no longer a connection, but its work may
      // still be running: let it end before the store closes under it.
      requestsSettled()
        .then(() => options.close())
        .then(
          () => {
            options.logger.info('stopped');
            // pino writes its remaining lines synchronously on exit, so this one is not lost.
            process.exit(0);
          },
          (error: unknown) => {
            options.logger.error({ err: error }, 'closing the store failed');
            process.exit(1);
          },
        );
    });
    // Keep-alive connections between requests hold the server open: close each as it idles.
    server.closeIdleConnections();
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    idle.unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  return () => stopping;
}

// The portal opens its store inside Astro's server bundle, which may hold its own copy of this
// package; a registry on globalThis (under a symbol both copies share) lets the server that owns
// the process close it.
const registryKey = Symbol.for('@behzisti/feedback-service/stores');

type Closer = () => Promise<void>;

function registry(): Set<Closer> {
  const holder = globalThis as unknown as Record<symbol, Set<Closer> | undefined>;
  holder[registryKey] ??= new Set();
  return holder[registryKey];
}

/** Registers a store's close for shutdown (closeRegisteredStores). */
export function registerStoreForShutdown(close: Closer): void {
  registry().add(close);
}

/** Closes every registered store. */
export async function closeRegisteredStores(): Promise<void> {
  await Promise.all([...registry()].map((close) => close()));
}
