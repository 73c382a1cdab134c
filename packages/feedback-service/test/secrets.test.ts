import { spawn, spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hashSecret,
  MIN_WORK,
  parseSecretHash,
  RECOMMENDED_COST,
  SecretHashError,
  verifySecret,
} from '../src/secret-hash.ts';
import { createStaffCredentials } from '../src/staff-auth.ts';
import { account, TEST_COST } from './helpers.ts';

// Staff secrets as scrypt PHC strings, and the `hash-secret` command that makes them.

const bin = new URL('../bin/hash-secret.mjs', import.meta.url).pathname;

/** Runs `hash-secret` with `input` on a pipe. */
function hashCommand(input: string, args: string[] = []) {
  return spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8' });
}

describe('secret hashes (PHC scrypt)', () => {
  it('round-trips any secret, and a different secret or salt does not match', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 40 }), fc.string(), async (a, b) => {
        const hash = parseSecretHash(await hashSecret(a, TEST_COST), 0);
        expect(await verifySecret(a, hash)).toBe(true);
        // Unicode forms of one text are one secret (NFC), as typed on different keyboards.
        expect(await verifySecret(a.normalize('NFD'), hash)).toBe(true);
        if (a.normalize('NFC') !== b.normalize('NFC')) {
          expect(await verifySecret(b, hash)).toBe(false);
        }
      }),
      { numRuns: 30 },
    );
    const [one, two] = [await hashSecret('same', TEST_COST), await hashSecret('same', TEST_COST)];
    expect(one).not.toBe(two);
    // 60 scrypt hashes: on a loaded two-core machine this took over the default 5 s.
  }, 30_000);

  it('writes the PHC string format with the recommended costs', async () => {
    const hash = await hashSecret('a staff secret 0123456789');
    expect(hash).toMatch(/^\$scrypt\$ln=15,r=8,p=3\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    const parsed = parseSecretHash(hash);
    expect([parsed.ln, parsed.r, parsed.p]).toEqual([15, 8, 3]);
    expect(2 ** RECOMMENDED_COST.ln * RECOMMENDED_COST.r * RECOMMENDED_COST.p).toBeGreaterThan(
      MIN_WORK,
    );
  });

  it('says why a text is not a usable hash, without repeating it', () => {
    const reason = (text: string) => {
      try {
        parseSecretHash(text);
      } catch (error) {
        expect((error as Error).message).not.toContain(text);
        return (error as SecretHashError).reason;
      }
      return 'ok';
    };
    expect(reason('correct horse battery staple')).toBe('not-a-hash');
    expect(reason('$scrypt$ln=15,r=8,p=3$c2FsdHNhbHQ')).toBe('malformed');
    expect(reason('$scrypt$ln=99,r=8,p=3$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA')).toBe('malformed');
    expect(reason('$scrypt$ln=14,r=8,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA')).toBe('too-weak');
    expect(reason('$scrypt$ln=17,r=8,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA')).toBe('ok');
  });

  it('checks sign-ins and bearer tokens against the hashes', async () => {
    const credentials = createStaffCredentials(
      [await account({ name: 'maryam', secret: 'maryam-secret-0123456789' })],
      await hashSecret('shared-token-0123456789', TEST_COST),
    );
    expect(await credentials.signIn('maryam', 'maryam-secret-0123456789')).toBe('maryam');
    expect(await credentials.signIn('maryam', 'maryam-secret-012345678')).toBeUndefined();
    expect(await credentials.signIn('nobody', 'maryam-secret-0123456789')).toBeUndefined();
    expect(await credentials.signIn('staff', 'shared-token-0123456789')).toBe('staff');
    const bearer = (value: string) =>
      credentials.bearer(new Request('http://x/', { headers: { authorization: value } }));
    expect(await bearer('Bearer shared-token-0123456789')).toBe('staff');
    expect(await bearer('Bearer maryam:maryam-secret-0123456789')).toBe('maryam');
    expect(await bearer('Bearer maryam:wrong')).toBeNull();
    expect(await bearer('Basic shared-token-0123456789')).toBeNull();
    expect(() => createStaffCredentials([{ name: 'a', secretHash: 'plain' }], undefined)).toThrow(
      SecretHashError,
    );
  });
});

// Each test starts Node (and hashes at the real cost): slow on a busy machine, not a failure.
describe('hash-secret', { timeout: 60_000 }, () => {
  it('hashes the first line of a piped input', async () => {
    const secret = 'pasted secret with spaces 0123';
    const result = hashCommand(`${secret}\r\nignored second line\n`, ['--name', 'maryam']);
    expect(result.status).toBe(0);
    const [name, hash] = result.stdout.trim().split(/:(.*)/s) as [string, string];
    expect(name).toBe('maryam');
    expect(await verifySecret(secret, parseSecretHash(hash))).toBe(true);
    expect(result.stdout).not.toContain(secret);
  });

  it('refuses a short secret or a bad name, and explains', () => {
    const short = hashCommand('short\n');
    expect(short.status).toBe(1);
    expect(short.stdout).toBe('');
    expect(short.stderr).toMatch(/shorter than 16 characters.*openssl rand/);
    const badName = hashCommand('long-enough-secret-0123456789\n', ['--name', 'مریم']);
    expect(badName.status).toBe(2);
    expect(hashCommand('', ['--help']).stdout).toMatch(/Usage: hash-secret/);
    expect(hashCommand('', ['--nope']).status).toBe(2);
  });

  // A terminal through util-linux `script`: the secret is typed twice and never echoed.
  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)(
    'asks twice at a terminal and never shows the secret',
    async () => {
      const secret = 'typed-at-a-terminal-0123456789';
      const run = (second: string) =>
        new Promise<string>((resolve) => {
          const child = spawn('script', ['-qec', `"${process.execPath}" "${bin}"`, '/dev/null']);
          let out = '';
          let typed = 0;
          child.stdout.on('data', (chunk: Buffer) => {
            out += chunk.toString('utf8');
            // Typed only once each prompt shows, as a person would.
            if (typed === 0 && out.includes('(not shown): ')) {
              typed = 1;
              child.stdin.write(`${secret}\r`);
            }
            if (typed === 1 && out.includes('The same again: ')) {
              typed = 2;
              child.stdin.end(`${second}\r`);
            }
          });
          child.on('close', () => resolve(out));
        });
      const typed = await run(secret);
      expect(typed).not.toContain(secret);
      const hash = /\$scrypt\$\S+/.exec(typed)?.[0] ?? '';
      expect(await verifySecret(secret, parseSecretHash(hash))).toBe(true);
      const differ = await run(`${secret}x`);
      expect(differ).toMatch(/The two secrets differ/);
      expect(differ).not.toContain('$scrypt$');
    },
    30_000,
  );
});
