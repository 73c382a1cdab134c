import type { IncomingMessage, ServerResponse } from 'node:http';
import { setRoute } from './log.ts';

// Probes for an orchestrator or load balancer: /healthz says the process answers (restart it
// if not); /readyz says it can do its work — the store is reachable and migrated, and the
// server is not shutting down — so traffic should be sent here (else 503, send it elsewhere).

/** Answers /healthz and /readyz; returns false for any other path. */
export function answerHealth(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  ready: () => Promise<boolean>,
): boolean {
  if (pathname !== '/healthz' && pathname !== '/readyz') return false;
  setRoute(res, pathname);
  const send = (status: number, body: object): void => {
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : JSON.stringify(body));
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    send(405, { status: 'method not allowed' });
    return true;
  }
  if (pathname === '/healthz') {
    send(200, { status: 'ok' });
    return true;
  }
  ready().then(
    (ok) => send(ok ? 200 : 503, { status: ok ? 'ready' : 'not ready' }),
    () => send(503, { status: 'not ready' }),
  );
  return true;
}
