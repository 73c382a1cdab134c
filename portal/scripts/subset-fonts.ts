// Writes the portal's Persian font: Vazirmatn (from @fontsource-variable/vazirmatn) cut down to
// the characters Persian text uses, for src/styles/fonts.css. Part of the `data` step, so it runs
// before every build and dev server start; the output is generated, not committed.
//
// Why: the Arabic-script file fontsource ships covers Arabic, Urdu, Sindhi, Kurdish and more, with
// the presentation forms and the whole 100–900 weight axis: 46.3 kB, the largest file on most
// pages, sharing a 2G link (250 kbit/s) with the widget code for about 1.5 s. Persian needs the
// Arabic letters plus پ چ ژ ک گ ی, the harakat, Arabic-Indic and Persian digits, its punctuation
// and the joiners; the portal and the widgets use weights 400 and 700 only. That subset is
// 21.5 kB (measured 2026-12-05 with subset-font 2.9). Shaping still works: the subsetter keeps
// the OpenType layout tables (joining forms come from GSUB, not from presentation-form code
// points). A character outside the subset (a rare Arabic letter quoted in a news item) is drawn
// in the next font of the stack, which the unicode-range in fonts.css tells the browser.
//
// subset-font (HarfBuzz's subsetter compiled to WebAssembly) is used rather than fonttools:
// it installs from npm with nothing else, and HarfBuzz is the subsetter browsers' shaper comes from.
//
//   node scripts/subset-fonts.ts
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';

const portalDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Code point ranges (inclusive) of what Persian text uses; fonts.css repeats them as unicode-range. */
export const PERSIAN_RANGES: readonly [number, number][] = [
  [0x0020, 0x0020], // space: so that spaces between Persian words are not drawn in another font
  [0x00ab, 0x00ab], // « guillemets, the Persian quotation marks
  [0x00bb, 0x00bb], // »
  [0x060c, 0x060c], // ، Arabic comma
  [0x061b, 0x061b], // ؛ Arabic semicolon
  [0x061f, 0x061f], // ؟ Arabic question mark
  [0x0621, 0x063a], // ء … غ, Arabic letters (ة ي ك included: they appear in text typed on Arabic keyboards)
  [0x0640, 0x0655], // tatweel, ف … ي, harakat and hamza marks
  [0x0660, 0x066c], // Arabic-Indic digits, percent and separators
  [0x0670, 0x0670], // superscript alef
  [0x067e, 0x067e], // پ
  [0x0686, 0x0686], // چ
  [0x0698, 0x0698], // ژ
  [0x06a9, 0x06a9], // ک
  [0x06af, 0x06af], // گ
  [0x06c0, 0x06c0], // ۀ
  [0x06cc, 0x06cc], // ی
  [0x06f0, 0x06f9], // Persian digits ۰–۹
  [0x200c, 0x200f], // ZWNJ, ZWJ, LRM, RLM
];

/** Weights the portal and the widgets use (global.css, the widgets' theme). */
const WEIGHTS = { min: 400, max: 700 };

export const outputFile = join(portalDir, 'src/assets/generated/vazirmatn-fa.woff2');

async function main(): Promise<void> {
  const source = readFileSync(
    require.resolve('@fontsource-variable/vazirmatn/files/vazirmatn-arabic-wght-normal.woff2'),
  );
  const text = PERSIAN_RANGES.flatMap(([from, to]) =>
    Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)),
  ).join('');
  const subset = await subsetFont(source, text, {
    targetFormat: 'woff2',
    variationAxes: { wght: WEIGHTS },
  });
  mkdirSync(dirname(outputFile), { recursive: true });
  writeFileSync(outputFile, subset);
  console.log(
    `${relative(process.cwd(), outputFile)}: ${(subset.length / 1024).toFixed(1)} kB (from ${(source.length / 1024).toFixed(1)} kB)`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
