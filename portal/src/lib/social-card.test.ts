import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  CARD_HEIGHT,
  CARD_NAME,
  CARD_WIDTH,
  cardPlace,
  drawSocialCard,
  socialCard,
} from './social-card.ts';

// The social card drawn for real (sharp, Pango, the self-hosted Vazirmatn): its size, its
// identity colours, a Persian title set right to left and shaped (joined letters); and its name,
// which holds the article's place and a hash of what is drawn.

async function pixels(bytes: Uint8Array | undefined) {
  const { data, info } = await sharp(bytes)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number) => {
    const i = (y * info.width + x) * info.channels;
    return [data[i], data[i + 1], data[i + 2]];
  };
  /** Columns (x) where the title's white ink is, in the title's band. */
  const inkColumns = () => {
    const columns: number[] = [];
    for (let x = 0; x < info.width; x++) {
      for (let y = 80; y < 460; y += 2) {
        const [r, g, b] = at(x, y) as number[];
        if ((r as number) > 200 && (g as number) > 200 && (b as number) > 200) {
          columns.push(x);
          break;
        }
      }
    }
    return columns;
  };
  return { info, at, inkColumns };
}

describe('drawSocialCard', { timeout: 60_000 }, () => {
  it('draws a 1200×630 PNG of the title over the identity', async () => {
    const bytes = await drawSocialCard('Counselling line 1480 answers at night too', 'en');
    const meta = await sharp(bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', CARD_WIDTH, CARD_HEIGHT]);
    // Small enough for a messenger on a slow link.
    expect(bytes.length).toBeLessThan(60_000);
    const { at, inkColumns } = await pixels(bytes);
    // The palette's colours (quantised to a 32-colour PNG: within a step or two).
    const near = (got: unknown[], want: number[]) =>
      got.every((value, i) => Math.abs((value as number) - (want[i] as number)) <= 3);
    expect(near(at(600, 610), [0xff, 0xbf, 0x47]), 'the yellow band').toBe(true);
    expect(near(at(500, 470), [0x0b, 0x5c, 0xad]), 'the blue ground').toBe(true);
    // English is set from the left margin.
    expect(Math.min(...inkColumns())).toBeLessThan(100);
  });

  it('sets a Persian title right to left, its letters joined by the font’s shaping', async () => {
    const title = 'مشاوره‌ی تلفنی بهزیستی';
    const shown = await pixels(await drawSocialCard(title, 'fa'));
    const columns = shown.inkColumns();
    // A short Persian title hugs the right margin (the line's start), not the left.
    expect(Math.max(...columns)).toBeGreaterThan(1050);
    expect(Math.min(...columns)).toBeGreaterThan(300);

    // The same letters with a zero-width non-joiner between each: if the text were not shaped,
    // both would be drawn as the same isolated letters. Shaped, the joined word is narrower.
    const apart = [...title].join('\u200c');
    const split = await pixels(await drawSocialCard(apart, 'fa'));
    const width = (cols: number[]) => Math.max(...cols) - Math.min(...cols);
    expect(width(split.inkColumns())).toBeGreaterThan(width(columns) * 1.1);
  });

  it('draws a title with a word longer than the line (found by the generated test below)', async () => {
    for (const locale of ['fa', 'en'] as const) {
      const title = '!"@0@0#0#0#@M0###0##0@#0G0%@<b>'.repeat(3);
      const meta = await sharp(await drawSocialCard(title, locale)).metadata();
      expect([meta.width, meta.height]).toEqual([1200, 630]);
    }
  });

  it('draws any title the schema accepts: markup characters, mixed scripts, odd code points (generated)', async () => {
    const pieces = fc.constantFrom(
      '<b>',
      '&amp;',
      '& <',
      '"',
      "'",
      'خبر',
      '\u200c',
      '\u200f',
      'ي ك',
      '۱۲۳',
      'Kerman',
      '🙂',
      '\u0000',
      '\ufeff',
      '</span>',
      ' ',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(pieces, fc.string({ maxLength: 8 })), { minLength: 1, maxLength: 12 }),
        fc.constantFrom('fa' as const, 'en' as const),
        async (parts, locale) => {
          const title = parts.join('').slice(0, 200);
          const meta = await sharp(await drawSocialCard(title, locale)).metadata();
          expect([meta.width, meta.height]).toEqual([1200, 630]);
        },
      ),
      { numRuns: 12 },
    );
  }, 180_000);

  it('fits a title at the schema’s 200-character limit inside the card', async () => {
    const title = 'گزارش '.repeat(33).trim().slice(0, 200);
    const meta = await sharp(await drawSocialCard(title, 'fa')).metadata();
    expect([meta.width, meta.height]).toEqual([1200, 630]);
  });
});

describe('socialCard', () => {
  it('names the card by the article’s place and what is drawn, without drawing it', () => {
    const card = socialCard('Counselling line 1480', 'en', 'hotline-1480');
    expect(card).toMatchObject({ width: CARD_WIDTH, height: CARD_HEIGHT, type: 'image/png' });
    expect(card.src).toBe(`/media/news/${card.media}`);
    expect(socialCard('Counselling line 1480', 'en', 'hotline-1480')).toEqual(card);
    // Another title, locale or article: another address (a changed title busts caches).
    for (const other of [
      socialCard('Counselling line 1481', 'en', 'hotline-1480'),
      socialCard('Counselling line 1480', 'fa', 'hotline-1480'),
      socialCard('Counselling line 1480', 'en', 'hotline-1481'),
    ]) {
      expect(other.media).not.toBe(card.media);
    }
  });

  it('gives back the place of any slug from its name (generated)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
        fc.string({ maxLength: 200 }),
        fc.constantFrom('fa' as const, 'en' as const),
        (slug, title, locale) => {
          // A slug is a file name: at most 255 bytes.
          fc.pre(Buffer.byteLength(slug) <= 255);
          const { media } = socialCard(title, locale, slug);
          expect(media).toMatch(CARD_NAME);
          expect(cardPlace(media)).toEqual({ locale, slug });
        },
      ),
    );
  });
});
