// The "Embed on your site" page's client (src/components/EmbedPage.astro): reads the form, shows
// the real widget as the preview and writes the snippet to paste, both from lib/embed-snippet.ts
// so what is previewed is what is pasted. Strings and the province/county list come from the
// page's data attributes; no inline script, no inline style (the portal's CSP forbids both:
// colours reach the preview through the CSSOM, which the CSP allows).
import type { Locale } from '../i18n/ui.ts';
import {
  contrastRatio,
  type EmbedOptions,
  type EmbedWidget,
  embedAttributes,
  embedSnippet,
  embedWidgets,
} from '../lib/embed-snippet.ts';

interface Place {
  id: string;
  name: string;
  counties: { id: string; name: string }[];
}

/** Each widget's module, loaded the first time it is previewed: the page stays light. */
const loaders: Record<EmbedWidget, () => Promise<unknown>> = {
  'service-locator': () => import('@behzisti/elements/service-locator'),
  'eligibility-checker': () => import('@behzisti/elements/eligibility-checker'),
  'feedback-form': () => import('@behzisti/elements/feedback-form'),
  hotlines: () => import('@behzisti/elements/hotlines'),
};

const isWidget = (value: unknown): value is EmbedWidget =>
  embedWidgets.includes(value as EmbedWidget);

function start(root: HTMLElement): void {
  const pageLocale: Locale = root.dataset.locale === 'en' ? 'en' : 'fa';
  const strings = JSON.parse(root.dataset.strings ?? '{}') as Record<string, string>;
  const places = JSON.parse(root.dataset.places ?? '[]') as Place[];
  const form = root.querySelector<HTMLFormElement>('[data-embed-form]');
  const preview = root.querySelector<HTMLElement>('[data-embed-preview]');
  const snippet = root.querySelector<HTMLElement>('[data-embed-snippet]');
  const copy = root.querySelector<HTMLButtonElement>('[data-embed-copy]');
  const copied = root.querySelector<HTMLElement>('[data-embed-copied]');
  const contrast = root.querySelector<HTMLElement>('[data-embed-contrast]');
  const county = form?.elements.namedItem('county');
  if (!form || !preview || !snippet || !copy || !copied || !contrast) return;
  if (!(county instanceof HTMLSelectElement)) return;
  const origin = window.location.origin;
  const text = (key: string) => strings[`embed.${key}`] ?? key;
  const number = new Intl.NumberFormat(pageLocale === 'fa' ? 'fa-IR' : 'en', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });

  // The static snippets were written for the configured site; this is where the page really is.
  for (const code of document.querySelectorAll<HTMLElement>('[data-embed-default]')) {
    const widget = code.dataset.embedDefault;
    if (isWidget(widget)) code.textContent = embedSnippet({ widget, locale: pageLocale }, origin);
  }

  const read = (): EmbedOptions => {
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? '');
    const widget = value('widget');
    return {
      widget: isWidget(widget) ? widget : 'service-locator',
      locale: value('locale') === 'en' ? 'en' : 'fa',
      province: value('province'),
      county: value('county'),
      programme: value('programme'),
      accent: value('accent'),
    };
  };

  let shownProvince: string | undefined;
  /** The county list follows the province: only its counties, disabled when none is chosen. */
  const fillCounties = (province: string) => {
    if (province === shownProvince) return;
    shownProvince = province;
    const counties = places.find((place) => place.id === province)?.counties ?? [];
    const first = new Option(text('countyAll'), '');
    county.replaceChildren(first, ...counties.map((entry) => new Option(entry.name, entry.id)));
    county.disabled = counties.length === 0;
  };

  let previewKey = '';
  let element: HTMLElement | undefined;
  const showPreview = async (options: EmbedOptions) => {
    const attributes = embedAttributes(options, origin);
    const key = JSON.stringify([options.widget, attributes]);
    if (key !== previewKey) {
      previewKey = key;
      // A fresh element for each choice, so no attribute of the previous one lingers.
      element = document.createElement(`bz-${options.widget}`);
      for (const [name, value] of attributes) element.setAttribute(name, value);
      preview.replaceChildren(element);
      await loaders[options.widget]();
    }
    element?.style.setProperty('--bz-color-accent', options.accent || null);
  };

  const update = () => {
    const options = read();
    fillCounties(options.province ?? '');
    if (county.disabled) options.county = '';
    for (const part of root.querySelectorAll<HTMLElement>('[data-for]')) {
      part.hidden = part.dataset.for !== options.widget;
    }
    snippet.textContent = embedSnippet(options, origin);
    copied.textContent = '';
    if (options.accent && /^#[0-9a-f]{6}$/i.test(options.accent)) {
      const ratio = contrastRatio(options.accent, '#ffffff');
      contrast.textContent = text(ratio >= 4.5 ? 'contrastOk' : 'contrastLow').replace(
        '{ratio}',
        number.format(Math.floor(ratio * 10) / 10),
      );
    }
    void showPreview(options);
  };

  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(snippet.textContent ?? '');
      copied.textContent = text('copied');
    } catch {
      // No clipboard permission (an old browser, an insecure origin): select the code instead.
      const range = document.createRange();
      range.selectNodeContents(snippet);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      copied.textContent = text('copyFailed');
    }
  });
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', (event) => event.preventDefault());
  root.hidden = false;
  update();
}

const root = document.querySelector<HTMLElement>('[data-embed]');
if (root) start(root);
