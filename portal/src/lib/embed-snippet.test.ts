import { describe, expect, it } from 'vitest';
import { contrastRatio, embedAttributes, embedSnippet } from './embed-snippet.ts';

const origin = 'https://behzisti.example.ir';

describe('embed snippets', () => {
  it('writes the stable script alias and the element with absolute data URLs', () => {
    expect(
      embedSnippet(
        { widget: 'service-locator', locale: 'fa', province: 'kerman', county: 'faryab' },
        origin,
      ),
    ).toBe(
      [
        '<script type="module" src="https://behzisti.example.ir/widgets/v0/bz-service-locator.js"></script>',
        '<bz-service-locator lang="fa" src="https://behzisti.example.ir/data/locator/index.json" province="kerman" county="faryab"></bz-service-locator>',
      ].join('\n'),
    );
  });

  it('drops a county without its province, and points the checker at the directory', () => {
    expect(
      embedAttributes({ widget: 'service-locator', locale: 'en', county: 'x' }, origin),
    ).toEqual([
      ['lang', 'en'],
      ['src', `${origin}/data/locator/index.json`],
    ]);
    expect(
      embedAttributes({ widget: 'eligibility-checker', locale: 'en', programme: 'p1' }, origin),
    ).toEqual([
      ['lang', 'en'],
      ['src', `${origin}/data/programmes.json`],
      ['programme', 'p1'],
      ['locator-url', `${origin}/en/directory/`],
    ]);
  });

  it('adds a <style> only for a changed, well-formed colour', () => {
    const base = { widget: 'hotlines', locale: 'fa' } as const;
    expect(embedSnippet({ ...base, accent: '#0B5CAD' }, origin)).not.toContain('<style>');
    expect(embedSnippet({ ...base, accent: 'red;}body{x' }, origin)).not.toContain('<style>');
    expect(embedSnippet({ ...base, accent: '#00695C' }, origin)).toContain(
      '  bz-hotlines {\n    --bz-color-accent: #00695c;\n  }',
    );
  });

  it('escapes attribute values', () => {
    expect(
      embedSnippet({ widget: 'eligibility-checker', locale: 'fa', programme: 'a"b' }, origin),
    ).toContain('programme="a&quot;b"');
  });

  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#0b5cad', '#ffffff')).toBeCloseTo(6.67, 2);
    expect(contrastRatio('#ffbf47', '#ffffff')).toBeLessThan(4.5);
  });
});
