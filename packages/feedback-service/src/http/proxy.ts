import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

// Which peers may speak for the client. Behind a reverse proxy every connection comes from the
// proxy, so the client's address and scheme are in X-Forwarded-For / X-Forwarded-Proto; those
// headers count only when the peer that sent them is one we trust, or any client could forge
// them. proxy-addr is Express's implementation of exactly this (`trust proxy`).

/** Whether the hop at `address` (0 = the socket's peer) is a trusted proxy. */
export type TrustProxy = (address: string, hop: number) => boolean;

/** Trusts nobody: forwarded headers are ignored. */
export const trustNobody: TrustProxy = () => false;

/**
 * Parses TRUSTED_PROXIES: comma-separated addresses, CIDR ranges (`10.0.0.0/8`, `fd00::/8`)
 * and the names `loopback`, `linklocal` and `uniquelocal`. Empty means nobody.
 * Throws an Error naming the entry it cannot read.
 */
export function parseTrustedProxies(value: string | undefined): TrustProxy {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return trustNobody;
  for (const entry of entries) {
    try {
      proxyaddr.compile(entry);
    } catch {
      throw new Error(
        `"${entry}" is not an address, a CIDR range (10.0.0.0/8) or one of loopback, linklocal, uniquelocal`,
      );
    }
  }
  return proxyaddr.compile(entries);
}

/** The client behind a request, as far as trusted proxies tell. */
export interface ClientInfo {
  /** The client's address (the socket's when no trusted proxy is in front). */
  address: string | undefined;
  /** The original request came over https. */
  secure: boolean;
  /** The socket's peer is a trusted proxy. */
  viaTrustedProxy: boolean;
}

/** Resolves the client address and scheme of `req`. */
export function resolveClient(req: IncomingMessage, trust: TrustProxy): ClientInfo {
  const peer = req.socket.remoteAddress;
  const encrypted = 'encrypted' in req.socket && req.socket.encrypted === true;
  const viaTrustedProxy = peer !== undefined && trust(peer, 0);
  if (!viaTrustedProxy) return { address: peer, secure: encrypted, viaTrustedProxy };
  // As Express: the proxy nearest to us wrote the first X-Forwarded-Proto value it knows.
  const proto = headerValue(req, 'x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return {
    address: proxyaddr(req, trust),
    secure: proto ? proto === 'https' : encrypted,
    viaTrustedProxy,
  };
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}
