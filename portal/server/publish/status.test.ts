import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clean, explainBuildFailure } from './status.ts';

const at = new Date('2026-12-05T12:00:00Z');

// Astro's own output for a refused date (captured from `astro build`; colours left in).
const astroOutput = `18:01:26 [content] Syncing content
\u001b[31m[InvalidContentEntryDataError]\u001b[39m news → fa/ghasedak-initiative data does not match collection schema.

  date: '1404/13/40' is not a real date: write YYYY-MM-DD or YYYY/MM/DD, Solar Hijri (e.g. 1403-05-12) or Gregorian (e.g. 2024-08-02), in any digits

  Location:
    /srv/portal/src/content/news/fa/ghasedak-initiative.md:0:0
  Stack trace:
    at getEntryData (/srv/node_modules/astro/dist/content/utils.js:126:9)`;

// The news checks' own (src/lib/news.ts), through Astro's error printer.
const checkOutput = `[NewsContentError] Bad news files:
  - /srv/portal/src/content/news/en/kerman-ten-counties.md: field 'code' 104431 differs from the Persian version's 104430 (/srv/portal/src/content/news/fa/kerman-ten-counties.md); a translation keeps the news code`;

describe('explainBuildFailure', () => {
  it('names the file and the field of a refused news item, in Persian and English', () => {
    const failure = explainBuildFailure(astroOutput, at, 'abc123');
    expect(failure).toMatchObject({
      code: 'CONTENT_INVALID',
      file: 'news/fa/ghasedak-initiative.md',
      field: 'date',
      at: at.toISOString(),
      commit: 'abc123',
    });
    expect(failure.fa).toContain('news/fa/ghasedak-initiative.md');
    expect(failure.fa).toContain('«تاریخ انتشار»');
    expect(failure.en).toContain('is not a real date');
    for (const text of [failure.fa, failure.en]) {
      expect(text).not.toMatch(/\/srv|Error\]|API_ERROR/);
      expect(text).not.toContain(String.fromCharCode(27));
    }
  });

  it('reads the cross-file news checks too', () => {
    const failure = explainBuildFailure(checkOutput, at);
    expect(failure).toMatchObject({
      code: 'CONTENT_INVALID',
      file: 'news/en/kerman-ten-counties.md',
      field: 'code',
    });
    expect(failure.fa).toContain('«کد خبر»');
    expect(failure.en).not.toContain('/srv');
  });

  it('names a file the build could not read at all (front matter syntax)', () => {
    const failure = explainBuildFailure(
      '18:38:46 [content] Syncing content\nbad indentation of a mapping entry\n  Location:\n    /srv/portal/src/content/news/fa/bench-000001.md:1:93\n  Stack trace:\n    at generateError (/srv/js-yaml.mjs:1140:12)\n',
      at,
    );
    expect(failure).toMatchObject({ code: 'CONTENT_INVALID', file: 'news/fa/bench-000001.md' });
    expect(failure.field).toBeUndefined();
    expect(failure.en).toContain('bad indentation');
    expect(`${failure.fa}${failure.en}`).not.toContain('/srv');
  });

  it('sends anything else to the technical team without the output', () => {
    const failure = explainBuildFailure(
      'Error: Cannot find module /srv/portal/node_modules/x\nAPI_ERROR: boom',
      at,
    );
    expect(failure.code).toBe('BUILD_FAILED');
    expect(`${failure.fa}${failure.en}`).not.toMatch(/srv|boom|API_ERROR/);
  });
});

describe('clean', () => {
  it('never lets an absolute path or a tool prefix through', () => {
    const segment = fc.stringMatching(/^[\w.@+-]{1,12}$/);
    const path = fc
      .array(segment, { minLength: 2, maxLength: 6 })
      .map((parts) => `/${parts.join('/')}`);
    fc.assert(
      fc.property(fc.string(), path, fc.string(), (before, where, after) => {
        const text = clean(`${before} API_ERROR: ${where} ${after}`);
        expect(text).not.toContain('API_ERROR:');
        expect(text).not.toContain(where);
      }),
    );
  });
});
