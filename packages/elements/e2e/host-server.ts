// A stand-in for a provincial webmaster's site: serves the hostile fixture pages, the built widget
// scripts (dist/), the widgets' data and the REAL feedback service, all from one loopback origin,
// every answer with a strict Content-Security-Policy. A second loopback port (another origin) plays
// the portal for pages that embed from elsewhere, as provincial sites do: it serves the same
// scripts, data and feedback API with CORS for the first origin only. Nothing is mocked: the
// locator data is built
// from the portal's sample dataset by core's own publish code (test-fixtures/locator-data.mjs), the
// rules file is the published programmes.json, and feedback goes to feedback-service over SQLite.
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import {
  createFeedbackHandler,
  openSqliteStore,
  sendResponse,
  toRequest,
} from '@behzisti/feedback-service';
import { locatorFiles } from '../test-fixtures/locator-data.mjs';

/** What a careful host sends: nothing inline, nothing evaluated, nothing from elsewhere. */
export const hostCsp = "default-src 'self'; script-src 'self'; style-src 'self'";

const here = new URL('.', import.meta.url).pathname;
const roots = {
  fixtures: join(here, 'fixtures'),
  // BZ_ELEMENTS_DIST: another build folder (e.g. a copy), for running beside a rebuild.
  dist: process.env.BZ_ELEMENTS_DIST ?? join(here, '../dist'),
  programmes: join(here, '../test-fixtures/programmes.json'),
};

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};

// A 1×1 light grey PNG: map tiles without any third-party tile server.
const tile = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGN48uwlAAVlArRjiwsXAAAAAElFTkSuQmCC',
  'base64',
);

/** The policy a host page needs to embed from `widgets` (docs/embedding.md, "CSP"). */
export const embeddingCsp = (widgets: string) =>
  `default-src 'self'; script-src 'self' ${widgets}; connect-src 'self' ${widgets}; img-src 'self' ${widgets}; style-src 'self'`;

export interface HostServer {
  /** The host site: fixture pages (and, for same-origin pages, the widgets too). */
  url: string;
  /** The "portal": another origin serving the widgets, data and feedback API with CORS. */
  widgetsUrl: string;
  /** Every path answered 404, so a test can say which file a widget looked for in vain. */
  notFound: string[];
  close: () => Promise<void>;
}

export async function startHostServer(): Promise<HostServer> {
  const store = await openSqliteStore({ path: ':memory:' });
  const sample = locatorFiles().get('sample') ?? new Map<string, string>();
  const notFound: string[] = [];
  const origins = { host: '', widgets: '' };
  // The fill-time check is off because tests type fast. Pages on the host origin call it
  // same-origin; pages that embed from the widgets origin call it cross-origin (allowlisted).
  let feedback = createFeedbackHandler({ store, minFillMs: 0, submitLimit: false });

  async function answer(
    req: IncomingMessage,
    res: ServerResponse,
    side: 'host' | 'widgets',
  ): Promise<void> {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    res.setHeader('cache-control', 'no-store');
    if (side === 'host') {
      res.setHeader(
        'content-security-policy',
        path.startsWith('/cross-origin') ? embeddingCsp(origins.widgets) : hostCsp,
      );
    } else if (!path.startsWith('/api/')) {
      // Module scripts are fetched in CORS mode; the feedback API sets its own headers.
      res.setHeader('access-control-allow-origin', origins.host);
      res.setHeader('vary', 'origin');
    }
    if (side === 'host' && path.startsWith('/cross-origin')) {
      const page = await readFile(join(roots.fixtures, path), 'utf8');
      res.writeHead(200, { 'content-type': types['.html'] as string });
      res.end(page.replaceAll('%WIDGETS%', origins.widgets));
      return;
    }
    if (path === '/favicon.ico') {
      res.writeHead(204).end(); // the browser asks for it; it is not part of a widget
      return;
    }
    // The feedback API, and the published comments beside it (bz-comments).
    if (path.startsWith('/api/feedback') || path.startsWith('/api/comments')) {
      return sendResponse(res, await feedback(toRequest(req), { clientAddress: '127.0.0.1' }));
    }
    if (path.startsWith('/data/locator/')) {
      const text = sample.get(path.slice('/data/locator/'.length));
      if (text !== undefined) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(text);
        return;
      }
    } else if (path === '/data/programmes.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(await readFile(roots.programmes));
      return;
    } else if (path.startsWith('/tile/')) {
      res.writeHead(200, { 'content-type': 'image/png' }).end(tile);
      return;
    } else {
      const file = path.startsWith('/dist/')
        ? join(roots.dist, path.slice('/dist/'.length))
        : join(roots.fixtures, path === '/' ? 'index.html' : path);
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
        res.end(body);
        return;
      } catch {
        // falls through to 404
      }
    }
    notFound.push(path);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }

  const listen = async (side: 'host' | 'widgets') => {
    const server = createServer((req, res) => {
      answer(req, res, side).catch((error: unknown) => {
        console.error('host server:', error);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    return { server, url: `http://127.0.0.1:${port}` };
  };
  const host = await listen('host');
  const widgets = await listen('widgets');
  origins.host = host.url;
  origins.widgets = widgets.url;
  feedback = createFeedbackHandler({
    store,
    minFillMs: 0,
    submitLimit: false,
    allowedOrigins: [host.url],
  });
  return {
    url: host.url,
    widgetsUrl: widgets.url,
    notFound,
    close: async () => {
      for (const { server } of [host, widgets]) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
      await store.close();
    },
  };
}
