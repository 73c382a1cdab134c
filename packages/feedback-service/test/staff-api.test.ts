import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTokenRequest } from '../src/api-tokens.ts';
import { parseSecretChange } from '../src/own-secret.ts';
import { parseUpdate } from '../src/staff.ts';
import {
  SecretChangeRequestSchema,
  StaffUpdateRequestSchema,
  TokenRequestSchema,
} from '../src/staff-api.ts';

// The office's request bodies are documented by zod schemas (staff-api.ts) and parsed by the
// handler's own functions, which name each bad field in words. On generated bodies, near the
// edges of every rule, the two must accept exactly the same bodies.

const accepts = (parse: (body: unknown) => unknown, body: unknown): boolean => {
  try {
    parse(body);
    return true;
  } catch {
    return false;
  }
};

function agree(
  schema: { safeParse(body: unknown): { success: boolean } },
  parse: (body: unknown) => unknown,
  bodies: fc.Arbitrary<unknown>,
) {
  let accepted = 0;
  fc.assert(
    fc.property(bodies, (body) => {
      const documented = schema.safeParse(body).success;
      expect(accepts(parse, body), JSON.stringify(body)).toBe(documented);
      if (documented) accepted++;
    }),
    { numRuns: 2000 },
  );
  // Both answers are reached often, or the property says little (the generators make sure of it
  // whatever the seed: a few hundred of each is expected).
  expect(accepted).toBeGreaterThan(100);
  expect(accepted).toBeLessThan(1900);
}

const junk = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.string({ maxLength: 5 }));

describe('staff request bodies: the parsers accept exactly what the OpenAPI schemas do', () => {
  it('PATCH /api/feedback/{code}', () => {
    const reply = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('', '  ', '\n', null, 'پاسخ', 'x'.repeat(4000), 'x'.repeat(4001)),
      junk,
    );
    const status = fc.oneof(
      fc.constantFrom(
        'received',
        'in-review',
        'answered',
        'closed',
        'pending',
        'approved',
        'rejected',
        'open',
        '',
      ),
      junk,
    );
    const body = fc.oneof(
      fc.record({ status, publicReply: reply, other: junk }, { requiredKeys: [] }),
      fc.record({ status, publicReply: reply }, { requiredKeys: [] }),
      fc.record({ status: fc.constantFrom('answered', 'approved'), publicReply: fc.constant('x') }),
      fc.jsonValue(),
    );
    agree(StaffUpdateRequestSchema, parseUpdate, body);
  });

  it('POST /api/staff/tokens', () => {
    const body = fc.oneof(
      fc.record(
        {
          scope: fc.oneof(
            { arbitrary: fc.constantFrom('read', 'export', 'write'), weight: 5 },
            junk,
          ),
          days: fc.oneof(
            { arbitrary: fc.integer({ min: -1, max: 92 }), weight: 5 },
            fc.constantFrom(1.5, 90, 91),
            junk,
          ),
          label: fc.oneof(
            { arbitrary: fc.string({ maxLength: 10 }), weight: 5 },
            fc.constantFrom('', 'nightly\u200f', 'a\u0007b', 'x'.repeat(100), 'x'.repeat(101)),
            junk,
          ),
          provinces: fc.oneof(
            {
              arbitrary: fc.array(fc.constantFrom('isfahan', 'tehran', 'fars', 'atlantis', ''), {
                maxLength: 3,
              }),
              weight: 5,
            },
            junk,
          ),
        },
        { requiredKeys: ['scope'] },
      ),
      fc.record({ scope: fc.constant('read'), more: junk }),
      fc.record(
        {
          scope: fc.constantFrom('read', 'export'),
          days: fc.integer({ min: 1, max: 90 }),
          label: fc.string({ maxLength: 20 }).filter((text) => !/[\p{Cc}\p{Cf}]/u.test(text)),
          provinces: fc.constant(['isfahan']),
        },
        { requiredKeys: ['scope'] },
      ),
      fc.jsonValue(),
    );
    agree(TokenRequestSchema, parseTokenRequest, body);
  });

  it('PUT /api/staff/secret', () => {
    const secret = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(
        '',
        'sixteen chars ok',
        'fifteen chars !',
        '۱۲۳۴۵۶۷۸۹۰۱۲۳۴۵۶',
        '😀'.repeat(16),
      ),
      junk,
    );
    const body = fc.oneof(
      fc.record({ oldSecret: secret, newSecret: secret, more: junk }, { requiredKeys: [] }),
      fc.record({ oldSecret: secret, newSecret: secret }),
      secret.map((same) => ({ oldSecret: same, newSecret: same })),
      // Valid changes, so that both answers are reached often whatever the seed.
      fc.record({
        oldSecret: fc.string({ minLength: 1, maxLength: 20 }),
        newSecret: fc.string({ minLength: 16, maxLength: 40 }),
      }),
      fc.jsonValue(),
    );
    agree(SecretChangeRequestSchema, parseSecretChange, body);
  });
});
