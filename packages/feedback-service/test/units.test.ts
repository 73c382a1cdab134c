import { csvField, neutraliseBidi, spreadsheetSafe } from '@behzisti/core/spreadsheet';
import { describe, expect, it } from 'vitest';
import { addressKey } from '../src/client-key.ts';
import { ConfigError, configFromEnv } from '../src/config.ts';
import { parseRateLimit, RateLimiter } from '../src/rate-limit.ts';

describe('RateLimiter', () => {
  it('allows a burst, refuses with Retry-After, then refills over time', () => {
    let now = 0;
    const limiter = new RateLimiter({ capacity: 3, refillPerSecond: 0.5 }, () => now);
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 2 });
    expect(limiter.take('b').allowed).toBe(true);
    now = 2000;
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    now = 1_000_000;
    expect([1, 2, 3, 4].map(() => limiter.take('a').allowed)).toEqual([true, true, true, false]);
  });

  it('reads count/seconds limits and off', () => {
    expect(parseRateLimit('20/60', { capacity: 1, refillPerSecond: 1 })).toEqual({
      capacity: 20,
      refillPerSecond: 20 / 60,
    });
    expect(parseRateLimit(undefined, { capacity: 1, refillPerSecond: 1 })).toEqual({
      capacity: 1,
      refillPerSecond: 1,
    });
    expect(parseRateLimit('off', { capacity: 1, refillPerSecond: 1 })).toBeUndefined();
    expect(() => parseRateLimit('lots', { capacity: 1, refillPerSecond: 1 })).toThrow(
      /count\/seconds/,
    );
  });
});

describe('addressKey', () => {
  // IPv4 as is, IPv4-mapped as IPv4, IPv6 by its /64.
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    ['::ffff:203.0.113.9', '203.0.113.9'],
    ['2001:db8:0:1:aaaa::1', '2001:db8:0:1::/64'],
    ['2001:DB8:0:1:bbbb:cccc:dddd:eeee', '2001:db8:0:1::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('keys %s as %s', (address, key) => {
    expect(addressKey(address)).toBe(key);
  });
});

describe('spreadsheet safety', () => {
  it('prefixes formula starters and strips bidi overrides and isolates', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r', '＝']) {
      expect(spreadsheetSafe(`${start}1`)).toBe(`'${start}1`);
    }
    expect(spreadsheetSafe('سلام =1')).toBe('سلام =1');
    // An override hiding a formula start is removed first, then the formula is caught.
    expect(spreadsheetSafe('\u202E=1')).toBe("'=1");
    expect(neutraliseBidi('a\u202Eb\u2066c\u2069\u200Fd\u200Ce')).toBe('abc\u200Fd\u200Ce');
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField(undefined)).toBe('');
    expect(csvField(false)).toBe('false');
  });
});

describe('configFromEnv', () => {
  it('has safe defaults: SQLite under ./data, loopback, limits on', () => {
    const config = configFromEnv({}, '/srv/portal');
    expect(config.sqlitePath).toBe('/srv/portal/data/feedback.sqlite');
    expect(config.host).toBe('127.0.0.1');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.staffToken).toBeUndefined();
    expect(config.submitLimit).not.toBe(false);
    expect(config.sqliteSynchronous).toBe('FULL');
  });

  it('reads every variable', () => {
    const config = configFromEnv({
      PORT: '9000',
      DATABASE_URL: 'postgres://u:p@db:5432/feedback',
      FEEDBACK_ALLOWED_ORIGINS: 'https://a.ir, https://b.ir ,',
      TRUSTED_PROXIES: 'loopback, 10.0.0.0/8',
      FEEDBACK_SUBMIT_LIMIT: 'off',
      FEEDBACK_LOOKUP_LIMIT: '10/60',
      FEEDBACK_MIN_FILL_MS: '0',
    });
    expect(config.port).toBe(9000);
    expect(config.allowedOrigins).toEqual(['https://a.ir', 'https://b.ir']);
    expect(config.trustProxy('127.0.0.1', 0)).toBe(true);
    expect(config.trustProxy('10.2.3.4', 0)).toBe(true);
    expect(config.trustProxy('203.0.113.9', 0)).toBe(false);
    expect(config.submitLimit).toBe(false);
    expect(config.lookupLimit).toEqual({ capacity: 10, refillPerSecond: 10 / 60 });
    expect(config.minFillMs).toBe(0);
  });

  it('refuses mistakes with a sentence that says what to do', () => {
    expect(() => configFromEnv({ FEEDBACK_STAFF_TOKEN: 'short' })).toThrow(ConfigError);
    expect(() => configFromEnv({ FEEDBACK_STAFF_TOKEN: 'short' })).toThrow(/hash-secret/);
    expect(() => configFromEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/postgres:\/\//);
    expect(() => configFromEnv({ PORT: 'eighty' })).toThrow(/whole number/);
    expect(() => configFromEnv({ FEEDBACK_SUBMIT_LIMIT: 'many' })).toThrow(/FEEDBACK_SUBMIT_LIMIT/);
    expect(() => configFromEnv({ TRUSTED_PROXIES: 'my-proxy' })).toThrow(
      /TRUSTED_PROXIES: "my-proxy"/,
    );
    // The old switch is refused with what to set instead.
    expect(() => configFromEnv({ FEEDBACK_TRUST_PROXY: 'x-forwarded-for' })).toThrow(
      /set TRUSTED_PROXIES/,
    );
  });
});
