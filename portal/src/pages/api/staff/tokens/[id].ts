import { feedbackRoute } from '../../feedback/_service.ts';

// DELETE /api/staff/tokens/{id}: revoke one of the signed-in account's API tokens.
export const prerender = false;

export const ALL = feedbackRoute;
