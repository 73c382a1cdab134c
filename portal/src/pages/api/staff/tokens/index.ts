import { feedbackRoute } from '../../feedback/_service.ts';

// GET/POST /api/staff/tokens: the signed-in account's API tokens, and making one (shown once)
// (404 unless FEEDBACK_STAFF or FEEDBACK_STAFF_TOKEN is set).
export const prerender = false;

export const ALL = feedbackRoute;
