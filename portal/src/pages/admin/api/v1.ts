import { resolve } from 'node:path';
import type { APIRoute } from 'astro';
import { createLocalBackend } from '../../../cms/local-backend.ts';
import { bilingual, MAX_UPLOAD_BYTES, uploadTooLarge } from '../../../cms/messages.ts';

/**
 * The editor's local file-system backend (Decap's `local_backend` protocol), for editing on
 * the office's own machine without a git server. It exists only when the server is started
 * with CMS_LOCAL_EDITING=1; otherwise every request gets 404 and the editor falls back to the
 * configured Forgejo/Gitea backend. CMS_CONTENT_DIR points it at another content folder (the
 * tests use a temporary copy); by default it writes the checkout's src/content. With
 * CMS_LOCAL_GIT=1 every save is also a git commit in the checkout (local-backend.ts).
 */
export const prerender = false;

const enabled = process.env.CMS_LOCAL_EDITING === '1';
const handle = enabled
  ? createLocalBackend({
      contentDir: resolve(process.env.CMS_CONTENT_DIR ?? 'src/content'),
      git: process.env.CMS_LOCAL_GIT === '1',
    })
  : undefined;

const LOOPBACK = /^(?:127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
const LOCAL_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

const REQUEST_LIMIT = Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 64 * 1024;

export const POST: APIRoute = async ({ request, clientAddress, url }) => {
  if (!handle) return new Response(null, { status: 404 });
  // Writing files has no sign-in here, so only this machine may ask, and only the editor page:
  // a JSON content type forces a CORS preflight (which is never granted) on other sites' forms
  // and scripts, and a foreign Origin is refused outright. The address must be a loopback name
  // too: behind a reverse proxy on the same machine every request comes from 127.0.0.1, but
  // carries the public host name.
  const origin = request.headers.get('origin');
  if (
    !LOOPBACK.test(clientAddress) ||
    !LOCAL_NAMES.has(url.hostname) ||
    (origin !== null && origin !== url.origin) ||
    !request.headers.get('content-type')?.startsWith('application/json')
  ) {
    return Response.json({ error: 'local editing answers only this machine' }, { status: 403 });
  }
  // A picture travels as base64 (4/3 of its size) inside JSON: anything much larger than the
  // largest picture allowed is refused before it is read into memory.
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > REQUEST_LIMIT) {
    return Response.json(
      { error: bilingual(uploadTooLarge((length * 3) / 4), 'fa') },
      { status: 413 },
    );
  }
  return handle(request);
};

export const ALL: APIRoute = () => new Response(null, { status: handle ? 405 : 404 });
