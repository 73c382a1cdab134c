import { createFeedbackServiceFromEnv, type FeedbackHandler } from '@behzisti/feedback-service';
import type { APIRoute } from 'astro';
import { loadNews } from '../../../lib/news-collection.ts';

// The feedback service inside the portal's Node server. Created once per process (the SQLite
// file is opened once) on the first request, from the same environment variables as the
// standalone service: FEEDBACK_DB (default ./data/feedback.sqlite under the portal's working
// directory), DATABASE_URL, FEEDBACK_STAFF (name:hash pairs), FEEDBACK_STAFF_FILE, FEEDBACK_STAFF_TOKEN,
// FEEDBACK_STAFF_SESSION_MINUTES, FEEDBACK_ALLOWED_ORIGINS, FEEDBACK_TRUST_PROXY. It serves
// /api/feedback*, /api/comments* and /api/staff/* (each route file hands its requests here).
// The leading underscore keeps Astro from treating this module as a route.

/**
 * Comments are accepted only on news articles this build published: the ids
 * (`fa/hesseh-service-base`) of the news collection, drafts left out. A comment on an article
 * that does not exist would sit in the staff inbox with nowhere to appear.
 */
let articleIds: Promise<Set<string>> | undefined;
function publishedArticle(id: string): Promise<boolean> {
  articleIds ??= loadNews().then(
    (news) => new Set([...news.items.fa, ...news.items.en].map((item) => item.entry.id)),
  );
  return articleIds.then((ids) => ids.has(id));
}

let service: Promise<FeedbackHandler> | undefined;

function feedbackHandler(): Promise<FeedbackHandler> {
  if (!service) {
    service = createFeedbackServiceFromEnv(process.env, process.cwd(), {
      articleExists: publishedArticle,
    }).then(({ handler }) => handler);
    // A failed start (bad configuration) is retried on the next request rather than cached.
    service.catch(() => {
      service = undefined;
    });
  }
  return service;
}

/** The Astro endpoint for every feedback route: hands the request to the service. */
export const feedbackRoute: APIRoute = async (context) => {
  let clientAddress: string | undefined;
  try {
    clientAddress = context.clientAddress;
  } catch {
    // Astro throws when the adapter cannot tell the address; the limiter then keys on 'unknown'.
  }
  const handler = await feedbackHandler();
  return handler(context.request, { clientAddress });
};
