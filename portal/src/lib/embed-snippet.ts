import type { Locale } from '../i18n/ui.ts';
import { directoryPath } from './paths.ts';

/**
 * The "Embed on your site" snippets: which script and which tag a provincial webmaster pastes,
 * for a widget and its options. Shared by the page's static snippets (built without JavaScript)
 * and its live builder (src/scripts/embed-builder.ts), so both always say the same thing.
 */
export const embedWidgets = [
  'service-locator',
  'eligibility-checker',
  'feedback-form',
  'hotlines',
] as const;
export type EmbedWidget = (typeof embedWidgets)[number];

export interface EmbedOptions {
  widget: EmbedWidget;
  locale: Locale;
  /** Locator: province id, and county id within it. */
  province?: string;
  county?: string;
  /** Checker: limit it to one programme id. */
  programme?: string;
  /** `--bz-color-accent` as `#rrggbb`; the default colour writes no <style>. */
  accent?: string;
}

/** The widgets' own default accent (packages/elements/src/shared/theme.styles.ts). */
export const defaultAccent = '#0b5cad';

/**
 * The stable alias of each widget script for the current major version: the portal serves
 * `/widgets/v0/bz-<name>.js` beside content-hashed copies (see docs/deployment.md), so a pasted
 * snippet keeps working across compatible releases.
 */
export const widgetScriptPath = (widget: EmbedWidget) => `/widgets/v0/bz-${widget}.js`;

const isColour = (value: string | undefined): value is string =>
  value !== undefined && /^#[0-9a-f]{6}$/i.test(value);

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The element's attributes, in the order the snippet writes them; URLs absolute on `origin`. */
export function embedAttributes(options: EmbedOptions, origin: string): [string, string][] {
  const attributes: [string, string][] = [['lang', options.locale]];
  switch (options.widget) {
    case 'service-locator':
      attributes.push(['src', `${origin}/data/locator/index.json`]);
      if (options.province) attributes.push(['province', options.province]);
      if (options.province && options.county) attributes.push(['county', options.county]);
      break;
    case 'eligibility-checker':
      attributes.push(['src', `${origin}/data/programmes.json`]);
      if (options.programme) attributes.push(['programme', options.programme]);
      attributes.push(['locator-url', `${origin}${directoryPath(options.locale)}`]);
      break;
    case 'feedback-form':
      attributes.push(['endpoint', `${origin}/api/feedback`]);
      break;
    case 'hotlines':
      break;
  }
  return attributes;
}

/** The text to paste: the module script, the element, and a <style> when the colour changed. */
export function embedSnippet(options: EmbedOptions, origin: string): string {
  const tag = `bz-${options.widget}`;
  const attributes = embedAttributes(options, origin)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  const lines = [
    `<script type="module" src="${origin}${widgetScriptPath(options.widget)}"></script>`,
    `<${tag}${attributes}></${tag}>`,
  ];
  const accent = options.accent?.toLowerCase();
  if (isColour(accent) && accent !== defaultAccent) {
    lines.push('<style>', `  ${tag} {`, `    --bz-color-accent: ${accent};`, '  }', '</style>');
  }
  return lines.join('\n');
}

/** WCAG 2.2 contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, blue] = [1, 3, 5].map((i) => {
      const channel = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * blue;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The frame embed's page for a widget: `/embed/<widget>/`. */
export const embedFramePath = (widget: EmbedWidget) => `/embed/${widget}/`;

/**
 * The iframe to paste where a CMS strips <script>: the same options as query parameters, and the
 * host's own origin (`hostOrigin`), the only page told the content's height; the few lines of
 * script that follow it size the frame. Where even that script is stripped, the frame keeps its
 * `height`.
 */
export function embedFrameSnippet(
  options: EmbedOptions,
  origin: string,
  hostOrigin: string,
): string {
  const params = new URLSearchParams({ lang: options.locale });
  if (options.widget === 'service-locator' && options.province) {
    params.set('province', options.province);
    if (options.county) params.set('county', options.county);
  }
  if (options.widget === 'eligibility-checker' && options.programme) {
    params.set('programme', options.programme);
  }
  const accent = options.accent?.toLowerCase();
  if (isColour(accent) && accent !== defaultAccent) params.set('accent', accent);
  params.set('origin', hostOrigin);
  const src = `${origin}${embedFramePath(options.widget)}?${params}`;
  return [
    `<iframe src="${escapeAttribute(src)}" title="bz-${options.widget}" style="width: 100%; height: 40em; border: 0" data-bz-embed></iframe>`,
    '<script>',
    "  addEventListener('message', (event) => {",
    `    if (event.origin !== ${JSON.stringify(origin)} || event.data?.type !== 'bz-embed-height') return;`,
    "    for (const frame of document.querySelectorAll('iframe[data-bz-embed]')) {",
    "      if (frame.contentWindow === event.source) frame.style.height = event.data.height + 'px';",
    '    }',
    '  });',
    '</script>',
  ].join('\n');
}
