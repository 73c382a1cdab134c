// Brotli and gzip copies of every text file of the built site, made once at build time so the
// server sends compressed bytes without compressing per request: `node scripts/compress-static.ts`
// after the search index (the `build` script runs it). For `x.js` it writes `x.js.br` and
// `x.js.gz` beside it; the portal server (server/static.ts, through sirv) and the nginx recipe
// (docs/deployment.md, `brotli_static`/`gzip_static`) pick the one the client accepts.
//
// Text files: HTML, JS, CSS, JSON, SVG, XML, plain text, CSV, GeoJSON, web manifests and source
// maps. Pagefind's index files (.pf_*) and its wasm (.pagefind) are already gzip inside and are
// left as they are; fonts and pictures are compressed formats already. A copy is kept only when
// it is smaller than the file itself (a 100-byte file can grow).
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const TEXT = /\.(?:html|js|mjs|css|json|svg|xml|txt|csv|geojson|webmanifest|map|md)$/i;

const brotli = promisify(brotliCompress);

/**
 * Brotli's best quality costs about a second per megabyte; the few large files (the editor's
 * Decap bundle, Storybook) get quality 9, which is ten times faster and a few percent larger.
 */
const LARGE = 512 * 1024;
const gz = promisify(gzip);

/** Every file under `dir`, recursively. */
function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path) : [path];
  });
}

/** Writes the .br and .gz copies of one file; returns [original, brotli, gzip] bytes. */
async function compressFile(path: string): Promise<[number, number, number]> {
  const content = readFileSync(path);
  const [br, gzipped] = await Promise.all([
    brotli(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: content.length > LARGE ? 9 : constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    }),
    gz(content, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  for (const [suffix, bytes] of [
    ['.br', br],
    ['.gz', gzipped],
  ] as const) {
    if (bytes.length < content.length) writeFileSync(path + suffix, bytes);
    else rmSync(path + suffix, { force: true });
  }
  return [content.length, br.length, gzipped.length];
}

/** Compresses every text file under `clientDir`, a few at a time (zlib runs on the thread pool). */
export async function compressStatic(
  clientDir: string,
): Promise<{ files: number; bytes: number[] }> {
  const queue = files(clientDir).filter((path) => TEXT.test(path) && statSync(path).size > 0);
  const totals = [0, 0, 0];
  const worker = async (): Promise<void> => {
    for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
      const sizes = await compressFile(path);
      for (let i = 0; i < 3; i++) totals[i] = (totals[i] ?? 0) + (sizes[i] ?? 0);
    }
  };
  const count = queue.length;
  await Promise.all(Array.from({ length: 4 }, worker));
  return { files: count, bytes: totals };
}

const portalDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const clientDir = join(portalDir, process.env.PORTAL_DIST ?? 'dist', 'client');
  const { files: count, bytes } = await compressStatic(clientDir);
  const kB = (n = 0) => `${(n / 1024).toFixed(0)} kB`;
  console.log(
    `compress-static: ${count} text files, ${kB(bytes[0])} → brotli ${kB(bytes[1])}, gzip ${kB(bytes[2])}`,
  );
}
