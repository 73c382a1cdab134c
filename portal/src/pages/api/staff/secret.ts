import { feedbackRoute } from '../feedback/_service.ts';

// PUT /api/staff/secret: a signed-in staff member changes their own secret (404 unless staff
// accounts are configured).
export const prerender = false;

export const ALL = feedbackRoute;
