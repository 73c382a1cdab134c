import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { hashSecret } from '@behzisti/feedback-service';
import type { TestProject } from 'vitest/node';

import { distDir, onDemandDir } from './site.ts';
import { tempFolder } from './temp.ts';

/** A port nothing listens on now (the test servers' and the proxies'). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(),
      );
    });
  });
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (child.exitCode !== null) throw new Error(`portal server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`portal server did not answer at ${url}`);
}

/**
 * The staff account of the test servers: a secret made for this run (none is committed) and
 * the `name:role:hash` line for FEEDBACK_STAFF, hashed as `hash-secret` does. Tests get both through
 * `inject('staff')`; a test that starts a server of its own passes `staff.config` on.
 */
export async function makeTestStaff(): Promise<{ name: string; secret: string; config: string }> {
  const name = 'e2e-staff';
  const secret = randomBytes(24).toString('base64url');
  // An admin: the e2e tests walk every part of the inbox (scope is tested in the service).
  return { name, secret, config: `${name}:admin:${await hashSecret(secret)}` };
}

/** The embedding site the test servers allow (PORTAL_ALLOWED_ORIGINS); e2e/cors.test.ts. */
export const testAllowedOrigin = 'https://province.example';

/** A running portal server process. */
export interface PortalServer {
  baseUrl: string;
  /** SIGTERM, and the throwaway data folder removed. */
  stop: () => void;
  child: ChildProcess;
  /** What it wrote to stdout so far (its JSON log lines), the last megabyte. */
  output: () => string;
}

/**
 * Starts the built portal's own Node server (`<dist>/server/entry.mjs`) on a free loopback port,
 * as in production; also used by the benchmarks (bench/portal.mjs) for other build folders.
 * `env` adds to or overrides its settings, for a test that needs a server of its own (the staff
 * tests use one with very short sessions); staff accounts only come from there (FEEDBACK_STAFF).
 */
export async function startPortalServer(
  dist: string = distDir,
  env: Record<string, string> = {},
): Promise<PortalServer> {
  const entry = join(dist, 'server/entry.mjs');
  if (!existsSync(entry)) {
    throw new Error('The portal is not built: run `pnpm --filter @behzisti/portal build` first.');
  }
  const port = await freePort();
  // The feedback API stores into a throwaway SQLite file, never the portal's own data folder.
  const data = tempFolder('portal-e2e');
  // portal/server.ts: the production server (CORS and cache headers around the adapter's).
  const child = spawn(process.execPath, [new URL('../server.ts', import.meta.url).pathname], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      FEEDBACK_DB: join(data.path, 'feedback.sqlite'),
      PORTAL_DIST: dist,
      PORTAL_ALLOWED_ORIGINS: testAllowedOrigin,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-1_000_000);
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${baseUrl}/api/health`, child);
  } catch (error) {
    child.kill();
    data.remove();
    throw error;
  }
  return {
    baseUrl,
    child,
    output: () => output,
    stop: () => {
      child.kill();
      data.remove();
    },
  };
}

/**
 * `count` built portal servers with the same `env`, as behind a load balancer, started one
 * after the other: the first creates what they share (tables, a store), the others find it.
 */
export async function startPortalServers(
  count: number,
  env: Record<string, string>,
): Promise<PortalServer[]> {
  const servers: PortalServer[] = [];
  for (let i = 0; i < count; i++) servers.push(await startPortalServer(distDir, env));
  return servers;
}

/**
 * Saves what the server renders on demand (the news pages of the news sitemap, and the news
 * pictures they show) under <dist>/e2e-on-demand/, laid out like the built files, so the checks
 * that read built files (site.ts: CSP, budgets, preloads, link previews) cover them too.
 */
export async function saveOnDemandPages(baseUrl: string): Promise<void> {
  rmSync(onDemandDir, { recursive: true, force: true });
  const sitemap = await fetch(`${baseUrl}/sitemap-news.xml`);
  if (!sitemap.ok) return; // a static build: the news are files
  const xml = await sitemap.text();
  const save = (path: string, body: Uint8Array | string) => {
    const file = join(onDemandDir, decodeURI(path));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, body);
  };
  save('/sitemap-news.xml', xml);
  const media = new Set<string>();
  for (const match of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) {
    const path = new URL(match[1] as string).pathname;
    const response = await fetch(baseUrl + path);
    if (!response.ok)
      throw new Error(`${path} listed in the news sitemap answers ${response.status}`);
    const html = await response.text();
    save(`${path}index.html`, html);
    for (const picture of html.matchAll(
      /["'](?:https?:\/\/[^/"']+)?(\/media\/news\/[^"']+)["']/g,
    )) {
      media.add(picture[1] as string);
    }
  }
  for (const path of media) {
    const response = await fetch(baseUrl + path);
    if (response.ok) save(path, new Uint8Array(await response.arrayBuffer()));
  }
}

export default async function setup(project: TestProject) {
  const staff = await makeTestStaff();
  const { baseUrl, stop } = await startPortalServer(distDir, { FEEDBACK_STAFF: staff.config });
  await saveOnDemandPages(baseUrl);
  project.provide('baseUrl', baseUrl);
  project.provide('staff', staff);
  return stop;
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    staff: { name: string; secret: string; config: string };
  }
}
