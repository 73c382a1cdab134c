import {
  type EmbedOptions,
  type EmbedWidget,
  embedAttributes,
  embedWidgets,
} from '../lib/embed-snippet.ts';

// The script of /embed/<widget>/ (pages/embed/[widget].astro): builds the element from the
// query string with the same options and attributes as the script embed (embedAttributes), and
// tells the host page the content's height whenever it changes, by postMessage to the one origin
// the snippet names in `origin`. A message to an explicit origin is delivered only when the
// framing page really is on it, so no other page learns anything; without a valid `origin`
// nothing is posted and the frame keeps the height the host gave it.

/** The `origin` parameter, if it is exactly an http(s) origin (`https://www.example.ir`). */
export function parentOrigin(value: string | null): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && url.origin === value ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The script embed's options, read from the query string (unknown values are left out). */
export function optionsFrom(widget: EmbedWidget, params: URLSearchParams): EmbedOptions {
  const id = (name: string) => {
    const value = params.get(name);
    return value && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) ? value : undefined;
  };
  const accent = params.get('accent') ?? undefined;
  return {
    widget,
    locale: params.get('lang') === 'en' ? 'en' : 'fa',
    province: id('province'),
    county: id('county'),
    programme: id('programme'),
    accent: accent && /^#[0-9a-f]{6}$/i.test(accent) ? accent : undefined,
  };
}

/** The message the host page listens for. */
export interface EmbedHeightMessage {
  type: 'bz-embed-height';
  widget: EmbedWidget;
  height: number;
}

function start(): void {
  const widget = document.body.dataset.embedFrame as EmbedWidget | undefined;
  if (!widget || !embedWidgets.includes(widget)) return;
  const params = new URLSearchParams(location.search);
  const options = optionsFrom(widget, params);
  document.documentElement.lang = options.locale;
  document.documentElement.dir = options.locale === 'en' ? 'ltr' : 'rtl';
  const element = document.createElement(`bz-${widget}`);
  for (const [name, value] of embedAttributes(options, location.origin)) {
    element.setAttribute(name, value);
  }
  // CSSOM, not a style attribute: the page's CSP allows no inline styles.
  if (options.accent) element.style.setProperty('--bz-color-accent', options.accent);
  const main = document.querySelector('main');
  main?.replaceChildren(element);

  const origin = parentOrigin(params.get('origin'));
  if (!origin || window.parent === window) return;
  let last = -1;
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    const message: EmbedHeightMessage = { type: 'bz-embed-height', widget, height };
    window.parent.postMessage(message, origin);
  };
  new ResizeObserver(report).observe(document.documentElement);
  report();
}

// Only in a page (the unit tests import the functions above in Node).
if (typeof document !== 'undefined') start();
