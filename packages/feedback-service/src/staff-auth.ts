import { createHash, timingSafeEqual } from 'node:crypto';

// Staff endpoints are guarded by one shared bearer token from configuration. Both sides are
// hashed before comparing so the comparison is constant-time whatever the lengths (timingSafeEqual
// needs equal lengths, and comparing lengths first would leak the token's length).

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** A checker for `Authorization: Bearer <token>` against the configured token. */
export function createStaffAuth(token: string): (request: Request) => boolean {
  const expected = sha256(token);
  return (request) => {
    const header = request.headers.get('authorization') ?? '';
    const match = /^Bearer[ \t]+(\S+)\s*$/i.exec(header);
    // Hash even when the header is missing so every failure takes the same path.
    const given = sha256(match?.[1] ?? '');
    return timingSafeEqual(given, expected) && match !== null;
  };
}
