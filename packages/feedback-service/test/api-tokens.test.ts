import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedbackHandler } from '../src/handler.ts';
import type { StaffAccount } from '../src/staff-auth.ts';
import type { FeedbackStore } from '../src/store/types.ts';
import { realEngines } from './engines.ts';
import { account, BASE, post, validBody } from './helpers.ts';
import { errorCode, MARYAM, ORIGIN, REZA, SESSION, strictHandler } from './staff-fixtures.ts';

// Scoped, expiring API tokens for scripts, against both real engines: made by a signed-in person,
// shown once, stored only as a digest, limited to their scope, ended by expiry, revocation or
// their account's removal, and audited.

const engines = await realEngines();

const TOKENS = `${ORIGIN}/api/staff/tokens`;
/** The accounts as the service is configured with them (hashed secrets). */
const MARYAM_ACCOUNT: StaffAccount = await account(MARYAM);
const REZA_ACCOUNT: StaffAccount = await account(REZA);

interface Made {
  id: string;
  token: string;
  scope: string;
  expiresAt: string;
  live: boolean;
}

for (const engine of engines) {
  describe.skipIf(engine.skip)(`${engine.name}: API tokens`, () => {
    let store: FeedbackStore;
    let handler: FeedbackHandler;
    let ms = Date.parse('2026-03-01T08:00:00.000Z');
    const now = () => new Date(ms);
    const make = (accounts: StaffAccount[] = [MARYAM_ACCOUNT, REZA_ACCOUNT]) =>
      strictHandler({
        store,
        staffAccounts: accounts,
        now,
      });

    beforeEach(async () => {
      store = await engine.open();
      ms = Date.parse('2026-03-01T08:00:00.000Z');
      handler = make();
    });
    afterEach(async () => {
      await store.close();
      await engine.cleanup();
    });

    const signIn = async (credentials = MARYAM): Promise<string> => {
      const response = await handler(post(credentials, {}, SESSION));
      expect(response.status).toBe(204);
      return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    };
    const json = (method: string, url: string, cookie: string, body?: unknown) =>
      new Request(url, {
        method,
        headers: { cookie, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const makeToken = async (cookie: string, body: unknown): Promise<Made> => {
      const response = await handler(json('POST', TOKENS, cookie, body));
      expect(response.status).toBe(201);
      return (await response.json()) as Made;
    };
    const withToken = (token: string, url = `${BASE}.csv`, method = 'GET') =>
      handler(new Request(url, { method, headers: { authorization: `Bearer ${token}` } }), {
        clientAddress: '10.20.0.1',
      });

    it('makes a token once, keeps only its digest, and lets it export', async () => {
      await handler(post(validBody()));
      const cookie = await signIn();
      const made = await makeToken(cookie, { scope: 'export', days: 7, label: 'nightly export' });
      expect(made.token).toMatch(/^bzt_[A-Za-z0-9_-]{43}$/);
      expect(made).toMatchObject({
        scope: 'export',
        live: true,
        expiresAt: new Date(ms + 7 * 86_400_000).toISOString(),
      });
      // The store never holds the token itself; the list never shows it.
      expect(await store.getApiToken(made.token)).toBeUndefined();
      const listed = await (await handler(json('GET', TOKENS, cookie))).text();
      expect(listed).toContain(made.id);
      expect(listed).toContain('nightly export');
      expect(listed).not.toContain(made.token);

      const csv = await withToken(made.token);
      expect(csv.status).toBe(200);
      expect(await csv.text()).toContain('complaint');
    });

    it('holds each token to its scope: export only the CSV, read no changes', async () => {
      const cookie = await signIn();
      const exportOnly = await makeToken(cookie, { scope: 'export' });
      const reader = await makeToken(cookie, { scope: 'read', days: 1 });
      expect(await errorCode(await withToken(exportOnly.token, BASE))).toBe('TOKEN_SCOPE');
      expect((await withToken(reader.token, BASE)).status).toBe(200);
      expect((await withToken(reader.token, `${ORIGIN}/api/staff/audit`)).status).toBe(200);
      // No token changes anything, nor makes tokens, nor signs anyone out.
      const created = await handler(post(validBody()));
      const { code } = (await created.json()) as { code: string };
      const patch = await handler(
        new Request(`${BASE}/${code}`, {
          method: 'PATCH',
          headers: { authorization: `Bearer ${reader.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ status: 'closed' }),
        }),
      );
      expect(patch.status).toBe(403);
      expect((await store.getByCode(code.replace(/-/g, '')))?.status).toBe('received');
      const more = await handler(
        new Request(TOKENS, {
          method: 'POST',
          headers: { authorization: `Bearer ${reader.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ scope: 'read' }),
        }),
      );
      expect(more.status).toBe(403);
      expect((await withToken(reader.token, `${ORIGIN}/api/staff/sessions`, 'DELETE')).status).toBe(
        403,
      );
    });

    it('ends a token at expiry, on revocation, and with its account', async () => {
      const cookie = await signIn();
      const short = await makeToken(cookie, { scope: 'export', days: 1 });
      const revoked = await makeToken(cookie, { scope: 'export' });
      const kept = await makeToken(cookie, { scope: 'export' });
      // Revoking: only the maker's own, and only once.
      const reza = await signIn(REZA);
      expect((await handler(json('DELETE', `${TOKENS}/${revoked.id}`, reza))).status).toBe(404);
      expect((await handler(json('DELETE', `${TOKENS}/${revoked.id}`, cookie))).status).toBe(204);
      expect((await handler(json('DELETE', `${TOKENS}/${revoked.id}`, cookie))).status).toBe(404);
      expect(await errorCode(await withToken(revoked.token))).toBe('UNAUTHORIZED');

      ms += 86_400_000;
      expect((await withToken(short.token)).status).toBe(401);
      expect((await withToken(kept.token)).status).toBe(200);
      // The account is removed from the configuration: its tokens stop with it.
      handler = make([REZA_ACCOUNT]);
      expect((await withToken(kept.token)).status).toBe(401);
    });

    it('refuses bad requests for a token with the field at fault', async () => {
      const cookie = await signIn();
      for (const body of [
        { scope: 'admin' },
        { scope: 'export', days: 91 },
        { scope: 'export', days: 1.5 },
        { scope: 'export', label: 'a\u202Eb' },
        { scope: 'export', extra: 1 },
      ]) {
        const response = await handler(json('POST', TOKENS, cookie, body));
        expect(response.status).toBe(422);
        expect(await errorCode(response)).toBe('INVALID_FIELDS');
      }
      expect(await store.listApiTokens('maryam')).toEqual([]);
    });

    it('audits making, using, failing and revoking a token, never the token', async () => {
      const cookie = await signIn();
      const made = await makeToken(cookie, { scope: 'export' });
      await (await withToken(made.token)).text();
      await withToken(`bzt_${'y'.repeat(43)}`);
      await handler(json('DELETE', `${TOKENS}/${made.id}`, cookie));
      await withToken(made.token);
      const log = (await store.listAudit({ limit: 50, offset: 0 })).items.reverse();
      expect(log.map((entry) => [entry.actor, entry.action, entry.target])).toEqual([
        ['maryam', 'sign-in', undefined],
        ['maryam', 'token-created', made.id],
        ['maryam', 'token', made.id],
        ['maryam', 'csv-export', undefined],
        ['?', 'token-failed', undefined],
        ['maryam', 'token-revoked', made.id],
        ['maryam', 'token-failed', made.id],
      ]);
      expect(JSON.stringify(log)).not.toContain('bzt_');
    });
  });
}
