import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedbackHandler } from '../src/handler.ts';
import { STAFF_ROUTES, type StaffRoute } from '../src/scope.ts';
import { hashSecret } from '../src/secret-hash.ts';
import { parseStaffAccounts, type StaffAccount } from '../src/staff-accounts.ts';
import type { FeedbackStore, RecordKind } from '../src/store/types.ts';
import { realEngines } from './engines.ts';
import { account, BASE, post, validBody } from './helpers.ts';
import { ORIGIN, strictHandler } from './staff-fixtures.ts';

// Roles and scope, walked as a table: every staff route (from the handler's own route table, so
// a new route without a rule here fails) × every role × records of two provinces and of none, on
// both real engines. This file states the policy independently of scope.ts:
// - a route the role may never use: 403;
// - a record outside the role's kinds or provinces: 404, exactly like an unknown code;
// - lists and the CSV hold exactly the records the role may see.

const engines = await realEngines();

const STAFF = `${ORIGIN}/api/staff`;

type Who = 'admin' | 'caseworker' | 'moderator' | 'none';
const PEOPLE: Record<Who, { name: string; secret: string; scope: Partial<StaffAccount> }> = {
  admin: { name: 'ava', secret: 'ava-secret-0123456789ab', scope: { role: 'admin' } },
  caseworker: {
    name: 'sara',
    secret: 'sara-secret-0123456789ab',
    scope: { role: 'caseworker', provinces: ['isfahan'] },
  },
  moderator: {
    name: 'mina',
    secret: 'mina-secret-0123456789ab',
    scope: { role: 'moderator', provinces: ['isfahan'] },
  },
  // No role: signs in, and may do nothing but see and end their own session.
  none: { name: 'nima', secret: 'nima-secret-0123456789ab', scope: { provinces: ['isfahan'] } },
};
const ACCOUNTS = await Promise.all(
  Object.values(PEOPLE).map((person) => account(person, person.scope)),
);

/** The policy: which role may use which route at all. */
const MAY: Record<StaffRoute, readonly Who[]> = {
  list: ['admin', 'caseworker', 'moderator'],
  export: ['admin', 'caseworker'],
  update: ['admin', 'caseworker', 'moderator'],
  whoAmI: ['admin', 'caseworker', 'moderator', 'none'],
  signOutEverywhere: ['admin', 'caseworker', 'moderator', 'none'],
  changeSecret: ['admin', 'caseworker', 'moderator', 'none'],
  listTokens: ['admin', 'caseworker'],
  createToken: ['admin', 'caseworker'],
  revokeToken: ['admin', 'caseworker'],
  audit: ['admin'],
};

/** The policy: which records each role sees. */
function seen(who: Who, record: { kind: RecordKind; province: string | undefined }): boolean {
  if (who === 'admin') return true;
  if (who === 'none' || record.province !== 'isfahan') return false;
  return record.kind === (who === 'caseworker' ? 'feedback' : 'comment');
}

/** The province hook the portal provides, over a tiny world. */
function provinceOf(about: { serviceBaseId?: string; article?: string }): string | undefined {
  const id = about.serviceBaseId ?? about.article ?? '';
  if (/isfahan/.test(id)) return 'isfahan';
  if (/kerman/.test(id)) return 'kerman';
  return undefined;
}

interface Seeded {
  code: string;
  kind: RecordKind;
  province: string | undefined;
}

for (const engine of engines) {
  describe.skipIf(engine.skip)(`${engine.name}: roles and scope`, () => {
    let store: FeedbackStore;
    let handler: FeedbackHandler;
    const records: Seeded[] = [];

    beforeEach(async () => {
      store = await engine.open();
      handler = strictHandler({
        store,
        staffAccounts: ACCOUNTS,
        provinceOf,
      });
      records.length = 0;
      for (const province of ['isfahan', 'kerman', undefined]) {
        const place = province ?? 'nowhere';
        const feedback = await handler(post(validBody({ about: { serviceBaseId: `${place}-a` } })));
        const comment = await handler(
          post({
            kind: 'comment',
            article: `fa/${place}-news`,
            message: 'خوب بود',
            elapsedMs: 12_000,
          }),
        );
        for (const [kind, response] of [
          ['feedback', feedback],
          ['comment', comment],
        ] as const) {
          expect(response.status).toBe(201);
          const { code } = (await response.json()) as { code: string };
          records.push({ code, kind, province });
        }
      }
    });
    afterEach(async () => {
      await store.close();
      await engine.cleanup();
    });

    const signIn = async (who: Who): Promise<string> => {
      const { name, secret } = PEOPLE[who];
      const response = await handler(post({ name, secret }, {}, `${STAFF}/session`));
      expect(response.status).toBe(204);
      return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    };
    const send = (method: string, url: string, cookie: string, body?: unknown) =>
      handler(
        new Request(url, {
          method,
          headers: { cookie, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      );

    /** The request for `route` as `who`, on `record` where the route takes one. */
    const call = async (route: StaffRoute, who: Who, record: Seeded | undefined) => {
      const cookie = await signIn(who);
      const { method, path } = STAFF_ROUTES[route];
      let id = 'no-such-token';
      if (route === 'revokeToken' && MAY.createToken.includes(who)) {
        const made = await send('POST', `${STAFF}/tokens`, cookie, { scope: 'export', days: 1 });
        id = ((await made.json()) as { id: string }).id;
      }
      const url = `${ORIGIN}${path
        .replace('{base}', '/api/feedback')
        .replace('{staff}', '/api/staff')
        .replace('{code}', record?.code ?? '')
        .replace('{id}', id)}`;
      if (route === 'changeSecret') {
        const { secret } = PEOPLE[who];
        const changed = await send('PUT', url, cookie, {
          oldSecret: secret,
          newSecret: `${secret}!`,
        });
        // Changed back, so the next sign-ins of the walk work with the same secret.
        const again = (changed.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
        const back = await send('PUT', url, again, { oldSecret: `${secret}!`, newSecret: secret });
        expect(back.status).toBe(changed.status);
        return changed;
      }
      const body =
        route === 'update'
          ? { status: record?.kind === 'comment' ? 'approved' : 'in-review' }
          : route === 'createToken'
            ? { scope: 'export', days: 7, label: 'nightly export' }
            : undefined;
      return send(method, url, cookie, body);
    };

    it('has a rule for every staff route', () => {
      expect(Object.keys(MAY).sort()).toEqual(Object.keys(STAFF_ROUTES).sort());
    });

    it('answers every route × role with 2xx or 403, and hidden records with 404', async () => {
      const outcomes: string[] = [];
      const expected: string[] = [];
      for (const route of Object.keys(STAFF_ROUTES) as StaffRoute[]) {
        const onRecords = STAFF_ROUTES[route].path.includes('{code}');
        for (const who of Object.keys(PEOPLE) as Who[]) {
          for (const record of onRecords ? records : [undefined]) {
            const response = await call(route, who, record);
            const where = `${route} ${who} ${record ? `${record.kind}@${record.province}` : ''}`;
            const status = response.status;
            outcomes.push(`${where} → ${status >= 200 && status < 300 ? '2xx' : status}`);
            const allowed = MAY[route].includes(who);
            const visible = record === undefined || seen(who, record);
            expected.push(`${where} → ${!allowed ? 403 : visible ? '2xx' : 404}`);
          }
        }
      }
      expect(outcomes).toEqual(expected);
      // About a hundred sign-ins (scrypt) on a machine shared with other suites: room, not a bar.
    }, 60_000);

    it('lists and exports exactly the records in scope, and refuses a kind outside it', async () => {
      for (const who of ['admin', 'caseworker', 'moderator'] as const) {
        const cookie = await signIn(who);
        const want = records
          .filter((record) => seen(who, record))
          .map((record) => record.code)
          .sort();
        const list = await send('GET', `${BASE}?limit=100`, cookie);
        const page = (await list.json()) as { items: { code: string }[]; total: number };
        expect(page.items.map((item) => item.code).sort(), who).toEqual(want);
        expect(page.total).toBe(want.length);
        if (MAY.export.includes(who)) {
          const csv = await (await send('GET', `${BASE}.csv`, cookie)).text();
          const codes = records.filter((record) => csv.includes(record.code)).map((r) => r.code);
          expect(codes.sort(), who).toEqual(want);
        }
      }
      const sara = await signIn('caseworker');
      expect((await send('GET', `${BASE}?kind=comment`, sara)).status).toBe(403);
      expect((await send('GET', `${BASE}?kind=feedback`, sara)).status).toBe(200);
      const mina = await signIn('moderator');
      expect((await send('GET', `${BASE}?kind=feedback`, mina)).status).toBe(403);
    });

    it("gives an API token its maker's scope, no more", async () => {
      const cookie = await signIn('caseworker');
      const made = await send('POST', `${STAFF}/tokens`, cookie, { scope: 'export', days: 7 });
      const { token } = (await made.json()) as { token: string };
      const csv = await (
        await handler(new Request(`${BASE}.csv`, { headers: { authorization: `Bearer ${token}` } }))
      ).text();
      const inCsv = records.filter((record) => csv.includes(record.code));
      expect(inCsv).toEqual(records.filter((record) => seen('caseworker', record)));
    });

    it('narrows a token to the provinces it names, never beyond its maker', async () => {
      const admin = await signIn('admin');
      const made = await send('POST', `${STAFF}/tokens`, admin, {
        scope: 'read',
        days: 7,
        provinces: ['kerman'],
      });
      expect(made.status).toBe(201);
      const { token, provinces } = (await made.json()) as { token: string; provinces: string[] };
      expect(provinces).toEqual(['kerman']);
      const list = await handler(
        new Request(`${BASE}?limit=100`, { headers: { authorization: `Bearer ${token}` } }),
      );
      const items = ((await list.json()) as { items: { code: string }[] }).items;
      expect(items.map((item) => item.code).sort()).toEqual(
        records
          .filter((record) => record.province === 'kerman')
          .map((record) => record.code)
          .sort(),
      );
      // A caseworker of Isfahan cannot make a token for Kerman.
      const sara = await signIn('caseworker');
      const beyond = await send('POST', `${STAFF}/tokens`, sara, {
        scope: 'export',
        provinces: ['kerman'],
      });
      expect(beyond.status).toBe(422);
      const bad = await send('POST', `${STAFF}/tokens`, sara, { scope: 'export', provinces: [] });
      expect(bad.status).toBe(422);
    });

    it('tells the inbox the role and provinces', async () => {
      const who = await send('GET', `${STAFF}/session`, await signIn('caseworker'));
      expect(await who.json()).toMatchObject({ role: 'caseworker', provinces: ['isfahan'] });
      const none = await send('GET', `${STAFF}/session`, await signIn('none'));
      expect(await none.json()).toMatchObject({ role: null, provinces: ['isfahan'] });
      const admin = await send('GET', `${STAFF}/session`, await signIn('admin'));
      expect(await admin.json()).toMatchObject({ role: 'admin', provinces: 'all' });
    });
  });
}

describe('FEEDBACK_STAFF roles', () => {
  it('reads name:role/provinces:hash entries and refuses a bad role without echoing it', async () => {
    // The lowest cost the configuration accepts: the parser is what is checked here.
    const hash = await hashSecret('a-secret-0123456789', { ln: 13, r: 8, p: 10 });
    const accounts = parseStaffAccounts(
      `ava:admin:${hash},sara:caseworker/isfahan+kerman:${hash}\nnima:${hash}`,
    );
    expect(accounts).toEqual([
      { name: 'ava', secretHash: hash, role: 'admin' },
      { name: 'sara', secretHash: hash, role: 'caseworker', provinces: ['isfahan', 'kerman'] },
      { name: 'nima', secretHash: hash },
    ]);
    // A plain-text secret with a colon in it is refused, and never repeated in the message.
    expect(() => parseStaffAccounts('ava:hunter2:more-of-the-secret')).toThrow(/hash-secret/);
    expect(() => parseStaffAccounts('ava:hunter2:more-of-the-secret')).not.toThrow(/hunter2/);
    expect(() => parseStaffAccounts(`ava:caseworker/atlantis:${hash}`)).toThrow(/province/);
  });
});
