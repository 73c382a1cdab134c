import { feedbackRoute } from '../feedback/_service.ts';

// GET /api/staff/audit: the log of staff actions (staff only; 404 unless staff are configured).
export const prerender = false;

export const ALL = feedbackRoute;
