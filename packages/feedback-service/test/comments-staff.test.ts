import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../src/errors.ts';
import { createFeedbackHandler, type FeedbackHandler } from '../src/handler.ts';
import { hashSecret } from '../src/secret-hash.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import type { FeedbackStore } from '../src/store/types.ts';
import { realEngines } from './engines.ts';
import { account, BASE, post, STAFF_TOKEN, STAFF_TOKEN_HASH, validBody } from './helpers.ts';
import { cookieOf, MARYAM, ORIGIN, REZA, SESSION, strictHandler } from './staff-fixtures.ts';

// Comments, staff sessions and the audit log through the API, against both real engines.

const engines = await realEngines();

const COMMENTS = `${ORIGIN}/api/comments`;
const AUDIT = `${ORIGIN}/api/staff/audit`;
const ARTICLE = 'fa/hesseh-service-base';
const OTHER_ARTICLE = 'en/hesseh-service-base';
/** The accounts as configured: names and hashes of the secrets. */
const ACCOUNTS = [await account(MARYAM), await account(REZA)];

/** A clock the tests move by hand. */
function clock(start = '2026-03-01T08:00:00.000Z') {
  let ms = Date.parse(start);
  return {
    now: () => new Date(ms),
    advance(minutes: number) {
      ms += minutes * 60_000;
    },
  };
}

function comment(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'comment',
    article: ARTICLE,
    message: 'خبر خوبی بود؛ کی در استان ما هم راه می‌افتد؟',
    lang: 'fa',
    elapsedMs: 9000,
    ...overrides,
  };
}

async function errorCode(response: Response): Promise<string> {
  const body = (await response.json()) as ErrorBody;
  expect(body.error.message.fa.length).toBeGreaterThan(0);
  expect(body.error.message.en.length).toBeGreaterThan(0);
  return body.error.code;
}

/** The answer is `status` with the typed error `code` (and a sentence in both languages). */
async function expectRefused(response: Response, status: number, code: string): Promise<void> {
  expect(response.status).toBe(status);
  expect(await errorCode(response)).toBe(code);
}

function signInRequest(
  credentials: { name: string; secret: string },
  headers: Record<string, string> = {},
): Request {
  return post(credentials, headers, SESSION);
}

function json(method: string, url: string, cookie: string, body?: unknown): Request {
  const init: RequestInit = {
    method,
    headers: { cookie, 'content-type': 'application/json' },
  };
  if (body !== undefined) init.body = JSON.stringify(body);
  return new Request(url, init);
}

for (const engine of engines) {
  describe.skipIf(engine.skip)(`${engine.name}: comments, sessions and audit`, () => {
    let store: FeedbackStore;
    let time: ReturnType<typeof clock>;
    let handler: FeedbackHandler;
    const known = new Set([ARTICLE, OTHER_ARTICLE]);
    const make = (s: FeedbackStore) =>
      strictHandler({
        store: s,
        commentsReadLimit: false,
        staffAccounts: ACCOUNTS,
        staffToken: STAFF_TOKEN_HASH,
        now: time.now,
        articleExists: (id) => known.has(id),
      });

    beforeEach(async () => {
      store = await engine.open();
      time = clock();
      handler = make(store);
    });
    afterEach(async () => {
      await store.close();
      await engine.cleanup();
    });

    const signIn = async (credentials = MARYAM): Promise<string> => {
      const response = await handler(signInRequest(credentials), { clientAddress: '10.0.0.9' });
      expect(response.status).toBe(204);
      return cookieOf(response);
    };
    const submit = async (body: Record<string, unknown>): Promise<string> => {
      const response = await handler(post(body));
      expect(response.status).toBe(201);
      return ((await response.json()) as { code: string }).code;
    };
    const publicList = async (article = ARTICLE) => {
      const response = await handler(
        new Request(`${COMMENTS}?article=${encodeURIComponent(article)}`),
      );
      expect(response.status).toBe(200);
      return (await response.json()) as {
        article: string;
        count: number;
        comments: { code: string; parent: string | null; name?: string; message: string }[];
      };
    };
    const setStatus = (cookie: string, code: string, status: string) =>
      handler(json('PATCH', `${BASE}/${code}`, cookie, { status }));

    it('upgrades a version-1 database and keeps its feedback', async () => {
      await store.close();
      await engine.exec(engine.dropAll);
      await engine.exec(engine.firstMigration);
      await engine.exec(
        `CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL);
         INSERT INTO schema_migrations (version, name, applied_at) VALUES (1, 'create feedback', '2025-01-01T00:00:00Z');
         INSERT INTO feedback (code, category, message, anonymous, lang, received_at, updated_at)
           VALUES ('1234567890123452', 'question', 'old message', ${engine.name === 'SQLite' ? 0 : 'false'}, 'fa',
             '2025-01-02T00:00:00.000Z', '2025-01-02T00:00:00.000Z')`,
      );
      store = await engine.reopen();
      expect(await engine.migrations()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      const record = await store.getByCode('1234567890123452');
      expect(record).toMatchObject({
        kind: 'feedback',
        category: 'question',
        message: 'old message',
        status: 'received',
      });
    });

    it('keeps comments private until approved; replies, counts and rejection', async () => {
      const first = await submit(comment({ name: 'سارا' }));
      const anonymous = await submit(comment({ message: 'بدون نام' }));
      const spam = await submit(comment({ message: 'spam' }));
      await submit(comment({ article: OTHER_ARTICLE, message: 'elsewhere' }));
      // Nothing is public while pending.
      expect(await publicList()).toEqual({ article: ARTICLE, count: 0, comments: [] });
      const stored = await store.getByCode(first.replace(/-/g, ''));
      expect(stored).toMatchObject({ kind: 'comment', status: 'pending', article: ARTICLE });
      expect(stored?.category).toBeUndefined();

      // A reply to a comment that is not published is refused.
      const early = await handler(post(comment({ parent: first })));
      expect(early.status).toBe(422);

      const cookie = await signIn();
      for (const code of [first, anonymous]) {
        expect((await setStatus(cookie, code, 'approved')).status).toBe(200);
      }
      expect((await setStatus(cookie, spam, 'rejected')).status).toBe(200);
      // A feedback status does not fit a comment.
      const wrong = await setStatus(cookie, spam, 'answered');
      expect(wrong.status).toBe(422);

      const reply = await submit(comment({ parent: first, name: 'Ali', message: 'پاسخ به سارا' }));
      // A reply must be on the same article as its parent.
      const crossed = await handler(post(comment({ article: OTHER_ARTICLE, parent: first })));
      expect(crossed.status).toBe(422);

      let list = await publicList();
      expect(list.count).toBe(2);
      expect(list.comments.map((c) => c.code)).toEqual([first, anonymous]);
      expect(list.comments[0]).toMatchObject({ name: 'سارا', parent: null });
      expect(list.comments[1]).not.toHaveProperty('name');
      expect(JSON.stringify(list)).not.toContain('spam');

      expect((await setStatus(cookie, reply, 'approved')).status).toBe(200);
      list = await publicList();
      expect(list.comments.map((c) => [c.code, c.parent])).toEqual([
        [first, null],
        [anonymous, null],
        [reply, first],
      ]);
      for (const item of list.comments) {
        expect(Object.keys(item).sort()).toEqual(
          expect.arrayContaining(['code', 'createdAt', 'message', 'parent']),
        );
        expect(item).not.toHaveProperty('status');
        expect(item).not.toHaveProperty('contact');
      }

      const counts = await handler(
        new Request(`${COMMENTS}/counts?articles=${ARTICLE},${OTHER_ARTICLE},fa/none`),
      );
      expect(await counts.json()).toEqual({
        counts: { [ARTICLE]: 3, [OTHER_ARTICLE]: 0, 'fa/none': 0 },
      });

      // Staff see comments with the kind and article filters.
      const staffList = await handler(
        new Request(`${BASE}?kind=comment&article=${ARTICLE}&status=pending`, {
          headers: { cookie },
        }),
      );
      expect(((await staffList.json()) as { total: number }).total).toBe(0);
      const all = await handler(new Request(`${BASE}?kind=comment`, { headers: { cookie } }));
      const items = ((await all.json()) as { items: { kind: string; parent?: string }[] }).items;
      expect(items).toHaveLength(5);
      expect(items.find((item) => item.parent === first)).toBeDefined();
    });

    it('lists feedback about any of several bases (a province)', async () => {
      for (const serviceBaseId of ['isfahan-hesseh', 'isfahan-arzanan', 'kerman-manujan']) {
        await submit(validBody({ about: { serviceBaseId } }));
      }
      const cookie = await signIn();
      const count = async (query: string) => {
        const response = await handler(new Request(`${BASE}?${query}`, { headers: { cookie } }));
        expect(response.status).toBe(200);
        return ((await response.json()) as { total: number }).total;
      };
      expect(await count('serviceBaseId=isfahan-hesseh&serviceBaseId=isfahan-arzanan')).toBe(2);
      expect(await count('serviceBaseId=kerman-manujan')).toBe(1);
      expect(await count('serviceBaseId=isfahan-hesseh&kind=feedback')).toBe(1);
      const csv = await handler(
        new Request(`${BASE}.csv?serviceBaseId=isfahan-hesseh&serviceBaseId=kerman-manujan`, {
          headers: { cookie },
        }),
      );
      expect((await csv.text()).trim().split('\r\n')).toHaveLength(3);
    });

    it('refuses comments on unknown or malformed articles, and bad fields', async () => {
      const unknown = await handler(post(comment({ article: 'fa/no-such-article' })));
      await expectRefused(unknown, 404, 'UNKNOWN_ARTICLE');
      const listUnknown = await handler(new Request(`${COMMENTS}?article=fa/no-such-article`));
      expect(listUnknown.status).toBe(404);
      for (const bad of [
        comment({ article: '../etc/passwd' }),
        comment({ message: '   ' }),
        comment({ name: 'x'.repeat(101) }),
        comment({ contact: '09123456789' }),
        comment({ parent: '1234' }),
      ]) {
        const response = await handler(post(bad));
        await expectRefused(response, 422, 'INVALID_FIELDS');
      }
      const fast = await handler(post(comment({ elapsedMs: 100 })));
      expect(await errorCode(fast)).toBe('TOO_FAST');
      // The honeypot looks accepted and stores nothing.
      const bot = await handler(post(comment({ website: 'http://spam.example' })));
      expect(bot.status).toBe(201);
      expect((await store.list({ kind: 'comment' }, { limit: 5, offset: 0 })).total).toBe(0);
      const badQuery = await handler(new Request(`${COMMENTS}?article=x`));
      expect(await errorCode(badQuery)).toBe('INVALID_QUERY');
    });

    it('signs in with a session cookie, and refuses wrong credentials', async () => {
      const response = await handler(signInRequest(MARYAM));
      expect(response.status).toBe(204);
      const header = response.headers.get('set-cookie') ?? '';
      expect(header).toMatch(/^bz_staff=[A-Za-z0-9_-]{43}; /);
      expect(header).toContain('HttpOnly');
      expect(header).toContain('SameSite=Strict');
      expect(header).toContain('Path=/api');
      expect(header).toContain('Max-Age=28800');
      expect(header).not.toContain('Secure');
      const cookie = cookieOf(response);

      const who = await handler(new Request(SESSION, { headers: { cookie } }));
      expect(await who.json()).toEqual({
        name: 'maryam',
        expiresAt: new Date(time.now().getTime() + 30 * 60_000).toISOString(),
        role: 'admin',
        provinces: 'all',
      });
      // The database holds only the digest of the cookie value.
      const token = cookie.split('=')[1] ?? '';
      expect(await store.getSession(token)).toBeUndefined();

      const secure = await handler(post(MARYAM, {}, SESSION.replace('http:', 'https:')));
      expect(secure.headers.get('set-cookie')).toContain('Secure');

      for (const wrong of [
        { name: 'maryam', secret: 'not-the-secret-0123456789' },
        { name: 'nobody', secret: MARYAM.secret },
        { name: 'maryam', secret: REZA.secret },
      ]) {
        const refused = await handler(signInRequest(wrong));
        await expectRefused(refused, 401, 'BAD_CREDENTIALS');
        expect(refused.headers.get('set-cookie')).toBeNull();
      }
      // Without a cookie, and with a made-up one.
      const none = await handler(new Request(BASE));
      await expectRefused(none, 401, 'SIGNED_OUT');
      const forged = await handler(
        new Request(BASE, { headers: { cookie: `bz_staff=${'A'.repeat(43)}` } }),
      );
      expect(await errorCode(forged)).toBe('SIGNED_OUT');
      // Scripts: the shared token (actor "staff"); an account's name:secret is no longer a bearer
      // (scoped API tokens replace it, test/api-tokens.test.ts).
      const shared = await handler(
        new Request(SESSION, { headers: { authorization: `Bearer ${STAFF_TOKEN}` } }),
      );
      expect(((await shared.json()) as { name: string }).name).toBe('staff');
      const own = await handler(
        new Request(SESSION, {
          headers: { authorization: `Bearer ${REZA.name}:${REZA.secret}` },
        }),
        // Counted as a failed check: from its own address, to leave this one's limit as it was.
        { clientAddress: '10.0.0.77' },
      );
      expect(await errorCode(own)).toBe('UNAUTHORIZED');
      const wrongBearer = await handler(
        new Request(BASE, { headers: { authorization: 'Bearer reza:wrong-secret-0000000' } }),
      );
      expect(await errorCode(wrongBearer)).toBe('UNAUTHORIZED');
      // The shared token also signs in, as "staff".
      const asStaff = await handler(signInRequest({ name: 'staff', secret: STAFF_TOKEN }));
      expect(asStaff.status).toBe(204);
    });

    it('limits sign-in failures per address to 5 in 15 minutes', async () => {
      const from = (address: string, credentials: { name: string; secret: string }) =>
        handler(signInRequest(credentials), { clientAddress: address });
      const wrong = { name: 'maryam', secret: 'guess-guess-guess-guess' };
      for (let i = 0; i < 5; i++) expect((await from('10.1.1.1', wrong)).status).toBe(401);
      // The sixth try is refused before the secret is even checked, right or wrong.
      const limited = await from('10.1.1.1', MARYAM);
      await expectRefused(limited, 429, 'RATE_LIMITED');
      expect(Number(limited.headers.get('retry-after'))).toBe(15 * 60);
      // Another address is not affected.
      expect((await from('10.2.2.2', MARYAM)).status).toBe(204);
      time.advance(10);
      const later = await from('10.1.1.1', MARYAM);
      expect(later.status).toBe(429);
      expect(Number(later.headers.get('retry-after'))).toBe(5 * 60);
      time.advance(5);
      expect((await from('10.1.1.1', MARYAM)).status).toBe(204);
    });

    it('ends sessions after 30 idle minutes and after 8 hours however active', async () => {
      const cookie = await signIn();
      const check = () => handler(new Request(SESSION, { headers: { cookie } }));
      time.advance(29);
      expect((await check()).status).toBe(200);
      time.advance(29);
      // Activity restarted the idle timer.
      expect((await check()).status).toBe(200);
      time.advance(31);
      const idle = await check();
      await expectRefused(idle, 401, 'SESSION_EXPIRED');

      const busy = await signIn();
      const busyCheck = () => handler(new Request(BASE, { headers: { cookie: busy } }));
      for (let minutes = 0; minutes < 8 * 60 - 20; minutes += 20) {
        time.advance(20);
        expect((await busyCheck()).status).toBe(200);
      }
      time.advance(20);
      const absolute = await busyCheck();
      await expectRefused(absolute, 401, 'SESSION_EXPIRED');
    });

    it('signs out: the cookie is cleared and no longer works', async () => {
      const cookie = await signIn();
      // Cookie-only unsafe requests must be JSON (CSRF): a plain DELETE is refused.
      const plain = await handler(new Request(SESSION, { method: 'DELETE', headers: { cookie } }));
      expect(plain.status).toBe(415);
      const out = await handler(json('DELETE', SESSION, cookie));
      expect(out.status).toBe(204);
      expect(out.headers.get('set-cookie')).toMatch(/^bz_staff=; .*Max-Age=0/);
      const after = await handler(new Request(BASE, { headers: { cookie } }));
      expect(await errorCode(after)).toBe('SIGNED_OUT');
      // Signing out again is harmless.
      expect((await handler(json('DELETE', SESSION, cookie))).status).toBe(204);
    });

    it('refuses a cookie-only change without a JSON content type, and changes nothing', async () => {
      const code = await submit(comment());
      const cookie = await signIn();
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', undefined]) {
        const headers: Record<string, string> = { cookie };
        if (type) headers['content-type'] = type;
        const response = await handler(
          new Request(`${BASE}/${code}`, {
            method: 'PATCH',
            headers,
            body: JSON.stringify({ status: 'approved' }),
          }),
        );
        expect(response.status).toBe(415);
      }
      expect((await store.getByCode(code.replace(/-/g, '')))?.status).toBe('pending');
      // A page on another origin cannot change anything either.
      const foreign = await handler(
        new Request(`${BASE}/${code}`, {
          method: 'PATCH',
          headers: { cookie, 'content-type': 'application/json', origin: 'https://evil.example' },
          body: JSON.stringify({ status: 'approved' }),
        }),
      );
      expect(foreign.status).toBe(403);
      expect((await store.getByCode(code.replace(/-/g, '')))?.status).toBe('pending');
    });

    it('writes an audit row for every staff action', async () => {
      const code = await submit(comment());
      const other = await submit(comment({ message: 'دومی' }));
      const feedback = await submit(validBody());
      await handler(signInRequest({ name: 'maryam', secret: 'wrong-wrong-wrong-wrong' }), {
        clientAddress: '10.3.3.3',
      });
      const cookie = await signIn();
      await setStatus(cookie, code, 'approved');
      time.advance(1);
      await setStatus(cookie, other, 'rejected');
      time.advance(1);
      await handler(
        json('PATCH', `${BASE}/${feedback}`, cookie, { status: 'answered', publicReply: 'پاسخ' }),
      );
      time.advance(1);
      const csv = await handler(new Request(`${BASE}.csv?kind=comment`, { headers: { cookie } }));
      expect(csv.status).toBe(200);
      await csv.text();
      await handler(
        new Request(`${BASE}.csv`, { headers: { authorization: `Bearer ${STAFF_TOKEN}` } }),
      ).then((r) => r.text());
      time.advance(1);
      await handler(json('DELETE', SESSION, cookie), { clientAddress: '10.0.0.9' });

      const reader = await signIn(REZA);
      const response = await handler(
        new Request(`${AUDIT}?limit=20`, { headers: { cookie: reader } }),
      );
      expect(response.status).toBe(200);
      const log = (await response.json()) as {
        items: { at: string; actor: string; action: string; target?: string; client: string }[];
        total: number;
      };
      const rows = log.items.map(({ actor, action, target }) => [actor, action, target]).reverse();
      expect(rows).toEqual([
        ['maryam', 'sign-in-failed', undefined],
        ['maryam', 'sign-in', undefined],
        ['maryam', 'approve', code],
        ['maryam', 'reject', other],
        ['maryam', 'status-change', feedback],
        ['maryam', 'reply', feedback],
        ['maryam', 'csv-export', '?kind=comment'],
        // Every credential check is audited, the bearer's too.
        ['staff', 'bearer', undefined],
        ['staff', 'csv-export', undefined],
        ['maryam', 'sign-out', undefined],
        ['reza', 'sign-in', undefined],
      ]);
      expect(log.total).toBe(11);
      expect(log.items.at(-1)).toMatchObject({
        client: '10.3.3.3',
        at: '2026-03-01T08:00:00.000Z',
      });
      const page = await handler(
        new Request(`${AUDIT}?limit=2&offset=8`, { headers: { cookie: reader } }),
      );
      expect(((await page.json()) as { items: unknown[] }).items).toHaveLength(2);
      // One item's history.
      const history = await handler(
        new Request(`${AUDIT}?target=${feedback.replace(/-/g, '')}`, {
          headers: { cookie: reader },
        }),
      );
      const entries = ((await history.json()) as { items: { action: string }[]; total: number })
        .items;
      expect(entries.map((entry) => entry.action)).toEqual(['reply', 'status-change']);
      const badTarget = await handler(
        new Request(`${AUDIT}?target=1234`, { headers: { cookie: reader } }),
      );
      expect(await errorCode(badTarget)).toBe('INVALID_QUERY');
      const signedOut = await handler(new Request(AUDIT));
      expect(signedOut.status).toBe(401);
    });

    it('keeps sessions across a restart (they live in the database)', async () => {
      const cookie = await signIn();
      await store.close();
      store = await engine.reopen();
      handler = make(store);
      const who = await handler(new Request(SESSION, { headers: { cookie } }));
      expect(who.status).toBe(200);
      expect(((await who.json()) as { name: string }).name).toBe('maryam');
    });
  });
}

describe('staff endpoints without any staff configured', () => {
  it('do not exist (404)', async () => {
    const { openSqliteStore } = await import('../src/store/sqlite.ts');
    const store = openSqliteStore({ path: ':memory:' });
    const handler = createFeedbackHandler({ store });
    for (const request of [signInRequest(MARYAM), new Request(SESSION), new Request(AUDIT)]) {
      expect((await handler(request)).status).toBe(404);
    }
    // The public comment endpoints are there all the same.
    expect((await handler(new Request(`${COMMENTS}?article=${ARTICLE}`))).status).toBe(200);
    await store.close();
  });
});

describe('staff configuration', () => {
  // Hashes as `hash-secret` makes them (the configuration refuses cheaper ones).
  let maryamHash: string;
  let rezaHash: string;
  let dir: string;
  beforeAll(async () => {
    [maryamHash, rezaHash] = await Promise.all([
      hashSecret(MARYAM.secret),
      hashSecret(REZA.secret),
    ]);
    dir = mkdtempSync(join(tmpdir(), 'bz-staff-config-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads FEEDBACK_STAFF name:hash pairs and the session minutes', async () => {
    const { configFromEnv } = await import('../src/config.ts');
    const config = configFromEnv({
      // PHC strings have commas of their own; pairs may also be on lines of their own.
      FEEDBACK_STAFF: ` maryam:${maryamHash} ,\n reza:${rezaHash}`,
      FEEDBACK_STAFF_SESSION_MINUTES: '15',
    });
    expect(config.staffAccounts).toEqual([
      { name: 'maryam', secretHash: maryamHash },
      { name: 'reza', secretHash: rezaHash },
    ]);
    expect(config.sessionIdleMinutes).toBe(15);
    expect(configFromEnv({}).sessionIdleMinutes).toBe(30);
    // The accounts sign in with their secrets, and not with the hash itself.
    const handler = createFeedbackHandler({
      store: openSqliteStore({ path: ':memory:' }),
      staffAccounts: config.staffAccounts,
    });
    expect((await handler(signInRequest(REZA))).status).toBe(204);
    expect((await handler(signInRequest({ name: 'reza', secret: rezaHash }))).status).toBe(401);
  });

  it('refuses plain-text secrets, weak or broken hashes, and names the command that hashes', async () => {
    const { ConfigError, configFromEnv } = await import('../src/config.ts');
    const weak = await hashSecret(MARYAM.secret, { ln: 10, r: 8, p: 1 });
    for (const [env, text] of [
      [{ FEEDBACK_STAFF: `maryam:${MARYAM.secret}` }, /plain text.*hash-secret/],
      [{ FEEDBACK_STAFF: 'maryam' }, /plain text.*hash-secret/],
      [{ FEEDBACK_STAFF: `maryam:${weak}` }, /too cheap.*hash-secret/],
      [{ FEEDBACK_STAFF: 'maryam:$scrypt$ln=15,r=8$abc$def' }, /not a scrypt hash/],
      [
        { FEEDBACK_STAFF: 'maryam:$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA' },
        /not a scrypt hash/,
      ],
      [{ FEEDBACK_STAFF: `مریم:${maryamHash}` }, /name must be/],
      [{ FEEDBACK_STAFF: `a:${maryamHash},a:${rezaHash}` }, /listed twice/],
      [{ FEEDBACK_STAFF_TOKEN: STAFF_TOKEN }, /FEEDBACK_STAFF_TOKEN.*plain text.*hash-secret/],
      [{ FEEDBACK_STAFF_SESSION_MINUTES: '0' }, /from 1 to 480/],
      [{ FEEDBACK_STAFF_SESSION_MINUTES: 'ten' }, /whole number/],
    ] as const) {
      expect(() => configFromEnv(env)).toThrow(ConfigError);
      expect(() => configFromEnv(env)).toThrow(text);
    }
    // The error never shows a secret.
    expect(() => configFromEnv({ FEEDBACK_STAFF: `maryam:${MARYAM.secret}` })).not.toThrow(
      MARYAM.secret,
    );
    expect(() => configFromEnv({ FEEDBACK_STAFF_TOKEN: STAFF_TOKEN })).not.toThrow(STAFF_TOKEN);
    expect(configFromEnv({ FEEDBACK_STAFF_TOKEN: maryamHash }).staffToken).toBe(maryamHash);
  });

  it('reads accounts from FEEDBACK_STAFF_FILE, JSON or YAML, with optional role and provinces', async () => {
    const { ConfigError, configFromEnv } = await import('../src/config.ts');
    writeFileSync(
      join(dir, 'staff.json'),
      JSON.stringify({
        accounts: [
          { name: 'maryam', secretHash: maryamHash, role: 'caseworker', provinces: ['isfahan'] },
        ],
      }),
    );
    writeFileSync(
      join(dir, 'staff.yaml'),
      `# The office's accounts\naccounts:\n  - name: reza\n    secretHash: "${rezaHash}"\n    role: moderator\n    provinces: [tehran, fars]\n`,
    );
    expect(configFromEnv({ FEEDBACK_STAFF_FILE: 'staff.json' }, dir).staffAccounts).toEqual([
      { name: 'maryam', secretHash: maryamHash, role: 'caseworker', provinces: ['isfahan'] },
    ]);
    // Beside FEEDBACK_STAFF; relative to the working folder.
    const both = configFromEnv(
      { FEEDBACK_STAFF: `maryam:${maryamHash}`, FEEDBACK_STAFF_FILE: 'staff.yaml' },
      dir,
    );
    expect(both.staffAccounts.map((a) => [a.name, a.role, a.provinces])).toEqual([
      ['maryam', undefined, undefined],
      ['reza', 'moderator', ['tehran', 'fars']],
    ]);
    const bad = (name: string, content: string) => {
      writeFileSync(join(dir, name), content);
      return () => configFromEnv({ FEEDBACK_STAFF_FILE: name }, dir);
    };
    for (const [check, text] of [
      [() => configFromEnv({ FEEDBACK_STAFF_FILE: 'missing.yaml' }, dir), /cannot read.*ENOENT/],
      [bad('a.json', '{ "accounts": ['), /not valid JSON/],
      [bad('b.yaml', 'accounts: [\n'), /not valid YAML/],
      [bad('c.yaml', '- name: x\n'), /"accounts" list/],
      [
        bad('d.yaml', `accounts:\n  - name: x\n    secret: ${MARYAM.secret}\n`),
        /account 1.*secret/,
      ],
      [
        bad('e.yaml', `accounts:\n  - name: x\n    secretHash: ${MARYAM.secret}\n`),
        /account 1 \(x\).*plain text.*hash-secret/,
      ],
      [
        bad('f.yaml', `accounts:\n  - name: x\n    secretHash: "${maryamHash}"\n    role: boss\n`),
        /role/,
      ],
      [
        bad(
          'g.yaml',
          `accounts:\n  - name: x\n    secretHash: "${maryamHash}"\n    provinces: [atlantis]\n`,
        ),
        /not a province id/,
      ],
      [
        () =>
          configFromEnv(
            { FEEDBACK_STAFF: `reza:${maryamHash}`, FEEDBACK_STAFF_FILE: 'staff.yaml' },
            dir,
          ),
        /'reza' is listed twice/,
      ],
    ] as const) {
      expect(check).toThrow(ConfigError);
      expect(check).toThrow(/FEEDBACK_STAFF_FILE/);
      expect(check).toThrow(text);
      expect(check).not.toThrow(MARYAM.secret);
    }
  });
});
