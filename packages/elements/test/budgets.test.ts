import { describe, expect, it } from 'vitest';
import { budgets, bundle, gzipSize, ownCodeBudget, widgets } from '../scripts/bundle.mjs';

// Deterministic byte budgets (min+gzip) from the design card: a citizen on a slow connection
// pays for every kilobyte of a widget, on every provincial site that embeds it.
describe('widget byte budgets', () => {
  it('ships only its own translations in each widget script', async () => {
    const hotlines = new TextDecoder().decode(
      await bundle(widgets().find((widget) => widget.tag === 'bz-hotlines')?.entry ?? ''),
    );
    expect(hotlines).toContain('Social emergency');
    for (const { tag, entry } of widgets()) {
      if (tag === 'bz-hotlines') continue;
      expect(new TextDecoder().decode(await bundle(entry))).not.toContain('Social emergency');
    }
  });

  it('finds the widgets', () => {
    expect(widgets().map((widget) => widget.tag)).toContain('bz-hotlines');
  });

  for (const { tag, entry } of widgets()) {
    it(`${tag} is at most 25 kB min+gzip including Lit`, async () => {
      expect(gzipSize(await bundle(entry))).toBeLessThanOrEqual(budgets.withLit);
    });

    it(`${tag} is at most ${(ownCodeBudget(tag) / 1024).toFixed(1)} kB min+gzip without Lit`, async () => {
      const own = await bundle(entry, { externalLit: true });
      expect(own.length).toBeGreaterThan(0);
      expect(gzipSize(own)).toBeLessThanOrEqual(ownCodeBudget(tag));
    });
  }
});
