// After `astro build` (the `build` script runs it): every built page declares the modules its
// scripts import statically, with `<link rel="modulepreload">` in its head.
//
// Why: a page's module script imports the widget's module, which imports its shared chunks, and
// the browser learns of each only after the one before has arrived: on a 2G link (800 ms round
// trip) that chain alone cost some 3 s before a widget could ask for its data. With the whole
// static graph declared in the HTML, every module is requested in the first round trip after
// the page. Dynamic imports (`import()`: the map, other locales, widgets loaded on scroll) are
// left out on purpose: they are loaded later, or not at all, by design.
//
// Astro has no option for this (its hoisted scripts get no modulepreload), so the links are
// added to the built HTML here, from the built JavaScript itself: the import graph is read with
// es-module-lexer (the lexer Vite itself uses), not with regular expressions.
//
//   node scripts/preload-modules.ts            (reads <dist>/client; PORTAL_DIST as in astro.config)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { init, parse } from 'es-module-lexer';

const portalDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Only the portal's own bundled modules are followed (Vite writes them to /_astro/). */
const BUNDLED = /^\/_astro\/[^/?#]+\.js$/;
/** A module script of the page: `<script type="module" src="/_astro/…js">`. */
const MODULE_SCRIPT = /<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"[^>]*>/g;

/**
 * The static imports of the module at `path` (a URL path such as `/_astro/a.js`), as URL paths,
 * transitively and in first-seen order; `seen` carries what is already listed.
 */
function staticGraph(
  clientDir: string,
  path: string,
  seen: Set<string>,
  cache: Map<string, string[]>,
): void {
  let imports = cache.get(path);
  if (!imports) {
    const source = readFileSync(join(clientDir, path), 'utf8');
    const [records] = parse(source, path);
    imports = records
      // d === -1: a static `import … from` or `import '…'`; dynamic imports have d ≥ 0.
      .filter((record) => record.d === -1 && record.n !== undefined)
      .map((record) => new URL(record.n as string, `http://portal${path}`).pathname)
      .filter((dependency) => BUNDLED.test(dependency));
    cache.set(path, imports);
  }
  for (const dependency of imports) {
    if (seen.has(dependency)) continue;
    seen.add(dependency);
    staticGraph(clientDir, dependency, seen, cache);
  }
}

/**
 * The page's HTML with one modulepreload link for each module its module scripts import
 * statically (the scripts themselves are found by the browser's preload scanner already),
 * placed at the end of the head. Pages with no module script come back unchanged.
 */
export function withModulePreloads(
  html: string,
  clientDir: string,
  cache: Map<string, string[]> = new Map(),
): string {
  const scripts = [...html.matchAll(MODULE_SCRIPT)]
    .map((match) => match[1] as string)
    .filter((src) => BUNDLED.test(src));
  if (scripts.length === 0) return html;
  const seen = new Set<string>(scripts);
  for (const script of scripts) staticGraph(clientDir, script, seen, cache);
  const preloads = [...seen]
    .filter((path) => !scripts.includes(path))
    .filter((path) => !html.includes(`<link rel="modulepreload" href="${path}">`))
    .map((path) => `<link rel="modulepreload" href="${path}">`)
    .join('');
  if (preloads === '') return html;
  // At the end of the head: after the stylesheets, which the text waits for and so go first on
  // a shared slow link, and long before the module scripts at the end of the body.
  const at = html.indexOf('</head>');
  return at < 0 ? html : html.slice(0, at) + preloads + html.slice(at);
}

/** Every built page of the portal (the static Storybook copy is not the portal's). */
function htmlFiles(dir: string, clientDir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return path === join(clientDir, 'storybook') ? [] : htmlFiles(path, clientDir);
    }
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

async function main(): Promise<void> {
  await init;
  const clientDir = join(resolve(portalDir, process.env.PORTAL_DIST ?? 'dist'), 'client');
  const cache = new Map<string, string[]>();
  let changed = 0;
  const files = htmlFiles(clientDir, clientDir);
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    const next = withModulePreloads(html, clientDir, cache);
    if (next !== html) {
      writeFileSync(file, next);
      changed++;
    }
  }
  console.log(`preload-modules: ${changed} of ${files.length} pages declare their modules`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
