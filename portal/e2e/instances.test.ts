import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  preparePostgres,
  type TestPostgres,
} from '../../packages/feedback-service/test/postgres.ts';
import { type PortalServer, startPortalServers } from './server.setup.ts';

// Two built portal servers (two processes, as behind a load balancer) on one PostgreSQL
// database: one submit limit, one sign-in limit and one set of staff sessions for both. The
// limits are keyed by client address; both servers see this test as 127.0.0.1.

const staff = inject('staff');
/** A small submit limit, so the test shows where it holds: 6 per hour for one address in all. */
const SUBMITS = 6;

let pg: TestPostgres;
let servers: PortalServer[] = [];

beforeAll(async () => {
  pg = await preparePostgres();
  if (!pg.url) return;
  const env = {
    DATABASE_URL: pg.url,
    FEEDBACK_SUBMIT_LIMIT: `${SUBMITS}/3600`,
    // Staff accounts come only from the environment (server.setup.ts): the test account, an admin.
    FEEDBACK_STAFF: staff.config,
  };
  // One after the other: the first creates the tables; the second finds them (both would also
  // be safe at once, through the migration lock, but the test wants two running servers).
  servers = await startPortalServers(2, env);
}, 120_000);

afterAll(async () => {
  for (const server of servers) server.stop();
  await pg?.teardown();
});

const at = (index: number, path: string) => `${servers[index % 2]?.baseUrl}${path}`;
const json = { 'content-type': 'application/json' };

function submit(index: number): Promise<Response> {
  return fetch(at(index, '/api/feedback'), {
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      category: 'complaint',
      message: `پیام آزمایشی ${index}: دو نمونهٔ سرور، یک پایگاه داده.`,
      about: { serviceBaseId: 'isfahan-hesseh' },
      consent: true,
      lang: 'fa',
      elapsedMs: 12_000,
    }),
  });
}

async function signIn(index: number, secret = staff.secret): Promise<Response> {
  return fetch(at(index, '/api/staff/session'), {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ name: staff.name, secret }),
  });
}

const cookieOf = (response: Response) =>
  (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
const who = (index: number, cookie: string) =>
  fetch(at(index, '/api/staff/session'), { headers: { cookie } });

describe('two portal servers on one PostgreSQL database', () => {
  it('hold one submit limit between them', async (context) => {
    if (!pg.url) context.skip();
    const statuses: number[] = [];
    // Alternating servers: each alone would allow all six and more.
    for (let i = 0; i < SUBMITS; i++) statuses.push((await submit(i)).status);
    expect(statuses).toEqual(Array(SUBMITS).fill(201));
    for (const index of [0, 1]) {
      const refused = await submit(index);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('share staff sessions: made on one, used on the other, signed out on both', async (context) => {
    if (!pg.url) context.skip();
    const made = await signIn(0);
    expect(made.status).toBe(204);
    const cookie = cookieOf(made);
    const seen = await who(1, cookie);
    expect(seen.status).toBe(200);
    expect(((await seen.json()) as { name: string }).name).toBe(staff.name);

    // Signing out on the second ends the session on the first too.
    const out = await fetch(at(1, '/api/staff/session'), {
      method: 'DELETE',
      headers: { ...json, cookie },
    });
    expect(out.status).toBe(204);
    expect((await who(0, cookie)).status).toBe(401);
    expect((await who(1, cookie)).status).toBe(401);

    // "Sign out everywhere" on one ends the account's sessions made on either.
    const first = cookieOf(await signIn(0));
    const second = cookieOf(await signIn(1));
    expect((await who(1, first)).status).toBe(200);
    const everywhere = await fetch(at(0, '/api/staff/sessions'), {
      method: 'DELETE',
      headers: { ...json, cookie: second },
    });
    expect(everywhere.status).toBe(200);
    expect(await everywhere.json()).toEqual({ ended: 2 });
    for (const index of [0, 1]) {
      expect((await who(index, first)).status).toBe(401);
      expect((await who(index, second)).status).toBe(401);
    }

    // An API token made on one exports on the other, and revoked there, fails on both.
    const person = cookieOf(await signIn(1));
    const minted = await fetch(at(1, '/api/staff/tokens'), {
      method: 'POST',
      headers: { ...json, cookie: person },
      body: JSON.stringify({ scope: 'export', days: 1, label: 'e2e' }),
    });
    expect(minted.status).toBe(201);
    const { id, token } = (await minted.json()) as { id: string; token: string };
    const bearer = { authorization: `Bearer ${token}` };
    const csv = await fetch(at(0, '/api/feedback.csv'), { headers: bearer });
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain('complaint');
    const revoked = await fetch(at(0, `/api/staff/tokens/${id}`), {
      method: 'DELETE',
      headers: { ...json, cookie: person },
    });
    expect(revoked.status).toBe(204);
    for (const index of [0, 1]) {
      expect((await fetch(at(index, '/api/feedback.csv'), { headers: bearer })).status).toBe(401);
    }
  });

  it('hold one sign-in limit between them, even for parallel tries', async (context) => {
    if (!pg.url) context.skip();
    const tries = await Promise.all(
      Array.from({ length: 12 }, (_, i) => signIn(i, 'not-the-secret-0123456789')),
    );
    const statuses = tries.map((response) => response.status);
    // Five failed checks for this address in 15 minutes, over both servers together; the two
    // uses of the revoked token in the test above were two of them.
    const earlier = 2;
    expect(statuses.filter((status) => status === 401)).toHaveLength(5 - earlier);
    expect(statuses.filter((status) => status === 429)).toHaveLength(12 - (5 - earlier));
    for (const index of [0, 1]) expect((await signIn(index)).status).toBe(429);
  });
});
