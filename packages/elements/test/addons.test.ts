import { describe, expect, it } from 'vitest';
import { addons, bundleFiles, widgets } from '../scripts/bundle.mjs';

// The locator's answer add-on (service-locator/answer.ts) is built apart from the widget script
// and borrows the script's Lit and translations (scripts/bundle.mjs, borrowLit).
describe('the locator answer add-on', () => {
  const text = (code: Uint8Array | undefined) => new TextDecoder().decode(code ?? new Uint8Array());
  const answer = addons.find((addon) => addon.file === 'bz-service-locator-answer.js');
  const locator = widgets().find((widget) => widget.tag === 'bz-service-locator');

  it('carries no Lit of its own and no translations file, only what it borrows', async () => {
    const [script] = await bundleFiles(answer?.entry ?? '', {
      name: 'bz-service-locator-answer',
      exportAll: true,
      borrowLit: true,
    });
    const code = text(script?.code);
    expect(code).toContain("Symbol.for('bz-service-locator.lit')".replaceAll("'", '"'));
    // Lit's renderer and reactive element are not in it (a second copy would be about 6 kB).
    expect(code).not.toContain('_$litPart$');
    expect(code).not.toContain('attributeChangedCallback');
    expect(code).not.toMatch(/import\("\.\/bz-service-locator-answer\.en\./);
    // The widget script loads it by its sibling name and lends what it borrows.
    const [widget] = await bundleFiles(locator?.entry ?? '', { name: 'bz-service-locator' });
    expect(text(widget?.code)).toContain('import("./bz-service-locator-answer.js")');
    expect(text(widget?.code)).toContain('bz-service-locator.lit');
  }, 60_000);

  it("puts the add-on's English sentences into the widget's English file", async () => {
    const [, english] = await bundleFiles(locator?.entry ?? '', { name: 'bz-service-locator' });
    const sentences = text(english?.code);
    // The results' and the opening hours' sentences (in the add-on), and the widget's own.
    expect(sentences).toContain('Open day and night');
    expect(sentences).toContain('nationwide lines (not these bases’ own numbers)');
    expect(sentences).toContain('Use my location');
  }, 60_000);
});
