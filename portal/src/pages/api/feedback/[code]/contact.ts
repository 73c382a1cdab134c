import { feedbackRoute } from '../_service.ts';

// DELETE /api/feedback/{code}/contact: the citizen holding the code erases the name and contact
// stored with it, at once (the feedback form's status view offers it).
export const prerender = false;

export const ALL = feedbackRoute;
