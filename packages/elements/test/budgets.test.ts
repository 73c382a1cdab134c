import { describe, expect, it } from 'vitest';
import { budgets, bundle, gzipSize, widgets } from '../scripts/bundle.mjs';

// Deterministic byte budgets (min+gzip) from the design card: a citizen on a slow connection
// pays for every kilobyte of a widget, on every provincial site that embeds it.
describe('widget byte budgets', () => {
  it('finds the widgets', () => {
    expect(widgets().map((widget) => widget.tag)).toContain('bz-hotlines');
  });

  for (const { tag, entry } of widgets()) {
    it(`${tag} is at most 25 kB min+gzip including Lit`, async () => {
      expect(gzipSize(await bundle(entry))).toBeLessThanOrEqual(budgets.withLit);
    });

    it(`${tag} is at most 15 kB min+gzip without Lit`, async () => {
      const own = await bundle(entry, { externalLit: true });
      expect(own.length).toBeGreaterThan(0);
      expect(gzipSize(own)).toBeLessThanOrEqual(budgets.withoutLit);
    });
  }
});
