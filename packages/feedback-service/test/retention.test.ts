import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatTrackingCode, generateTrackingCode } from '@behzisti/core';
import { FeedbackStatusAnswerSchema } from '@behzisti/core/feedback-api';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFeedbackServiceFromEnv } from '../src/config.ts';
import { main as eraseContacts } from '../src/erase-contacts.ts';
import { retentionCutoff } from '../src/retention.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import { BASE, post, STAFF_TOKEN_HASH, setup, staffHeaders, validBody } from './helpers.ts';

// Retention outside the store suite (which runs the erasure itself on both engines): the cutoff
// arithmetic, the citizen's own erasure through the API, and the erase-contacts command.

describe('retentionCutoff', () => {
  it('goes back whole calendar months, clamping to the end of a shorter month', () => {
    const at = (iso: string, months: number) => retentionCutoff(new Date(iso), months);
    expect(at('2026-06-15T09:00:00.000Z', 12)).toBe('2025-06-15T09:00:00.000Z');
    expect(at('2026-03-31T12:00:00.000Z', 1)).toBe('2026-02-28T12:00:00.000Z');
    expect(at('2028-03-31T12:00:00.000Z', 1)).toBe('2028-02-29T12:00:00.000Z');
    expect(at('2026-01-15T00:00:00.000Z', 1)).toBe('2025-12-15T00:00:00.000Z');
  });

  it('is always before now, and later for a shorter period', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 119 }),
        (now, months) => {
          const longer = Date.parse(retentionCutoff(now, months + 1));
          const shorter = Date.parse(retentionCutoff(now, months));
          return longer < shorter && shorter < now.getTime();
        },
      ),
    );
  });
});

describe('DELETE /api/feedback/{code}/contact', () => {
  it('erases the contact details at once, says so, audits it, and is then a no-op', async () => {
    const { handler, store } = setup({ staffToken: STAFF_TOKEN_HASH });
    const created = await handler(
      post(validBody({ name: 'مریم', contact: '09120000000', consent: true })),
    );
    const { code } = (await created.json()) as { code: string };
    const status = async () => {
      const body = await (await handler(new Request(`${BASE}/${code}`))).json();
      return FeedbackStatusAnswerSchema.parse(body);
    };
    expect((await status()).contactHeld).toBe(true);

    const erase = () => handler(new Request(`${BASE}/${code}/contact`, { method: 'DELETE' }));
    const first = await erase();
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ code, erased: true });
    expect((await status()).contactHeld).toBe(false);
    const record = await store.getByCode(code.replace(/-/g, ''));
    expect(record?.name).toBeUndefined();
    expect(record?.contact).toBeUndefined();
    expect(record?.category).toBe('complaint');
    expect(await (await erase()).json()).toEqual({ code, erased: false });

    const audit = await handler(
      new Request(new URL('/api/staff/audit', BASE), { headers: staffHeaders() }),
    );
    const entries = ((await audit.json()) as { items: { action: string; actor: string }[] }).items;
    expect(entries.filter((entry) => entry.action === 'contact-erased')).toEqual([
      expect.objectContaining({ actor: 'citizen', target: code }),
    ]);
  });

  it('answers an unknown code 404, a malformed one 422, and is limited like lookups', async () => {
    const { handler } = setup({ lookupLimit: { capacity: 2, refillPerSecond: 0.001 } });
    const erase = (code: string) =>
      handler(new Request(`${BASE}/${code}/contact`, { method: 'DELETE' }));
    const unknown = formatTrackingCode(generateTrackingCode(), 'en');
    expect((await erase(unknown)).status).toBe(404);
    expect((await erase('1234')).status).toBe(422);
    expect((await erase(unknown)).status).toBe(429);
    // Only DELETE: the route does not read or change anything else.
    const get = await handler(new Request(`${BASE}/${unknown}/contact`));
    expect(get.status).toBe(405);
  });
});

describe('erase-contacts command', () => {
  let dir = '';
  afterEach(() => {
    vi.restoreAllMocks();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /**
   * A database file with one message that left contact details, closed at `closedAt`: its
   * path and the message's code.
   */
  async function closedWithContact(closedAt: string): Promise<{ path: string; code: string }> {
    dir = mkdtempSync(join(tmpdir(), 'bz-retention-'));
    const path = join(dir, 'feedback.sqlite');
    const store = openSqliteStore({ path });
    const { handler } = setup({ store });
    const created = await handler(post(validBody({ name: 'علی', contact: 'ali@example.ir' })));
    const code = ((await created.json()) as { code: string }).code.replace(/-/g, '');
    await store.update(code, { status: 'closed' }, closedAt);
    await store.close();
    return { path, code };
  }

  it('erases on the configured database with --months and reports the count', async () => {
    const { path, code } = await closedWithContact('2026-01-10T00:00:00.000Z');

    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const env = { FEEDBACK_DB: path };
    // Six months later: a 12-month period keeps the contact, a 3-month one erases it.
    const now = new Date('2026-07-10T00:00:00.000Z');
    expect(await eraseContacts([], env, now)).toBe(0);
    expect(String(out.mock.calls.at(-1)?.[0])).toMatch(/^Erased the contact details of 0 /);
    expect(await eraseContacts(['--months', '3'], env, now)).toBe(0);
    expect(String(out.mock.calls.at(-1)?.[0])).toMatch(/of 1 closed message.*2026-04-10/);
    out.mockRestore();

    const reopened = openSqliteStore({ path });
    expect((await reopened.getByCode(code))?.contact).toBeUndefined();
    await reopened.close();
  });

  it('runs in the service once at start (and daily), on the configured period', async () => {
    // Closed two months ago by the real clock: a one-month period has passed.
    const { path, code } = await closedWithContact(
      new Date(Date.now() - 62 * 86_400_000).toISOString(),
    );
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const service = await createFeedbackServiceFromEnv({
      FEEDBACK_DB: path,
      FEEDBACK_RETENTION_MONTHS: '1',
    });
    await service.retention?.ran;
    service.retention?.stop();
    expect((await service.store.getByCode(code))?.contact).toBeUndefined();
    expect(JSON.parse(String(log.mock.calls[0]?.[0]))).toMatchObject({
      event: 'retention',
      erased: 1,
    });
    await service.store.close();
    const off = await createFeedbackServiceFromEnv({
      FEEDBACK_DB: path,
      FEEDBACK_RETENTION_MONTHS: '0',
    });
    expect(off.retention).toBeUndefined();
    await off.store.close();
  });

  it('refuses a bad period with a usage error', async () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await eraseContacts(['--months', 'soon'], {})).toBe(2);
    expect(String(err.mock.calls[0]?.[0])).toMatch(/--months/);
    expect(await eraseContacts(['--months', '0'], {})).toBe(2);
    expect(await eraseContacts(['--bogus'], {})).toBe(2);
  });
});
