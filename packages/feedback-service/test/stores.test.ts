import { generateTrackingCode } from '@behzisti/core';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFeedbackHandler } from '../src/handler.ts';
import { CodeCollisionError, type FeedbackStore, type NewFeedback } from '../src/store/types.ts';
import { postgresEngine, sqliteEngine } from './engines.ts';
import { BASE, countRows, post, validBody } from './helpers.ts';
import { preparePostgres } from './postgres.ts';

// One contract suite, run against the real engines: SQLite (node:sqlite) and PostgreSQL.

const pg = await preparePostgres();
afterAll(() => pg.teardown());
const engines = [sqliteEngine(), postgresEngine(pg.url)];

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
      expect(await engine.migrations()).toEqual([1, 2, 3]);
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
  });
}
