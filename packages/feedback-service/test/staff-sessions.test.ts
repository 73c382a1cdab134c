import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ACCOUNT_SIGN_IN_FAILURES,
  type FeedbackHandler,
  type FeedbackHandlerOptions,
  SIGN_IN_FAILURES,
} from '../src/handler.ts';
import { MAX_SESSIONS_PER_ACCOUNT } from '../src/sessions.ts';
import type { StaffAccount } from '../src/staff-auth.ts';
import type { AuditEntry, FeedbackStore } from '../src/store/types.ts';
import { realEngines } from './engines.ts';
import { account, BASE, post, STAFF_TOKEN, STAFF_TOKEN_HASH, streamedPost } from './helpers.ts';
import {
  cookieOf,
  errorCode,
  MARYAM,
  ORIGIN,
  REZA,
  SESSION,
  strictHandler,
} from './staff-fixtures.ts';

// Sessions that end with their account, the per-account cap, "sign out everywhere", and the
// sign-in limits held under parallel and slow requests, against both real engines.

const engines = await realEngines();

const SESSIONS = `${ORIGIN}/api/staff/sessions`;
const AUDIT = `${ORIGIN}/api/staff/audit`;
/** The two accounts as the service is configured with them (hashed secrets). */
const MARYAM_ACCOUNT: StaffAccount = await account(MARYAM);
const REZA_ACCOUNT: StaffAccount = await account(REZA);
const WRONG = 'guess-guess-guess-guess';

/** A sign-in whose body arrives only when `gate` resolves (a slow client). */
function slowSignIn(credentials: { name: string; secret: string }, gate: Promise<void>): Request {
  const bytes = new TextEncoder().encode(JSON.stringify(credentials));
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      await gate;
      controller.enqueue(bytes);
      controller.close();
    },
  });
  return streamedPost(SESSION, body);
}

for (const engine of engines) {
  describe.skipIf(engine.skip)(`${engine.name}: staff sessions and sign-in limits`, () => {
    let store: FeedbackStore;
    let handler: FeedbackHandler;
    const make = (
      accounts: StaffAccount[] = [MARYAM_ACCOUNT, REZA_ACCOUNT],
      extra: Partial<FeedbackHandlerOptions> = {},
    ): FeedbackHandler =>
      strictHandler({
        store,
        commentsReadLimit: false,
        staffAccounts: accounts,
        staffToken: STAFF_TOKEN_HASH,
        ...extra,
      });

    beforeEach(async () => {
      store = await engine.open();
      handler = make();
    });
    afterEach(async () => {
      await store.close();
      await engine.cleanup();
    });

    const signIn = async (
      credentials = MARYAM,
      on: FeedbackHandler = handler,
      clientAddress = '10.0.0.9',
    ): Promise<string> => {
      const response = await on(post(credentials, {}, SESSION), { clientAddress });
      expect(response.status).toBe(204);
      return cookieOf(response);
    };
    const who = (cookie: string, on: FeedbackHandler = handler) =>
      on(new Request(SESSION, { headers: { cookie } }));
    const auditLog = async (): Promise<AuditEntry[]> =>
      (await store.listAudit({ limit: 200, offset: 0 })).items;

    it('keeps a session while its account is unchanged, on any instance of the same store', async () => {
      const cookie = await signIn();
      // Another instance (or a restart) with the same configuration accepts the cookie.
      expect((await who(cookie, make())).status).toBe(200);
      // Account order and other accounts do not matter.
      expect((await who(cookie, make([REZA_ACCOUNT, MARYAM_ACCOUNT]))).status).toBe(200);
    });

    it('ends a session when its account is removed, disabled, or its secret or role changes', async () => {
      const changes: [string, StaffAccount[]][] = [
        ['removed', [REZA_ACCOUNT]],
        [
          'new secret',
          [await account({ ...MARYAM, secret: 'maryam-new-secret-0123456789' }), REZA_ACCOUNT],
        ],
        ['new role', [{ ...MARYAM_ACCOUNT, role: 'moderator' }, REZA_ACCOUNT]],
        ['disabled', [{ ...MARYAM_ACCOUNT, disabled: true } as StaffAccount, REZA_ACCOUNT]],
      ];
      for (const [change, accounts] of changes) {
        const cookie = await signIn();
        const reza = await signIn(REZA);
        const changed = make(accounts);
        const refused = await who(cookie, changed);
        expect(refused.status, change).toBe(401);
        expect(await errorCode(refused)).toBe('SIGNED_OUT');
        // Ended for good: even the old configuration no longer accepts it.
        expect((await who(cookie)).status, change).toBe(401);
        // Colleagues are not affected.
        expect((await who(reza, changed)).status, change).toBe(200);
      }
    });

    it(`keeps at most ${MAX_SESSIONS_PER_ACCOUNT} sessions per account, ending the oldest`, async () => {
      const cookies: string[] = [];
      for (let i = 0; i <= MAX_SESSIONS_PER_ACCOUNT; i++) cookies.push(await signIn());
      const reza = await signIn(REZA);
      const [oldest, ...rest] = cookies;
      expect(await errorCode(await who(oldest ?? ''))).toBe('SIGNED_OUT');
      for (const cookie of rest) expect((await who(cookie)).status).toBe(200);
      expect((await who(reza)).status).toBe(200);
    });

    it('signs out everywhere: every session of the account ends, colleagues stay', async () => {
      const phone = await signIn();
      const desk = await signIn();
      const reza = await signIn(REZA);
      const json = { cookie: desk, 'content-type': 'application/json' };
      // Cookie-only changes must be JSON (CSRF defence), like every other.
      const plain = await handler(
        new Request(SESSIONS, { method: 'DELETE', headers: { cookie: desk } }),
      );
      expect(plain.status).toBe(415);
      const out = await handler(new Request(SESSIONS, { method: 'DELETE', headers: json }));
      expect(out.status).toBe(200);
      expect(await out.json()).toEqual({ ended: 2 });
      expect(out.headers.get('set-cookie')).toMatch(/^bz_staff=; .*Max-Age=0/);
      expect(await errorCode(await who(phone))).toBe('SIGNED_OUT');
      expect(await errorCode(await who(desk))).toBe('SIGNED_OUT');
      expect((await who(reza)).status).toBe(200);
      expect((await auditLog()).map((entry) => entry.action)).toContain('sign-out-everywhere');
      // Signed out, there is nothing to end.
      const again = await handler(new Request(SESSIONS, { method: 'DELETE', headers: json }));
      expect(again.status).toBe(401);
    });

    it('reserves sign-in attempts before reading the body: 20 parallel slow tries, 5 checked', async () => {
      const opener: { open?: () => void } = {};
      const gate = new Promise<void>((resolve) => {
        opener.open = resolve;
      });
      const pending = Array.from({ length: 20 }, () =>
        handler(slowSignIn({ name: 'maryam', secret: WRONG }, gate), {
          clientAddress: '10.4.4.4',
        }),
      );
      // The refused ones are answered while every body is still unsent.
      const settled = new Set<number>();
      for (const [index, promise] of pending.entries()) {
        void promise.then(() => settled.add(index));
      }
      for (let i = 0; i < 200 && settled.size < 20 - SIGN_IN_FAILURES; i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(settled.size).toBe(20 - SIGN_IN_FAILURES);
      opener.open?.();
      const responses = await Promise.all(pending);
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 401)).toHaveLength(SIGN_IN_FAILURES);
      expect(statuses.filter((status) => status === 429)).toHaveLength(20 - SIGN_IN_FAILURES);
      for (const response of responses) {
        if (response.status === 429) {
          expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
        }
      }
      const failures = (await auditLog()).filter((entry) => entry.action === 'sign-in-failed');
      expect(failures).toHaveLength(SIGN_IN_FAILURES);
      // Right or wrong, that address now waits; another does not.
      expect((await handler(post(MARYAM, {}, SESSION), { clientAddress: '10.4.4.4' })).status).toBe(
        429,
      );
      await signIn(REZA, handler, '10.5.5.5');
    });

    it('limits attempts per account from many addresses, in parallel', async () => {
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          handler(post({ name: 'maryam', secret: WRONG }, {}, SESSION), {
            clientAddress: `10.6.0.${i + 1}`,
          }),
        ),
      );
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 401)).toHaveLength(ACCOUNT_SIGN_IN_FAILURES);
      expect(statuses.filter((status) => status === 429)).toHaveLength(
        20 - ACCOUNT_SIGN_IN_FAILURES,
      );
      // The account waits, even with the right secret from a fresh address; others do not.
      const locked = await handler(post(MARYAM, {}, SESSION), { clientAddress: '10.7.0.1' });
      expect(locked.status).toBe(429);
      await signIn(REZA, handler, '10.7.0.1');
    });

    it('puts every bearer through the same limits and audit; name:secret is refused', async () => {
      const bearer = (token: string, clientAddress = '10.8.8.8') =>
        handler(new Request(BASE, { headers: { authorization: `Bearer ${token}` } }), {
          clientAddress,
        });
      expect((await bearer(STAFF_TOKEN)).status).toBe(200);
      // A person's name and secret, even right, are not a bearer any more.
      expect((await bearer(`${REZA.name}:${REZA.secret}`)).status).toBe(401);
      const wrong = await Promise.all(
        Array.from({ length: 8 }, (_, i) => bearer(i % 2 ? `bzt_${'x'.repeat(43)}` : WRONG)),
      );
      const statuses = wrong.map((response) => response.status);
      expect(statuses.filter((status) => status === 401)).toHaveLength(SIGN_IN_FAILURES - 1);
      expect(statuses.filter((status) => status === 429)).toHaveLength(9 - SIGN_IN_FAILURES);
      // The right token waits too, from that address; not from another.
      expect((await bearer(STAFF_TOKEN)).status).toBe(429);
      expect((await bearer(STAFF_TOKEN, '10.8.8.9')).status).toBe(200);
      const rows = (await auditLog()).map((entry) => `${entry.actor} ${entry.action}`);
      expect(rows.filter((row) => row === 'staff bearer')).toHaveLength(2);
      expect(rows.filter((row) => row === 'reza bearer-failed')).toHaveLength(1);
      expect(rows.filter((row) => row.endsWith('-failed'))).toHaveLength(SIGN_IN_FAILURES);
      // Nothing secret reaches the log.
      const log = JSON.stringify(await auditLog());
      expect(log).not.toContain(REZA.secret);
      expect(log).not.toContain('bzt_');
    });

    it('records an unknown name only as a keyed digest, never as typed', async () => {
      // A secret typed into the name box by mistake.
      const typed = [MARYAM.secret, 'nobody', `${REZA.secret} `];
      for (const name of typed) {
        const response = await handler(post({ name, secret: WRONG }, {}, SESSION), {
          clientAddress: '10.9.9.9',
        });
        expect(response.status).toBe(401);
      }
      const log = await auditLog();
      const actors = log.map((entry) => entry.actor);
      for (const actor of actors) expect(actor).toMatch(/^#[0-9a-f]{16}$/);
      // The same name gives the same digest, on every instance of the store…
      await make()(post({ name: 'nobody', secret: WRONG }, {}, SESSION), {
        clientAddress: '10.9.9.8',
      });
      const again = (await auditLog())[0]?.actor;
      expect(actors).toContain(again);
      // …and nothing typed is anywhere in the log the inbox shows.
      const reader = await signIn(REZA);
      const shown = await (
        await handler(new Request(AUDIT, { headers: { cookie: reader } }))
      ).text();
      for (const name of typed) expect(shown).not.toContain(name.trim());
      expect(shown).not.toContain(WRONG);
    });

    it('never writes a typed name to the audit unless it is a configured account (generated)', async () => {
      const accounts = new Set([MARYAM.name, REZA.name, 'staff']);
      let address = 0;
      await fc.assert(
        fc.asyncProperty(fc.string({ minLength: 1, maxLength: 40 }), async (name) => {
          address += 1;
          const response = await handler(post({ name, secret: WRONG }, {}, SESSION), {
            clientAddress: `10.10.${address >> 8}.${address & 255}`,
          });
          expect([401, 429]).toContain(response.status);
          const [last] = await auditLog();
          if (response.status === 401) {
            if (accounts.has(name.trim())) expect(last?.actor).toBe(name.trim());
            else expect(last?.actor).toMatch(/^#[0-9a-f]{16}$/);
          }
        }),
        { numRuns: 60 },
      );
      // 60 wrong sign-ins each hash a secret on purpose (slow by design): about 3-4 s alone,
      // past the default 5 s on a loaded 2-core machine.
    }, 30_000);
  });
}
