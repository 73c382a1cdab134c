import { feedbackRoute } from './_service.ts';

// POST /api/feedback (submit) and GET /api/feedback (staff list), served on demand.
export const prerender = false;

export const ALL = feedbackRoute;
