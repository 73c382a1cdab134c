import { feedbackRoute } from '../feedback/_service.ts';

// GET /api/comments?article=<id>: the approved comments on a news article, served on demand.
export const prerender = false;

export const ALL = feedbackRoute;
