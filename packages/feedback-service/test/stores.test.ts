import { generateTrackingCode } from '@behzisti/core';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFeedbackHandler } from '../src/handler.ts';
import { eraseExpiredContacts } from '../src/retention.ts';
import { CodeCollisionError, type FeedbackStore, type NewFeedback } from '../src/store/types.ts';
import { realEngines } from './engines.ts';
import { BASE, countRows, post, validBody } from './helpers.ts';

// One contract suite, run against the real engines: SQLite (node:sqlite) and PostgreSQL.

const engines = await realEngines();

let seq = 0;
function newFeedback(overrides: Partial<NewFeedback> = {}): NewFeedback {
  seq += 1;
  return {
    code: generateTrackingCode(),
    kind: 'feedback',
    category: 'complaint',
    message: `پیام شمارهٔ ${seq} — with "quotes", a comma, and\na line break`,
    anonymous: false,
    lang: 'fa',
    serviceBaseId: 'isfahan-hesseh',
    receivedAt: new Date(Date.UTC(2025, 2, 21, 8, 0, 0, seq)).toISOString(),
    ...overrides,
  };
}

for (const engine of engines) {
  describe.skipIf(engine.skip)(`${engine.name} store`, () => {
    let store: FeedbackStore;
    beforeEach(async () => {
      store = await engine.open();
    });
    afterEach(async () => {
      await store.close();
      await engine.cleanup();
    });

    it('creates its schema on first open and records the migration once', async () => {
      expect(await engine.migrations()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    });

    it('is ready once migrated, and not when the newest migration is missing (/readyz)', async () => {
      expect(await store.ready()).toBe(true);
      const newest = Math.max(...(await engine.migrations()));
      await engine.exec(`DELETE FROM schema_migrations WHERE version = ${newest}`);
      expect(await store.ready()).toBe(false);
      await engine.exec('DROP TABLE schema_migrations');
      expect(await store.ready()).toBe(false);
    });

    it('stores and reads back every field exactly', async () => {
      const feedback = newFeedback({
        name: 'علی‌رضا',
        contact: '09123456789',
        pageUrl: 'https://behzisti.ir/fa/bases',
        idempotencyKey: 'k-0123456789abcdef',
        lang: 'en',
        category: 'appreciation',
        province: 'isfahan',
      });
      expect(await store.insert(feedback)).toEqual({ code: feedback.code, created: true });
      const record = await store.getByCode(feedback.code);
      expect(record).toEqual({
        ...feedback,
        status: 'received',
        updatedAt: feedback.receivedAt,
      });
      expect(await store.getByCode(generateTrackingCode())).toBeUndefined();
    });

    it('is idempotent: the same key returns the first code, even when racing', async () => {
      const key = 'idem-0123456789abcdef';
      const first = newFeedback({ idempotencyKey: key });
      const results = await Promise.all([
        store.insert(first),
        ...Array.from({ length: 8 }, () => store.insert(newFeedback({ idempotencyKey: key }))),
      ]);
      const codes = new Set(results.map((result) => result.code));
      expect(codes.size).toBe(1);
      expect(results.filter((result) => result.created)).toHaveLength(1);
      expect(await countRows(store)).toBe(1);
    });

    it('stores a burst together, and one bad submission fails alone', async () => {
      const good = Array.from({ length: 30 }, () => newFeedback());
      // A comment must name its article: the schema's CHECK refuses this one.
      const bad = newFeedback({ kind: 'comment' });
      const settled = await Promise.allSettled([
        ...good.slice(0, 15).map((feedback) => store.insert(feedback)),
        store.insert(bad),
        ...good.slice(15).map((feedback) => store.insert(feedback)),
      ]);
      expect(settled.filter((result) => result.status === 'fulfilled')).toHaveLength(30);
      expect(settled[15]?.status).toBe('rejected');
      expect(await countRows(store)).toBe(30);
      expect(await store.getByCode(bad.code)).toBeUndefined();
    });

    it('keeps idempotency in generated bursts of repeated keys and taken codes', async () => {
      const taken = newFeedback();
      await store.insert(taken);
      let round = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({ key: fc.option(fc.integer({ min: 0, max: 4 })), clash: fc.boolean() }),
            {
              minLength: 1,
              maxLength: 25,
            },
          ),
          async (plan) => {
            round += 1;
            const items = plan.map(({ key, clash }) =>
              newFeedback({
                ...(key === null
                  ? {}
                  : { idempotencyKey: `burst-${round}-${key}`.padEnd(16, '0') }),
                ...(clash && key === null ? { code: taken.code } : {}),
              }),
            );
            const before = await countRows(store);
            const settled = await Promise.allSettled(items.map((item) => store.insert(item)));
            const byKey = new Map<string, string>();
            let created = 0;
            for (const [i, result] of settled.entries()) {
              const item = items[i];
              if (!item) continue;
              if (result.status === 'rejected') {
                // Only a taken code without a key is refused, and nothing of it is stored.
                expect(result.reason).toBeInstanceOf(CodeCollisionError);
                expect(item.idempotencyKey).toBeUndefined();
                expect(item.code).toBe(taken.code);
                continue;
              }
              if (result.value.created) created += 1;
              if (item.idempotencyKey !== undefined) {
                const seen = byKey.get(item.idempotencyKey);
                if (seen) expect(result.value.code).toBe(seen);
                else byKey.set(item.idempotencyKey, result.value.code);
              } else expect(result.value).toEqual({ code: item.code, created: true });
            }
            const keyless = items.filter((item) => item.idempotencyKey === undefined);
            const expected = byKey.size + keyless.filter((item) => item.code !== taken.code).length;
            expect(created).toBe(expected);
            expect(await countRows(store)).toBe(before + expected);
          },
        ),
        { numRuns: 25 },
      );
    }, 60_000);

    it('reports a taken code without storing anything', async () => {
      const feedback = newFeedback();
      await store.insert(feedback);
      await expect(store.insert(newFeedback({ code: feedback.code }))).rejects.toBeInstanceOf(
        CodeCollisionError,
      );
      expect(await countRows(store)).toBe(1);
    });

    it('lists newest first with filters and pages', async () => {
      await Promise.all([
        store.insert(newFeedback({ category: 'question' })),
        store.insert(newFeedback({ serviceBaseId: 'kerman-manujan' })),
        store.insert(newFeedback()),
      ]);
      const all = await store.list({}, { limit: 10, offset: 0 });
      expect(all.total).toBe(3);
      const times = all.items.map((item) => item.receivedAt);
      expect([...times].sort().reverse()).toEqual(times);
      expect((await store.list({ category: 'question' }, { limit: 10, offset: 0 })).total).toBe(1);
      expect(
        (await store.list({ serviceBaseId: 'kerman-manujan' }, { limit: 10, offset: 0 })).total,
      ).toBe(1);
      const page = await store.list({}, { limit: 2, offset: 2 });
      expect(page.items).toHaveLength(1);
      expect(page.total).toBe(3);
      const from = all.items[1]?.receivedAt;
      expect((await store.list({ from }, { limit: 10, offset: 0 })).total).toBe(2);
      expect((await store.list({ to: from }, { limit: 10, offset: 0 })).total).toBe(1);
    });

    it('updates status and the public reply, and removes the reply', async () => {
      const feedback = newFeedback();
      await store.insert(feedback);
      const now = '2025-04-01T10:00:00.000Z';
      const updated = await store.update(
        feedback.code,
        { status: 'answered', publicReply: 'پاسخ' },
        now,
      );
      expect(updated).toMatchObject({
        status: 'answered',
        publicReply: 'پاسخ',
        repliedAt: now,
        updatedAt: now,
      });
      const later = '2025-04-02T10:00:00.000Z';
      const removed = await store.update(feedback.code, { publicReply: null }, later);
      expect(removed?.publicReply).toBeUndefined();
      expect(removed?.repliedAt).toBeUndefined();
      expect(removed?.status).toBe('answered');
      expect((await store.list({ status: 'answered' }, { limit: 5, offset: 0 })).total).toBe(1);
      expect(await store.update(generateTrackingCode(), { status: 'closed' }, now)).toBeUndefined();
    });

    it('exports every matching record, newest first, across batches', async () => {
      const total = 1203;
      for (let i = 0; i < total; i += 100) {
        await Promise.all(
          Array.from({ length: Math.min(100, total - i) }, (_, j) =>
            store.insert(newFeedback({ category: (i + j) % 3 === 0 ? 'question' : 'complaint' })),
          ),
        );
      }
      const seen: string[] = [];
      for await (const record of store.exportRecords({})) seen.push(record.receivedAt);
      expect(seen).toHaveLength(total);
      expect([...seen].sort().reverse()).toEqual(seen);
      let questions = 0;
      for await (const record of store.exportRecords({ category: 'question' })) {
        expect(record.category).toBe('question');
        questions++;
      }
      expect(questions).toBe(Math.ceil(total / 3));
    }, 30_000);

    it('keeps token buckets: a burst, Retry-After, refill, and one key at a time', async () => {
      const limit = { capacity: 3, refillPerSecond: 0.5 };
      const t0 = 1_700_000_000_000;
      const take = (key: string, at: number) => store.takeToken(key, limit, at);
      expect([await take('a', t0), await take('a', t0), await take('a', t0)]).toEqual([
        { allowed: true },
        { allowed: true },
        { allowed: true },
      ]);
      expect(await take('a', t0)).toEqual({ allowed: false, retryAfterSeconds: 2 });
      expect((await take('b', t0)).allowed).toBe(true);
      expect((await take('a', t0 + 2000)).allowed).toBe(true);
      expect((await take('a', t0 + 2000)).allowed).toBe(false);
      // Long idle: full again, never more than the capacity.
      const later = t0 + 1_000_000;
      const burst = [];
      for (let i = 0; i < 4; i++) burst.push((await take('a', later)).allowed);
      expect(burst).toEqual([true, true, true, false]);
      // Pruning forgets only buckets that have refilled (equal to fresh ones).
      await store.pruneLimits(later + 1000);
      expect((await take('a', later + 1000)).allowed).toBe(false);
    });

    it('takes tokens atomically: 30 parallel takes on one bucket allow exactly its capacity', async () => {
      const limit = { capacity: 7, refillPerSecond: 0.001 };
      const at = 1_700_000_000_000;
      const results = await Promise.all(
        Array.from({ length: 30 }, () => store.takeToken('parallel', limit, at)),
      );
      expect(results.filter((result) => result.allowed)).toHaveLength(7);
      for (const result of results) {
        if (!result.allowed) expect(result.retryAfterSeconds).toBeGreaterThan(0);
      }
    });

    it('reserves sign-in attempts in a sliding window, atomically, and releases them', async () => {
      const window = 15 * 60_000;
      const t0 = 1_700_000_000_000;
      const results = await Promise.all(
        Array.from({ length: 20 }, () => store.reserveAttempt('k', 5, window, t0)),
      );
      const allowed = results.filter((result) => result.allowed);
      expect(allowed).toHaveLength(5);
      expect(results.find((result) => !result.allowed)).toEqual({
        allowed: false,
        retryAfterSeconds: 15 * 60,
      });
      // Another key is not affected.
      expect((await store.reserveAttempt('other', 5, window, t0)).allowed).toBe(true);
      // Ten minutes on: five minutes left until the oldest leaves the window.
      expect(await store.reserveAttempt('k', 5, window, t0 + 10 * 60_000)).toEqual({
        allowed: false,
        retryAfterSeconds: 5 * 60,
      });
      // A released attempt (a successful sign-in) frees its place at once.
      const first = allowed[0];
      if (!first?.allowed) throw new Error('no attempt was allowed');
      await store.releaseAttempt('k', first.id);
      const again = await store.reserveAttempt('k', 5, window, t0 + 11 * 60_000);
      expect(again.allowed).toBe(true);
      // The window slides: the four left from t0 leave it at t0 + 15 min.
      expect((await store.reserveAttempt('k', 5, window, t0 + 15 * 60_000)).allowed).toBe(true);
      await store.pruneLimits(t0 + 40 * 60_000);
      const fresh = await Promise.all(
        Array.from({ length: 6 }, () => store.reserveAttempt('k', 5, window, t0 + 40 * 60_000)),
      );
      expect(fresh.filter((result) => result.allowed)).toHaveLength(5);
    });

    it('caps sessions per account and ends them all at once', async () => {
      for (let i = 0; i < 4; i++) {
        await store.createSession({
          tokenHash: `h${i}`,
          actor: i < 3 ? 'maryam' : 'reza',
          createdAt: new Date(Date.UTC(2026, 0, 1, 8, i)).toISOString(),
          lastSeenAt: new Date(Date.UTC(2026, 0, 1, 8, i)).toISOString(),
          fingerprint: `f${i}`,
        });
      }
      expect(await store.getSession('h0')).toMatchObject({ actor: 'maryam', fingerprint: 'f0' });
      await store.trimSessions('maryam', 2);
      expect(await store.getSession('h0')).toBeUndefined();
      expect(await store.getSession('h1')).toBeDefined();
      expect(await store.getSession('h2')).toBeDefined();
      expect(await store.endSessionsOf('maryam')).toBe(2);
      expect(await store.getSession('h2')).toBeUndefined();
      expect(await store.getSession('h3')).toMatchObject({ actor: 'reza' });
    });

    it('keeps one server secret per name, the same after a reopen', async () => {
      const first = await store.secret('account-digests');
      expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(await store.secret('account-digests')).toBe(first);
      expect(await store.secret('other')).not.toBe(first);
      await store.close();
      store = await engine.reopen();
      expect(await store.secret('account-digests')).toBe(first);
    });

    it('serves the API end to end: submit, look up, idempotent retry, nothing stored on errors', async () => {
      const handler = createFeedbackHandler({
        store,
        submitLimit: false,
        lookupLimit: false,
      });
      const body = validBody({ idempotencyKey: 'e2e-0123456789abcdef', name: 'Sara' });
      const created = await handler(post(body));
      expect(created.status).toBe(201);
      const { code } = (await created.json()) as { code: string };
      const retried = await handler(post(body));
      expect(((await retried.json()) as { code: string }).code).toBe(code);
      const status = await handler(new Request(`${BASE}/${code}`));
      expect(status.status).toBe(200);
      expect(JSON.stringify(await status.json())).not.toContain('Sara');
      for (const bad of [
        post('{'),
        post(validBody({ category: 'x' })),
        post(validBody({ website: 'x' })),
      ]) {
        await handler(bad);
      }
      expect(await countRows(store)).toBe(1);
    });

    it('scopes idempotency keys by kind and client: a comment reusing a key is stored', async () => {
      const handler = createFeedbackHandler({
        store,
        submitLimit: false,
        lookupLimit: false,
        commentsReadLimit: false,
        minFillMs: 0,
        articleExists: () => true,
      });
      const key = 'shared-key-0123456789';
      const send = async (body: Record<string, unknown>, clientAddress: string) => {
        const response = await handler(post(body), { clientAddress });
        expect(response.status).toBe(201);
        return ((await response.json()) as { code: string }).code;
      };
      const feedback = validBody({ idempotencyKey: key });
      const comment = {
        kind: 'comment',
        article: 'fa/hesseh-service-base',
        message: 'یک نظر',
        idempotencyKey: key,
        elapsedMs: 5000,
      };
      const first = await send(feedback, '10.1.1.1');
      // The same client resending the same feedback gets the same code, one row.
      expect(await send(feedback, '10.1.1.1')).toBe(first);
      expect(await countRows(store)).toBe(1);
      // A comment with that key is a submission of its own: stored, with its own code.
      const asComment = await send(comment, '10.1.1.1');
      expect(asComment).not.toBe(first);
      expect(await send(comment, '10.1.1.1')).toBe(asComment);
      expect(await countRows(store)).toBe(2);
      const stored = await store.getByCode(asComment.replace(/-/g, ''));
      expect(stored?.kind).toBe('comment');
      expect(stored?.message).toBe('یک نظر');
      // Another client with the same key does not receive the first sender's code.
      const other = await send(feedback, '10.2.2.2');
      expect(other).not.toBe(first);
      expect(await countRows(store)).toBe(3);
      // The stored key is a hash of kind, client and key: no address, no raw key.
      expect(JSON.stringify(await store.getByCode(first.replace(/-/g, '')))).not.toMatch(
        /10\.1\.1\.1|shared-key/,
      );
    });

    it('lists only the provinces asked for; a record without one matches none', async () => {
      const isfahan = newFeedback({ province: 'isfahan' });
      const kerman = newFeedback({ province: 'kerman' });
      const none = newFeedback();
      for (const feedback of [isfahan, kerman, none]) await store.insert(feedback);
      const codes = async (provinces: string[] | undefined) =>
        (await store.list({ provinces }, { limit: 10, offset: 0 })).items.map((r) => r.code);
      expect(await codes(['isfahan'])).toEqual([isfahan.code]);
      expect((await codes(['isfahan', 'kerman'])).sort()).toEqual(
        [isfahan.code, kerman.code].sort(),
      );
      expect(await codes([])).toEqual([]);
      expect(await codes(undefined)).toHaveLength(3);
      const exported: string[] = [];
      for await (const record of store.exportRecords({ provinces: ['kerman'] })) {
        exported.push(record.code);
      }
      expect(exported).toEqual([kerman.code]);
    });

    it('erases contacts of feedback closed past the retention period, idempotently', async () => {
      // A fixed clock: "now" is 2026-06-15; twelve months back is 2025-06-15.
      const now = new Date('2026-06-15T09:00:00.000Z');
      const contact = { name: 'مریم', contact: '09120000000', province: 'isfahan' };
      const rows = {
        oldClosed: newFeedback(contact),
        oldClosedNoContact: newFeedback({ province: 'isfahan' }),
        recentClosed: newFeedback(contact),
        oldOpen: newFeedback(contact),
        oldComment: newFeedback({
          kind: 'comment',
          category: undefined,
          article: 'fa/hesseh-service-base',
          name: 'مریم',
        }),
      };
      for (const row of Object.values(rows)) await store.insert(row);
      await store.update(rows.oldClosed.code, { status: 'closed' }, '2025-06-14T23:59:59.000Z');
      await store.update(
        rows.oldClosedNoContact.code,
        { status: 'closed' },
        '2025-01-01T00:00:00.000Z',
      );
      await store.update(rows.recentClosed.code, { status: 'closed' }, '2025-06-15T09:00:01.000Z');
      await store.update(rows.oldOpen.code, { status: 'answered' }, '2024-01-01T00:00:00.000Z');
      await store.update(rows.oldComment.code, { status: 'rejected' }, '2024-01-01T00:00:00.000Z');
      const before = await store.getByCode(rows.oldClosed.code);

      // Two instances running at the same moment erase each record once between them.
      const runs = await Promise.all([
        eraseExpiredContacts(store, 12, now),
        eraseExpiredContacts(store, 12, now),
      ]);
      expect(runs.map((run) => run.closedBefore)).toEqual([
        '2025-06-15T09:00:00.000Z',
        '2025-06-15T09:00:00.000Z',
      ]);
      expect(runs[0].erased + runs[1].erased).toBe(1);
      expect((await eraseExpiredContacts(store, 12, now)).erased).toBe(0);

      const after = await store.getByCode(rows.oldClosed.code);
      const { name: _name, contact: _contact, ...kept } = before ?? rows.oldClosed;
      // Code, category, province, status, message and dates stay; the contact details go.
      expect(after).toEqual({ ...kept, contactErasedAt: now.toISOString() });
      for (const row of [rows.recentClosed, rows.oldOpen]) {
        expect(await store.getByCode(row.code)).toMatchObject({
          name: 'مریم',
          contact: '09120000000',
        });
      }
      expect((await store.getByCode(rows.oldComment.code))?.name).toBe('مریم');
      expect(
        (await store.getByCode(rows.oldClosedNoContact.code))?.contactErasedAt,
      ).toBeUndefined();

      // The citizen's own request erases one record's at once, whatever its status.
      const at = '2026-06-15T10:00:00.000Z';
      expect(await store.eraseContacts({ code: rows.oldOpen.code }, at)).toBe(1);
      expect(await store.eraseContacts({ code: rows.oldOpen.code }, at)).toBe(0);
      expect(await store.getByCode(rows.oldOpen.code)).toMatchObject({
        status: 'answered',
        contactErasedAt: at,
      });
      expect((await store.getByCode(rows.oldOpen.code))?.name).toBeUndefined();
      expect(await store.eraseContacts({ code: rows.oldComment.code }, at)).toBe(0);
    });
  });
}
