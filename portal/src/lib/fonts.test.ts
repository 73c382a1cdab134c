import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PERSIAN_RANGES } from '../../scripts/subset-fonts.ts';

// The Persian font file holds exactly PERSIAN_RANGES (scripts/subset-fonts.ts); its @font-face
// must announce exactly those, or the browser would draw missing glyphs as boxes (a range wider
// than the file) or fetch the file for nothing / skip it (a narrower one).
describe('fonts.css', () => {
  it('announces the Persian subset’s exact character ranges', () => {
    const css = readFileSync(new URL('../styles/fonts.css', import.meta.url), 'utf8');
    const face = /@font-face\s*{[^}]*font-family:\s*Vazirmatn;[^}]*}/.exec(css)?.[0] ?? '';
    const range = /unicode-range:\s*([^;]+);/.exec(face)?.[1] ?? '';
    const announced = range.split(',').map((part) => {
      const [from, to = from] = part.trim().replace(/^U\+/i, '').split('-');
      return [Number.parseInt(from as string, 16), Number.parseInt(to, 16)];
    });
    expect(announced).toEqual(PERSIAN_RANGES.map(([from, to]) => [from, to]));
  });
});
