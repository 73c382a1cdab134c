import type { APIRoute } from 'astro';

// On-demand route: proves the Node server is up (deployments and load balancers poll it).
export const prerender = false;

export const GET: APIRoute = () =>
  Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
