import { describe, expect, it } from 'vitest';
import {
  budgets,
  bundle,
  bundleFiles,
  gzipSize,
  minifyElementTemplates,
  ownCodeBudget,
  widgetCeiling,
  widgets,
} from '../scripts/bundle.mjs';

// Deterministic byte budgets (min+gzip) from the design card: a citizen on a slow connection
// pays for every kilobyte of a widget, on every provincial site that embeds it.
describe('widget byte budgets', () => {
  const text = (code: Uint8Array) => new TextDecoder().decode(code);

  it('ships only its own translations with each widget script, in a file of their own', async () => {
    const entryOf = (tag: string) => widgets().find((widget) => widget.tag === tag)?.entry ?? '';
    const [script, english, ...others] = await bundleFiles(entryOf('bz-hotlines'), {
      name: 'bz-hotlines',
    });
    expect(others).toEqual([]);
    expect(english?.file).toMatch(/^bz-hotlines\.en\.[0-9a-f]{8}\.js$/);
    expect(text(english?.code ?? new Uint8Array())).toContain('Social emergency');
    expect(text(english?.code ?? new Uint8Array())).not.toMatch(/\bimport\b/);
    // The script stays Persian-only and fetches the English file by its hashed name.
    expect(text(script?.code ?? new Uint8Array())).not.toContain('Social emergency');
    expect(text(script?.code ?? new Uint8Array())).toContain(`import("./${english?.file}")`);
    for (const { tag, entry } of widgets()) {
      if (tag === 'bz-hotlines') continue;
      const files = await bundleFiles(entry, { name: tag });
      expect(files.map(({ code }) => text(code)).join('')).not.toContain('Social emergency');
    }
  }, 120_000); // builds every widget three times over: room for a loaded machine

  it('minifies element templates for a Vite build of the sources too', () => {
    const entry = widgets().find((widget) => widget.tag === 'bz-hotlines')?.entry ?? '';
    const hole = '$' + '{b}'; // a template hole (spelled out: a literal one is a lint error)
    const source = `// x\nconst a = html\`<p>\n    <span>${hole}</span>\n    text\n  </p>\`;\n`;
    const result = minifyElementTemplates().transform(source, entry);
    expect(result?.code).toContain(`html\`<p> <span>${hole}</span> text </p>\``);
    // Not ours (core, node_modules): left alone.
    expect(minifyElementTemplates().transform(source, '/elsewhere/file.ts')).toBeUndefined();
  });

  it('finds the widgets', () => {
    expect(widgets().map((widget) => widget.tag)).toContain('bz-hotlines');
  });

  for (const { tag, entry } of widgets()) {
    it(`${tag} is at most ${(widgetCeiling(tag) / 1024).toFixed(1)} kB min+gzip including Lit (card: 25 kB)`, async () => {
      const size = gzipSize(await bundle(entry));
      expect(size).toBeLessThanOrEqual(budgets.withLit);
      expect(size).toBeLessThanOrEqual(widgetCeiling(tag));
    });

    it(`${tag} is at most ${(ownCodeBudget(tag) / 1024).toFixed(1)} kB min+gzip without Lit`, async () => {
      const own = await bundle(entry, { externalLit: true });
      expect(own.length).toBeGreaterThan(0);
      expect(gzipSize(own)).toBeLessThanOrEqual(ownCodeBudget(tag));
    });
  }
});
