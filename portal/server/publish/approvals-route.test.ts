import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalCheck, readApprovals } from '../../src/lib/news-approvals.ts';
import { APPROVALS_FILE, createApprovalsRoute, withSave } from './approvals-route.ts';

// The approvals route on a real HTTP server, as the editor's approve button uses it: GET says
// whether the signed-in staff account may approve and what approval the item has; POST approves
// exactly the text the approver read (its SHA-256). The feedback service's GET /api/staff/session
// is played by the same server for two cookies (a publisher and a moderator), as the route asks
// this very server who is signed in. Saves (POST /api/publish/saves) name the account the
// session says, and an approval by an account that saved that version is refused.

let server: Server;
let base: string;
let work: string;
const item =
  '---\ntitle: خبر\nsummary: خلاصه\ndate: 1404-09-02\nstatus: review\ncode: 1\noffice: روابط عمومی\n---\nمتن.\n';
const sha = createHash('sha256').update(item, 'utf8').digest('hex');
const who: Record<string, { name: string; role: string }> = {
  'bz_staff=publisher': { name: 'publisher', role: 'admin' },
  'bz_staff=moderator': { name: 'moderator', role: 'moderator' },
  'bz_staff=chief': { name: 'chief', role: 'admin' },
};

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'bz-approvals-route-'));
  mkdirSync(join(work, 'news/fa'), { recursive: true });
  writeFileSync(join(work, 'news/fa/news-1.md'), item);
  const route = createApprovalsRoute({
    releasesDir: work,
    newsDir: join(work, 'news'),
    self: () => ({ url: base, https: false }),
  });
  server = createServer((req, res) => {
    if (req.url === '/api/staff/session') {
      const account = who[req.headers.cookie ?? ''];
      res.writeHead(account ? 200 : 401, { 'content-type': 'application/json' });
      res.end(JSON.stringify(account ?? {}));
      return;
    }
    void route(req, res, { requestId: 't', pathname: '/api/publish/approvals' } as Parameters<
      typeof route
    >[2]);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server?.close();
  rmSync(work, { recursive: true, force: true });
});

const ask = (id: string, cookie?: string) =>
  fetch(`${base}/api/publish/approvals?id=${encodeURIComponent(id)}`, {
    headers: cookie ? { cookie } : {},
  });
const approve = (body: unknown, cookie = 'bz_staff=publisher') =>
  fetch(`${base}/api/publish/approvals`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  });
const recordSave = (body: unknown, cookie?: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/publish/saves`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...headers },
    body: JSON.stringify(body),
  });
const codeOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string } }).error.code;
/** Writes item `slug`'s file on the server, as the pipeline's checkout would have it. */
const writeItem = (slug: string, text: string) =>
  writeFileSync(join(work, `news/fa/${slug}.md`), text);
const hash = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('GET /api/publish/approvals (the approve button)', () => {
  it('answers staff only, and says who may approve', async () => {
    expect((await ask('fa/news-1')).status).toBe(401);
    expect((await ask('fa/../x', 'bz_staff=publisher')).status).toBe(400);
    expect(await (await ask('fa/news-1', 'bz_staff=moderator')).json()).toEqual({
      by: 'moderator',
      mayApprove: false,
      saves: [],
    });
    expect(await (await ask('fa/news-1', 'bz_staff=publisher')).json()).toEqual({
      by: 'publisher',
      mayApprove: true,
      saves: [],
    });
  });
});

describe('POST /api/publish/approvals with the text read', () => {
  it('refuses any other text than the server’s copy, and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[0-9a-f]{64}$/).filter((other) => other !== sha),
        async (other) => {
          const response = await approve({ id: 'fa/news-1', sha256: other });
          expect(response.status).toBe(409);
          expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
            'NOT_THIS_TEXT',
          );
        },
      ),
      { numRuns: 25 },
    );
    for (const bad of ['', 'ABC', sha.toUpperCase(), 42, null, `${sha}0`]) {
      expect((await approve({ id: 'fa/news-1', sha256: bad })).status, String(bad)).toBe(400);
    }
    expect(await (await ask('fa/news-1', 'bz_staff=publisher')).json()).not.toHaveProperty(
      'approval',
    );
  });

  it('approves the text read; GET then names the approval and its SHA-256', async () => {
    expect((await approve({ id: 'fa/news-1', sha256: sha }, 'bz_staff=moderator')).status).toBe(
      403,
    );
    // Nobody is recorded as saving this text yet: not approvable.
    const unknown = await approve({ id: 'fa/news-1', sha256: sha });
    expect(unknown.status).toBe(409);
    expect(await codeOf(unknown)).toBe('SAVER_UNKNOWN');
    // Its writer's editor records the save (the account from the session).
    expect((await recordSave({ id: 'fa/news-1', sha256: sha }, 'bz_staff=moderator')).status).toBe(
      201,
    );
    const response = await approve({ id: 'fa/news-1', sha256: sha });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ id: 'fa/news-1', sha256: sha, by: 'publisher' });
    expect(await (await ask('fa/news-1', 'bz_staff=moderator')).json()).toMatchObject({
      mayApprove: false,
      approval: { id: 'fa/news-1', sha256: sha, by: 'publisher' },
    });
  });
});

describe('POST /api/publish/saves (who saved a version)', () => {
  it('takes the account from the session only, and refuses what is not a save', async () => {
    writeItem('saves-1', item.replace('متن.', 'متن یک.'));
    expect((await recordSave({ id: 'fa/saves-1' })).status).toBe(401);
    expect((await recordSave({ id: 'fa/../x' }, 'bz_staff=moderator')).status).toBe(400);
    expect(
      (await recordSave({ id: 'fa/saves-1', sha256: 'ABC' }, 'bz_staff=moderator')).status,
    ).toBe(400);
    expect((await recordSave({ id: 'fa/no-such-item' }, 'bz_staff=moderator')).status).toBe(404);
    // Another site's page cannot make a signed-in person's browser record a save.
    const foreign = await recordSave({ id: 'fa/saves-1' }, 'bz_staff=moderator', {
      origin: 'https://evil.example',
    });
    expect(foreign.status).toBe(400);
    // A name in the body is not read: the save is the session's account's.
    const saved = await recordSave({ id: 'fa/saves-1', by: 'chief' }, 'bz_staff=publisher');
    expect(saved.status).toBe(201);
    expect(await saved.json()).toMatchObject({ id: 'fa/saves-1', by: 'publisher' });
    const answer = (await (await ask('fa/saves-1', 'bz_staff=chief')).json()) as {
      saves: { by: string; sha256: string }[];
    };
    expect(answer.saves).toEqual([
      expect.objectContaining({ by: 'publisher', sha256: hash(item.replace('متن.', 'متن یک.')) }),
    ]);
    expect((await fetch(`${base}/api/publish/saves`)).status).toBe(405);
  });

  it('refuses approval by the account that saved the version; a second account approves', async () => {
    const text = item.replace('متن.', 'متن خودم.');
    writeItem('own-1', text);
    expect(
      (await recordSave({ id: 'fa/own-1', sha256: hash(text) }, 'bz_staff=chief')).status,
    ).toBe(201);
    const own = await approve({ id: 'fa/own-1', sha256: hash(text) }, 'bz_staff=chief');
    expect(own.status).toBe(403);
    const body = (await own.json()) as {
      error: { code: string; message: { fa: string; en: string } };
    };
    expect(body.error.code).toBe('SAME_ACCOUNT');
    expect(body.error.message.fa).toContain('از همکاری که اجازه‌ی انتشار دارد بخواهید');
    expect(body.error.message.en).toContain('Ask a colleague who may publish');
    const second = await approve({ id: 'fa/own-1', sha256: hash(text) });
    expect(second.status).toBe(201);
    expect(await second.json()).toMatchObject({ by: 'publisher', savedBy: ['chief'] });
    // The approver edits the approved text: their own edit needs someone else's approval.
    const edited = text.replace('خودم', 'ویرایش‌شده');
    writeItem('own-1', edited);
    await recordSave({ id: 'fa/own-1', sha256: hash(edited) }, 'bz_staff=publisher');
    expect(await codeOf(await approve({ id: 'fa/own-1' }))).toBe('SAME_ACCOUNT');
    expect((await approve({ id: 'fa/own-1' }, 'bz_staff=chief')).status).toBe(201);
  });

  it('publishes an item iff its current version is approved by a publisher who did not save it (generated)', async () => {
    const names = ['a', 'b', 'c', 'd'] as const;
    const versions = ['یک', 'دو', 'سه'] as const;
    const action = fc.oneof(
      fc.record({
        kind: fc.constant('save' as const),
        by: fc.constantFrom(...names),
        version: fc.constantFrom(...versions),
      }),
      fc.record({ kind: fc.constant('approve' as const), by: fc.constantFrom(...names) }),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({ a: fc.boolean(), b: fc.boolean(), c: fc.boolean(), d: fc.boolean() }),
        fc.array(action, { minLength: 1, maxLength: 14 }),
        async (publishes, actions) => {
          run += 1;
          const slug = `gen-${run}`;
          const id = `fa/${slug}`;
          for (const name of names) {
            who[`bz_staff=${name}`] = { name, role: publishes[name] ? 'admin' : 'moderator' };
          }
          // The model: who saved which text, and the item's one approval.
          let current: string | undefined;
          const saves: { sha: string; by: string }[] = [];
          let approval: { sha: string; by: string } | undefined;
          for (const step of actions) {
            const cookie = `bz_staff=${step.by}`;
            if (step.kind === 'save') {
              current = item.replace('متن.', `متن ${step.version}.`);
              writeItem(slug, current);
              expect((await recordSave({ id }, cookie)).status).toBe(201);
              saves.push({ sha: hash(current), by: step.by });
              continue;
            }
            const response = await approve({ id }, cookie);
            if (current === undefined) {
              expect(response.status).toBe(publishes[step.by] ? 404 : 403);
              continue;
            }
            const savers = new Set(
              saves.filter((save) => save.sha === hash(current as string)).map((s) => s.by),
            );
            const expected = !publishes[step.by]
              ? 'NOT_A_PUBLISHER'
              : savers.size === 0
                ? 'SAVER_UNKNOWN'
                : savers.has(step.by)
                  ? 'SAME_ACCOUNT'
                  : 'APPROVED';
            if (expected === 'APPROVED') {
              expect(response.status).toBe(201);
              approval = { sha: hash(current), by: step.by };
            } else {
              expect(await codeOf(response)).toBe(expected);
            }
          }
          // What the pipeline reads (readApprovals checks the savers again).
          const published =
            current !== undefined &&
            approvalCheck(readApprovals(join(work, APPROVALS_FILE)))(id, current);
          const savers = new Set(
            saves.filter((save) => save.sha === approval?.sha).map((save) => save.by),
          );
          expect(published).toBe(
            current !== undefined &&
              approval?.sha === hash(current) &&
              savers.size > 0 &&
              !savers.has(approval.by),
          );
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});

describe('withSave (how many saves are kept)', () => {
  const at = '2026-12-06T00:00:00Z';
  const save = (id: string, sha: string, by: string) => ({ id, sha256: sha, by, at });
  it('drops old versions whole: flooding made-up versions cannot leave a colleague as the only saver', () => {
    // A saved text X, then B saved the same text; A then records 25 made-up versions.
    let saves = withSave(withSave([], save('fa/x', 'X', 'A')), save('fa/x', 'X', 'B'));
    const saversOfX = () => saves.filter((record) => record.sha256 === 'X').map((r) => r.by);
    for (let n = 0; n < 19; n += 1) saves = withSave(saves, save('fa/x', `fake-${n}`, 'A'));
    // Twenty versions: X is kept, with both its savers (A may still not approve it).
    expect(saversOfX()).toEqual(['A', 'B']);
    for (let n = 19; n < 25; n += 1) saves = withSave(saves, save('fa/x', `fake-${n}`, 'A'));
    // X is gone whole: saved by nobody, so nobody may approve it.
    expect(saversOfX()).toEqual([]);
    expect(new Set(saves.map((record) => record.sha256)).size).toBe(20);
  });

  it('keeps every saver of each version it keeps, at most 20 versions an item (generated)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            id: fc.constantFrom('fa/a', 'fa/b', 'fa/c'),
            sha: fc.constantFrom(...'0123456789abcdefghijklmnopqrstuvwxyz'),
            by: fc.constantFrom('p', 'q', 'r'),
          }),
          { maxLength: 120 },
        ),
        (steps) => {
          let saves: ReturnType<typeof withSave> = [];
          for (const step of steps) saves = withSave(saves, save(step.id, step.sha, step.by));
          for (const id of ['fa/a', 'fa/b', 'fa/c']) {
            const kept = new Set(saves.filter((r) => r.id === id).map((r) => r.sha256));
            expect(kept.size).toBeLessThanOrEqual(20);
            // The most recently saved version is always kept, with all its savers.
            const last = steps.filter((x) => x.id === id).at(-1);
            if (last) expect(kept.has(last.sha)).toBe(true);
            for (const sha of kept) {
              const all = new Set(
                steps.filter((x) => x.id === id && x.sha === sha).map((x) => x.by),
              );
              const left = new Set(
                saves.filter((r) => r.id === id && r.sha256 === sha).map((r) => r.by),
              );
              expect(left).toEqual(all);
            }
          }
        },
      ),
    );
  });
});
