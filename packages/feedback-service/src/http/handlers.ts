import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeedbackHandler } from '../handler.ts';

// The portal builds its feedback service inside Astro's server bundle (it needs the build's
// service bases and news store), yet the portal's own server can answer the API's hot routes
// without Astro's routing and rendering (portal/server/api-fast-path.ts). The bundle registers
// its handler here under its build folder, on globalThis under a symbol both copies of this
// package share (as the shutdown registry does), and the server looks it up for the build it
// is serving: each release of the publish pipeline keeps its own.

const registryKey = Symbol.for('@behzisti/feedback-service/handlers');

function registry(): Map<string, FeedbackHandler> {
  const holder = globalThis as unknown as Record<symbol, Map<string, FeedbackHandler> | undefined>;
  holder[registryKey] ??= new Map();
  return holder[registryKey];
}

/**
 * One name per build folder: its real path (a module's own URL has symbolic links resolved, a
 * configured folder may not), looked up once per folder name.
 */
const keys = new Map<string, string>();
function keyOf(dir: string): string {
  let key = keys.get(dir);
  if (key === undefined) {
    try {
      key = realpathSync(dir);
    } catch {
      key = resolve(dir);
    }
    keys.set(dir, key);
  }
  return key;
}

/** Registers the feedback handler of the build in `buildDir`. */
export function registerHandler(buildDir: string, handler: FeedbackHandler): void {
  registry().set(keyOf(buildDir), handler);
}

/** The feedback handler the build in `buildDir` registered, once its service has started. */
export function registeredHandler(buildDir: string): FeedbackHandler | undefined {
  return registry().get(keyOf(buildDir));
}
