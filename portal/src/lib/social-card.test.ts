import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, publishSocialCard } from './social-card.ts';

// The social card drawn for real (sharp, Pango, the self-hosted Vazirmatn): its size, its
// identity colours, a Persian title set right to left and shaped (joined letters), and made once.

function memoryStore() {
  const files = new Map<string, { type: string; bytes: Uint8Array }>();
  let writes = 0;
  return {
    files,
    writes: () => writes,
    putMedia(name: string, type: string, bytes: Uint8Array) {
      writes++;
      files.set(name, { type, bytes });
    },
    media: (name: string) => files.get(name),
  };
}

const nameOf = (src: string) => src.slice(src.lastIndexOf('/') + 1);

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

describe('publishSocialCard', { timeout: 60_000 }, () => {
  it('draws a 1200×630 PNG of the title over the identity, once per title', async () => {
    const store = memoryStore();
    const card = await publishSocialCard('Counselling line 1480 answers at night too', 'en', store);
    expect(card).toMatchObject({ width: CARD_WIDTH, height: CARD_HEIGHT, type: 'image/png' });
    const stored = store.media(nameOf(card.src));
    expect(stored?.type).toBe('image/png');
    const meta = await sharp(stored?.bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
    // Small enough for a messenger on a slow link.
    expect(stored?.bytes.length).toBeLessThan(60_000);
    const { at, inkColumns } = await pixels(stored?.bytes);
    // The palette's colours (quantised to a 32-colour PNG: within a step or two).
    const near = (got: unknown[], want: number[]) =>
      got.every((value, i) => Math.abs((value as number) - (want[i] as number)) <= 3);
    expect(near(at(600, 610), [0xff, 0xbf, 0x47]), 'the yellow band').toBe(true);
    expect(near(at(500, 470), [0x0b, 0x5c, 0xad]), 'the blue ground').toBe(true);
    // English is set from the left margin.
    expect(Math.min(...inkColumns())).toBeLessThan(100);

    const again = await publishSocialCard(
      'Counselling line 1480 answers at night too',
      'en',
      store,
    );
    expect(again).toEqual(card);
    expect(store.writes()).toBe(1);
    const other = await publishSocialCard('Another title', 'en', store);
    expect(other.src).not.toBe(card.src);
  });

  it('sets a Persian title right to left, its letters joined by the font’s shaping', async () => {
    const title = 'مشاوره‌ی تلفنی بهزیستی';
    const store = memoryStore();
    const joined = await publishSocialCard(title, 'fa', store);
    const shown = await pixels(store.media(nameOf(joined.src))?.bytes);
    const columns = shown.inkColumns();
    // A short Persian title hugs the right margin (the line's start), not the left.
    expect(Math.max(...columns)).toBeGreaterThan(1050);
    expect(Math.min(...columns)).toBeGreaterThan(300);

    // The same letters with a zero-width non-joiner between each: if the text were not shaped,
    // both would be drawn as the same isolated letters. Shaped, the joined word is narrower.
    const apart = [...title].join('\u200c');
    const separate = await publishSocialCard(apart, 'fa', store);
    const split = await pixels(store.media(nameOf(separate.src))?.bytes);
    const width = (cols: number[]) => Math.max(...cols) - Math.min(...cols);
    expect(width(split.inkColumns())).toBeGreaterThan(width(columns) * 1.1);
  });

  it('draws any title the schema accepts: markup characters, mixed scripts, odd code points (generated)', async () => {
    const store = memoryStore();
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
          const card = await publishSocialCard(title, locale, store);
          const meta = await sharp(store.media(nameOf(card.src))?.bytes).metadata();
          expect([meta.width, meta.height]).toEqual([1200, 630]);
        },
      ),
      { numRuns: 12 },
    );
  }, 180_000);

  it('fits a title at the schema’s 200-character limit inside the card', async () => {
    const store = memoryStore();
    const title = 'گزارش '.repeat(33).trim().slice(0, 200);
    const card = await publishSocialCard(title, 'fa', store);
    const meta = await sharp(store.media(nameOf(card.src))?.bytes).metadata();
    expect([meta.width, meta.height]).toEqual([1200, 630]);
  });
});
