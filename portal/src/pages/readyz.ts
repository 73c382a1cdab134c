import type { APIRoute } from 'astro';
import { storeReady } from './api/feedback/_service.ts';

// GET /readyz: 200 when the feedback store answers and carries every migration, else 503, so a
// load balancer sends traffic only to instances that can take a submission. portal/server.ts
// answers 503 itself once shutdown has begun, and /healthz (process up) without asking anything.
export const prerender = false;

const answer = (ready: boolean, head: boolean) =>
  new Response(head ? null : JSON.stringify({ status: ready ? 'ready' : 'not ready' }), {
    status: ready ? 200 : 503,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });

export const GET: APIRoute = async () => answer(await storeReady(), false);
export const HEAD: APIRoute = async () => answer(await storeReady(), true);
