import { feedbackRoute } from './_service.ts';

// GET /api/feedback/{code} (public status) and PATCH (staff update), served on demand.
export const prerender = false;

export const ALL = feedbackRoute;
