import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

// Staff secrets are configured only as scrypt hashes in the PHC string format
// (https://github.com/P-H-C/phc-string-format/blob/master/phc-sf-spec.md):
//
//   $scrypt$ln=15,r=8,p=3$<salt>$<hash>
//
// `ln` is log2 of scrypt's cost N; salt and hash are the spec's B64 (standard base64 alphabet,
// no padding). ln=15, r=8, p=3 is one of the settings OWASP's Password Storage Cheat Sheet
// lists as equally strong (with N=2^17, r=8, p=1); it needs 32 MiB per check instead of
// 128 MiB, which matters on a small server checking several sign-ins at once. The PHC parser is
// these few lines rather than
// @phc/format because that package has not been released since 2019 and is CommonJS only.

/** scrypt's tunable costs, as the PHC string names them. */
export interface ScryptCost {
  /** log2 of N, the CPU and memory cost. */
  ln: number;
  /** Block size. */
  r: number;
  /** Parallelism. */
  p: number;
}

/** What `hash-secret` writes. */
export const RECOMMENDED_COST: ScryptCost = { ln: 15, r: 8, p: 3 };
/**
 * The least work (N·r·p) a configured hash may ask for: the cheapest of OWASP's settings
 * (N=2^13, r=8, p=10). A weaker hash in the configuration is refused: it would be far easier to
 * reverse by guessing.
 */
export const MIN_WORK = 2 ** 13 * 8 * 10;

const SALT_BYTES = 16;
const HASH_BYTES = 32;

/** A parsed PHC scrypt string. */
export interface SecretHash extends ScryptCost {
  salt: Buffer;
  hash: Buffer;
}

/** Why a text is not a usable secret hash (the text itself is never repeated). */
export class SecretHashError extends Error {
  readonly reason: 'not-a-hash' | 'malformed' | 'too-weak';
  constructor(reason: SecretHashError['reason'], message: string) {
    super(message);
    this.name = 'SecretHashError';
    this.reason = reason;
  }
}

const B64 = '[A-Za-z0-9+/]+';
const PHC_SCRYPT = new RegExp(
  `^\\$scrypt\\$ln=(\\d{1,2}),r=(\\d{1,3}),p=(\\d{1,3})\\$(${B64})\\$(${B64})$`,
);

/** True when `text` is meant as a PHC string (it may still be malformed). */
export const looksLikeHash = (text: string): boolean => text.startsWith('$');

const b64 = (bytes: Buffer): string => bytes.toString('base64').replace(/=+$/, '');

/**
 * Parses a PHC scrypt string. Throws SecretHashError: 'not-a-hash' for what looks like a plain
 * secret, 'malformed' for a broken PHC string, 'too-weak' below MIN_WORK (when `minWork` is set).
 */
export function parseSecretHash(text: string, minWork = MIN_WORK): SecretHash {
  if (!looksLikeHash(text)) {
    throw new SecretHashError('not-a-hash', 'this is a plain-text secret, not a hash');
  }
  const match = PHC_SCRYPT.exec(text);
  if (!match) {
    throw new SecretHashError(
      'malformed',
      'this is not a scrypt hash of the form $scrypt$ln=…,r=…,p=…$salt$hash',
    );
  }
  const [ln, r, p] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
  const salt = Buffer.from(match[4] as string, 'base64');
  const hash = Buffer.from(match[5] as string, 'base64');
  if (ln < 1 || ln > 24 || r < 1 || p < 1 || salt.length < 8 || hash.length < 16) {
    throw new SecretHashError('malformed', 'the hash has impossible parameters, salt or length');
  }
  if (2 ** ln * r * p < minWork) {
    throw new SecretHashError(
      'too-weak',
      `the hash is too cheap to compute (ln=${ln},r=${r},p=${p}); make a new one with hash-secret`,
    );
  }
  return { ln, r, p, salt, hash };
}

function derive(secret: string, salt: Buffer, cost: ScryptCost, length: number): Promise<Buffer> {
  const N = 2 ** cost.ln;
  const options: ScryptOptions = { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r };
  // Asynchronous: the work runs on libuv's thread pool, so a sign-in does not stop the server.
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFC'), salt, length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** The PHC string for `secret` with a fresh random salt. */
export async function hashSecret(
  secret: string,
  cost: ScryptCost = RECOMMENDED_COST,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(secret, salt, cost, HASH_BYTES);
  return `$scrypt$ln=${cost.ln},r=${cost.r},p=${cost.p}$${b64(salt)}$${b64(hash)}`;
}

/** True when `secret` hashes to `expected`; compared in constant time. */
export async function verifySecret(secret: string, expected: SecretHash): Promise<boolean> {
  const actual = await derive(secret, expected.salt, expected, expected.hash.length);
  return timingSafeEqual(actual, expected.hash);
}
