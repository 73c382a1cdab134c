import { feedbackRoute } from '../feedback/_service.ts';

// POST/GET/DELETE /api/staff/session: staff sign-in, who is signed in, sign-out
// (404 unless FEEDBACK_STAFF or FEEDBACK_STAFF_TOKEN is set).
export const prerender = false;

export const ALL = feedbackRoute;
