import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { APIRoute } from 'astro';

/**
 * Decap CMS's prebuilt bundle, copied from the installed package into the build at
 * /admin/decap/ so the editor loads from the portal's own origin: no CDN, and it works where
 * the office has no internet but the portal. The bundle loads its chunks (and two WebAssembly
 * files) relative to its own address, so they are all copied; source maps are left out.
 */
const require = createRequire(join(process.cwd(), 'package.json'));
const dist = join(dirname(require.resolve('decap-cms/package.json')), 'dist');

const SHIPPED = /^(?:\d+\.)?decap-cms\.js$|^decap-cms\.js\.LICENSE\.txt$|\.wasm$/;

export function getStaticPaths() {
  return readdirSync(dist)
    .filter((file) => SHIPPED.test(file))
    .map((file) => ({ params: { file } }));
}

export const GET: APIRoute = ({ params }) =>
  new Response(readFileSync(join(dist, String(params.file))));
