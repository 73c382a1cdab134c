import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedbackHandler } from '../src/handler.ts';
import type { StaffAccount } from '../src/staff-accounts.ts';
import type { FeedbackStore } from '../src/store/types.ts';
import { realEngines } from './engines.ts';
import { account, post, STAFF_TOKEN, STAFF_TOKEN_HASH } from './helpers.ts';
import { errorCode, MARYAM, ORIGIN, SESSION, strictHandler } from './staff-fixtures.ts';

// A staff member changes their own secret, on both real engines: the current secret is checked
// like a sign-in, the new one is stored hashed and overrides the configured hash, every other
// session of the account ends, and it is audited. An admin's newly configured hash wins again.

const engines = await realEngines();

const SECRET = `${ORIGIN}/api/staff/secret`;
const NEW_SECRET = 'a brand new secret for maryam';
const MARYAM_ACCOUNT: StaffAccount = await account(MARYAM);

for (const engine of engines) {
  describe.skipIf(engine.skip)(`${engine.name}: changing one's own secret`, () => {
    let store: FeedbackStore;
    let handler: FeedbackHandler;
    const make = (accounts: StaffAccount[]) =>
      strictHandler({
        store,
        staffAccounts: accounts,
        staffToken: STAFF_TOKEN_HASH,
      });
    beforeEach(async () => {
      store = await engine.open();
      handler = make([MARYAM_ACCOUNT]);
    });
    afterEach(async () => {
      await store.close();
      await engine.cleanup();
    });

    const signIn = (secret: string) => handler(post({ name: 'maryam', secret }, {}, SESSION));
    const cookieOf = (response: Response) =>
      (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const change = (cookie: string, body: unknown) =>
      handler(
        new Request(SECRET, {
          method: 'PUT',
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      );
    const whoAmI = (cookie: string) => handler(new Request(SESSION, { headers: { cookie } }));

    it('stores the new secret, ends the other sessions, keeps this one, and audits it', async () => {
      const here = cookieOf(await signIn(MARYAM.secret));
      const phone = cookieOf(await signIn(MARYAM.secret));
      const changed = await change(here, { oldSecret: MARYAM.secret, newSecret: NEW_SECRET });
      expect(changed.status).toBe(200);
      expect(await changed.json()).toEqual({ ended: 1 });
      const renewed = cookieOf(changed);
      expect((await whoAmI(renewed)).status).toBe(200);
      expect((await whoAmI(here)).status).toBe(401);
      expect((await whoAmI(phone)).status).toBe(401);
      expect((await signIn(MARYAM.secret)).status).toBe(401);
      expect((await signIn(NEW_SECRET)).status).toBe(204);
      // Only the hash is stored, never the secret.
      const stored = await store.getStaffSecret('maryam');
      expect(stored?.secretHash).toMatch(/^\$scrypt\$/);
      expect(JSON.stringify(stored)).not.toContain(NEW_SECRET);
      const log = (await store.listAudit({ limit: 50, offset: 0 })).items.map((e) => e.action);
      expect(log).toContain('secret-changed');
      // Another instance on the same database (a fresh handler) knows the new secret too.
      handler = make([MARYAM_ACCOUNT]);
      expect((await signIn(NEW_SECRET)).status).toBe(204);
    });

    it('refuses a wrong current secret (audited, counted) and a short new one', async () => {
      const cookie = cookieOf(await signIn(MARYAM.secret));
      const wrong = await change(cookie, {
        oldSecret: 'not-my-secret-at-all',
        newSecret: NEW_SECRET,
      });
      expect(wrong.status).toBe(401);
      expect(await errorCode(wrong)).toBe('BAD_CREDENTIALS');
      const short = await change(cookie, { oldSecret: MARYAM.secret, newSecret: 'short' });
      expect(short.status).toBe(422);
      const body = JSON.stringify(await short.json());
      expect(body).toContain('newSecret');
      expect(body).not.toContain(MARYAM.secret);
      const same = await change(cookie, { oldSecret: MARYAM.secret, newSecret: MARYAM.secret });
      expect(same.status).toBe(422);
      const log = (await store.listAudit({ limit: 50, offset: 0 })).items;
      expect(log.map((entry) => entry.action)).toContain('secret-change-failed');
      expect(JSON.stringify(log)).not.toContain('not-my-secret-at-all');
      // Guessing the current secret here meets the sign-in limit (5 per address).
      const guesses = [];
      for (let i = 0; i < 6; i++) {
        guesses.push(
          (await change(cookie, { oldSecret: `guess-${i}-0123456789`, newSecret: NEW_SECRET }))
            .status,
        );
      }
      expect(guesses).toContain(429);
      expect((await signIn(MARYAM.secret)).status).not.toBe(204);
    });

    it('lets an admin reset a forgotten secret by configuring a new hash, which wins', async () => {
      const cookie = cookieOf(await signIn(MARYAM.secret));
      await change(cookie, { oldSecret: MARYAM.secret, newSecret: NEW_SECRET });
      const reset = { name: 'maryam', secret: 'reset-by-the-admin-0123' };
      handler = make([await account(reset)]);
      expect((await signIn(NEW_SECRET)).status).toBe(401);
      expect((await signIn(reset.secret)).status).toBe(204);
    });

    it('is for people in a session: not for tokens or the shared token', async () => {
      const shared = await handler(
        new Request(SECRET, {
          method: 'PUT',
          headers: { authorization: `Bearer ${STAFF_TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify({ oldSecret: STAFF_TOKEN, newSecret: NEW_SECRET }),
        }),
      );
      expect(shared.status).toBe(403);
      const anonymous = await change('', { oldSecret: MARYAM.secret, newSecret: NEW_SECRET });
      expect(anonymous.status).toBe(401);
    });
  });
}
