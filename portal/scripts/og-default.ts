// The site's emblem for link previews as a PNG (src/assets/generated/og-default.png), made from
// src/assets/og-default.svg: messengers ignore SVG in og:image. Made here once rather than by
// Astro's image service per page, because pages rendered on demand (the news) would otherwise
// announce an `/_image?…` address made at request time instead of a built file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import sharp from 'sharp';

const portal = resolve(import.meta.dirname, '..');
const source = resolve(portal, 'src/assets/og-default.svg');
const target = resolve(portal, 'src/assets/generated/og-default.png');

const png = await sharp(source).png({ compressionLevel: 9 }).toBuffer({ resolveWithObject: true });
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, png.data);
console.log(
  `og-default.png: ${png.info.width}×${png.info.height}, ${(png.data.length / 1024).toFixed(1)} kB`,
);
