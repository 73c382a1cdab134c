import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import subsetFont from 'subset-font';
import { type Locale, t } from '../i18n/ui.ts';
import { newsMediaPath } from './paths.ts';

/**
 * One social card per article: a 1200 × 630 PNG of its title over the portal's identity (the
 * colours and mark of src/assets/og-default.svg), which link previews show (og:image,
 * twitter:image). The sync only names it (`socialCard`: no drawing, so an archive of 100,000
 * items syncs without drawing 200,000 cards); the media route draws it on its first request
 * (social-card-cache.ts), since only link-preview crawlers fetch it, when an article is shared.
 * Its name holds the article's place and a hash of what is drawn, so a changed title is a new
 * address (the old one answers 404) and each address keeps its bytes: cached for a year.
 *
 * The title is set by Pango (libvips' text, through sharp) in the portal's own Vazirmatn:
 * HarfBuzz shapes the Persian letters' joining forms and FriBiDi orders the right-to-left line,
 * as a browser would (news-pictures.test.ts checks the result against a Persian title's ink).
 * Pango loads TrueType, not the WOFF2 files the site serves, so the font is converted once per
 * process (subset-font: HarfBuzz's own subsetter, which also fixes the variable font's weight
 * at bold) into a temporary folder.
 */

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** Change when the card's drawing changes: every card is then drawn again. */
const CARD_VERSION = 'social-card-1\n';

export interface SocialCard {
  src: string;
  width: number;
  height: number;
  type: 'image/png';
  /** Its stored name (what keeps it in the store). */
  media: string;
}

const BLUE = '#0b5cad';
const DEEP = '#0a4f95';
const YELLOW = '#ffbf47';

/** The identity without a title: og-default.svg's colours, its mark smaller at the card's foot. */
function backdropSvg(locale: Locale): string {
  // The mark sits at the line's end side: left for Persian, right for English.
  const markX = locale === 'fa' ? 70 : 1130 - 64;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 1200 630">
<rect width="1200" height="630" fill="${BLUE}"/>
<circle cx="1080" cy="80" r="230" fill="${DEEP}"/><circle cx="110" cy="560" r="190" fill="${DEEP}"/>
<rect y="580" width="1200" height="50" fill="${YELLOW}"/>
<g transform="translate(${markX} 492) scale(2)"><path d="M6.5 15 16 7l9.5 8" fill="none" stroke="#fff" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"/><circle cx="16" cy="16.3" r="3.2" fill="${YELLOW}"/><path d="M9.6 26a6.4 6.4 0 0 1 12.8 0z" fill="#fff"/></g>
</svg>`;
}

/** The backdrop of each locale, drawn once per process. */
const backdrops = new Map<Locale, Promise<Buffer>>();

function backdrop(locale: Locale): Promise<Buffer> {
  let made = backdrops.get(locale);
  if (!made) {
    made = sharp(Buffer.from(backdropSvg(locale)))
      .png({ compressionLevel: 1 })
      .toBuffer();
    backdrops.set(locale, made);
  }
  return made;
}

/** The fonts as TrueType files, made once per process. */
let fonts: Promise<{ arabic: string; latin: string }> | undefined;

/** Every character of a code point range, for the subsetter to keep. */
const range = (from: number, to: number) =>
  String.fromCodePoint(...Array.from({ length: to - from + 1 }, (_, i) => from + i));

async function cardFonts(): Promise<{ arabic: string; latin: string }> {
  fonts ??= (async () => {
    const require = createRequire(import.meta.url);
    const dir = join(tmpdir(), `bz-card-fonts-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    // Pango may open the files whenever it draws: they stay until the process ends.
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const make = async (file: string, chars: string, name: string) => {
      const woff2 = readFileSync(require.resolve(`@fontsource-variable/vazirmatn/files/${file}`));
      const ttf = await subsetFont(woff2, chars, {
        targetFormat: 'sfnt',
        variationAxes: { wght: 700 },
      });
      const path = join(dir, name);
      writeFileSync(path, ttf);
      return path;
    };
    const arabic = await make(
      'vazirmatn-arabic-wght-normal.woff2',
      range(0x0600, 0x06ff) + range(0x200c, 0x200f) + range(0xfb50, 0xfdff) + range(0xfe70, 0xfeff),
      'vazirmatn-arabic.ttf',
    );
    const latin = await make(
      'vazirmatn-latin-wght-normal.woff2',
      range(0x20, 0x7e) + range(0xa0, 0xff) + range(0x2010, 0x2027),
      'vazirmatn-latin.ttf',
    );
    // Pango finds a font file once libvips has loaded it for a text: load both, so a title
    // mixing scripts takes each letter from Vazirmatn.
    for (const fontfile of [arabic, latin]) {
      await sharp({ text: { text: 'x', font: 'Vazirmatn 12', fontfile } }).toBuffer();
    }
    return { arabic, latin };
  })();
  return fonts;
}

const escapeMarkup = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** The title's room: inside the margins, above the mark. */
const TEXT_WIDTH = 1040;
const TEXT_HEIGHT = 380;

/** White text set by Pango in Vazirmatn, wrapped to `width`, aligned to the locale's start. */
async function textImage(text: string, size: number, locale: Locale, width: number) {
  const { arabic, latin } = await cardFonts();
  return sharp({
    text: {
      text: `<span foreground="#ffffff">${escapeMarkup(text)}</span>`,
      font: `Vazirmatn ${size}`,
      fontfile: locale === 'fa' ? arabic : latin,
      width,
      dpi: 72,
      rgba: true,
      align: locale === 'fa' ? ('right' as const) : ('left' as const),
      // At word boundaries, and inside a word longer than the line (a long address or code):
      // with words alone such a title was drawn wider than the card and could not be composed.
      wrap: 'word-char' as const,
      spacing: Math.round(size * 0.2),
    },
  })
    .png()
    .toBuffer({ resolveWithObject: true });
}

/**
 * The title as large as fits its room (long titles take a smaller size); undefined when Pango
 * finds nothing to draw (a title of joiners only): the card then shows the identity alone.
 */
async function titleImage(
  title: string,
  locale: Locale,
): Promise<{ data: Buffer; width: number } | undefined> {
  // Control characters are not text (and Pango's markup refuses some): drawn as spaces.
  const text = title.replace(/\p{Cc}/gu, ' ').trim();
  if (text === '') return undefined;
  const sizes = [64, 56, 48, 42, 36];
  for (const size of sizes) {
    let drawn: Awaited<ReturnType<typeof textImage>>;
    try {
      drawn = await textImage(text, size, locale, TEXT_WIDTH);
    } catch {
      return undefined;
    }
    const { data, info } = drawn;
    if (info.height <= TEXT_HEIGHT) return { data, width: info.width };
    if (size === sizes[sizes.length - 1]) {
      // Even the smallest size does not fit (a title near its 200-character limit): its top.
      const cut = await sharp(data)
        .extract({ left: 0, top: 0, width: info.width, height: TEXT_HEIGHT })
        .png()
        .toBuffer();
      return { data: cut, width: info.width };
    }
  }
  return undefined;
}

const MARGIN = 80;

/** A card's name: `card-<locale>-<the slug, base64url>-<hash of what is drawn>.png`. */
export const CARD_NAME = /^card-(fa|en)-([A-Za-z0-9_-]{1,400})-([0-9a-f]{16})\.png$/;

const cardHash = (title: string, locale: Locale) =>
  createHash('sha256')
    .update(CARD_VERSION)
    .update(locale)
    .update('\n')
    .update(title)
    .digest('hex')
    .slice(0, 16);

/** The card of an article: its address only (drawn on request: `drawSocialCard`). */
export function socialCard(title: string, locale: Locale, slug: string): SocialCard {
  // The slug as base64url: any file name becomes one path segment of safe characters.
  const name = `card-${locale}-${Buffer.from(slug).toString('base64url')}-${cardHash(title, locale)}.png`;
  return {
    src: newsMediaPath(name),
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    type: 'image/png',
    media: name,
  };
}

/** The article a card name points at (its title still to be checked), or undefined. */
export function cardPlace(name: string): { locale: Locale; slug: string } | undefined {
  const match = CARD_NAME.exec(name);
  if (!match) return undefined;
  return {
    locale: match[1] as Locale,
    slug: Buffer.from(match[2] as string, 'base64url').toString(),
  };
}

/** Draws the card of a title: a 1200 × 630 PNG (about 75 ms of CPU). */
export async function drawSocialCard(title: string, locale: Locale): Promise<Buffer> {
  const text = await titleImage(title, locale);
  const site = await textImage(t(locale, 'site.name'), 30, locale, 700);
  // Each text at the start side of the line: right for Persian, left for English.
  const start = (width: number) =>
    locale === 'fa' ? Math.max(MARGIN, CARD_WIDTH - MARGIN - width) : MARGIN;
  return (
    sharp(await backdrop(locale))
      .composite([
        ...(text ? [{ input: text.data, top: MARGIN, left: start(text.width) }] : []),
        { input: site.data, top: 508, left: start(site.info.width) },
      ])
      // A few flat colours and the text's edges: a palette PNG is half a full one (19 kB, not
      // 36), and the quickest quantiser keeps the card at about 70 ms of CPU.
      .png({ compressionLevel: 9, palette: true, colours: 32, effort: 1 })
      .toBuffer()
  );
}
