import { HttpError } from './errors.ts';

// Reads a JSON request body under a byte limit. The Content-Length header is checked first
// (cheap refusal), and the bytes actually streamed are counted too, because a client can lie
// about the length or send a chunked body without one.

/** The largest accepted body: the form's longest message is 4,000 characters (≤ 12 kB UTF-8). */
export const MAX_BODY_BYTES = 16 * 1024;

/** `application/json`, optionally with `charset=utf-8`; anything else is refused with 415. */
function isJsonContentType(header: string | null): boolean {
  if (!header) return false;
  const [type = '', ...params] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((param) => {
    const [name, value = ''] = param.split('=').map((part) => part.trim());
    return name !== 'charset' || value.replace(/"/g, '') === 'utf-8';
  });
}

/** The raw body bytes, or a 413 as soon as more than `limit` bytes have arrived. */
async function readLimited(request: Request, limit: number): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw new HttpError('PAYLOAD_TOO_LARGE');
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let read: Awaited<ReturnType<typeof reader.read>>;
    try {
      read = await reader.read();
    } catch {
      // The client went away mid-body (the socket closed): bad input, not a bug to log.
      throw new HttpError('BAD_REQUEST');
    }
    const { done, value } = read;
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      // Stop reading: the rest is never buffered.
      await reader.cancel().catch(() => undefined);
      throw new HttpError('PAYLOAD_TOO_LARGE');
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The parsed JSON body of `request`. Throws HttpError: 415 for another content type, 413 over
 * `limit` bytes, 400 for bytes that are not UTF-8 or not JSON.
 */
export async function readJsonBody(request: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  if (!isJsonContentType(request.headers.get('content-type'))) {
    throw new HttpError('UNSUPPORTED_MEDIA_TYPE');
  }
  const bytes = await readLimited(request, limit);
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new HttpError('MALFORMED_JSON');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError('MALFORMED_JSON');
  }
}
