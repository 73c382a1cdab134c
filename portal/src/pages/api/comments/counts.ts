import { feedbackRoute } from '../feedback/_service.ts';

// GET /api/comments/counts?articles=a,b: approved comment counts, served on demand.
export const prerender = false;

export const ALL = feedbackRoute;
