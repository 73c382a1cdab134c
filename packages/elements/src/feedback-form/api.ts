import type {
  ContactErasedAnswer,
  FeedbackRequest,
  FeedbackStatusAnswer,
} from '@behzisti/core/feedback-api';
import type { Outcome } from '../shared/errors.ts';
import { call, endpointUrl, getJson } from '../shared/form/client.ts';
import type { Locale } from '../shared/locale.ts';
import type { Category, FormValues } from './validation.ts';

// The calls the form makes to the feedback service besides sending (shared/form/client.ts
// postJson; docs/feedback-service.md); the contract (request and answer types) is core's, shared
// with the service.

export type { FeedbackStatus, FeedbackStatusAnswer } from '@behzisti/core/feedback-api';

/** The body of POST {endpoint}, as core's FeedbackSchema describes it. */
export type FeedbackBody = FeedbackRequest & { idempotencyKey: string; website: string };

/** GET the public status of a (canonical, already checked) tracking code. */
export function lookUpStatus(
  endpoint: string,
  code: string,
): Promise<Outcome<FeedbackStatusAnswer>> {
  return getJson(endpointUrl(endpoint, `/${encodeURIComponent(code)}`));
}

/** DELETE the name and contact held with a (canonical) tracking code, at the citizen's request. */
export function eraseContact(
  endpoint: string,
  code: string,
): Promise<Outcome<ContactErasedAnswer>> {
  // As JSON, though empty: hosts that refuse bodiless cross-site writes as form posts (Astro's
  // origin check) let it through, and the CORS preflight applies as for every write.
  return call(endpointUrl(endpoint, `/${encodeURIComponent(code)}/contact`), {
    method: 'DELETE',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
}

/** The body to send for `values` (without its idempotency key yet). */
export function feedbackBody(
  values: FormValues,
  context: { serviceBase: string; locale: Locale; website: string; elapsedMs: number },
): FeedbackBody {
  const name = values.anonymous ? '' : values.name.trim();
  const contact = values.anonymous ? '' : values.contact.trim();
  const body: FeedbackBody = {
    category: values.category as Category,
    message: values.message,
    anonymous: values.anonymous,
    about: context.serviceBase
      ? { serviceBaseId: context.serviceBase }
      : { pageUrl: `${location.origin}${location.pathname}${location.search}` },
    consent: true,
    lang: context.locale === 'en' ? 'en' : 'fa',
    idempotencyKey: '',
    website: context.website,
    elapsedMs: context.elapsedMs,
  };
  if (name) body.name = name;
  if (contact) body.contact = contact;
  return body;
}
