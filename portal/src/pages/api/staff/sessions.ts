import { feedbackRoute } from '../feedback/_service.ts';

// DELETE /api/staff/sessions: sign out everywhere, every session of the signed-in account
// (404 unless FEEDBACK_STAFF or FEEDBACK_STAFF_TOKEN is set).
export const prerender = false;

export const ALL = feedbackRoute;
