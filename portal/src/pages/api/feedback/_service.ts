import { fileURLToPath } from 'node:url';
import {
  createFeedbackServiceFromEnv,
  type FeedbackHandler,
  type FeedbackStore,
} from '@behzisti/feedback-service';
import { registerHandler } from '@behzisti/feedback-service/http/handlers';
import { pacedResponse } from '@behzisti/feedback-service/http/pace';
import { registerStoreForShutdown } from '@behzisti/feedback-service/http/shutdown';
import type { APIRoute } from 'astro';
import { besideBuild } from '../../../lib/build-output.ts';
import { loadServiceBases } from '../../../lib/data-collections.ts';
import { newsStore } from '../../../lib/news-collection.ts';

// The feedback service inside the portal's Node server. Created once per process (the SQLite
// file is opened once) on the first request, from the same environment variables as the
// standalone service: FEEDBACK_DB (default ./data/feedback.sqlite under the portal's working
// directory), DATABASE_URL, FEEDBACK_STAFF (name:hash pairs), FEEDBACK_STAFF_FILE, FEEDBACK_STAFF_TOKEN,
// FEEDBACK_STAFF_SESSION_MINUTES, FEEDBACK_ALLOWED_ORIGINS, TRUSTED_PROXIES. It serves
// /api/feedback*, /api/comments* and /api/staff/* (each route file hands its requests here).
// The leading underscore keeps Astro from treating this module as a route.

/**
 * Comments are accepted only on news articles that are published now: their ids
 * (`fa/hesseh-service-base`) in the news store, drafts left out. A comment on an article that
 * does not exist would sit in the staff inbox with nowhere to appear.
 */
function storedArticle(id: string) {
  const match = /^(fa|en)\/([^/]+)$/.exec(id);
  return match ? newsStore().item(match[1] as 'fa' | 'en', match[2] as string) : undefined;
}
async function publishedArticle(id: string): Promise<boolean> {
  return storedArticle(id) !== undefined;
}

/**
 * The province a submission is about, which decides which staff see it: a base's province from
 * the service-base data, a news article's `province` from its front matter. Nationwide news and
 * unknown bases have none, and such records are for admins only.
 */
let provinces: Promise<Map<string, string>> | undefined;
async function provinceOf(about: {
  serviceBaseId?: string | undefined;
  article?: string | undefined;
}): Promise<string | undefined> {
  provinces ??= loadServiceBases().then((bases) => {
    const map = new Map<string, string>();
    for (const base of bases) map.set(`base:${base.id}`, base.province);
    return map;
  });
  const map = await provinces;
  if (about.serviceBaseId !== undefined) return map.get(`base:${about.serviceBaseId}`);
  if (about.article !== undefined) return storedArticle(about.article)?.province ?? undefined;
  return undefined;
}

let service: Promise<{ handler: FeedbackHandler; store: FeedbackStore }> | undefined;

function feedbackService(): Promise<{ handler: FeedbackHandler; store: FeedbackStore }> {
  if (!service) {
    service = createFeedbackServiceFromEnv(process.env, process.cwd(), {
      articleExists: publishedArticle,
      provinceOf,
    }).then((created) => {
      // portal/server.ts closes it on SIGTERM, after the last request in flight.
      registerStoreForShutdown(() => created.store.close());
      // From now on portal/server.ts answers this build's API routes with the handler itself,
      // without Astro's pipeline (portal/server/api-fast-path.ts).
      registerHandler(besideBuild(fileURLToPath(import.meta.url), ''), created.handler);
      return created;
    });
    // A failed start (bad configuration) is retried on the next request rather than cached.
    service.catch(() => {
      service = undefined;
    });
  }
  return service;
}

/** Whether the store answers and is migrated (GET /readyz); opens it if no request has yet. */
export async function storeReady(): Promise<boolean> {
  try {
    return await (await feedbackService()).store.ready();
  } catch {
    return false;
  }
}

/**
 * What portal/server.ts resolved at the edge (server/app.ts, EdgeLocals): the client's address
 * and scheme as the trusted proxies tell them. Without that server (astro dev), the socket's.
 */
interface EdgeLocals {
  clientAddress?: string;
  secure?: boolean;
  drained?: () => Promise<void>;
}

/** The Astro endpoint for every feedback route: hands the request to the service. */
export const feedbackRoute: APIRoute = async (context) => {
  const edge = context.locals as EdgeLocals;
  let clientAddress = edge.clientAddress;
  if (clientAddress === undefined) {
    try {
      clientAddress = context.clientAddress;
    } catch {
      // Astro throws when the adapter cannot tell the address; the limiter then keys on 'unknown'.
    }
  }
  const { handler } = await feedbackService();
  const response = await handler(context.request, { clientAddress, secure: edge.secure });
  // Astro writes without waiting for the socket: pace the body (the CSV export streams rows).
  return edge.drained ? pacedResponse(response, edge.drained) : response;
};
