import { feedbackRoute } from './feedback/_service.ts';

// GET /api/feedback.csv: the staff CSV export (404 unless FEEDBACK_STAFF_TOKEN is set).
export const prerender = false;

export const ALL = feedbackRoute;
