import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookServer, isSignedBy, signBody } from './webhook.ts';

const secret = 'a-webhook-secret-of-this-test';
let base: string;
let pushes = 0;
const server = createWebhookServer(secret, () => {
  pushes += 1;
});

beforeAll(async () => {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

const push = JSON.stringify({ ref: 'refs/heads/main', after: 'abc' });

describe('the forge webhook', () => {
  it('starts a round for a push signed with the secret, as Forgejo and Gitea sign it', async () => {
    const before = pushes;
    for (const header of ['x-forgejo-signature', 'x-gitea-signature']) {
      const response = await fetch(`${base}/hook`, {
        method: 'POST',
        headers: { [header]: signBody(secret, push), 'content-type': 'application/json' },
        body: push,
      });
      expect(response.status).toBe(202);
    }
    const github = await fetch(`${base}/`, {
      method: 'POST',
      headers: { 'x-hub-signature-256': `sha256=${signBody(secret, push)}` },
      body: push,
    });
    expect(github.status).toBe(202);
    expect(pushes).toBe(before + 3);
  });

  it('refuses unsigned, wrongly signed, altered and oversized requests without a round', async () => {
    const before = pushes;
    const attempts: [RequestInit, number][] = [
      [{ method: 'POST', body: push }, 401],
      [{ method: 'POST', body: push, headers: { 'x-forgejo-signature': 'zz' } }, 401],
      [
        {
          method: 'POST',
          body: `${push} `,
          headers: { 'x-forgejo-signature': signBody(secret, push) },
        },
        401,
      ],
      [
        {
          method: 'POST',
          body: push,
          headers: { 'x-forgejo-signature': signBody('another-secret-entirely', push) },
        },
        401,
      ],
      [{ method: 'GET' }, 405],
    ];
    for (const [init, status] of attempts) {
      expect((await fetch(`${base}/hook`, init)).status).toBe(status);
    }
    const big = await fetch(`${base}/hook`, {
      method: 'POST',
      body: 'x'.repeat(2 * 1024 * 1024),
    }).catch(() => undefined);
    expect(big === undefined || big.status === 413).toBe(true);
    expect(pushes).toBe(before);
  });

  it('accepts only the exact signature of the exact body', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.string(), (body, guess) => {
        const bytes = Buffer.from(body);
        expect(isSignedBy(secret, bytes, { 'x-forgejo-signature': guess })).toBe(
          guess.toLowerCase() === signBody(secret, bytes),
        );
        expect(isSignedBy(secret, bytes, { 'x-forgejo-signature': signBody(secret, bytes) })).toBe(
          true,
        );
      }),
    );
  });

  it('refuses a short secret', () => {
    expect(() => createWebhookServer('short', () => {})).toThrow(/16 characters/);
  });
});
