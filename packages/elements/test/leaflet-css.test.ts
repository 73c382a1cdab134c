import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { leafletCssModule, target } from '../scripts/leaflet-css.mjs';

// The locator's map uses Leaflet's own stylesheet, not a copy someone edited (issue 17).
describe("the map add-on's Leaflet stylesheet", () => {
  it('is the installed leaflet/dist/leaflet.css, as scripts/leaflet-css.mjs makes it', async () => {
    expect(
      readFileSync(target, 'utf8'),
      'run `node scripts/leaflet-css.mjs` in packages/elements',
    ).toBe(await leafletCssModule());
  });
});
