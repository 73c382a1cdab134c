import { getImage } from 'astro:assets';
import type { ImageMetadata } from 'astro';

/** A picture for link previews (Open Graph), as the head of a page announces it. */
export interface OgImage {
  src: string;
  alt: string;
  width: number;
  height: number;
  type: 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif';
}

const types: Record<string, OgImage['type']> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
};

/**
 * Social sites and messengers ignore SVG in `og:image`, so an SVG picture is rasterised to PNG
 * at build time (Astro's image service, sharp; `image.dangerouslyProcessSVG` in
 * astro.config.mjs). Pictures that already are raster are announced as they are. Astro names
 * each output by its source and options, so a picture shared by many items is made once.
 */
export async function ogImage(source: ImageMetadata, alt: string): Promise<OgImage> {
  const type = types[source.format];
  if (type) return { src: source.src, alt, width: source.width, height: source.height, type };
  const png = await getImage({ src: source, format: 'png' });
  return {
    src: png.src,
    alt,
    width: Number(png.attributes.width ?? source.width),
    height: Number(png.attributes.height ?? source.height),
    type: 'image/png',
  };
}
