import { createFeedbackServiceFromEnv, type FeedbackHandler } from '@behzisti/feedback-service';
import type { APIRoute } from 'astro';

// The feedback service inside the portal's Node server. Created once per process (the SQLite
// file is opened once) on the first request, from the same environment variables as the
// standalone service: FEEDBACK_DB (default ./data/feedback.sqlite under the portal's working
// directory), DATABASE_URL, FEEDBACK_STAFF_TOKEN, FEEDBACK_ALLOWED_ORIGINS, FEEDBACK_TRUST_PROXY.
// The leading underscore keeps Astro from treating this module as a route.

let service: Promise<FeedbackHandler> | undefined;

function feedbackHandler(): Promise<FeedbackHandler> {
  if (!service) {
    service = createFeedbackServiceFromEnv(process.env).then(({ handler }) => handler);
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
