import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The portal build under test: ./dist, or PORTAL_DIST (relative to portal/) as in astro.config. */
export const distDir = resolve(
  new URL('..', import.meta.url).pathname,
  process.env.PORTAL_DIST ?? 'dist',
);

/** The built static site: what the tests read without a server. */
export const clientDir = join(distDir, 'client/');

/**
 * The pages the server renders on demand (the news), as the e2e set-up saved them from the running
 * server (server.setup.ts), laid out like the built files: the checks on built files cover them.
 */
export const onDemandDir = join(distDir, 'e2e-on-demand/');

/** A built file by its site path, or the on-demand page saved in its place. */
export function builtPath(sitePath: string): string {
  const file = join(clientDir, sitePath);
  return existsSync(file) ? file : join(onDemandDir, sitePath);
}

export const readBuilt = (sitePath: string) => readFileSync(builtPath(sitePath), 'utf8');

/**
 * Every page path listed in the sitemaps (`/`, `/en/news/…/`), decoded, in sitemap order: the
 * build's, then the news sitemap the server answers (saved by the set-up) when there is one.
 */
export function sitemapPaths(): string[] {
  const sitemaps = [join(clientDir, 'sitemap-0.xml'), join(onDemandDir, 'sitemap-news.xml')];
  return sitemaps
    .filter((file) => existsSync(file))
    .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)])
    .map((match) => decodeURI(new URL(match[1] as string).pathname));
}

/**
 * Every built HTML file of the portal, relative to dist/client. The static Storybook copied in
 * at /storybook/ is not the portal's own: its generated pages carry inline scripts, and it is
 * checked by e2e/storybook.test.ts instead.
 */
export function htmlFiles(): string[] {
  return [...filesUnder(clientDir), ...(existsSync(onDemandDir) ? filesUnder(onDemandDir) : [])];
}

function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && path === join(clientDir, 'storybook')) return [];
    if (entry.isDirectory()) return filesUnder(root, path);
    return entry.name.endsWith('.html') ? [relative(root, path)] : [];
  });
}

/**
 * What a strict Content-Security-Policy (`script-src 'self'`, no 'unsafe-inline') would block:
 * `<script>` elements with code in them (JSON-LD data is not executed, so it is allowed) and
 * inline event-handler attributes (`onclick=`, `onload=`…).
 */
export function inlineScriptProblems(html: string): string[] {
  const problems: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attributes = match[1] ?? '';
    const body = (match[2] ?? '').trim();
    if (/\btype=["']?application\/ld\+json/i.test(attributes)) continue;
    if (!/\bsrc=/i.test(attributes) || body !== '') problems.push(`inline <script${attributes}>`);
  }
  for (const match of html.matchAll(/<[a-z][\w-]*\s[^>]*?\s(on[a-z]+)\s*=/gi)) {
    problems.push(`inline handler ${match[1]}`);
  }
  return problems;
}

/** gzip size as the budget counts it: level 9, so the figure is deterministic and reproducible. */
export const gzipBytes = (content: Buffer | string) => gzipSync(content, { level: 9 }).length;

const read = (sitePath: string) => readFileSync(builtPath(sitePath));

/** A script and every module it imports statically (chunks are fetched before it runs). */
function scriptClosure(sitePath: string, seen: Set<string>): void {
  if (seen.has(sitePath)) return;
  seen.add(sitePath);
  const code = read(sitePath).toString('utf8');
  for (const match of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) {
    const specifier = match[1] as string;
    const resolved = new URL(specifier, `http://x${sitePath}`).pathname;
    scriptClosure(resolved, seen);
  }
}

/** HTML + stylesheets + scripts (with their static imports) of one built page, gzip each. */
export function pageWeight(htmlPath: string): {
  html: number;
  css: number;
  js: number;
  total: number;
} {
  const html = read(htmlPath).toString('utf8');
  const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map(
    (m) => m[1] as string,
  );
  const scripts = new Set<string>();
  for (const m of html.matchAll(/<script[^>]+src="([^"]+)"/g))
    scriptClosure(m[1] as string, scripts);
  const weight = {
    html: gzipBytes(html),
    css: styles.reduce((sum, path) => sum + gzipBytes(read(path)), 0),
    js: [...scripts].reduce((sum, path) => sum + gzipBytes(read(path)), 0),
  };
  return { ...weight, total: weight.html + weight.css + weight.js };
}
