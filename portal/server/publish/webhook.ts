import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';

// The forge's push webhook, for publishing at once instead of at the next poll. Forgejo and
// Gitea sign the body with the hook's secret (HMAC-SHA256, hex) in X-Forgejo-Signature /
// X-Gitea-Signature (GitHub-style X-Hub-Signature-256 `sha256=<hex>` is accepted too). A request
// is only a nudge: the pipeline then fetches from the forge itself, so a forged or replayed call
// can at most cause one extra poll, and an unsigned one is refused before anything happens.

const MAX_BODY = 1024 * 1024;

/** The signature a body must carry, hex. */
export function signBody(secret: string, body: Buffer | string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

/** Constant-time check of a request's signature headers against the body. */
export function isSignedBy(
  secret: string,
  body: Buffer,
  headers: Record<string, string | string[] | undefined>,
): boolean {
  const given = [
    headers['x-forgejo-signature'],
    headers['x-gitea-signature'],
    String(headers['x-hub-signature-256'] ?? '').replace(/^sha256=/, '') || undefined,
  ].find((value): value is string => typeof value === 'string' && value !== '');
  if (!given || !/^[0-9a-f]{64}$/i.test(given)) return false;
  const expected = Buffer.from(signBody(secret, body), 'hex');
  return timingSafeEqual(expected, Buffer.from(given.toLowerCase(), 'hex'));
}

/**
 * A small HTTP server answering POST (any path) with 202 when signed, 401 when not. Bind it to
 * loopback behind the reverse proxy (or to the forge's network only).
 */
export function createWebhookServer(secret: string, onPush: () => void): Server {
  if (secret.length < 16) {
    throw new Error('The webhook secret must be at least 16 characters (PUBLISH_WEBHOOK_SECRET).');
  }
  return createServer((req, res) => {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        res.writeHead(413).end();
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (res.writableEnded) return;
      if (!isSignedBy(secret, Buffer.concat(chunks), req.headers)) {
        res.writeHead(401).end();
        return;
      }
      res.writeHead(202).end();
      onPush();
    });
    req.on('error', () => res.destroy());
  });
}
